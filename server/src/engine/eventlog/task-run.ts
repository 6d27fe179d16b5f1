// One ended task attempt as the collector keeps it (collect.ts), shared with launch-waits.ts.

export interface TaskRun {
  launchMs: number;
  seconds: number;
  /** Task Info "Index" (the task's index within its stage attempt) and the stage attempt, when the log says. */
  index?: number;
  stageAttempt?: number;
  /** Task Info "Speculative": the attempt was a speculative copy. */
  speculative?: boolean;
  /** How long the attempt waited for its slot after a slot on its executor was free (ms; see launch-waits.ts). */
  waitMs?: number;
}

/** An attempt that did not succeed, with its Task End Reason. */
export interface OtherRun extends TaskRun {
  reason: string;
}
