// Calibrated executor start-up: when a replay measured how long its cluster took to deliver executors, pods reach
// registration after that measured time instead of the typical pod latency, and no faster than the measured delivery
// rate. Executors 1…coldExecutors are the ones asked for at application start (the cold start); later ones answer
// a request of the allocation manager (the add latency). The first of those requests can meet a colder cluster than
// later ones (nodes given back since the start, containers localised anew): pods created before the first added
// executor registered take the first-ramp latency when it is set. Without calibration knobs nothing here applies.

import { partsWithin, type PodLatency } from './latency';

/** Knob names (see docs/simulator.md, "Calibration"); none has a default: an absent knob keeps the typical model. */
export const CALIBRATION_KNOBS = [
  'coldStartSec',
  'coldExecutors',
  'coldRatePerSec',
  'addLatencySec',
  'firstAddLatencySec',
  'addRatePerSec',
  'removalLagSec',
] as const;

export type CalibrationKnob = (typeof CALIBRATION_KNOBS)[number];

export interface CalibratedStart {
  /** Pod creation → executor registration for the first `coldExecutors` executors (ms). */
  coldStartMs?: number;
  coldExecutors: number;
  /** Least time between two cold registrations (ms); 0 = no limit. */
  coldIntervalMs: number;
  /** Pod creation → executor registration for every later executor (ms). */
  addLatencyMs?: number;
  /** As addLatencyMs for pods created before the first later executor registered (the first ramp); absent: the same. */
  firstAddLatencyMs?: number;
  /** Least time between two later registrations (ms); 0 = no limit. */
  addIntervalMs: number;
  /** Idle deadline (kill) → executor gone (ms); replaces the pod exit time, unbounded by the grace period. */
  removalLagMs?: number;
}

function knob(knobs: Readonly<Record<string, number>>, name: CalibrationKnob): number | undefined {
  const v = knobs[name];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

const toMs = (seconds: number | undefined): number | undefined =>
  seconds === undefined ? undefined : Math.round(seconds * 1000);

const interval = (perSecond: number | undefined): number =>
  perSecond === undefined || perSecond <= 0 ? 0 : Math.round(1000 / perSecond);

export function resolveCalibratedStart(knobs: Readonly<Record<string, number>> = {}): CalibratedStart {
  const start: CalibratedStart = {
    coldExecutors: Math.floor(knob(knobs, 'coldExecutors') ?? 0),
    coldIntervalMs: interval(knob(knobs, 'coldRatePerSec')),
    addIntervalMs: interval(knob(knobs, 'addRatePerSec')),
  };
  const cold = toMs(knob(knobs, 'coldStartSec'));
  const add = toMs(knob(knobs, 'addLatencySec'));
  const firstAdd = toMs(knob(knobs, 'firstAddLatencySec'));
  const lag = toMs(knob(knobs, 'removalLagSec'));
  if (cold !== undefined) start.coldStartMs = cold;
  if (add !== undefined) start.addLatencyMs = add;
  if (firstAdd !== undefined) start.firstAddLatencyMs = firstAdd;
  if (lag !== undefined) start.removalLagMs = lag;
  return start;
}

/**
 * Plans registrations in the order pods become visible (the simulator's event order, so the plan is deterministic).
 * Returns when the pod turns Running, or undefined when the typical latency model applies to it.
 */
export class StartPlanner {
  private lastColdMs = -Infinity;
  private lastAddMs = -Infinity;
  /** When the first later (non-cold) executor registers, once planned; pods created before it are the first ramp. */
  private firstAddRegisterMs = Infinity;

  constructor(
    private readonly start: CalibratedStart,
    private readonly registerMs: number,
  ) {}

  runningAt(executorId: number, createdAtMs: number, visibleAtMs: number): number | undefined {
    const s = this.start;
    const cold = executorId <= s.coldExecutors;
    const firstRamp = !cold && createdAtMs < this.firstAddRegisterMs;
    const total = cold ? s.coldStartMs : firstRamp ? (s.firstAddLatencyMs ?? s.addLatencyMs) : s.addLatencyMs;
    if (total === undefined) return undefined;
    const gap = cold ? s.coldIntervalMs : s.addIntervalMs;
    const last = cold ? this.lastColdMs : this.lastAddMs;
    const registerAt = Math.max(createdAtMs + total, visibleAtMs + this.registerMs, last + gap);
    if (cold) this.lastColdMs = registerAt;
    else {
      this.lastAddMs = registerAt;
      this.firstAddRegisterMs = Math.min(this.firstAddRegisterMs, registerAt);
    }
    return registerAt - this.registerMs;
  }
}

/**
 * The typical latency with its fixed parts (API visibility, registration) shortened to fit the shortest calibrated
 * start, so that a cluster the log shows starting executors in 0.3 s is not held to the typical 3 s of those parts.
 */
export function fitLatencyParts(latency: PodLatency, start: CalibratedStart): PodLatency {
  const totals = [start.coldStartMs, start.addLatencyMs, start.firstAddLatencyMs].filter(
    (t): t is number => t !== undefined,
  );
  if (totals.length === 0) return latency;
  const shortest = Math.min(...totals);
  if (latency.apiMs + latency.registerMs <= shortest) return latency;
  return { ...latency, ...partsWithin(latency.apiMs, latency.registerMs, shortest) };
}
