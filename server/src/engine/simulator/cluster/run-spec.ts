// What a cluster run takes and gives back: the run spec (workload, allocation mode, pod/YARN settings, what a replayed
// log adds), the limits that stop it, and the figures it returns. Types only, apart from the default limits.
import type { TimelinePoint } from '../../../../../protocol/simulation';
import type { ExpandedWorkload } from '../../workload/types';
import type { BudgetExceeded, RunBudget } from '../budget';
import type { AllocationConfig } from '../config';
import type { CalibratedStart } from '../k8s/calibrated-start';
import type { PodLatency } from '../k8s/latency';
import type { PodAllocatorSettings } from '../k8s/settings';
import type { ProfileRunFigures, ProfileSlots } from '../profile-tally';
import type { PvcSettings, PvcTotals } from '../pvc/pvc-manager';
import type { OnDemandVolume } from '../pvc/volumes';
import type { SpeculationSettings } from '../scheduler/speculation-settings';
import type { ShuffleLoss, ShuffleLossTotals } from '../shuffle-loss';
import type { TaskHistory } from '../task-history';
import type { ExecutorTimeSplit } from '../time-ledger';
import type { YarnAllocatorSettings } from '../yarn/container-allocator';

export type AllocationMode = { kind: 'dra'; config: AllocationConfig } | { kind: 'static'; executors: number };

export interface ClusterLimits {
  /** Simulated time after which the run stops (ms). */
  maxSimMs: number;
  /** Loop iterations after which the run stops. */
  maxSteps: number;
}

export const DEFAULT_LIMITS: ClusterLimits = { maxSimMs: 72 * 3_600_000, maxSteps: 20_000_000 };

export interface ClusterRunSpec {
  workload: ExpandedWorkload;
  mode: AllocationMode;
  tasksPerExecutor: number;
  pods: PodAllocatorSettings;
  latency: PodLatency;
  volumes: readonly OnDemandVolume[];
  pvc: PvcSettings;
  limits?: ClusterLimits;
  /** Measured start-up and removal times from a replayed log (see k8s/calibrated-start.ts). */
  calibrated?: CalibratedStart;
  /** Keep running this long after the last job ends (the driver's time before the application ends), in ms. */
  appTailMs?: number;
  /** Work, executor and timeline budgets checked while the run goes (defaults: DEFAULT_BUDGET). */
  budget?: RunBudget;
  /** Stage submission → first task launch, as a replayed log measured it (ms; absent or 0: at once). */
  launchDelayMs?: number;
  /** Executors lost at given times, as a replayed log shows them (see ExecutorLoss). */
  losses?: readonly ExecutorLoss[];
  /** What removing an executor does to its shuffle output (absent: nothing is lost or moved). */
  shuffleLoss?: ShuffleLoss;
  /**
   * Resource profiles other than the default that stages name, with their task slots per executor. A DRA run keeps
   * targets, pods and executors per profile; a fixed-count run has default-profile executors only (every stage runs
   * on them).
   */
  profiles?: readonly ProfileSlots[];
  /** Failed attempts, speculative races and slot waits a replayed log shows, per task (see task-history.ts). */
  history?: TaskHistory;
  /** Spark's speculative execution (absent: off). */
  speculation?: SpeculationSettings;
  /** Run YARN's container allocator with these settings instead of the Kubernetes pod allocator (no pods, no PVCs). */
  yarn?: YarnAllocatorSettings;
}

/**
 * The `ordinal`-th executor to register (from 1) is lost at `atMs`, unless it is gone by then; with
 * `afterRegistrationMs`, that long after it registers instead (a failure of its own, which comes with its work).
 */
export interface ExecutorLoss {
  atMs: number;
  ordinal: number;
  afterRegistrationMs?: number;
}

/** A job's simulated submission and end (ms). */
export interface SimulatedJobTimes {
  id: number;
  startMs: number;
  endMs?: number;
}

/** A stage's simulated submission and completion (ms), by stage id. */
export interface SimulatedStageTimes {
  id: number;
  startMs: number;
  endMs?: number;
}

/** One executor's simulated lifetime (ms); `removedMs` is absent when it was alive when the run stopped. */
export interface SimulatedExecutorLife {
  id: number;
  addedMs: number;
  removedMs?: number;
  /** Why it went: `idle` (killed by the allocation manager) or `lost` (a loss the replayed log shows). */
  reason?: 'idle' | 'lost';
  /** The resource profile it was started for (0: the default). */
  profile: number;
}

export interface ClusterRunOutput {
  timeline: TimelinePoint[];
  /** When the last job ended, or when the run was cut off (ms). */
  endMs: number;
  completed: boolean;
  /** When the last job ended (ms); equals endMs unless the run went on to the application end. */
  jobsEndMs: number;
  jobs: SimulatedJobTimes[];
  stages: SimulatedStageTimes[];
  executors: SimulatedExecutorLife[];
  /** Registered-executor lifetime summed (ms). */
  executorMs: number;
  /** Pod time from Running until gone, summed (ms): what compute is billed on. */
  podRunningMs: number;
  /** Sum of task durations that ran (ms). */
  busyTaskMs: number;
  peakExecutors: number;
  podsCreated: number;
  executorsRemoved: number;
  pvc: PvcTotals;
  tasks: number;
  notes: string[];
  /** Samples taken for the timeline; more than timeline.length when it was thinned. */
  timelineSamples: number;
  timelineThinned: boolean;
  /** Work units the run spent (see SimulationBudget.maxWork). */
  work: number;
  /** Set when the run stopped because it went over a budget (its other figures then cover a part only). */
  budgetExceeded?: BudgetExceeded;
  /** Where the executor time went: registered time (executorMs) plus pod start-up time, split by category. */
  timeSplit: ExecutorTimeSplit;
  /** Of spec.losses: executors lost, losses that found their executor already gone, tasks that ran again. */
  losses?: { applied: number; missed: number; tasksRerun: number };
  /** Shuffle output lost, recomputed or migrated because executors were removed. */
  shuffleLoss: ShuffleLossTotals;
  /** Per resource profile, by id, when the run kept executors of more than one profile. */
  profiles?: ProfileRunFigures[];
  /** Task attempts beyond one success per task: failed ones run, speculative copies launched and won. */
  attempts?: { failed: number; copies: number; copiesWon: number };
}
