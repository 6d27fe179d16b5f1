// A small Python tokenizer: enough to tell code from comments and strings, and to see the shape of calls.
// It tracks bracket depth so that line breaks inside brackets do not end a statement.
import type { Range } from '../../model';

export type PyTokenKind = 'name' | 'number' | 'string' | 'op' | 'comment' | 'newline';

export interface PyToken {
  kind: PyTokenKind;
  /** Span of the token as written (strings: prefix and quotes included). */
  range: Range;
  /** The token text as written. */
  text: string;
  /** Strings only: the span between the quotes. */
  content?: Range;
  /** Strings only: the decoded value (escapes resolved unless raw). */
  value?: string;
  /** Strings only: the closing quote is missing (the string runs to the end of its line). */
  unterminated?: boolean;
  /** Strings only: an f-string, whose value depends on the code around it. */
  formatted?: boolean;
}

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /(?:0[xXoObB][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?[jJ]?)/y;
const STRING_PREFIX = /(?:[rRbBuUfF]{1,2})?(?="|')/y;

/** Splits Python source into tokens. Never throws; unknown characters become one-character operator tokens. */
export function tokenizePython(text: string): PyToken[] {
  const tokens: PyToken[] = [];
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const ch = text[at] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\f') {
      at += 1;
      continue;
    }
    if (ch === '\\' && (text[at + 1] === '\n' || text[at + 1] === '\r')) {
      at += text[at + 1] === '\r' && text[at + 2] === '\n' ? 3 : 2;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (depth === 0) tokens.push({ kind: 'newline', range: { start: at, end: at + 1 }, text: '\n' });
      at += 1;
      continue;
    }
    if (ch === '#') {
      let end = at;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end += 1;
      tokens.push({ kind: 'comment', range: { start: at, end }, text: text.slice(at, end) });
      at = end;
      continue;
    }
    const string = readString(text, at);
    if (string) {
      tokens.push(string);
      at = string.range.end;
      continue;
    }
    NAME.lastIndex = at;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({ kind: 'name', range: { start: at, end: at + name[0].length }, text: name[0] });
      at += name[0].length;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number && number[0] !== '.' && number[0].length > 0) {
      tokens.push({ kind: 'number', range: { start: at, end: at + number[0].length }, text: number[0] });
      at += number[0].length;
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth -= 1;
    tokens.push({ kind: 'op', range: { start: at, end: at + 1 }, text: ch });
    at += 1;
  }
  return tokens;
}

/** Reads a string literal (with optional prefix) starting at `at`, or returns undefined when there is none. */
function readString(text: string, at: number): PyToken | undefined {
  STRING_PREFIX.lastIndex = at;
  const prefixMatch = STRING_PREFIX.exec(text);
  if (!prefixMatch) return undefined;
  const prefix = prefixMatch[0].toLowerCase();
  if (prefix.length === 2 && !/^(?:rb|br|rf|fr)$/.test(prefix)) return undefined;
  const quoteAt = at + prefix.length;
  const quote = text[quoteAt] ?? '';
  const triple = text.startsWith(quote.repeat(3), quoteAt);
  const delimiter = triple ? quote.repeat(3) : quote;
  const contentStart = quoteAt + delimiter.length;
  const raw = prefix.includes('r');
  let pos = contentStart;
  let contentEnd = -1;
  while (pos < text.length) {
    const ch = text[pos];
    if (ch === '\\') {
      pos += 2;
      continue;
    }
    if (!triple && (ch === '\n' || ch === '\r')) break;
    if (text.startsWith(delimiter, pos)) {
      contentEnd = pos;
      break;
    }
    pos += 1;
  }
  const unterminated = contentEnd < 0;
  const end = unterminated ? Math.min(pos, text.length) : contentEnd + delimiter.length;
  const content = { start: contentStart, end: unterminated ? Math.min(pos, text.length) : contentEnd };
  const body = text.slice(content.start, content.end);
  const token: PyToken = {
    kind: 'string',
    range: { start: at, end },
    text: text.slice(at, end),
    content,
    value: raw ? body : decodeEscapes(body),
  };
  if (unterminated) token.unterminated = true;
  if (prefix.includes('f')) token.formatted = true;
  return token;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
  '\n': '',
};

/** Resolves the common backslash escapes of a Python string; unknown escapes stay as written, as Python does. */
function decodeEscapes(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|\r\n|[\s\S])/g, (whole, escape: string) => {
    if (escape.length > 1 && /^[xuU]/.test(escape)) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (escape === '\r\n') return '';
    return SIMPLE_ESCAPES[escape] ?? whole;
  });
}
