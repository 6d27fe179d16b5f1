// Calibration of the simulator from what a Spark event log shows: how long the cluster took to deliver the executors
// asked for at start (cold start) and later (add latency), how fast it delivered a ramp, how long after its idle
// deadline an executor was gone (removal lag), and how long the driver ran after its last job. Each estimate has a
// documented fallback when the log holds no samples (docs/simulator.md, "Calibration"). Pure: no I/O.
import { resolveAllocationConfig, type AllocationConfig } from '../simulator/config';
import { LATENCY_KNOBS } from '../simulator/k8s/latency';
import { LAUNCH_DELAY_KNOB } from '../simulator/launch-delay';
import type { CalibratedValue, Calibration } from '../../../../protocol/replay-types';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../version';
import { highest, lowest } from './extremes';
import type { ObservedExecutor, ObservedRun } from './types';
import { isDriverRemoval } from './removal-reasons';

export interface CalibrationInput {
  conf: Readonly<Record<string, string>>;
  sparkVersion: string;
  observed: ObservedRun;
}

/** Creation → registration in the typical pod model, the fallback for both latencies (s). */
export const TYPICAL_START_SEC = LATENCY_KNOBS.podStartLatencySec;

/** A removal this long after the idle deadline is not the idle path (e.g. a later target cut): not a sample. */
const MAX_REMOVAL_LAG_SEC = 600;
/** A removal up to this much before the deadline still counts (timestamps are rounded, ticks are 100 ms). */
const EARLY_REMOVAL_SLACK_SEC = 0.5;

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measured(samples: readonly number[], value: number, unit: CalibratedValue['unit'], basis: string) {
  const v: CalibratedValue = { value: round3(value), unit, samples: samples.length, source: 'log', basis };
  if (samples.length > 0) {
    v.min = round3(lowest(samples));
    v.max = round3(highest(samples));
  }
  return v;
}

function fallback(value: number, unit: CalibratedValue['unit'], basis: string): CalibratedValue {
  return { value, unit, samples: 0, source: 'fallback', basis };
}

/**
 * The allocation settings and the executors asked for at start: the configuration's, or with dynamic allocation the
 * start burst the log shows when it is larger (start-burst.ts).
 */
function allocation(input: CalibrationInput): {
  alloc: AllocationConfig;
  dra: boolean;
  initial: number;
  beyondConf: number;
} {
  const version = normalizeVersion(input.sparkVersion) ?? DEFAULT_SPARK_VERSION;
  const alloc = resolveAllocationConfig(input.conf, version);
  const master = alloc.master ?? '';
  const dra = alloc.enabled && !(master === 'local' || master.startsWith('local['));
  const configured = dra ? alloc.initialExecutors : (alloc.executorInstances ?? 2);
  const burst = dra ? (input.observed.startBurst?.executors ?? 0) : 0;
  return { alloc, dra, initial: Math.max(configured, burst), beyondConf: Math.max(0, burst - configured) };
}

/**
 * The initial executor count a replay of the logged configuration starts with when the log shows a start burst
 * larger than the configuration's (dynamic allocation only); undefined otherwise.
 */
export function impliedInitialExecutors(input: CalibrationInput): number | undefined {
  const { initial, beyondConf } = allocation(input);
  return beyondConf > 0 ? initial : undefined;
}

/** The executors asked for at application start: the first `initial` to register (Spark asks for them first). */
function coldSet(executors: readonly ObservedExecutor[], initial: number): ObservedExecutor[] {
  return [...executors].sort((a, b) => a.addedAt - b.addedAt).slice(0, Math.max(0, initial));
}

function rate(count: number, spreadSec: number): number | undefined {
  return count >= 2 && spreadSec > 0 ? (count - 1) / spreadSec : undefined;
}

function coldStart(cold: readonly ObservedExecutor[]): { start: CalibratedValue; rate: CalibratedValue } {
  if (cold.length === 0) {
    return {
      start: fallback(TYPICAL_START_SEC, 's', 'no executor registered in the log: the typical pod start-up is used'),
      rate: fallback(0, 'executors/s', 'no executors at start: delivery is not limited'),
    };
  }
  const times = cold.map((e) => e.addedAt);
  const first = lowest(times);
  const last = highest(times);
  const start = measured(
    times,
    first,
    's',
    `application start → registration of the ${cold.length} executor(s) asked for at start`,
  );
  const r = rate(cold.length, last - first);
  return {
    start,
    rate:
      r === undefined
        ? fallback(0, 'executors/s', 'fewer than two executors at start, or all at once: delivery is not limited')
        : measured([], r, 'executors/s', `${cold.length} executors registered over ${round3(last - first)} s`),
  };
}

