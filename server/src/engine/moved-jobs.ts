// Jobs copied with every offset moved by one amount: a YAML document after an edit keeps what the previous version read
// from it, moved (locators/incremental/yaml-documents.ts). Such a copy reads the same text and has the same parse,
// relative to its start, as the job it was first read as, so what was worked out from that text once (the job memo's
// key, rules/job-memo.ts) holds for every copy.
import type { JobConfig } from './model';

const firstRead = new WeakMap<JobConfig, JobConfig>();

/** Records `copy` as `job` moved (or as the job `job` was itself copied from). */
export function recordMovedCopy(copy: JobConfig, job: JobConfig): void {
  firstRead.set(copy, firstRead.get(job) ?? job);
}

/** The job as it was first read, of which `job` is a moved copy; `job` itself when it was read where it is. */
export function firstReadOf(job: JobConfig): JobConfig {
  return firstRead.get(job) ?? job;
}
