// What a full simulation returns: a timeline for the chart and a summary for the cards.
// Shared by the simulator, the CLI, the LSP request and the webview (which only renders it).
import type { ExecutorTimeBreakdown } from './advice';
import type { Calibration, FidelityReport } from './replay-types';

export type { Calibration, FidelityReport } from './replay-types';

/**
 * One sample of the simulated cluster. Samples are taken whenever something changes, at most once per tick. A long
 * run's timeline is thinned (`thinnedFrom` on the run says from how many samples): each time bucket then gives two
 * points holding every series' lowest and highest value in the order they came; the first and last samples are kept.
 */
export interface TimelinePoint {
  /** Seconds from application start. */
  t: number;
  /** Executors registered and not yet removed. */
  running: number;
  /** The allocation manager's executor target. */
  target: number;
  /** Executor pods requested but not yet running. */
  pendingPods: number;
  /** Task slots occupied by running tasks. */
  busySlots: number;
  /** Tasks waiting for a slot. */
  pendingTasks: number;
  /** PersistentVolumeClaims that exist (bound or not). */
  livePvcs: number;
}

export interface CostBreakdown {
  /** EMR on EKS uplift on requested vCPU-hours and GB-hours. */
  emrUplift: number;
  /** Optional instance price share for requested resources (0 when no instance price is configured). */
  compute: number;
  /** EBS storage for PVCs (GiB-months prorated). */
  storage: number;
  total: number;
  currency: 'USD';
  /** False when no node price is set (sparkDra.simulation.instanceVcpuHourUsd is 0): `compute` is then not known. */
  computePriced?: boolean;
  /** What volumes left behind by reclaimPolicy Retain go on costing every month after the run (not in `total`). */
  leftBehindPerMonth?: number;
}

export interface SimulationSummary {
  runtimeSec: number;
  executorSeconds: number;
  busyCoreSeconds: number;
  idleCoreSeconds: number;
  peakExecutors: number;
  podsCreated: number;
  pvcsCreated: number;
  pvcGiBHours: number;
  /** With reclaimPolicy Retain: GiB of volumes left behind when the job ends (they keep costing). */
  pvcGiBLeftBehind: number;
  cost: CostBreakdown;
  tasks: number;
  /**
   * Map tasks run again because executors holding their shuffle output were removed with it (local shuffle files
   * only; migrated, external or remote shuffle data is not lost). Not counted in `tasks`.
   */
  recomputedTasks: number;
  /** Task time of those re-runs, in seconds. */
  recomputeSec: number;
  /** Per resource profile, by id, when the run kept executors of more than one profile (stage-level scheduling). */
  profiles?: ProfileSummary[];
}

/** One resource profile's share of a run with stage-level scheduling. */
export interface ProfileSummary {
  /** 0 is the default profile (the configuration itself). */
  id: number;
  executorCores: number;
  taskCpus: number;
  /** Most executors of this profile alive at once. */
  peakExecutors: number;
  /** Executors of this profile that registered. */
  executors: number;
  executorSeconds: number;
}

/** A job's simulated submission and end, in seconds from application start. */
export interface SimulatedJob {
  id: number;
  startSec: number;
  /** Absent when the run stopped (a limit) before the job ended. */
  endSec?: number;
}

/** A stage's simulated submission and completion, in seconds from application start. */
export interface SimulatedStage {
  id: number;
  startSec: number;
  /** Absent when the run stopped before the stage completed. */
  endSec?: number;
}

/** One simulated executor's lifetime, in seconds from application start. */
export interface ExecutorLifetime {
  id: string;
  /** Resource profile id (0: the default profile). */
  profile: number;
  addedSec: number;
  /** Absent when it was still alive when the run stopped. */
  removedSec?: number;
  /** `lost (as in the log)`: a replay of the logged configuration lost it when the log shows a loss. */
  reason: 'idle timeout' | 'lost (as in the log)' | 'alive at the end';
}

/** Per-job times and executor lifetimes (present when SimulateOptions.details is set). */
export interface RunDetails {
  jobs: SimulatedJob[];
  stages: SimulatedStage[];
  executors: ExecutorLifetime[];
  /** When the last job ended; the run's runtime goes on to the application end when appTailSec is given. */
  lastJobEndSec: number;
  /** Executor-seconds from the first job's submission to the last job's end. */
  jobWindowExecutorSeconds: number;
  /** Executor-seconds from application start to the end of the run (the application end with appTailSec). */
  appWindowExecutorSeconds: number;
}

/**
 * Where one run's executor time went, booked while the run happened. Every category but `starting` is registered
 * executor time, so `breakdown.totalSec` = `summary.executorSeconds` + `breakdown.seconds.starting` (pod creation
 * until the executor registers; pods deleted before registering count until deleted). A static run has no allocation
 * manager: its idle executors are all `floor`, and it has no `shuffle-pinned`, `cache-held` or `idle-timeout` time.
 */
export interface RunBreakdown {
  breakdown: ExecutorTimeBreakdown;
}

/** A run with a fixed executor count on the same workload, scheduler and pod latency. */
export interface StaticRun extends RunBreakdown {
  executors: number;
  timeline: TimelinePoint[];
  summary: SimulationSummary;
  thinnedFrom?: number;
}

/** Where the simulated workload came from: a built-in preset, a workload file, or an event log. */
export type WorkloadSource = 'preset' | 'file' | 'event log';

export interface SimulationResult {
  /** Dynamic allocation as configured in the file (with any what-if overrides). */
  dra: { timeline: TimelinePoint[]; summary: SimulationSummary; thinnedFrom?: number } & RunBreakdown &
    Partial<RunDetails>;
  /** Static allocation baseline at spark.executor.instances or maxExecutors (the DRA peak when neither is finite). */
  static: StaticRun;
  /**
   * Static allocation at the DRA run's peak executor count: what a well-sized static job would run. Savings are
   * quoted against it. Present when dynamic allocation is on.
   */
  staticRightSized?: StaticRun;
  /**
   * One or two sentences from the DRA run's breakdown (the run as written when DRA is off): the largest avoidable
   * share of executor time and the change that would release it, or that little is avoidable.
   */
  verdict: string;
  /** Plain-language notes about what the simulation assumed or could not model. */
  notes: string[];
  /** Effective simulation inputs after defaults, for display (key → value). */
  inputs: Record<string, string>;
  /** The same Spark keys as the job file sets them, before what-if overrides. */
  fileInputs: Record<string, string>;
  /** The workload that was simulated; `description` is a preset's one line. */
  workload: {
    name: string;
    jobs: number;
    stages: number;
    tasks: number;
    source?: WorkloadSource;
    description?: string;
  };
  sparkVersion: string;
  /** Replays only: the start-up and removal times measured in the log, and the knobs they gave. */
  calibration?: Calibration;
  /** Replays of the logged configuration only: how close the simulated run came to what the log shows. */
  fidelity?: FidelityReport;
}
