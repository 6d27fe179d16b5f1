// Decodes one JSON string literal and remembers where each decoded character came from in the source,
// so that a span of the decoded text can be turned back into a span of the file.

/** A JSON string literal as written in the file, decoded. */
export interface JsonStringSpan {
  /** The decoded contents (escapes resolved, quotes removed). */
  value: string;
  /**
   * Source offset of each decoded UTF-16 unit, plus one final entry: the offset just after the last unit.
   * `map[i]..map[i + 1]` is the source text that produced `value[i]` (one character, or a whole escape).
   * Undefined when the literal has no escape: then `value[i]` comes from `contentStart + i` (most literals; sparing
   * an array of offsets per string matters on large files).
   */
  map: number[] | undefined;
  /** Offset just after the opening quote. */
  contentStart: number;
  /** Offset of the closing quote, or where the literal stops when it is not closed. */
  contentEnd: number;
  /** False when the line or the file ended before the closing quote. */
  terminated: boolean;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Reads the string literal whose opening quote is at `quoteOffset`. Tolerates broken input: an unknown escape
 * stands for the escaped character, a short `\u` escape for its own text, and a line break ends an unclosed literal.
 * `parsed` is the value jsonc-parser read for this literal, if known: without escapes it is the same text, and reusing
 * it spares a copy per string.
 */
export function decodeJsonString(text: string, quoteOffset: number, parsed?: unknown): JsonStringSpan {
  const contentStart = quoteOffset + 1;
  // Fast path: up to the closing quote (or the line break or end that stops an unclosed literal) without a backslash,
  // the value is the source text itself.
  for (let i = contentStart; ; i++) {
    const code = i < text.length ? text.charCodeAt(i) : -1;
    if (code === 0x5c) return decodeEscaped(text, contentStart);
    const closed = code === 0x22;
    if (closed || code === -1 || code === 0x0a || code === 0x0d) {
      // jsonc-parser stops an unescaped literal where we do, so a value of the same length is this very text.
      const value =
        typeof parsed === 'string' && parsed.length === i - contentStart ? parsed : text.slice(contentStart, i);
      return { value, map: undefined, contentStart, contentEnd: i, terminated: closed };
    }
  }
}

/** The general case: decodes escapes and records where every decoded unit came from. */
function decodeEscaped(text: string, contentStart: number): JsonStringSpan {
  const units: string[] = [];
  const map: number[] = [];
  let i = contentStart;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      map.push(i);
      return { value: units.join(''), map, contentStart, contentEnd: i, terminated: true };
    }
    if (ch === '\n' || ch === '\r') break;
    map.push(i);
    if (ch !== '\\') {
      units.push(ch);
      i++;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined || next === '\n' || next === '\r') {
      units.push('\\');
      i++;
      continue;
    }
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) {
        units.push(String.fromCharCode(parseInt(hex, 16)));
        i += 6;
      } else {
        units.push('u');
        i += 2;
      }
      continue;
    }
    units.push(SIMPLE_ESCAPES[next] ?? next);
    i += 2;
  }
  map.push(i);
  return { value: units.join(''), map, contentStart, contentEnd: i, terminated: false };
}

/** Source span of the decoded units `[from, to)`. */
export function sourceSpan(span: JsonStringSpan, from: number, to: number): { start: number; end: number } {
  const map = span.map;
  const last = map ? map.length - 1 : span.value.length;
  const a = Math.max(0, Math.min(from, last));
  const b = Math.max(a, Math.min(to, last));
  return map ? { start: map[a], end: map[b] } : { start: span.contentStart + a, end: span.contentStart + b };
}

/**
 * Index of the decoded unit at or after source offset `offset`. An offset in the middle of an escape counts as
 * the start of that escape.
 */
export function decodedIndexAt(span: JsonStringSpan, offset: number): number {
  const map = span.map;
  if (!map) return Math.max(0, Math.min(offset - span.contentStart, span.value.length));
  const last = map.length - 1;
  if (offset <= map[0]) return 0;
  for (let i = 0; i < last; i++) {
    if (offset < map[i + 1]) return i;
  }
  return last;
}
