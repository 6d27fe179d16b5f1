// Scalar values as the `yaml` package's default (YAML 1.2 core) schema resolves them, for the fast reader: plain
// scalars become null, booleans, integers, floats or strings; quoted scalars are decoded on a single line.

/** A plain scalar's value with the core schema, plus the number format the package records on some of them. */
export interface PlainValue {
  value: string | number | boolean | null;
  format?: 'OCT' | 'HEX' | 'EXP';
  minFractionDigits?: number;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Resolves a plain scalar's text, trying the core schema's tags in the order the package does. */
export function plainValue(source: string): PlainValue {
  const first = source.charCodeAt(0);
  // Most values start with a letter other than those opening null/true/false and are strings: skip the tests.
  const maybeSpecial =
    source.length === 0 ||
    first === 0x7e /* ~ */ ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0x2e ||
    (first >= 0x30 && first <= 0x39) ||
    'nNtTfF'.includes(source[0] ?? '');
  if (!maybeSpecial) return { value: source };
  if (NULL.test(source)) return { value: null };
  if (BOOL.test(source)) return { value: source[0] === 't' || source[0] === 'T' };
  if (INT_OCT.test(source)) return { value: parseInt(source.substring(2), 8), format: 'OCT' };
  if (INT.test(source)) return { value: parseInt(source, 10) };
  if (INT_HEX.test(source)) return { value: parseInt(source.substring(2), 16), format: 'HEX' };
  if (FLOAT_NAN.test(source)) {
    if (source.slice(-3).toLowerCase() === 'nan') return { value: NaN };
    return { value: source[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY };
  }
  if (FLOAT_EXP.test(source)) return { value: parseFloat(source), format: 'EXP' };
  if (FLOAT.test(source)) {
    const out: PlainValue = { value: parseFloat(source) };
    const dot = source.indexOf('.');
    if (dot !== -1 && source[source.length - 1] === '0') out.minFractionDigits = source.length - dot - 1;
    return out;
  }
  return { value: source };
}

const ESCAPES: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
};

const HEX = /^[0-9a-fA-F]+$/;

/**
 * The value of the double-quoted scalar text[start..end) (quotes excluded), all on one line; undefined when an
 * escape is malformed (the package would report it).
 */
export function doubleQuotedValue(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start, end);
  // Search the scalar only: an unbounded search of the whole text per scalar would be quadratic.
  const slash = raw.indexOf('\\');
  if (slash < 0) return raw;
  let out = '';
  let from = start;
  for (let at = start + slash; at < end; at++) {
    if (text[at] !== '\\') continue;
    out += text.slice(from, at);
    const next = text[at + 1] ?? '';
    if (at + 1 >= end) return undefined;
    const simple = ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      at += 1;
    } else if (next === 'x' || next === 'u' || next === 'U') {
      const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
      const digits = text.slice(at + 2, at + 2 + length);
      if (at + 2 + length > end || !HEX.test(digits)) return undefined;
      const code = parseInt(digits, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      at += 1 + length;
    } else {
      return undefined;
    }
    from = at + 1;
  }
  return out + text.slice(from, end);
}

/** The value of the single-quoted scalar text[start..end) (quotes excluded), on one line. */
export function singleQuotedValue(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes("''") ? raw.replace(/''/g, "'") : raw;
}
