// The spark-defaults.conf locator: one job for the whole file, one entry per property line (later lines win).
// The same reader serves spark-defaults text held inside another file (a YAML block scalar): it reads a span of the
// text, and every range stays an offset into the whole text.
import type {
  CompletionContext,
  ConfigEntry,
  JobConfig,
  KeyContainer,
  ParsedFile,
  Range,
  SuppressionComment,
} from '../model';
import { emptyParsedFile } from '../model';
import { lineRangeAt, readDirectives, type CommentSpan } from './comment-directives';
import { readConfLines, type ConfLine } from './spark-defaults/lines';

/** Reads a spark-defaults.conf file. Never throws; an empty file still yields its (empty) job. */
export function parseSparkDefaults(text: string): ParsedFile {
  const parsed = emptyParsedFile('spark-defaults');
  const { job, suppressions } = readSparkDefaultsBody(text, { start: 0, end: text.length });
  parsed.jobs.push(job);
  parsed.suppressions.push(...suppressions);
  return parsed;
}

/**
 * Reads the spark-defaults text in text[range] as one job. `indent`, when given, is the indentation lines of the body
 * are written with (a body nested in YAML), so that keys added later line up with the others. `extent` is the job's
 * range when it reaches past the text (blank lines that still belong to a YAML block, where completion applies).
 */
export function readSparkDefaultsBody(
  text: string,
  range: Range,
  indent?: string,
  extent: Range = range,
): { job: JobConfig; suppressions: SuppressionComment[] } {
  const comments: CommentSpan[] = [];
  const entries: ConfigEntry[] = [];
  for (const line of linesIn(text, range)) {
    if (line.kind === 'comment')
      comments.push({ start: line.range.start, text: text.slice(line.range.start, line.range.end) });
    if (line.kind !== 'entry' || line.key.text === '') continue;
    entries.push(confLineEntry(line, entries.length));
  }
  const directives = readDirectives(text, comments);
  const container: KeyContainer = { kind: 'conf-file', range: { ...range } };
  if (indent !== undefined) container.indent = indent;
  const job: JobConfig = {
    kind: 'spark-defaults',
    range: { ...extent },
    entries,
    facts: { platform: 'unknown' },
    containers: [container],
  };
  if (directives.version) job.sparkVersion = directives.version;
  return { job, suppressions: directives.suppressions };
}

/** Key completion on the key part of a line (or a blank line), value completion after the separator. */
export function sparkDefaultsCompletionContext(
  text: string,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  const job = parsed.jobs.find((candidate) => candidate.kind === 'spark-defaults');
  return job ? confBodyCompletion(text, job, offset) : undefined;
}

/** Completion inside the spark-defaults body of `job` (the whole file, or a span of it). */
export function confBodyCompletion(text: string, job: JobConfig, offset: number): CompletionContext | undefined {
  const container = job.containers.find((candidate) => candidate.kind === 'conf-file');
  const body = container?.range;
  if (!container || !body || offset < job.range.start || offset > job.range.end) return undefined;
  const line = lineAt(linesIn(text, body), offset);
  if (!line && /^[ \t\f]*[#!]/.test(text.slice(lineRangeAt(text, offset).start))) return undefined;
  if (!line || line.kind === 'blank') {
    return { kind: 'key', job, container, replace: { start: offset, end: offset }, prefix: '', style: 'conf-line' };
  }
  if (line.kind === 'comment') return undefined;
  const { key, value } = line;
  if (offset < key.range.start) return undefined;
  if (offset <= key.range.end) {
    const prefix = text.slice(key.range.start, offset);
    return { kind: 'key', job, container, replace: key.range, prefix, style: 'conf-line' };
  }
  if (value.range.start === value.range.end) {
    if (offset < value.range.start) return undefined;
    return {
      kind: 'value',
      job,
      key: key.text,
      replace: { start: offset, end: offset },
      prefix: '',
      style: 'conf-line',
    };
  }
  if (offset < value.range.start || offset > value.range.end) return undefined;
  const prefix = text.slice(value.range.start, offset);
  return { kind: 'value', job, key: key.text, replace: value.range, prefix, style: 'conf-line' };
}

/** The first line holding `offset` (lines are in order and do not overlap, so a binary search finds it). */
function lineAt(lines: readonly ConfLine[], offset: number): ConfLine | undefined {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((lines[mid] as ConfLine).range.end < offset) low = mid + 1;
    else high = mid;
  }
  const line = lines[low];
  return line !== undefined && line.range.start <= offset ? line : undefined;
}

/**
 * The last lines read, for the text they came from: parsing and then every completion request ask for the same
 * document's lines, and reading a 50k-line file again for each completion is what made it slow. `read` gives them,
 * reading (or, after a one-line edit, moving the previous version's) at most once.
 */
let lastLines: { text: string; start: number; end: number; read: () => ConfLine[] } | undefined;

/** `make` called once, on first use. */
function once(make: () => ConfLine[]): () => ConfLine[] {
  let lines: ConfLine[] | undefined;
  return () => (lines ??= make());
}

/** The logical lines of text[range], their ranges moved to offsets into `text`. */
function linesIn(text: string, range: Range): ConfLine[] {
  if (lastLines && lastLines.text === text && lastLines.start === range.start && lastLines.end === range.end) {
    return lastLines.read();
  }
  const whole = range.start === 0 && range.end === text.length;
  const read = safeLines(whole ? text : text.slice(range.start, range.end));
  const lines = whole ? read : read.map((line) => shiftLine(line, range.start));
  lastLines = { text, start: range.start, end: range.end, read: () => lines };
  return lines;
}

/**
 * After a one-line edit of a whole spark-defaults file (incremental/spark-defaults-line-edit.ts): the lines of `after`
 * are those of `before` with the line that started at `oldStart` replaced by `edited` and the later ones moved by
 * `delta`. They are made when completion first asks, not on every keystroke; nothing is kept when `before`'s lines are
 * not the ones at hand.
 */
export function carryWholeFileLines(
  before: string,
  after: string,
  oldStart: number,
  edited: ConfLine,
  delta: number,
): void {
  const previous = lastLines;
  if (!previous || previous.text !== before || previous.start !== 0 || previous.end !== before.length) return;
  lastLines = {
    text: after,
    start: 0,
    end: after.length,
    read: once(() => {
      const lines = previous.read();
      const index = lines.findIndex((line) => line.range.start === oldStart);
      if (index < 0) return safeLines(after);
      const moved = lines.slice(0, index);
      moved.push(edited);
      for (let i = index + 1; i < lines.length; i++) moved.push(shiftLine(lines[i] as ConfLine, delta));
      return moved;
    }),
  };
}

/** The entry a conf line makes (the shape readSparkDefaultsBody gives every entry). */
export function confLineEntry(line: Extract<ConfLine, { kind: 'entry' }>, rank: number): ConfigEntry {
  return {
    key: line.key.text,
    value: line.value.text,
    keyRange: line.key.range,
    valueRange: line.value.range,
    origin: 'conf-line',
    rank,
  };
}

export function shiftLine(line: ConfLine, by: number): ConfLine {
  const range = shift(line.range, by);
  if (line.kind !== 'entry') return { kind: line.kind, range };
  return {
    kind: 'entry',
    range,
    key: { text: line.key.text, range: shift(line.key.range, by) },
    value: { text: line.value.text, range: shift(line.value.range, by) },
  };
}

function shift(range: Range, by: number): Range {
  return { start: range.start + by, end: range.end + by };
}

function safeLines(text: string): ConfLine[] {
  try {
    return readConfLines(text);
  } catch {
    return [];
  }
}
