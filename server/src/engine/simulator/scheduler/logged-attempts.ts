// How a replayed log's task history shapes each attempt the scheduler launches: a task first runs, and fails, the
// attempts that failed in the log; its successful attempt waits on its slot as long as the log shows it waited while a
// slot was free, and (with speculation on) runs as long as the logged original ran before its copy won. Counting the
// failed attempts run so far is the only state; the scheduler decides nothing of this.
import type { StageTaskHistory } from '../task-history';
import { FAILS, SUCCEEDS, type AttemptOutcome } from './executor-slots';

/** The attempt about to launch: its run time, its wait before running (ms) and how it ends. Filled in place. */
export interface PlannedAttempt {
  runMs: number;
  waitMs: number;
  outcome: AttemptOutcome;
}

export class LoggedAttempts {
  /** Internal stage → task index → how many of the task's logged failed attempts have run. */
  private readonly failedSoFar = new Map<number, Map<number, number>>();

  /**
   * `waitCutMs`: the stage's launch delay, which already covers the first wave's wait (a logged wait counts beyond
   * it). `loggedOriginals`: speculation is on, so an original that lost its logged race runs as long as it ran.
   */
  constructor(
    private readonly waitCutMs: number,
    private readonly loggedOriginals: boolean,
  ) {}

  /** Plans the next attempt of task `index` of stage s, whose history is `history`; `plan.runMs` holds its run time. */
  plan(s: number, index: number, history: StageTaskHistory, plan: PlannedAttempt): void {
    const failed = history.failedMs?.[index];
    let runs = this.failedSoFar.get(s);
    const done = runs?.get(index) ?? 0;
    if (failed !== undefined && done < failed.length) {
      if (runs === undefined) {
        runs = new Map();
        this.failedSoFar.set(s, runs);
      }
      runs.set(index, done + 1);
      plan.runMs = Math.max(1, failed[done]);
      plan.waitMs = 0;
      plan.outcome = FAILS;
      return;
    }
    const original = history.originalMs?.[index];
    if (original !== undefined && this.loggedOriginals) plan.runMs = Math.max(1, original);
    plan.waitMs = Math.max(0, (history.waitMs?.[index] ?? 0) - this.waitCutMs);
    plan.outcome = SUCCEEDS;
  }
}
