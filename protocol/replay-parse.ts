// Validators for the replay extras of a simulation result (calibration and fidelity) before they reach the webview.
// Each returns a clean copy with known fields only, or undefined when anything is off. Pure: no DOM, no vscode.
import type {
  CalibratedValue,
  Calibration,
  CalibrationSource,
  FidelityReport,
  JobFidelity,
  WindowFidelity,
} from './replay-types';
import { isOneLine } from './limits';
import { count, finite, isObj, nonNegative } from './value-checks';

export const REPLAY_LIMITS = {
  /** The one-line summaries of a calibration or a fidelity report. */
  summary: 500,
  /** The sentence saying how a calibrated value was found. */
  basis: 1_000,
  knobs: 50,
  knobKey: 60,
  /** Jobs compared in a fidelity report (more → the report is dropped rather than shown cut short). */
  jobs: 100_000,
} as const;

const SOURCES: readonly CalibrationSource[] = ['request-time', 'log', 'fallback', 'knob'];

function isSource(x: unknown): x is CalibrationSource {
  return typeof x === 'string' && (SOURCES as readonly string[]).includes(x);
}

function parseCalibratedValue(x: unknown): CalibratedValue | undefined {
  if (!isObj(x)) return undefined;
  const { value, unit, samples, min, max, source, basis } = x;
  if (!nonNegative(value) || (unit !== 's' && unit !== 'executors/s') || !count(samples)) return undefined;
  if (!isSource(source) || !isOneLine(basis, REPLAY_LIMITS.basis)) return undefined;
  const out: CalibratedValue = { value, unit, samples, source, basis };
  // The range is shown only when both ends are there and in order.
  if (min !== undefined || max !== undefined) {
    if (!nonNegative(min) || !nonNegative(max) || min > max) return undefined;
    out.min = min;
    out.max = max;
  }
  return out;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function parseKnobRecord(x: unknown): Record<string, number> | undefined {
  if (!isObj(x)) return undefined;
  const entries = Object.entries(x);
  if (entries.length > REPLAY_LIMITS.knobs) return undefined;
  const out: Record<string, number> = {};
  for (const [k, v] of entries) {
    if (!isOneLine(k, REPLAY_LIMITS.knobKey) || FORBIDDEN_KEYS.has(k) || !finite(v)) return undefined;
    out[k] = v;
  }
  return out;
}

export const CALIBRATED_FIELDS = [
  'coldStart',
  'coldRate',
  'addLatency',
  'firstAddLatency',
  'addRate',
  'removalLag',
  'exitTime',
  'launchDelay',
] as const satisfies readonly (keyof Calibration)[];

export function parseCalibration(x: unknown): Calibration | undefined {
  if (!isObj(x)) return undefined;
  const values: Partial<Record<(typeof CALIBRATED_FIELDS)[number], CalibratedValue>> = {};
  for (const f of CALIBRATED_FIELDS) {
    const v = parseCalibratedValue(x[f]);
    if (!v) return undefined;
    values[f] = v;
  }
  const knobs = parseKnobRecord(x.knobs);
  if (!knobs || !nonNegative(x.appTailSec) || !isOneLine(x.summary, REPLAY_LIMITS.summary)) return undefined;
  const { coldStart, coldRate, addLatency, firstAddLatency, addRate, removalLag, exitTime, launchDelay } = values;
  if (
    !coldStart ||
    !coldRate ||
    !addLatency ||
    !firstAddLatency ||
    !addRate ||
    !removalLag ||
    !exitTime ||
    !launchDelay
  )
    return undefined;
  return {
    coldStart,
    coldRate,
    addLatency,
    firstAddLatency,
    addRate,
    removalLag,
    exitTime,
    launchDelay,
    appTailSec: x.appTailSec,
    knobs,
    summary: x.summary,
  };
}

function parseWindow(x: unknown): WindowFidelity | undefined {
  if (!isObj(x)) return undefined;
  const { observedExecutorSeconds, simulatedExecutorSeconds, errorPct } = x;
  if (!nonNegative(observedExecutorSeconds) || !nonNegative(simulatedExecutorSeconds) || !finite(errorPct))
    return undefined;
  return { observedExecutorSeconds, simulatedExecutorSeconds, errorPct };
}

function parseJob(x: unknown): JobFidelity | undefined {
  if (!isObj(x)) return undefined;
  const { id, observedSec, simulatedSec, errorSec, errorPct } = x;
  if (!count(id) || !nonNegative(observedSec)) return undefined;
  const out: JobFidelity = { id, observedSec };
  if (simulatedSec !== undefined) {
    if (!nonNegative(simulatedSec)) return undefined;
    out.simulatedSec = simulatedSec;
  }
  if (errorSec !== undefined) {
    if (!finite(errorSec)) return undefined;
    out.errorSec = errorSec;
  }
  if (errorPct !== undefined) {
    if (!finite(errorPct)) return undefined;
    out.errorPct = errorPct;
  }
  return out;
}

export function parseFidelity(x: unknown): FidelityReport | undefined {
  if (!isObj(x)) return undefined;
  const jobWindow = parseWindow(x.jobWindow);
  const appWindow = parseWindow(x.appWindow);
  if (!jobWindow || !appWindow) return undefined;
  const { meanAbsExecutorError, observedPeak, simulatedPeak, summary } = x;
  if (!nonNegative(meanAbsExecutorError) || !nonNegative(observedPeak) || !nonNegative(simulatedPeak)) return undefined;
  if (!isOneLine(summary, REPLAY_LIMITS.summary)) return undefined;
  if (!Array.isArray(x.jobs) || x.jobs.length > REPLAY_LIMITS.jobs) return undefined;
  const jobs: JobFidelity[] = [];
  for (const item of x.jobs) {
    const job = parseJob(item);
    if (!job) return undefined;
    jobs.push(job);
  }
  return { jobWindow, appWindow, meanAbsExecutorError, observedPeak, simulatedPeak, jobs, summary };
}
