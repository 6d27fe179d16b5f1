// Validates the job and stage times and executor lifetimes of a simulated run as they reach the webview: a clean copy,
// or undefined when any part is off (the panel then draws no bands rather than wrong ones).
import type { ExecutorLifetime, SimulatedJob, SimulatedStage } from './simulation';
import { count, isObj, listOf, nonNegative } from './value-checks';

/** Most spans of one kind a result may carry. */
const MAX_SPANS = 100_000;
const MAX_ID = 64;

export interface RunTimes {
  jobs: SimulatedJob[];
  stages: SimulatedStage[];
  executors: ExecutorLifetime[];
}

function parseSpan(x: unknown): { id: number; startSec: number; endSec?: number } | undefined {
  if (!isObj(x) || !count(x.id) || !nonNegative(x.startSec)) return undefined;
  const span: { id: number; startSec: number; endSec?: number } = { id: x.id, startSec: x.startSec };
  if (x.endSec !== undefined) {
    if (!nonNegative(x.endSec) || x.endSec < x.startSec) return undefined;
    span.endSec = x.endSec;
  }
  return span;
}

const LIFETIME_REASONS: ReadonlySet<unknown> = new Set<ExecutorLifetime['reason']>([
  'idle timeout',
  'lost (as in the log)',
  'alive at the end',
]);

function isLifetimeReason(x: unknown): x is ExecutorLifetime['reason'] {
  return LIFETIME_REASONS.has(x);
}

function parseLifetime(x: unknown): ExecutorLifetime | undefined {
  if (!isObj(x) || typeof x.id !== 'string' || x.id.length === 0 || x.id.length > MAX_ID) return undefined;
  if (!count(x.profile) || !nonNegative(x.addedSec)) return undefined;
  if (!isLifetimeReason(x.reason)) return undefined;
  const life: ExecutorLifetime = { id: x.id, profile: x.profile, addedSec: x.addedSec, reason: x.reason };
  if (x.removedSec !== undefined) {
    if (!nonNegative(x.removedSec) || x.removedSec < x.addedSec) return undefined;
    life.removedSec = x.removedSec;
  }
  return life;
}

/** The run's times from a result's `dra` part; undefined when it carries none or any is malformed. */
export function parseRunTimes(dra: Record<string, unknown>): RunTimes | undefined {
  if (dra.jobs === undefined) return undefined;
  const jobs = listOf(dra.jobs, MAX_SPANS, parseSpan);
  const stages = dra.stages === undefined ? [] : listOf(dra.stages, MAX_SPANS, parseSpan);
  const executors = dra.executors === undefined ? [] : listOf(dra.executors, MAX_SPANS, parseLifetime);
  if (!jobs || !stages || !executors) return undefined;
  return { jobs, stages, executors };
}
