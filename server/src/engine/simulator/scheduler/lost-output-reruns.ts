// Map outputs lost with an executor are recomputed before a stage that reads them runs, as Spark's DAGScheduler
// does: each shuffle with missing outputs gets a new attempt of the stage that first wrote it, running only the
// missing map tasks, and the reading stage waits for it as for a parent. Only with a ShuffleOutputs registry (without
// one, nothing is lost when an executor goes). Counts the recomputed tasks and their task time.
import type { JobProgress } from './job-progress';
import type { ShuffleOutputs } from './shuffle-outputs';
import { NO_SHUFFLE, type StageTable } from './stage-table';

export class LostOutputReruns {
  /** Map tasks run again because their output was lost, and their task time (ms). */
  recomputedTasks = 0;
  recomputedMs = 0;
  /** Internal stage → how many times its lost tasks were run again. */
  private readonly attempts = new Map<number, number>();
  /** For a re-run stage: its task i is the original stage's task taskIndex.get(s)[i]. */
  private readonly taskIndex = new Map<number, Int32Array>();

  /** `firstWriter`: shuffle id → the internal stage that first writes it. */
  constructor(
    readonly outputs: ShuffleOutputs,
    private readonly stages: StageTable,
    private readonly jobs: JobProgress,
    private readonly firstWriter: ReadonlyMap<number, number>,
  ) {}

  /**
   * Before stage s is submitted: adds a re-run stage for each shuffle it reads with outputs missing, and returns them
   * (empty: nothing is missing). The caller makes s wait for them.
   */
  rerunsBefore(s: number): number[] {
    const reruns: number[] = [];
    for (const shuffleId of this.stages.reads[s] ?? []) {
      const missing = this.outputs.missing(shuffleId);
      const producer = this.firstWriter.get(shuffleId);
      if (missing.length === 0 || producer === undefined) continue;
      reruns.push(this.addRerun(producer, shuffleId, missing, s));
    }
    return reruns;
  }

  /** Task `index` of stage s succeeded on `executor`: the map output it writes (if any) is there now. */
  recordOutput(s: number, index: number, executor: number): void {
    const shuffle = this.stages.shuffle[s];
    if (shuffle !== NO_SHUFFLE) this.outputs.record(shuffle, this.taskIndex.get(s)?.[index] ?? index, executor);
  }

  /** A new stage running the `missing` tasks of `producer` again for `reader`'s job; returns its internal index. */
  private addRerun(producer: number, shuffleId: number, missing: number[], reader: number): number {
    const stages = this.stages;
    const j = stages.job[reader];
    const all = stages.durations[producer];
    const durations = new Int32Array(missing.length);
    for (let i = 0; i < missing.length; i++) {
      durations[i] = all[missing[i]];
      this.recomputedMs += durations[i];
    }
    this.recomputedTasks += missing.length;
    const attempt = (this.attempts.get(producer) ?? 0) + 1;
    this.attempts.set(producer, attempt);
    const r = stages.add({
      // The executor monitor knows a shuffle of another (earlier) job by the id the reading job registered for it.
      id: stages.job[producer] === j ? stages.ids[producer] : -1 - shuffleId,
      job: j,
      priority: stages.priority[reader],
      durations,
      cached: false,
      attempt,
      shuffle: shuffleId,
      children: [reader],
      profile: stages.profile[producer],
      history: undefined,
    });
    stages.reads[r] = stages.reads[producer] ?? [];
    this.taskIndex.set(r, Int32Array.from(missing));
    this.jobs.stageAdded(j);
    return r;
  }
}
