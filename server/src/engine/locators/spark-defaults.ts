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
    entries.push({
      key: line.key.text,
      value: line.value.text,
      keyRange: line.key.range,
      valueRange: line.value.range,
      origin: 'conf-line',
      rank: entries.length,
    });
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
  const line = linesIn(text, body).find(
    (candidate) => offset >= candidate.range.start && offset <= candidate.range.end,
  );
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

/**
 * The last lines read, for the text they came from: parsing and then every completion request ask for the same
 * document's lines, and reading a 50k-line file again for each completion is what made it slow.
 */
let lastLines: { text: string; start: number; end: number; lines: ConfLine[] } | undefined;

/** The logical lines of text[range], their ranges moved to offsets into `text`. */
function linesIn(text: string, range: Range): ConfLine[] {
  if (lastLines && lastLines.text === text && lastLines.start === range.start && lastLines.end === range.end) {
    return lastLines.lines;
  }
  const whole = range.start === 0 && range.end === text.length;
  const read = safeLines(whole ? text : text.slice(range.start, range.end));
  const lines = whole ? read : read.map((line) => shiftLine(line, range.start));
  lastLines = { text, start: range.start, end: range.end, lines };
  return lines;
}

function shiftLine(line: ConfLine, by: number): ConfLine {
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
