// The task scheduler's stages by internal index s: a workload stage, or a re-run of a stage's lost map tasks (those
// get new indices, after the workload's). Parallel arrays rather than one object per stage, because the launch and end
// paths read them for every task; `add` is the only place that appends, so the arrays stay in step. The scheduler,
// its launch queues and the speculative races all read the same table.
import type { StageTaskHistory } from '../task-history';

/** A stage that writes no shuffle. */
export const NO_SHUFFLE = -1;

/** What the table needs to know of a stage when it is added. */
export interface NewStage {
  id: number;
  job: number;
  /** FIFO priority: the Spark job id of the job it runs for (lower runs first). */
  priority: number;
  durations: Int32Array;
  cached: boolean;
  attempt: number;
  shuffle: number;
  children: number[];
  /** Resource profile of its tasks (0 unless the scheduler knows the stage's profile). */
  profile: number;
  /** What the replayed log shows of the stage's tasks (absent for re-runs and workloads without a log). */
  history: StageTaskHistory | undefined;
}

export class StageTable {
  /** The workload's stage id (for a re-run of another job's stage: -1 - the shuffle id it writes). */
  readonly ids: number[] = [];
  /** Tasks in the stage (for a re-run: the lost ones it runs again). */
  readonly tasks: number[] = [];
  readonly cached: boolean[] = [];
  /** Stage attempt: 0, or 1, 2 … for the re-runs of lost map tasks. */
  readonly attempt: number[] = [];
  /** Resource profile the stage's tasks run under. */
  readonly profile: number[] = [];
  /** The shuffle the stage writes, or NO_SHUFFLE. */
  readonly shuffle: number[] = [];
  /** The shuffles the stage reads: its parents' and, for a job's source stages, the job's reused shuffles. */
  readonly reads: number[][] = [];
  /** The job (index in workload order) the stage runs for. */
  readonly job: number[] = [];
  /**
   * FIFO priority: the id of that job. Spark offers the stages of the job with the lowest id first, and ids follow
   * the order jobs were asked for, which concurrent jobs can log in another order than their JobStart times.
   */
  readonly priority: number[] = [];
  /** Run time (ms) of each task's successful attempt. */
  readonly durations: Int32Array[] = [];
  /** Parent stages (and lost outputs being recomputed) still to finish before the stage can be submitted. */
  readonly parentsLeft: number[] = [];
  readonly children: number[][] = [];
  /** The next task index never launched. */
  readonly nextLaunch: number[] = [];
  /** Tasks that succeeded. */
  readonly finished: number[] = [];
  /** Task indices to run again (their executor was lost or the attempt failed), taken before the next new index. */
  readonly rerun: number[][] = [];
  readonly history: Array<StageTaskHistory | undefined> = [];

  /** FIFO order of two stages: lower job id, then lower stage id, then internal index. */
  readonly order = (a: number, b: number): number =>
    this.priority[a] - this.priority[b] || this.ids[a] - this.ids[b] || a - b;

  /** Appends a stage; returns its internal index. Its reads and parent count are filled in once its parents are known. */
  add(stage: NewStage): number {
    const s = this.ids.length;
    this.ids.push(stage.id);
    this.tasks.push(stage.durations.length);
    this.cached.push(stage.cached);
    this.attempt.push(stage.attempt);
    this.profile.push(stage.profile);
    this.shuffle.push(stage.shuffle);
    this.reads.push([]);
    this.job.push(stage.job);
    this.priority.push(stage.priority);
    this.durations.push(stage.durations);
    this.children.push(stage.children);
    this.parentsLeft.push(0);
    this.nextLaunch.push(0);
    this.finished.push(0);
    this.rerun.push([]);
    this.history.push(stage.history);
    return s;
  }

  /** Every task of the stage has launched and none waits to run again: the stage is out of its launch queue. */
  allLaunched(s: number): boolean {
    return this.nextLaunch[s] === this.tasks[s] && this.rerun[s].length === 0;
  }

  /** The task of stage s to launch next: one waiting to run again first, else the next new index. */
  takeNextTask(s: number): number {
    const again = this.rerun[s];
    return again.length > 0 ? (again.shift() as number) : this.nextLaunch[s]++;
  }
}
