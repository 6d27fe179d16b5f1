// Gathers a finished cluster run's figures into its ClusterRunOutput: the timeline, the executor and pod sums, the
// job and stage records, the PVC, loss and attempt figures (losses and attempts only when the spec asked for them).
import type { WorkMeter } from '../budget';
import type { PodAllocator } from '../k8s/pod-allocator';
import type { ProfileTally } from '../profile-tally';
import type { PvcManager } from '../pvc/pvc-manager';
import type { TaskScheduler } from '../scheduler/task-scheduler';
import type { RecordedTimeline } from '../timeline';
import type { ExecutorTimeLedger } from '../time-ledger';
import type { YarnAllocator } from '../yarn/container-allocator';
import type { ExecutorRoster } from './executor-roster';
import type { AttemptCounts } from './listener-feed';
import type { RunRecords } from './run-records';
import type { ClusterRunOutput, ClusterRunSpec } from './run-spec';

/** Everything the run kept, as it stands at the end (`endMs`). */
export interface FinishedRun {
  spec: ClusterRunSpec;
  endMs: number;
  completed: boolean;
  jobsEndMs: number;
  timeline: RecordedTimeline;
  meter: WorkMeter;
  records: RunRecords;
  roster: ExecutorRoster;
  scheduler: TaskScheduler;
  allocator: PodAllocator | YarnAllocator;
  pvcs: PvcManager;
  ledger: ExecutorTimeLedger;
  tally: ProfileTally | undefined;
  notes: string[];
  lossCount: { applied: number; missed: number };
  counts: AttemptCounts;
  loss: { lostOutputs: number; migratedOutputs: number };
}

export function runOutput(run: FinishedRun): ClusterRunOutput {
  const { spec, endMs: end, timeline, meter, roster, scheduler, counts } = run;
  return {
    timeline: timeline.points,
    timelineSamples: timeline.samples,
    timelineThinned: timeline.thinned,
    work: meter.workDone,
    ...(meter.exceeded ? { budgetExceeded: meter.exceeded } : {}),
    ...(spec.losses && spec.losses.length > 0 ? { losses: { ...run.lossCount, tasksRerun: counts.tasksRerun } } : {}),
    endMs: end,
    completed: run.completed,
    jobsEndMs: run.jobsEndMs,
    jobs: run.records.jobs,
    stages: run.records.stages,
    executors: roster.lives,
    executorMs: roster.executorMs,
    podRunningMs: roster.podRunningMs,
    busyTaskMs: scheduler.busyMs,
    peakExecutors: roster.peak,
    podsCreated: run.allocator.created,
    executorsRemoved: roster.removed,
    pvc: run.pvcs.totals(end),
    tasks: scheduler.totalTasks,
    notes: run.notes,
    timeSplit: run.ledger.finish(end),
    shuffleLoss: {
      ...run.loss,
      recomputedTasks: scheduler.recomputedTasks,
      recomputeMs: scheduler.recomputedMs,
    },
    ...(run.tally ? { profiles: run.tally.figures(scheduler.busyMsByProfile) } : {}),
    ...(spec.history || spec.speculation
      ? { attempts: { failed: counts.failed, copies: counts.copies, copiesWon: counts.copiesWon } }
      : {}),
  };
}
