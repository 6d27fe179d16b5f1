// What a replayed event log says really happened, sent beside the simulation of its workload. Plain data.
import type { SimulationResult } from './simulation';

/** One step of what the real cluster did: from `t` (seconds from application start) on, `running` executors were alive. */
export interface ObservedPoint {
  t: number;
  running: number;
}
export interface ReplayObserved {
  timeline: ObservedPoint[];
  runtimeSec: number;
  peakExecutors: number;
  executorSeconds: number;
  executorsAdded: number;
  executorsRemoved: number;
  /** False when the log has no application end (still running or cut short). */
  complete: boolean;
}
/** What the log says about the run, besides the executor timeline. */
export interface ReplayInfo {
  /** Whose configuration was simulated: the log's own, or the job file's. */
  confFrom: 'event-log' | 'job-file';
  /** Spark version the log says the application ran ("unknown" when it does not say). */
  loggedSparkVersion: string;
  appId?: string;
  appName?: string;
  /** What the reader tolerated or guessed (a truncated last line, ...). */
  warnings: string[];
}
/** The simulation of the logged workload (a SimulationResult, so the simulation panel renders it) plus what really happened. */
export type ReplayResult = SimulationResult & { observed: ReplayObserved; replay: ReplayInfo };
