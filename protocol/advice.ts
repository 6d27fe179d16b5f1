// The DRA advisor's contract: where a run's executor time went, and the settings that cost least for about the same
// runtime. Shared by the engine (which computes it), the CLI (`spark-dra advise --json`), the LSP request and the
// panel (which only renders it). The CLI's JSON output is this `Advice` object.

/** What an executor was doing during one second of its life; every executor-second falls in exactly one. */
export type ExecutorTimeCategory =
  /** Running at least one task. */
  | 'busy'
  /** No task, but kept because it holds shuffle files a running job still needs (shuffle tracking). */
  | 'shuffle-pinned'
  /** No task, kept because it holds cached blocks (cachedExecutorIdleTimeout not reached). */
  | 'cache-held'
  /** No task and nothing held: waiting out executorIdleTimeout. */
  | 'idle-timeout'
  /** Idle past every timeout but kept to honour minExecutors or the current target. */
  | 'floor'
  /** Requested and not yet registered (pod pending, container starting). */
  | 'starting'
  /** Told to leave and not gone yet (decommissioning, block migration). */
  | 'decommissioning';

export const EXECUTOR_TIME_CATEGORIES: readonly ExecutorTimeCategory[] = [
  'busy',
  'shuffle-pinned',
  'cache-held',
  'idle-timeout',
  'floor',
  'starting',
  'decommissioning',
];

/** Executor-seconds of one run split by category; `totalSec` is their sum. */
export interface ExecutorTimeBreakdown {
  seconds: Record<ExecutorTimeCategory, number>;
  totalSec: number;
}

/** One configuration the advisor simulated, as the changes that make it from the file as written. */
export interface AdvicePoint {
  /** Spark key → value written over the file (empty for the file as written). */
  changes: Record<string, string>;
  runtimeSec: number;
  costUsd: number;
  executorSeconds: number;
  /** Plain-language risks of these changes (recompute after a removal, slower ramp-up…). */
  risks: string[];
}

/** A well-known rule of thumb, simulated on the same workload for comparison. */
export interface HeuristicPoint extends AdvicePoint {
  name: string;
  /** Whether it meets the same runtime constraint as the recommendation. */
  meetsConstraint: boolean;
}

export interface Advice {
  /** The file as written (with any what-if values the caller passed). */
  current: AdvicePoint;
  /** The cheapest point within `maxSlowdownPct` of the current runtime; null when none beats the current cost. */
  recommended: AdvicePoint | null;
  cheapest: AdvicePoint;
  fastest: AdvicePoint;
  /** Non-dominated points (no other is both cheaper and faster), by runtime ascending. */
  frontier: AdvicePoint[];
  /** Spark's defaults, static allocation and rules of thumb, each simulated on the same workload. */
  heuristics: HeuristicPoint[];
  /** Where the current configuration's executor time goes. */
  breakdown: ExecutorTimeBreakdown;
  /** One or two sentences from the breakdown: what holds executors and which change would release them. */
  verdict: string;
  /** The runtime constraint used: at most this many percent slower than `current`. */
  maxSlowdownPct: number;
  /** How many configurations were simulated. */
  candidates: number;
  workload: { name: string; jobs: number; stages: number; tasks: number };
  sparkVersion: string;
  /** What the search assumed or could not do (e.g. why the recommendation is null). */
  notes: string[];
}

/** The slowest runtime (s) a `maxSlowdownPct` limit allows against the file's own runtime. */
export function runtimeLimitSec(currentRuntimeSec: number, maxSlowdownPct: number): number {
  return currentRuntimeSec * (1 + maxSlowdownPct / 100);
}