interface Ramp {
  /** When Spark's backlog timer fired and it asked for executors (s). */
  requestAt: number;
  /** Registrations attributed to this request, in time order (s). */
  added: number[];
}

/**
 * Spark's own rule: a backlog (tasks waiting for a slot) that lasts schedulerBacklogTimeout makes the allocation
 * manager ask for executors at backlog start + timeout. Each later registration (outside the cold set) goes to the
 * latest such request before it.
 */
function ramps(observed: ObservedRun, cold: ReadonlySet<ObservedExecutor>, backlogTimeoutSec: number): Ramp[] {
  const list: Ramp[] = observed.backlogs
    .filter((b) => b.to - b.from > backlogTimeoutSec)
    .map((b) => ({ requestAt: b.from + backlogTimeoutSec, added: [] }));
  const later = observed.executors.filter((e) => !cold.has(e)).sort((a, b) => a.addedAt - b.addedAt);
  let r = -1;
  for (const e of later) {
    while (r + 1 < list.length && list[r + 1].requestAt <= e.addedAt) r++;
    if (r >= 0) list[r].added.push(e.addedAt);
  }
  return list.filter((ramp) => ramp.added.length > 0);
}

interface AddLatencies {
  latency: CalibratedValue;
  /** The first ramp's latency (requests made before the first added executor registered). */
  first: CalibratedValue;
  /** The first ramp has a value of its own (both phases had samples). */
  split: boolean;
  rate: CalibratedValue;
  ramps: number;
}

/**
 * Splits request → registration samples into the first ramp (requests made before the first added executor
 * registered: the cluster had delivered nothing since the start) and later ones. Only when both phases have samples
 * does the first ramp get its own value; otherwise every sample makes the one add latency.
 */
function byPhase(
  samples: ReadonlyArray<{ requestAt: number; latency: number }>,
  firstRegistration: number,
  describe: (count: number, phase: string) => string,
  source: CalibratedValue['source'],
): { latency: CalibratedValue; first: CalibratedValue; split: boolean } {
  const first = samples.filter((x) => x.requestAt < firstRegistration).map((x) => x.latency);
  const later = samples.filter((x) => x.requestAt >= firstRegistration).map((x) => x.latency);
  const all = samples.map((x) => x.latency);
  if (first.length === 0 || later.length === 0) {
    const latency = { ...measured(all, median(all), 's', describe(all.length, '')), source };
    const same = { ...latency, basis: 'no later ramp to tell the first one apart: the add latency applies' };
    return { latency, first: same, split: false };
  }
  return {
    split: true,
    latency: { ...measured(later, median(later), 's', describe(later.length, ' after the first ramp')), source },
    first: {
      ...measured(
        first,
        median(first),
        's',
        describe(first.length, ' of the first ramp (asked before any added executor came)'),
      ),
      source,
    },
  };
}

function addLatency(
  input: CalibrationInput,
  cold: readonly ObservedExecutor[],
  backlogTimeoutSec: number,
  dra: boolean,
): AddLatencies {
  const coldIds = new Set(cold);
  const requested = input.observed.executors.filter((e) => !coldIds.has(e) && e.requestedAt !== undefined);
  if (requested.length > 0) {
    const samples = requested.map((e) => ({
      requestAt: e.requestedAt as number,
      latency: Math.max(0, e.addedAt - (e.requestedAt as number)),
    }));
    const firstRegistration = lowest(requested.map((e) => e.addedAt));
    const phases = byPhase(
      samples,
      firstRegistration,
      (n, phase) => `median of Request Time → registration over ${n} later executor(s)${phase}`,
      'request-time',
    );
    const found = cleanRamps(ramps(input.observed, coldIds, backlogTimeoutSec));
    return { ...phases, rate: rampRate(found), ramps: found.length };
  }
  const noRamps = (why: string): AddLatencies => {
    const latency = fallback(TYPICAL_START_SEC, 's', `${why}: the typical pod start-up is used`);
    return {
      latency,
      first: latency,
      split: false,
      rate: fallback(0, 'executors/s', `${why}: delivery is not limited`),
      ramps: 0,
    };
  };
  if (!dra) return noRamps('dynamic allocation is off in the log');
  const found = ramps(input.observed, coldIds, backlogTimeoutSec);
  if (found.length === 0) return noRamps('no executor was added after a backlog in the log');
  const clean = cleanRamps(found);
  const samples = clean.map((ramp) => ({ requestAt: ramp.requestAt, latency: ramp.added[0] - ramp.requestAt }));
  const phases = byPhase(
    samples,
    clean[0].added[0],
    (n, phase) =>
      `median over ${n} of ${found.length} ramp(s)${phase} of backlog timer firing → first registration ` +
      '(ramps that executors of an earlier request could still reach are left out)',
    'log',
  );
  return { ...phases, rate: rampRate(clean), ramps: clean.length };
}

