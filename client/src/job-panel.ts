// Which job of a file a simulation panel shows. The first job's panel is keyed by the file's URI as it is; job N's
// (N ≥ 2, as a person counts) by the same URI with the fragment "job=N". So each job of a multi-document file has its
// own panel, tab title and restored state, and a panel of an older version (no fragment) still means the first job.
// Pure: no vscode import.

const JOB_FRAGMENT = /^job=([1-9]\d{0,5})$/;

/** The URI fragment of job `jobIndex`'s panel ('' for the first job). */
export function jobPanelFragment(jobIndex: number): string {
  return Number.isSafeInteger(jobIndex) && jobIndex > 0 ? `job=${jobIndex + 1}` : '';
}

/** The job index a panel URI's fragment names; 0 for no fragment or one that is not ours. */
export function jobIndexOfFragment(fragment: string): number {
  const match = JOB_FRAGMENT.exec(fragment);
  return match ? Number(match[1]) - 1 : 0;
}

/** What a panel's tab title adds for its job: " · job N" from the second job on, nothing for the first. */
export function jobTitleSuffix(fragment: string): string {
  const index = jobIndexOfFragment(fragment);
  return index > 0 ? ` · job ${index + 1}` : '';
}
