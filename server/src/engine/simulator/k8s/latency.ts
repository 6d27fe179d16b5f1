// How long an executor pod takes to come up: creation → visible in the API as Pending → Running → executor
// registered with the driver. Typical figures, not measurements (see docs/simulator.md); all overridable by knobs.
// `podStartLatencySec` is the whole creation → registered time (what the editor setting of that name promises); the
// API and registration parts are carved out of it, so no fixed time is added on top.
import { KNOBS } from '../../../../../protocol/limits';
import { mixSeed, mulberry32 } from '../../workload/prng';

export interface PodLatency {
  /** Pod creation until the pod shows up in a snapshot (Pending). */
  apiMs: number;
  /** Pending until Running: scheduling, node scale-up if any, image pull, container start (the total less the parts). */
  startMs: number;
  /** Extra start time drawn per pod, uniform in [0, startJitterMs). */
  startJitterMs: number;
  /** Running until the executor JVM has started and registered with the driver. */
  registerMs: number;
  /** Told to exit until the executor process is gone (bounded by deleteGracePeriod). */
  exitMs: number;
  seed: number;
}

/** Knob names (seconds, except the seed) and their defaults. */
export const LATENCY_KNOBS = {
  podApiLatencySec: 1,
  /** Creation → executor registered, in total; the API and registration parts below are included in it. */
  podStartLatencySec: KNOBS.podStartLatencySec.default,
  podStartJitterSec: 0,
  executorRegisterSec: 2,
  executorExitSec: 1,
  seed: 1,
} as const;

export type LatencyKnob = keyof typeof LATENCY_KNOBS;

function ms(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : 0;
}

export function resolvePodLatency(knobs: Readonly<Record<string, number>> = {}): PodLatency {
  const k = (name: LatencyKnob): number => {
    const v = knobs[name];
    return typeof v === 'number' && Number.isFinite(v) ? v : LATENCY_KNOBS[name];
  };
  const totalMs = ms(k('podStartLatencySec'));
  const { apiMs, registerMs } = partsWithin(ms(k('podApiLatencySec')), ms(k('executorRegisterSec')), totalMs);
  return {
    apiMs,
    startMs: totalMs - apiMs - registerMs,
    startJitterMs: ms(k('podStartJitterSec')),
    registerMs,
    exitMs: ms(k('executorExitSec')),
    seed: Math.trunc(k('seed')),
  };
}

/**
 * The API and registration parts of a start, shortened to fit within `totalMs` when they would exceed it: the
 * registration first, then the API part.
 */
export function partsWithin(apiMs: number, registerMs: number, totalMs: number): { apiMs: number; registerMs: number } {
  const api = Math.min(apiMs, totalMs);
  return { apiMs: api, registerMs: Math.min(registerMs, totalMs - api) };
}

/** Pending → Running time of the pod with this executor id: the same id always gets the same draw. */
export function podStartMs(latency: PodLatency, executorId: number): number {
  if (latency.startJitterMs <= 0) return latency.startMs;
  const draw = mulberry32(mixSeed(latency.seed, executorId))();
  return latency.startMs + Math.floor(draw * latency.startJitterMs);
}