/**
 * Ramps whose first registration surely answers their own request: the first ramp, and each later one whose request
 * came at least the latency seen so far after the previous ramp's last registration. Executors asked for earlier (and
 * no longer needed when the backlog cleared) may still arrive within that time and would look like a fast answer.
 */
function cleanRamps(found: readonly Ramp[]): Ramp[] {
  const clean: Ramp[] = [];
  for (let i = 0; i < found.length; i++) {
    const ramp = found[i];
    if (i > 0) {
      const settle = median(clean.map((r) => r.added[0] - r.requestAt));
      const previous = found[i - 1];
      if (ramp.requestAt - previous.added[previous.added.length - 1] < settle) continue;
    }
    clean.push(ramp);
  }
  return clean;
}

/** Executors per second within the kept ramps of two or more registrations, pooled (each ramp's spread summed). */
function rampRate(found: readonly Ramp[]): CalibratedValue {
  let gaps = 0;
  let spread = 0;
  for (const ramp of found) {
    if (ramp.added.length < 2) continue;
    gaps += ramp.added.length - 1;
    spread += ramp.added[ramp.added.length - 1] - ramp.added[0];
  }
  if (gaps === 0 || spread <= 0)
    return fallback(0, 'executors/s', 'no ramp delivered two or more executors: delivery is not limited');
  return measured(
    [],
    gaps / spread,
    'executors/s',
    `${gaps + found.length} executors over ramps lasting ${round3(spread)} s`,
  );
}

function removalLag(observed: ObservedRun, idleTimeoutSec: number, dra: boolean): CalibratedValue {
  const samples: number[] = [];
  if (dra && Number.isFinite(idleTimeoutSec)) {
    for (const e of observed.executors) {
      if (e.removedAt === undefined) continue;
      if (e.reason !== undefined && !isDriverRemoval(e.reason)) continue;
      const idleSince = Math.max(e.addedAt, e.lastTaskEndAt ?? e.addedAt);
      const lag = e.removedAt - (idleSince + idleTimeoutSec);
      if (lag >= -EARLY_REMOVAL_SLACK_SEC && lag <= MAX_REMOVAL_LAG_SEC) samples.push(Math.max(0, lag));
    }
  }
  if (samples.length === 0) {
    const why = dra ? 'no executor was removed by the driver after its idle timeout' : 'dynamic allocation is off';
    return fallback(LATENCY_KNOBS.executorExitSec, 's', `${why}: the typical exit time is used`);
  }
  return measured(samples, median(samples), 's', `median over ${samples.length} idle removal(s) of deadline → removal`);
}

/**
 * Stage submission → first task launch, the median over stages: the driver's own scheduling time per stage. A stage
 * that waited for a new executor counts from its registration (observed.ts); the median keeps out the stages that
 * waited for a busy slot.
 */
function launchDelay(observed: ObservedRun): CalibratedValue {
  const samples = observed.launchDelays;
  if (samples.length === 0)
    return fallback(0, 's', 'no stage launched a task in the log: tasks launch the moment a slot is free');
  return measured(
    samples,
    median(samples),
    's',
    `median over ${samples.length} stage(s) of submission (or the registration it waited for) → first launch`,
  );
}

function lastJobEnd(observed: ObservedRun): number | undefined {
  if (observed.jobs.length === 0) return undefined;
  return highest(observed.jobs.map((j) => j.endedAt));
}

const fmt = (s: number): string => (Math.abs(s) >= 100 ? s.toFixed(0) : s.toFixed(1));

