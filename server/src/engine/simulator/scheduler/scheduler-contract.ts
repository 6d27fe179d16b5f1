// What the task scheduler's driver (cluster-sim.ts, or a test) hands it and hears from it: the listener its events go
// to, the timers it asks for, and what a replayed log adds. Apart from the scheduler so its parts can name the
// listener without importing the scheduler itself.
import type { ShuffleStage } from '../executor-monitor';
import type { TaskHistory } from '../task-history';
import type { SlotsByProfile } from './profile-slots';
import type { SpeculationTracker } from './speculation';

/** The scheduler asks its driver to call `startJob(job)` at time `at` (ms). */
export type JobTimer = (at: number, job: number) => void;

/** What the scheduler reports, in the order Spark's listener bus would. Stages are internal indices. */
export interface SchedulerListener {
  jobStart(jobId: number, shuffleStages: readonly ShuffleStage[]): void;
  jobEnd(jobId: number): void;
  stageSubmitted(stage: number): void;
  stageCompleted(stage: number): void;
  taskStart(stage: number, index: number, executorId: number, speculative?: boolean): void;
  taskEnd(stage: number, index: number, executorId: number, speculative?: boolean): void;
  /** A running task was lost with its executor; it is pending again and will re-run elsewhere. */
  taskLost?(stage: number, index: number, executorId: number): void;
  /** An attempt failed (a failure the replayed log shows); the task is pending again. */
  taskFailed?(stage: number, index: number, executorId: number): void;
  /** The losing side of a speculative race was killed (`speculative`: the copy lost, else the original). */
  taskKilled?(stage: number, index: number, executorId: number, speculative: boolean): void;
  /** The task was marked for a speculative copy. */
  speculativeTaskSubmitted?(stage: number, index: number): void;
}

/** What a replayed log adds to the scheduler: the task history, speculation (absent: off). */
export interface SchedulerExtras {
  history?: TaskHistory;
  speculation?: SpeculationTracker;
  /** Task slots per executor of each resource profile other than the default (stage-level scheduling). */
  otherProfileSlots?: SlotsByProfile;
}

/**
 * The driver's delay between submitting a stage and launching its first task (measured in a replayed log; 0 launches
 * at once). With a delay, the scheduler asks its driver to call `releaseStage(stage)` at time `at` (ms).
 */
export interface LaunchDelay {
  ms: number;
  timer: (at: number, stage: number) => void;
}
