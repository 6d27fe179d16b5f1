// A job of a YAML document that lies after an edit, moved to where the document now starts. Typing in a file of a
// thousand documents moves hundreds of jobs per keystroke, yet the analysis of an unchanged job reuses its findings
// (rules/job-memo.ts) without reading its entries, and hover or completion read the entries of one job. So a moved
// job's entries, the bulk of it, are moved when first read, from the job as first read (moved-jobs.ts). The copy
// looks like plain data to every reader: the property is enumerable, in its place, and turns into an ordinary value
// on its first read or write.
import type { ConfigEntry, JobConfig, KeyContainer, Range, SparkVersionSource } from '../../model';
import { moveEntry, moveRanges } from '../../move-ranges';
import { movedOrigin, recordMovedCopy } from '../../moved-jobs';

const moveRange = (range: Range, delta: number): Range => ({ start: range.start + delta, end: range.end + delta });

function moveContainer(container: KeyContainer, delta: number): KeyContainer {
  return { ...container, range: moveRange(container.range, delta) };
}

function moveVersion(source: SparkVersionSource, delta: number): SparkVersionSource {
  return source.range ? { ...source, range: moveRange(source.range, delta) } : { ...source };
}

/** A moved copy of a job, its fields in the same order as the job's. */
export function moveJob(job: JobConfig, delta: number): JobConfig {
  const copy: Record<string, unknown> = {};
  for (const key in job) {
    switch (key) {
      case 'entries':
        // Defined in its place as the lazy property from the start: turning a plain field into an accessor later
        // would make V8 give every moved job a slow (dictionary) shape.
        Object.defineProperty(copy, 'entries', LAZY_ENTRIES);
        break;
      case 'range':
        copy.range = moveRange(job.range, delta);
        break;
      case 'containers':
        copy.containers = job.containers.map((container) => moveContainer(container, delta));
        break;
      case 'sparkVersion':
        copy.sparkVersion = job.sparkVersion && moveVersion(job.sparkVersion, delta);
        break;
      default:
        copy[key] = moveRanges<unknown>((job as unknown as Record<string, unknown>)[key], delta);
    }
  }
  const moved = copy as unknown as JobConfig;
  recordMovedCopy(moved, job, delta);
  return moved;
}

/** Replaces the lazy property with the entries as a plain value. */
function settle(copy: JobConfig, entries: ConfigEntry[]): ConfigEntry[] {
  Object.defineProperty(copy, 'entries', { value: entries, writable: true, enumerable: true, configurable: true });
  return entries;
}

/** One descriptor for every moved copy: its accessors find what to move through the copy (`this`). */
const LAZY_ENTRIES: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: JobConfig): ConfigEntry[] {
    const origin = movedOrigin(this);
    // moveJob records an origin for every copy it gives this property: none means a bug, not bad input.
    if (!origin) throw new Error('spark-dra: a moved job lost the job it was copied from');
    return settle(
      this,
      origin.read.entries.map((entry) => moveEntry(entry, origin.delta)),
    );
  },
  set(this: JobConfig, entries: ConfigEntry[]): void {
    settle(this, entries);
  },
};
