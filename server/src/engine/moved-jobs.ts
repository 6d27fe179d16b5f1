// Jobs copied with every offset moved by one amount: a YAML document after an edit keeps what the previous version read
// from it, moved (locators/incremental/yaml-documents.ts). Such a copy reads the same text and has the same parse,
// relative to its start, as the job it was first read as, so what was worked out from that text once (the job memo's
// key, rules/job-memo.ts; a SparkApplication's blocks, locators/yaml/job-blocks.ts) holds for every copy, moved.
// Parsed jobs are never changed once read, which is what makes this hold.
import type { JobConfig } from './model';

/** A moved copy's origin: the job as first read, and how far the copy lies from it. */
export interface MovedOrigin {
  read: JobConfig;
  delta: number;
}

const origins = new WeakMap<JobConfig, MovedOrigin>();

/** Records `copy` as `job` moved by `delta`; a copy of a copy points at the job as read, so chains stay one link long. */
export function recordMovedCopy(copy: JobConfig, job: JobConfig, delta: number): void {
  const earlier = origins.get(job);
  origins.set(copy, earlier ? { read: earlier.read, delta: earlier.delta + delta } : { read: job, delta });
}

/** Where a moved copy comes from; undefined for a job read where it is. */
export function movedOrigin(job: JobConfig): MovedOrigin | undefined {
  return origins.get(job);
}

/** The job as it was first read, of which `job` is a moved copy; `job` itself when it was read where it is. */
export function firstReadOf(job: JobConfig): JobConfig {
  return origins.get(job)?.read ?? job;
}
