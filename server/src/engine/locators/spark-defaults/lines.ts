// Splits spark-defaults.conf into logical lines the way java.util.Properties#load reads them (which is what Spark
// uses), keeping the source span of every key and value. Spark trims the values afterwards; so do we.
import type { Range } from '../../model';

export interface ConfText {
  /** Decoded text (escapes resolved, continuation lines joined). */
  text: string;
  /** Span as written. */
  range: Range;
}

export type ConfLine =
  | { kind: 'blank'; range: Range }
  | { kind: 'comment'; range: Range }
  | { kind: 'entry'; range: Range; key: ConfText; value: ConfText };

const WHITESPACE = new Set([' ', '\t', '\f']);

/** Reads every logical line of the file, in order. */
export function readConfLines(text: string): ConfLine[] {
  const lines: ConfLine[] = [];
  let at = 0;
  while (at < text.length) {
    const line = readLogicalLine(text, at);
    lines.push(line.line);
    if (line.next <= at) break;
    at = line.next;
  }
  return lines;
}

/** End of the natural line starting at `start` (the offset of its `\n` or `\r`, or the text end). */
function naturalEnd(text: string, start: number): number {
  let at = start;
  while (at < text.length && text[at] !== '\n' && text[at] !== '\r') at += 1;
  return at;
}

/** Offset after the line break at `end` (handles `\r\n`). */
function afterBreak(text: string, end: number): number {
  if (text[end] === '\r' && text[end + 1] === '\n') return end + 2;
  return end < text.length ? end + 1 : end;
}

/** True when the natural line ending at `end` ends with an odd number of backslashes (so it continues). */
function continues(text: string, start: number, end: number): boolean {
  let count = 0;
  for (let at = end - 1; at >= start && text[at] === '\\'; at--) count += 1;
  return count % 2 === 1;
}

function skipWhitespace(text: string, at: number, end: number): number {
  let pos = at;
  while (pos < end && WHITESPACE.has(text[pos] ?? '')) pos += 1;
  return pos;
}

function readLogicalLine(text: string, start: number): { line: ConfLine; next: number } {
  const firstEnd = naturalEnd(text, start);
  const bodyStart = skipWhitespace(text, start, firstEnd);
  if (bodyStart === firstEnd) {
    return { line: { kind: 'blank', range: { start, end: firstEnd } }, next: afterBreak(text, firstEnd) };
  }
  if (text[bodyStart] === '#' || text[bodyStart] === '!') {
    return { line: { kind: 'comment', range: { start: bodyStart, end: firstEnd } }, next: afterBreak(text, firstEnd) };
  }
  // Gather the physical pieces of the logical line: [from, to) spans, continuation backslashes dropped.
  const pieces: Range[] = [];
  let pieceStart = bodyStart;
  let end = firstEnd;
  for (;;) {
    if (!continues(text, pieceStart, end)) {
      pieces.push({ start: pieceStart, end });
      break;
    }
    pieces.push({ start: pieceStart, end: end - 1 });
    const nextStart = afterBreak(text, end);
    if (nextStart >= text.length || nextStart === end) break;
    const nextEnd = naturalEnd(text, nextStart);
    pieceStart = skipWhitespace(text, nextStart, nextEnd);
    end = nextEnd;
  }
  const lineEnd = end;
  const reader = new PieceReader(text, pieces);
  const key = reader.readKey();
  reader.skipSeparator();
  const value = reader.readValue();
  return {
    line: { kind: 'entry', range: { start: bodyStart, end: lineEnd }, key, value },
    next: afterBreak(text, lineEnd),
  };
}

/** Walks the characters of a logical line across its pieces, resolving escapes. */
class PieceReader {
  private piece = 0;
  private at: number;

  constructor(
    private readonly text: string,
    private readonly pieces: readonly Range[],
  ) {
    this.at = pieces[0]?.start ?? 0;
  }

  private settle(): void {
    while (this.piece < this.pieces.length - 1 && this.at >= (this.pieces[this.piece]?.end ?? 0)) {
      this.piece += 1;
      this.at = this.pieces[this.piece]?.start ?? this.at;
    }
  }

  private done(): boolean {
    this.settle();
    return this.at >= (this.pieces[this.piece]?.end ?? 0);
  }

  private peek(): string {
    return this.text[this.at] ?? '';
  }

  /** Reads one character, decoding a backslash escape. */
  private take(): string {
    const ch = this.peek();
    this.at += 1;
    if (ch !== '\\') return ch;
    this.settle();
    if (this.done()) return '';
    const escaped = this.peek();
    this.at += 1;
    switch (escaped) {
      case 't':
        return '\t';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      case 'u': {
        const hex = this.text.slice(this.at, this.at + 4);
        if (/^[0-9a-fA-F]{4}$/.test(hex)) {
          this.at += 4;
          return String.fromCharCode(parseInt(hex, 16));
        }
        return 'u';
      }
      default:
        return escaped;
    }
  }

  readKey(): ConfText {
    this.settle();
    const start = this.at;
    let end = start;
    let decoded = '';
    while (!this.done()) {
      const ch = this.peek();
      if (ch === '=' || ch === ':' || WHITESPACE.has(ch)) break;
      decoded += this.take();
      end = this.at;
    }
    return { text: decoded, range: { start, end: Math.max(start, end) } };
  }

  /** Skips whitespace, at most one `=` or `:`, and whitespace again. */
  skipSeparator(): void {
    while (!this.done() && WHITESPACE.has(this.peek())) this.at += 1;
    if (!this.done() && (this.peek() === '=' || this.peek() === ':')) this.at += 1;
    while (!this.done() && WHITESPACE.has(this.peek())) this.at += 1;
  }

  readValue(): ConfText {
    this.settle();
    const start = this.at;
    let decoded = '';
    let end = start;
    while (!this.done()) {
      const ch = this.peek();
      decoded += this.take();
      // Spark trims the value, so trailing blanks are not part of what it sees.
      if (ch > ' ') end = this.at;
    }
    return { text: trimJava(decoded), range: { start, end } };
  }
}

/** Java's String#trim: strips characters at or below U+0020 from both ends. */
function trimJava(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && value.charCodeAt(start) <= 32) start += 1;
  while (end > start && value.charCodeAt(end - 1) <= 32) end -= 1;
  return value.slice(start, end);
}
