// Reads an expanded workload into the scheduler's stage table, once, when the scheduler is made: each stage gets an
// internal index, its parents count down to its submission, and its reads name the shuffles it needs (so lost map
// outputs can be found before it runs). Kept apart from the scheduler, which only runs what this lays out.
import type { ExpandedStage, ExpandedWorkload } from '../../workload/types';
import type { TaskHistory } from '../task-history';
import type { ShuffleOutputs } from './shuffle-outputs';
import { NO_SHUFFLE, type StageTable } from './stage-table';

export interface WorkloadStages {
  /** Internal stage indices of each job, by job index. */
  jobStages: number[][];
  totalTasks: number;
  /** shuffle id → the internal stage that first writes it (what re-runs its lost outputs). */
  firstWriter: Map<number, number>;
}

/**
 * Adds every stage of `workload` to `table`, job by job in stage order. A stage's profile is kept only when
 * `hasProfile` knows it (else 0, the default). With `outputs`, each shuffle's map outputs are registered.
 */
export function addWorkloadStages(
  table: StageTable,
  workload: ExpandedWorkload,
  hasProfile: (profile: number) => boolean,
  history: TaskHistory['stages'] | undefined,
  outputs: ShuffleOutputs | undefined,
): WorkloadStages {
  const jobStages: number[][] = [];
  const firstWriter = new Map<number, number>();
  let totalTasks = 0;
  workload.jobs.forEach((job, j) => {
    const local = new Map<number, number>();
    const mine: number[] = [];
    for (const stage of job.stages) {
      const shuffleId = stage.shuffleMap ? (stage.shuffleId ?? stage.id) : NO_SHUFFLE;
      const s = table.add({
        id: stage.id,
        job: j,
        priority: job.id,
        durations: durationsMs(stage),
        cached: stage.cached,
        attempt: 0,
        shuffle: shuffleId,
        children: [],
        profile: stage.profile !== undefined && hasProfile(stage.profile) ? stage.profile : 0,
        history: history?.[stage.id],
      });
      local.set(stage.id, s);
      mine.push(s);
      if (shuffleId !== NO_SHUFFLE) {
        if (!firstWriter.has(shuffleId)) firstWriter.set(shuffleId, s);
        outputs?.register(shuffleId, stage.tasks);
      }
      totalTasks += stage.tasks;
    }
    for (const stage of job.stages) {
      const s = local.get(stage.id) as number;
      const reads: number[] = [];
      for (const p of new Set(stage.parents)) {
        const ps = local.get(p);
        if (ps === undefined) continue;
        table.parentsLeft[s]++;
        table.children[ps].push(s);
        if (table.shuffle[ps] !== NO_SHUFFLE) reads.push(table.shuffle[ps]);
      }
      if (table.parentsLeft[s] === 0) reads.push(...job.reusesShuffles);
      table.reads[s] = reads;
    }
    jobStages.push(mine);
  });
  return { jobStages, totalTasks, firstWriter };
}

/**
 * Task durations in ms, per expanded stage. Cached because the DRA run and the static baseline schedule the same
 * expanded workload (a million conversions each on the largest workloads); the arrays are only read.
 */
const DURATIONS = new WeakMap<ExpandedStage, Int32Array<ArrayBuffer>>();

function durationsMs(stage: ExpandedStage): Int32Array<ArrayBuffer> {
  let ms = DURATIONS.get(stage);
  if (ms === undefined || ms.length !== stage.tasks) {
    ms = new Int32Array(stage.tasks);
    for (let i = 0; i < stage.tasks; i++) ms[i] = Math.max(1, Math.round((stage.taskSeconds[i] ?? 0) * 1000));
    DURATIONS.set(stage, ms);
  }
  return ms;
}
