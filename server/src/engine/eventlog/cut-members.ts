// Cutting members out of a JSON object's raw text before JSON.parse, so that parsing does not build what nobody reads.
//
// Only the compact form Spark's writer produces is recognised: no whitespace between tokens and keys without escape
// sequences. Anything else (whitespace, an escaped key, a truncated line, brackets that do not match) makes the cut
// give up, and the caller parses the whole text instead. Strings are skipped by their unescaped closing quote, so
// braces, brackets, quotes and key names inside string values are never mistaken for structure.
//
// What a cut member held is not checked beyond its brackets and strings: a value damaged inside (say `tru` for
// `true`) is cut away unnoticed, as damage in events the replay skips already is.

/** Which members of an object to cut, and which members' object values to cut inside. */
export interface CutRule {
  readonly drop: ReadonlySet<string>;
  readonly inside?: ReadonlyMap<string, CutRule>;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Index just past the string whose opening quote is at `at`; -1 when it never closes. */
function stringEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return -1;
    let slash = quote - 1;
    while (text.charCodeAt(slash) === BACKSLASH) slash--;
    // An even run of backslashes escapes itself, not the quote.
    if ((quote - 1 - slash) % 2 === 0) return quote + 1;
    from = quote + 1;
  }
}

// A JSON string, and an object or array nested at most CONTAINER_DEPTH deep, as regular expressions: the regular
// expression engine walks a value several times faster than a loop over its characters. Both are written so that
// there is one way to match (a run of plain characters ends only at a quote or bracket; a string's run ends only at
// a quote or backslash), so a failed match backtracks only over the run it stopped in. Deeper values go to the loop.
const STRING = String.raw`"[^"\\]*(?:\\.[^"\\]*)*"`;
const PLAIN = String.raw`[^"{}\[\]]*`;
const CONTAINER_DEPTH = 6;

function containerPattern(depth: number): string {
  const nested = depth === 1 ? STRING : `${STRING}|${containerPattern(depth - 1)}`;
  const body = `${PLAIN}(?:(?:${nested})${PLAIN})*`;
  return String.raw`\{${body}\}|\[${body}\]`;
}

const CONTAINER = new RegExp(containerPattern(CONTAINER_DEPTH), 'y');

/** Index just past the object or array opening at `at`, matching each bracket with its own kind; -1 when unbalanced. */
function containerEnd(text: string, at: number): number {
  CONTAINER.lastIndex = at;
  if (CONTAINER.test(text)) return CONTAINER.lastIndex;
  return containerEndByLoop(text, at);
}

function containerEndByLoop(text: string, at: number): number {
  const closers: number[] = [];
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      if (i < 0) return -1;
      continue;
    }
    if (c === OPEN_BRACE) closers.push(CLOSE_BRACE);
    else if (c === OPEN_BRACKET) closers.push(CLOSE_BRACKET);
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (closers.pop() !== c) return -1;
      if (closers.length === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

/** Index just past the value starting at `at` (a string, object, array, number or literal); -1 when there is none. */
function valueEnd(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === QUOTE) return stringEnd(text, at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return containerEnd(text, at);
  // A number, true, false or null; whitespace before a value is not the compact form.
  if (!(c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e)) return -1;
  let i = at;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET) break;
  }
  return i === at ? -1 : i;
}

/** The text with cut ranges removed, assembled once at the end. */
class Cuts {
  private readonly kept: string[] = [];
  private from = 0;

  constructor(private readonly text: string) {}

  cut(start: number, end: number): void {
    this.kept.push(this.text.slice(this.from, start));
    this.from = end;
  }

  result(): string {
    if (this.kept.length === 0) return this.text;
    this.kept.push(this.text.slice(this.from));
    return this.kept.join('');
  }
}

// A member the rule leaves alone: a key without escapes that the rule does not name, and its value. A run of such
// members is passed over in one match, so the loop below only stops at the members the rule names.
const SCALAR = '-?[0-9][0-9.eE+-]*|true|false|null';
const VALUE = `${STRING}|${containerPattern(CONTAINER_DEPTH)}|${SCALAR}`;

interface CompiledRule {
  /** At an object's first member: one or more members the rule leaves alone. */
  readonly firstRun: RegExp;
  /** After a member: one or more further members the rule leaves alone, each with its comma. */
  readonly laterRun: RegExp;
  /** The named members, by the text that opens them (`"key":`). */
  readonly named: readonly { opening: string; drop: boolean; inside: CutRule | undefined }[];
}

const compiled = new WeakMap<CutRule, CompiledRule>();

function compile(rule: CutRule): CompiledRule {
  let found = compiled.get(rule);
  if (found) return found;
  const keys = [...rule.drop, ...(rule.inside?.keys() ?? [])];
  const names = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const member = String.raw`"(?!(?:${names})")[^"\\]*":(?:${VALUE})`;
  found = {
    firstRun: new RegExp(`${member}(?:,${member})*`, 'y'),
    laterRun: new RegExp(`(?:,${member})+`, 'y'),
    named: keys.map((key) => ({ opening: `"${key}":`, drop: rule.drop.has(key), inside: rule.inside?.get(key) })),
  };
  compiled.set(rule, found);
  return found;
}

/** Index just past the run the sticky `pattern` matches at `at`, or `at` when it matches nothing there. */
function runEnd(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

/**
 * Walks the object opening at `at`, cutting the members `rule` names; returns the index just past its closing brace,
 * or -1 when the text is not the compact object form this understands.
 */
function cutObject(text: string, at: number, rule: CutRule, cuts: Cuts): number {
  if (text.charCodeAt(at) !== OPEN_BRACE) return -1;
  if (text.charCodeAt(at + 1) === CLOSE_BRACE) return at + 2;
  const { firstRun, laterRun, named } = compile(rule);
  let i = runEnd(firstRun, text, at + 1);
  let keptBefore = i > at + 1;
  for (;;) {
    if (keptBefore) {
      // After a member: the end of the object, or a comma before a named member.
      const c = text.charCodeAt(i);
      if (c === CLOSE_BRACE) return i + 1;
      if (c !== COMMA) return -1;
      i++;
    }
    const member = named.find((m) => text.startsWith(m.opening, i));
    if (member === undefined) return -1;
    const valueAt = i + member.opening.length;
    const end =
      member.inside !== undefined && text.charCodeAt(valueAt) === OPEN_BRACE
        ? cutObject(text, valueAt, member.inside, cuts)
        : valueEnd(text, valueAt);
    if (end < 0) return -1;
    const next = text.charCodeAt(end);
    if (next !== COMMA && next !== CLOSE_BRACE) return -1;
    if (!member.drop) keptBefore = true;
    // A member after a kept one goes with the comma before it; otherwise with the comma after it, if any.
    else if (keptBefore) cuts.cut(i - 1, end);
    else cuts.cut(i, next === COMMA ? end + 1 : end);
    if (next === CLOSE_BRACE) return end + 1;
    const runFrom = end;
    i = runEnd(laterRun, text, runFrom);
    if (i > runFrom) keptBefore = true;
    else if (!keptBefore) i = end + 1;
  }
}

/**
 * The text of the JSON object `text` with the members `rule` names cut out, or undefined when the text is not a
 * single compact object (then parse all of it). Parsing the result gives what parsing `text` gives minus those
 * members, for any valid compact object.
 */
export function cutMembers(text: string, rule: CutRule): string | undefined {
  const cuts = new Cuts(text);
  const end = cutObject(text, 0, rule, cuts);
  return end === text.length ? cuts.result() : undefined;
}
