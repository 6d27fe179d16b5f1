// The slower of the extractor's two ways to read a line head (see extract-fields.ts): member by member, for lines
// not laid out as spark-layouts.ts expects (other Spark versions, failed tasks, hand-made logs). Only the compact form
// is read (no whitespace, keys without escapes); anything else makes the walk give up and the line is parsed whole.
import type { JsonObject } from './json';
import type { FieldTree } from './read-fields';
import {
  BACKSLASH,
  CLOSE_BRACE,
  CLOSE_BRACKET,
  COLON,
  COMMA,
  OPEN_BRACE,
  OPEN_BRACKET,
  QUOTE,
} from '../json-char-codes';

/** A declared object's keys and, at the same index, how each is read (FORBIDDEN: a key that may not appear). */
export interface CompiledTree {
  readonly keys: readonly string[];
  readonly nodes: readonly (CompiledTree | true | typeof FORBIDDEN)[];
}

/** At the top level: "Event", already read from the line's start; a second one makes JSON.parse keep that instead. */
const FORBIDDEN = 0;

/** Returned when the text is not what the walk reads; the caller parses the line whole. */
export const UNEXPECTED = -1;
/** Returned by the walk when it stopped at a value it does not read (its start is in Walk.stoppedAt). */
const STOPPED = -2;

/**
 * The tree of declared keys, adding each key (at any depth) to `allKeys`. `top`: the line's object, where "Event" was
 * read from the line's start already.
 */
