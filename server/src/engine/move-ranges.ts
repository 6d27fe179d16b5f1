// Copies of plain model data with every offset moved by a fixed amount: findings remembered relative to a job's start
// (rules/job-memo.ts), and what a YAML document read when it sat elsewhere in the file (locators/incremental).
import type { ConfigEntry, Range } from './model';

/** True for a plain `{ start, end }` object, the shape of every range in the model and in findings. */
export function isRange(value: object): value is Range {
  if (typeof (value as Partial<Range>).start !== 'number' || typeof (value as Partial<Range>).end !== 'number') {
    return false;
  }
  // Counted without Object.keys: this runs for every object of a moved document, and a key array each is garbage.
  let keys = 0;
  for (const key in value) if (Object.hasOwn(value, key) && ++keys > 2) return false;
  return keys === 2;
}

/** A deep copy of plain data with every range moved by `delta`. */
export function moveRanges<T>(value: T, delta: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => moveRanges(item, delta)) as T;
  if (isRange(value)) return { start: value.start + delta, end: value.end + delta } as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = moveRanges(item, delta);
  return out as T;
}

/**
 * One entry moved. Entries are the bulk of a large job, so they are copied by their known shape rather than by the
 * generic walk: their two ranges are the only objects they hold. (A range field added to ConfigEntry must be added
 * here too: the incremental tests compare against a full parse.)
 */
export function moveEntry(entry: ConfigEntry, delta: number): ConfigEntry {
  const { keyRange, valueRange } = entry;
  return {
    ...entry,
    keyRange: { start: keyRange.start + delta, end: keyRange.end + delta },
    valueRange: { start: valueRange.start + delta, end: valueRange.end + delta },
  };
}
