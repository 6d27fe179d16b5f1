// What the cursor is on inside a `sparkConf:` block. Works on the line text rather than the parse tree, because the
// line being typed is usually not valid YAML yet (a key with no colon, an unclosed quote).
import type { CompletionContext, JobConfig, KeyContainer, Range } from '../../model';
import { lineRangeAt } from '../comment-directives';
import type { SparkConfBlock } from './spark-application';

/** The completion context for `offset` inside the sparkConf block of `job`, if the cursor is on a key or a value. */
export function sparkConfCompletion(
  text: string,
  job: JobConfig,
  container: KeyContainer,
  block: SparkConfBlock,
  offset: number,
): CompletionContext | undefined {
  if (block.flow) return undefined;
  const headerLine = lineRangeAt(text, block.header.start);
  const line = lineRangeAt(text, offset);
  if (line.start <= headerLine.start || offset > job.range.end) return undefined;
  if (!linesStayInBlock(text, headerLine, line, block.headerColumn)) return undefined;

  const lineText = text.slice(line.start, line.end);
  const indent = /^ */.exec(lineText)?.[0].length ?? 0;
  if (lineText.trim() === '') {
    if (offset - line.start !== block.entryColumn) return undefined;
    return { kind: 'key', job, container, replace: { start: offset, end: offset }, prefix: '', style: 'yaml-key' };
  }
  if (indent !== block.entryColumn || offset < line.start + indent) return undefined;
  const first = lineText[indent];
  if (first === '#' || first === '-' || first === '?') return undefined;

  const key = readKey(text, line.start + indent, line.end);
  if (offset >= key.inner.start && offset <= key.inner.end) {
    const prefix = text.slice(key.inner.start, offset);
    return { kind: 'key', job, container, replace: key.inner, prefix, style: 'yaml-key' };
  }
  const colon = skipSpaces(text, key.after, line.end);
  if (text[colon] !== ':' || offset <= colon) return undefined;
  const value = readValue(text, colon + 1, line.end);
  if (!value) return undefined;
  const keyName = decodeKey(text.slice(key.inner.start, key.inner.end), key.quote);
  if (value.inner.start === value.inner.end && offset >= value.inner.start) {
    return {
      kind: 'value',
      job,
      key: keyName,
      replace: { start: offset, end: offset },
      prefix: '',
      style: 'yaml-scalar',
    };
  }
  if (offset < value.inner.start || offset > value.inner.end) return undefined;
  const prefix = text.slice(value.inner.start, offset);
  return { kind: 'value', job, key: keyName, replace: value.inner, prefix, style: 'yaml-scalar' };
}

/** True when every line after the header, up to and including `target`, still belongs to the block under it. */
export function linesStayInBlock(text: string, header: Range, target: Range, headerColumn: number): boolean {
  let start = text.indexOf('\n', header.start) + 1;
  while (start > 0 && start <= target.start) {
    const line = lineRangeAt(text, start);
    const body = text.slice(line.start, line.end);
    const trimmed = body.trimStart();
    // Lines as deep as the header (or shallower) end the block; blank lines and comments do not.
    if (trimmed !== '' && !trimmed.startsWith('#') && body.length - trimmed.length <= headerColumn) return false;
    start = text.indexOf('\n', line.start) + 1;
  }
  return start === 0 ? target.start > header.start : true;
}

interface KeyText {
  /** The key's characters, inside quotes when quoted. */
  inner: Range;
  /** Where the text after the key (and its closing quote) starts. */
  after: number;
  quote?: '"' | "'";
}

function readKey(text: string, start: number, lineEnd: number): KeyText {
  const quote = text[start];
  if (quote === '"' || quote === "'") {
    const close = closingQuote(text, start + 1, lineEnd, quote);
    const end = close ?? trimmedEnd(text, start + 1, lineEnd);
    return { inner: { start: start + 1, end }, after: close === undefined ? end : close + 1, quote };
  }
  let at = start;
  while (at < lineEnd) {
    const ch = text[at];
    const next = text[at + 1];
    if (ch === ':' && (at + 1 >= lineEnd || next === ' ' || next === '\t')) break;
    if ((ch === ' ' || ch === '\t') && next === '#') break;
    at += 1;
  }
  const end = trimmedEnd(text, start, at);
  return { inner: { start, end }, after: end };
}

function readValue(text: string, afterColon: number, lineEnd: number): { inner: Range } | undefined {
  const start = skipSpaces(text, afterColon, lineEnd);
  const first = text[start];
  if (start >= lineEnd || first === '#') return { inner: { start, end: start } };
  if (
    first === '|' ||
    first === '>' ||
    first === '{' ||
    first === '[' ||
    first === '&' ||
    first === '!' ||
    first === '*'
  ) {
    return undefined;
  }
  if (first === '"' || first === "'") {
    const close = closingQuote(text, start + 1, lineEnd, first);
    return { inner: { start: start + 1, end: close ?? trimmedEnd(text, start + 1, lineEnd) } };
  }
  let end = start;
  while (end < lineEnd && !((text[end] === ' ' || text[end] === '\t') && text[end + 1] === '#')) end += 1;
  return { inner: { start, end: trimmedEnd(text, start, end) } };
}

/** Offset of the quote closing a scalar that opened before `from`, on this line, or undefined. */
function closingQuote(text: string, from: number, lineEnd: number, quote: string): number | undefined {
  for (let at = from; at < lineEnd; at++) {
    const ch = text[at];
    if (quote === '"' && ch === '\\') {
      at += 1;
      continue;
    }
    if (ch !== quote) continue;
    if (quote === "'" && text[at + 1] === "'") {
      at += 1;
      continue;
    }
    return at;
  }
  return undefined;
}

function decodeKey(raw: string, quote: '"' | "'" | undefined): string {
  if (quote === "'") return raw.replace(/''/g, "'");
  if (quote === '"') {
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      return raw;
    }
  }
  return raw;
}

function skipSpaces(text: string, at: number, end: number): number {
  let pos = at;
  while (pos < end && (text[pos] === ' ' || text[pos] === '\t')) pos += 1;
  return pos;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && (text[at - 1] === ' ' || text[at - 1] === '\t' || text[at - 1] === '\r')) at -= 1;
  return at;
}