export function compileTree(tree: FieldTree, allKeys: Set<string>, top: boolean): CompiledTree {
  const keys: string[] = top ? ['Event'] : [];
  const nodes: (CompiledTree | true | typeof FORBIDDEN)[] = top ? [FORBIDDEN] : [];
  for (const [key, node] of Object.entries(tree)) {
    allKeys.add(key);
    keys.push(key);
    nodes.push(node === true ? true : compileTree(node, allKeys, false));
  }
  // The walk marks the keys it read in the bits of a 32-bit integer.
  if (keys.length > 31) throw new Error('extract-walk: at most 31 declared keys per object');
  return { keys, nodes };
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Index past the run of digits from `at`; `at` when there is none. */
function digitsEnd(text: string, at: number): number {
  let i = at;
  while (isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Index just past the JSON number, true, false or null at `at`; UNEXPECTED when there is none. */
function scalarEnd(text: string, at: number): number {
  let i = at;
  const c = text.charCodeAt(i);
  if (c === 0x74 /* t */) return text.startsWith('true', i) ? i + 4 : UNEXPECTED;
  if (c === 0x66 /* f */) return text.startsWith('false', i) ? i + 5 : UNEXPECTED;
  if (c === 0x6e /* n */) return text.startsWith('null', i) ? i + 4 : UNEXPECTED;
  if (c === 0x2d /* - */) i++;
  // Integer part: 0, or digits not starting with 0.
  if (text.charCodeAt(i) === 0x30) i++;
  else {
    const end = digitsEnd(text, i);
    if (end === i) return UNEXPECTED;
    i = end;
  }
  if (text.charCodeAt(i) === 0x2e /* . */) {
    const end = digitsEnd(text, i + 1);
    if (end === i + 1) return UNEXPECTED;
    i = end;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45 /* e E */) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    const end = digitsEnd(text, i);
    if (end === i) return UNEXPECTED;
    i = end;
  }
  return i;
}

/** The value of the scalar from `at` to `end` (found by scalarEnd), as JSON.parse gives it. */
function scalarValue(text: string, at: number, end: number): number | boolean | null {
  const c = text.charCodeAt(at);
  if (c === 0x74) return true;
  if (c === 0x66) return false;
  if (c === 0x6e) return null;
  return Number(text.slice(at, end));
}

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

/** The string from `at` (its opening quote) to `end` (past its closing quote), as JSON.parse reads it; undefined if invalid. */
function stringValue(text: string, at: number, end: number): string | undefined {
  let escaped = false;
  for (let i = at + 1; i < end - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) return undefined;
    if (c === BACKSLASH) escaped = true;
  }
  if (!escaped) return text.slice(at + 1, end - 1);
  try {
    return JSON.parse(text.slice(at, end)) as string;
  } catch {
    return undefined;
  }
}

class Walk {
  stoppedAt = -1;
  constructor(readonly text: string) {}

  /**
   * Reads the members of an object from `at` (just past its "{", or past a member when `afterMember`) into `out`;
   * returns the index just past its "}", UNEXPECTED or STOPPED.
   */
  members(at: number, tree: CompiledTree, out: JsonObject, afterMember: boolean): number {
    const text = this.text;
    const { keys, nodes } = tree;
    /** Bit k set once keys[k] was read: the same key twice means JSON.parse would keep the later one. */
    let seen = 0;
    let i = at;
    if (!afterMember && text.charCodeAt(i) === CLOSE_BRACE) return i + 1;
    for (let first = !afterMember; ; first = false) {
      if (!first) {
        const c = text.charCodeAt(i);
        if (c === CLOSE_BRACE) return i + 1;
        if (c !== COMMA) return UNEXPECTED;
        i++;
      }
      if (text.charCodeAt(i) !== QUOTE) return UNEXPECTED;
      const keyEnd = text.indexOf('"', i + 1);
      if (keyEnd < 0 || text.charCodeAt(keyEnd + 1) !== COLON) return UNEXPECTED;
      for (let k = i + 1; k < keyEnd; k++) if (text.charCodeAt(k) === BACKSLASH) return UNEXPECTED;
      const keyLength = keyEnd - i - 1;
      let k = 0;
      while (k < keys.length && !(keys[k].length === keyLength && text.startsWith(keys[k], i + 1))) k++;
      const valueAt = keyEnd + 2;
      let end: number;
      if (k === keys.length) end = this.skip(valueAt);
      else {
        const node = nodes[k];
        if (node === FORBIDDEN || (seen & (1 << k)) !== 0) return UNEXPECTED;
        seen |= 1 << k;
        end = this.read(valueAt, node, out, keys[k]);
      }
      if (end < 0) return end;
      i = end;
    }
  }

  /** Reads the declared value at `at` into out[key]; returns the index past it, or UNEXPECTED. */
  private read(at: number, node: CompiledTree | true, out: JsonObject, key: string): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (node !== true) {
      if (c !== OPEN_BRACE) return UNEXPECTED;
      const inner: JsonObject = {};
      out[key] = inner;
      const end = this.members(at + 1, node, inner, false);
      // Stopping inside a read object is fine: the search after the walk covers the rest of it too.
      return end;
    }
    if (c === QUOTE) {
      const end = stringEnd(text, at);
      if (end < 0) return UNEXPECTED;
      const value = stringValue(text, at, end);
      if (value === undefined) return UNEXPECTED;
      out[key] = value;
      return end;
    }
    const end = scalarEnd(text, at);
    if (end < 0) return UNEXPECTED;
    out[key] = scalarValue(text, at, end);
    return end;
  }

  /** Passes over a value nobody reads; returns the index past it, STOPPED at a non-empty container, or UNEXPECTED. */
  private skip(at: number): number {
    const text = this.text;
    const c = text.charCodeAt(at);
    if (c === QUOTE) {
      const end = stringEnd(text, at);
      return end < 0 ? UNEXPECTED : end;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (text.charCodeAt(at + 1) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) return at + 2;
      this.stoppedAt = at;
      return STOPPED;
    }
    return scalarEnd(text, at);
  }
}

/**
 * Walks the line's object from `from` (just past its first member), reading the declared fields into `out`. Returns
 * UNEXPECTED, the line's length when the whole line was walked, or the index of the unread value the walk stopped at
 * (the caller then makes sure no declared key follows).
 */
export function walkFields(line: string, from: number, tree: CompiledTree, out: JsonObject): number {
  const walk = new Walk(line);
  const end = walk.members(from, tree, out, true);
  if (end === STOPPED) return walk.stoppedAt;
  return end === line.length ? end : UNEXPECTED;
}
