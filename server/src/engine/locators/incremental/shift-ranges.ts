// Moves the offsets of a parsed file past a text change, for a change that leaves the file's structure as it was
// (e.g. a character typed inside a value). Everything is copied: the previous version stays as it was.
import type { ConfigEntry, JobConfig, ParsedFile, Range } from '../../model';
import type { TextChange } from './text-change';

/**
 * A range after the change: a start at or before the change's start stays, an end at or after its old end moves by
 * `delta`, so a range holding the change grows or shrinks with it (an insertion at a value's end extends the value).
 * Callers make sure no range starts after the change's start or ends before its old end inside the change, and that
 * only ranges holding the change touch its ends.
 */
export function shiftRange(range: Range, change: TextChange): Range {
  const start = range.start <= change.start ? range.start : range.start + change.delta;
  const end = range.end >= change.oldEnd ? range.end + change.delta : range.end;
  return { start, end };
}

/** True for a plain `{ start, end }` object: the shape every offset span of the model has. */
function isRange(value: object): value is Range {
  const keys = Object.keys(value);
  return (
    keys.length === 2 &&
    typeof (value as Partial<Range>).start === 'number' &&
    typeof (value as Partial<Range>).end === 'number'
  );
}

/** A deep copy of plain data with every range in it shifted. */
export function shiftData<T>(value: T, change: TextChange): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => shiftData(item, change)) as T;
  if (isRange(value)) return shiftRange(value, change) as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = shiftData(item, change);
  return out as T;
}

/**
 * One entry moved. Entries are the bulk of a large file, so they are copied by their known shape rather than by the
 * generic walk; an entry wholly before the change is shared, since nothing in it moves. (A range field added to
 * ConfigEntry must be added here too: the incremental tests compare against a full parse.)
 */
function shiftEntry(entry: ConfigEntry, change: TextChange): ConfigEntry {
  if (entry.keyRange.end < change.start && entry.valueRange.end < change.start) return entry;
  return { ...entry, keyRange: shiftRange(entry.keyRange, change), valueRange: shiftRange(entry.valueRange, change) };
}

function shiftJob(job: JobConfig, change: TextChange): JobConfig {
  const { entries, ...rest } = job;
  const moved = shiftData(rest, change);
  return { ...moved, entries: entries.map((entry) => shiftEntry(entry, change)) };
}

/** A copy of `parsed` with every offset moved past `change`. */
export function shiftParsedFile(parsed: ParsedFile, change: TextChange): ParsedFile {
  const { jobs, ...rest } = parsed;
  const moved = shiftData(rest, change);
  return { ...moved, jobs: jobs.map((job) => shiftJob(job, change)) };
}
