// The advisor's own working types: a candidate is a set of Spark key changes, an evaluation is what simulating it on
// the workload gave. Plain data, so both cross a worker_threads boundary by structured clone.
import type { Problem } from '../../../../protocol/result';
import type { SimulateOptions } from '../simulator/simulate-job';

/** Spark key → value written over the configuration searched from. */
export type Changes = Record<string, string>;

/** The figures the search compares: the DRA run's runtime, cost and executor time. */
export interface Figures {
  runtimeSec: number;
  costUsd: number;
  executorSeconds: number;
}

export type Evaluation = { ok: true; figures: Figures } | { ok: false; problem: Problem };

/** A candidate with what it gave. */
export interface Evaluated {
  changes: Changes;
  figures: Figures;
}

/**
 * What every candidate is simulated on: the job's properties (as written, with the caller's what-if values) and the
 * simulation options (Spark version, workload, knobs and calibration, prices, storage classes).
 */
export interface SearchTarget {
  base: Record<string, string>;
  options: SimulateOptions;
}