function describe(
  c: Omit<Calibration, 'summary' | 'knobs' | 'appTailSec'>,
  coldCount: number,
  beyondConf: number,
  rampCount: number,
  firstSplit: boolean,
) {
  const parts: string[] = [];
  const cs = c.coldStart;
  const cold = `${coldCount} executor${coldCount === 1 ? '' : 's'}${beyondConf > 0 ? `, ${beyondConf} beyond the configuration` : ''}`;
  if (cs.source === 'fallback') parts.push(`cold start ${fmt(cs.value)} s (typical; no samples)`);
  else if (cs.min !== undefined && cs.max !== undefined && cs.max > cs.min)
    parts.push(`cold start ${fmt(cs.min)}–${fmt(cs.max)} s (${cold})`);
  else parts.push(`cold start ${fmt(cs.value)} s (${cold})`);
  const al = c.addLatency;
  if (al.source === 'fallback') parts.push(`add latency ${fmt(al.value)} s (typical; no ramps)`);
  else if (al.source === 'request-time') parts.push(`add latency ${fmt(al.value)} s (${al.samples} requests)`);
  else {
    const n = firstSplit ? al.samples : rampCount;
    parts.push(`add latency ${fmt(al.value)} s (${n} ${firstSplit ? 'later ' : ''}ramp${n === 1 ? '' : 's'})`);
  }
  if (firstSplit) parts.push(`first ramp ${fmt(c.firstAddLatency.value)} s`);
  const rl = c.removalLag;
  parts.push(
    rl.source === 'fallback'
      ? `removal lag ${fmt(rl.value)} s (typical; no samples)`
      : `removal lag ${fmt(rl.value)} s (${rl.samples})`,
  );
  const ld = c.launchDelay;
  if (ld.source !== 'fallback' && ld.value > 0)
    parts.push(`stage launch ${Math.round(ld.value * 1000)} ms (${ld.samples} stage${ld.samples === 1 ? '' : 's'})`);
  return parts.join(', ');
}

/** Measures the calibration of a log; `knobs` holds the simulator knobs for the measured (non-fallback) values. */
export function calibrateFromLog(input: CalibrationInput): Calibration {
  const { alloc, dra, initial, beyondConf } = allocation(input);
  const observed = input.observed;
  const cold = coldSet(observed.executors, initial);
  const start = coldStart(cold);
  const add = addLatency(input, cold, alloc.schedulerBacklogTimeoutMs / 1000, dra);
  const lag = removalLag(observed, alloc.executorIdleTimeoutMs / 1000, dra);
  const delay = launchDelay(observed);
  const exit: CalibratedValue = {
    ...lag,
    basis:
      lag.source === 'fallback'
        ? lag.basis
        : 'the log does not show the kill, which follows the idle deadline within one 100 ms tick: taken as the removal lag',
  };
  const lastEnd = lastJobEnd(observed);
  const appTailSec = lastEnd === undefined ? 0 : round3(Math.max(0, observed.runtimeSec - lastEnd));

  const knobs: Record<string, number> = {};
  if (start.start.source !== 'fallback') knobs.coldStartSec = start.start.value;
  if (start.rate.source !== 'fallback') knobs.coldRatePerSec = start.rate.value;
  if (add.latency.source !== 'fallback') knobs.addLatencySec = add.latency.value;
  if (add.split) knobs.firstAddLatencySec = add.first.value;
  if (add.rate.source !== 'fallback') knobs.addRatePerSec = add.rate.value;
  if (lag.source !== 'fallback') knobs.removalLagSec = lag.value;
  // 0 is what the simulator does anyway: no knob for it.
  if (delay.source !== 'fallback' && delay.value > 0) knobs[LAUNCH_DELAY_KNOB] = delay.value;

  const parts = {
    coldStart: start.start,
    coldRate: start.rate,
    addLatency: add.latency,
    firstAddLatency: add.first,
    addRate: add.rate,
    removalLag: lag,
    exitTime: exit,
    launchDelay: delay,
  };
  return { ...parts, appTailSec, knobs, summary: describe(parts, cold.length, beyondConf, add.ramps, add.split) };
}

type ValueField =
  'coldStart' | 'coldRate' | 'addLatency' | 'firstAddLatency' | 'addRate' | 'removalLag' | 'launchDelay';

const KNOB_OF: ReadonlyArray<[ValueField, string]> = [
  ['coldStart', 'coldStartSec'],
  ['coldRate', 'coldRatePerSec'],
  ['addLatency', 'addLatencySec'],
  ['firstAddLatency', 'firstAddLatencySec'],
  ['addRate', 'addRatePerSec'],
  ['removalLag', 'removalLagSec'],
  ['launchDelay', LAUNCH_DELAY_KNOB],
];

/** The calibration as simulated: values the user set by knob replace the measured ones (source `knob`). */
export function withKnobOverrides(c: Calibration, knobs: Readonly<Record<string, number>>): Calibration {
  const out: Calibration = { ...c, knobs: { ...c.knobs } };
  for (const [field, knob] of KNOB_OF) {
    const v = knobs[knob];
    if (typeof v !== 'number' || !Number.isFinite(v)) continue;
    const measuredValue = out[field];
    out[field] = {
      ...measuredValue,
      value: v,
      source: 'knob',
      basis: `set by the ${knob} knob (the log gave ${measuredValue.value})`,
    };
    out.knobs[knob] = v;
  }
  return out;
}
