// What a full simulation returns: a timeline for the chart and a summary for the cards.
// Shared by the simulator, the CLI, the LSP request and the webview (which only renders it).

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
}

export interface SimulationResult {
  /** Dynamic allocation as configured in the file (with any what-if overrides). */
  dra: { timeline: TimelinePoint[]; summary: SimulationSummary; thinnedFrom?: number };
  /** Static allocation baseline: a fixed executor count on the same workload and scheduler. */
  static: { executors: number; timeline: TimelinePoint[]; summary: SimulationSummary; thinnedFrom?: number };
  /** Plain-language notes about what the simulation assumed or could not model. */
  notes: string[];
  /** Effective simulation inputs after defaults, for display (key → value). */
  inputs: Record<string, string>;
  /** The workload that was simulated. */
  workload: { name: string; jobs: number; stages: number; tasks: number };
  sparkVersion: string;
}
