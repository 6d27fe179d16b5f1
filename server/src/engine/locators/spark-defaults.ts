// The spark-defaults.conf locator: one job for the whole file, one entry per property line (later lines win).
import type { CompletionContext, ConfigEntry, JobConfig, ParsedFile } from '../model';
import { emptyParsedFile } from '../model';
import { lineRangeAt, readDirectives, type CommentSpan } from './comment-directives';
import { readConfLines, type ConfLine } from './spark-defaults/lines';

/** Reads a spark-defaults.conf file. Never throws; an empty file still yields its (empty) job. */
export function parseSparkDefaults(text: string): ParsedFile {
  const parsed = emptyParsedFile('spark-defaults');
  const lines = safeLines(text);
  const comments: CommentSpan[] = [];
  const entries: ConfigEntry[] = [];
  for (const line of lines) {
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
  const whole = { start: 0, end: text.length };
  const job: JobConfig = {
    kind: 'spark-defaults',
    range: whole,
    entries,
    facts: { platform: 'unknown' },
    containers: [{ kind: 'conf-file', range: { ...whole } }],
  };
  if (directives.version) job.sparkVersion = directives.version;
  parsed.jobs.push(job);
  parsed.suppressions.push(...directives.suppressions);
  return parsed;
}

/** Key completion on the key part of a line (or a blank line), value completion after the separator. */
export function sparkDefaultsCompletionContext(
  text: string,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  const job = parsed.jobs.find((candidate) => candidate.kind === 'spark-defaults');
  const container = job?.containers.find((candidate) => candidate.kind === 'conf-file');
  if (!job || !container || offset < 0 || offset > text.length) return undefined;
  const line = safeLines(text).find((candidate) => offset >= candidate.range.start && offset <= candidate.range.end);
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

function safeLines(text: string): ConfLine[] {
  try {
    return readConfLines(text);
  } catch {
    return [];
  }
}
