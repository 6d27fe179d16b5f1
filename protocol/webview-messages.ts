// Messages between the extension host and the simulation webview, in both directions, and pure
// validators for each direction. Imported by the host and by the webview bundle: no DOM, no vscode.
import {
  isKnobKey,
  isKnobValue,
  isOneLine,
  isSettableValue,
  isWhatIfKey,
  PATH_MAX,
  PRESET_NAME_MAX,
  VALUE_MAX,
  WHAT_IF_KEYS,
  type KnobValues,
  type WhatIfValues,
} from './limits';
import type {
  CostBreakdown,
  SimulationResult,
  SimulationSummary,
  StaticRun,
  TimelinePoint,
  WorkloadSource,
} from './simulation';
import { parseRunTimes } from './run-times-parse';
import type { ObservedPoint, ReplayInfo, ReplayObserved } from './replay';
import { parseCalibration, parseFidelity } from './replay-parse';
import { parseExecutorTimeBreakdown } from './breakdown-parse';
import { parseProfileSummaries } from './profile-summary-parse';
import { count, finite, isObj, nonNegative, nonNegativeFields, type Obj } from './value-checks';
import {
  ADVISOR_HOST_TYPES,
  ADVISOR_WEBVIEW_TYPES,
  parseAdvisorHostMessage,
  parseAdvisorWebviewMessage,
  type AdvisorHostMessage,
  type AdvisorWebviewMessage,
} from './advisor-messages';

export {
  isKnobKey,
  isWhatIfKey,
  KNOB_KEYS,
  KNOBS,
  WHAT_IF_KEYS,
  type KnobKey,
  type KnobValues,
  type WhatIfKey,
  type WhatIfValues,
} from './limits';

export const LIMITS = {
  preset: PRESET_NAME_MAX,
  fileName: 120,
  message: 20_000,
  heading: 100,
  note: 2_000,
  inputKey: 300,
  inputs: 2_000,
  notes: 500,
  presets: 200,
  timeline: 500_000,
  /** Observed executor steps of a replay (the server keeps at most 100,000 plus the last one). */
  observed: 100_001,
  csv: 64 * 1024 * 1024,
  png: 64 * 1024 * 1024,
  documentUri: PATH_MAX,
} as const;

// ---------- host → webview ----------

export interface InitMessage {
  type: 'init';
  /** The simulated document, kept in the webview state so a restored panel finds its file. */
  documentUri: string;
  /** Short name of the file, for titles and export file names. */
  fileName: string;
  /** Built-in workload presets the host knows (may be empty). */
  presets: string[];
}
/**
 * What an event log says really ran (replays only), with whose configuration the simulation used, so the panel can
 * draw the real executor count beside the simulated one.
 */
export type ObservedRun = ReplayObserved & {
  /** Whose configuration was simulated: the log's own, or the job file's. */
  confFrom: ReplayInfo['confFrom'];
  /** Spark version the log says the application ran ("unknown" when it does not say). */
  loggedSparkVersion: string;
};
export interface ResultMessage {
  type: 'result';
  /** The webview's request id this answers; absent for runs the host started itself. */
  requestId?: number;
  result: SimulationResult;
  /** Present for replays of an event log only. */
  observed?: ObservedRun;
}
export interface FileValuesMessage {
  type: 'fileValues';
  /** What the file itself (no what-if overrides) gives for the what-if keys. */
  values: WhatIfValues;
}
export interface ErrorMessage {
  type: 'error';
  requestId?: number;
  message: string;
  /** What kind of problem it is, as a heading ("Spark would not start"); absent: a failure of the simulation. */
  heading?: string;
}
export interface AppliedMessage {
  type: 'applied';
  ok: boolean;
  message?: string;
}
/** The file changed: the webview should re-send its current what-if request. */
export interface RerunMessage {
  type: 'rerun';
}
export type HostMessage =
  InitMessage | ResultMessage | FileValuesMessage | ErrorMessage | AppliedMessage | RerunMessage | AdvisorHostMessage;

// ---------- webview → host ----------

export interface ReadyMessage {
  type: 'ready';
}
export interface SimulateMessage {
  type: 'simulate';
  requestId: number;
  /** Only the keys whose value differs from the file. */
  overrides: WhatIfValues;
  preset?: string;
  knobs: KnobValues;
}
export interface ApplyMessage {
  type: 'apply';
  /** Only the keys whose value differs from the file; never empty. */
  values: WhatIfValues;
}
export interface ExportCsvMessage {
  type: 'exportCsv';
  fileName: string;
  text: string;
}
export interface ExportPngMessage {
  type: 'exportPng';
  fileName: string;
  /** `data:image/png;base64,...` */
  dataUrl: string;
}
export type WebviewMessage =
  ReadyMessage | SimulateMessage | ApplyMessage | ExportCsvMessage | ExportPngMessage | AdvisorWebviewMessage;

// ---------- small checks ----------

function hasOnly(o: Obj, allowed: readonly string[]): boolean {
  return Object.keys(o).every((k) => allowed.includes(k));
}

function requestId(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** A string of at most `max` characters; `oneLine` also refuses control characters and line breaks. */
function str(x: unknown, max: number, oneLine = false): x is string {
  return oneLine ? isOneLine(x, max) : typeof x === 'string' && x.length <= max;
}

/** A what-if value: non-empty, one line, short, no leading or trailing blanks. */
export const isWhatIfValue = isSettableValue;

/** A what-if map with allowed keys and valid values only, or undefined. */
export function parseWhatIfValues(x: unknown, allowEmpty = true): WhatIfValues | undefined {
  if (!isObj(x)) return undefined;
  const out: WhatIfValues = {};
  let n = 0;
  for (const [k, v] of Object.entries(x)) {
    if (!isWhatIfKey(k) || !isWhatIfValue(v)) return undefined;
    out[k] = v;
    n++;
  }
  if (!allowEmpty && n === 0) return undefined;
  return out;
}

export function parseKnobs(x: unknown): KnobValues | undefined {
  if (!isObj(x)) return undefined;
  const out: KnobValues = {};
  for (const [k, v] of Object.entries(x)) {
    if (!isKnobKey(k) || !isKnobValue(k, v)) return undefined;
    out[k] = v;
  }
  return out;
}

function presetName(x: unknown): x is string {
  return str(x, LIMITS.preset, true) && /^[A-Za-z0-9][A-Za-z0-9 ._:/+-]*$/.test(x);
}

function fileName(x: unknown): x is string {
  return str(x, LIMITS.fileName, true) && /^[A-Za-z0-9][A-Za-z0-9 ._()-]*$/.test(x) && !x.includes('..');
}

// ---------- result validation (rebuilds a clean copy, drops unknown fields) ----------

const POINT_FIELDS = ['t', 'running', 'target', 'pendingPods', 'busySlots', 'pendingTasks', 'livePvcs'] as const;

function parsePoint(x: unknown): TimelinePoint | undefined {
  return nonNegativeFields(x, POINT_FIELDS);
}

export function parseTimeline(x: unknown): TimelinePoint[] | undefined {
  if (!Array.isArray(x) || x.length > LIMITS.timeline) return undefined;
  const out: TimelinePoint[] = [];
  let last = -Infinity;
  for (const item of x) {
    const p = parsePoint(item);
    if (!p || p.t < last) return undefined; // time must not go backwards
    last = p.t;
    out.push(p);
  }
  return out;
}

function parseCost(x: unknown): CostBreakdown | undefined {
  if (!isObj(x)) return undefined;
  const { emrUplift, compute, storage, total, currency, computePriced, leftBehindPerMonth } = x;
  if (!finite(emrUplift) || !finite(compute) || !finite(storage) || !finite(total) || currency !== 'USD')
    return undefined;
  const cost: CostBreakdown = { emrUplift, compute, storage, total, currency };
  if (computePriced !== undefined) {
    if (typeof computePriced !== 'boolean') return undefined;
    cost.computePriced = computePriced;
  }
  if (leftBehindPerMonth !== undefined) {
    if (!nonNegative(leftBehindPerMonth)) return undefined;
    cost.leftBehindPerMonth = leftBehindPerMonth;
  }
  return cost;
}

const SUMMARY_FIELDS = [
  'runtimeSec',
  'executorSeconds',
  'busyCoreSeconds',
  'idleCoreSeconds',
  'peakExecutors',
  'podsCreated',
  'pvcsCreated',
  'pvcGiBHours',
  'pvcGiBLeftBehind',
  'tasks',
  'recomputedTasks',
  'recomputeSec',
] as const;

function parseSummary(x: unknown): SimulationSummary | undefined {
  const figures = nonNegativeFields(x, SUMMARY_FIELDS);
  const cost = isObj(x) ? parseCost(x.cost) : undefined;
  if (!figures || !cost || !isObj(x)) return undefined;
  if (x.profiles === undefined) return { ...figures, cost };
  const profiles = parseProfileSummaries(x.profiles);
  return profiles ? { ...figures, cost, profiles } : undefined;
}

function parseStringRecord(
  x: unknown,
  maxEntries: number,
  maxKey: number,
  maxValue: number,
): Record<string, string> | undefined {
  if (!isObj(x)) return undefined;
  const entries = Object.entries(x);
  if (entries.length > maxEntries) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of entries) {
    if (!str(k, maxKey) || !str(v, maxValue)) return undefined;
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') return undefined;
    out[k] = v;
  }
  return out;
}

function parseStaticRun(x: unknown): StaticRun | undefined {
  if (!isObj(x)) return undefined;
  const timeline = parseTimeline(x.timeline);
  const summary = parseSummary(x.summary);
  const breakdown = parseExecutorTimeBreakdown(x.breakdown);
  if (!timeline || !summary || !breakdown || !nonNegative(x.executors)) return undefined;
  return { executors: x.executors, timeline, summary, breakdown };
}

const WORKLOAD_SOURCES: readonly WorkloadSource[] = ['preset', 'file', 'event log'];

export function parseSimulationResult(x: unknown): SimulationResult | undefined {
  if (!isObj(x) || !isObj(x.dra) || !isObj(x.static) || !isObj(x.workload)) return undefined;
  const draTimeline = parseTimeline(x.dra.timeline);
  const draSummary = parseSummary(x.dra.summary);
  const staticRun = parseStaticRun(x.static);
  const draBreakdown = parseExecutorTimeBreakdown(x.dra.breakdown);
  if (!draTimeline || !draSummary || !draBreakdown || !staticRun || !str(x.verdict, LIMITS.note)) return undefined;
  const rightSized = x.staticRightSized === undefined ? undefined : parseStaticRun(x.staticRightSized);
  if (x.staticRightSized !== undefined && !rightSized) return undefined;
  if (!Array.isArray(x.notes) || x.notes.length > LIMITS.notes || !x.notes.every((n) => str(n, LIMITS.note)))
    return undefined;
  const inputs = parseStringRecord(x.inputs, LIMITS.inputs, LIMITS.inputKey, LIMITS.note);
  if (!inputs) return undefined;
  const fileInputs =
    x.fileInputs === undefined ? inputs : parseStringRecord(x.fileInputs, LIMITS.inputs, LIMITS.inputKey, LIMITS.note);
  if (!fileInputs) return undefined;
  const w = x.workload;
  if (!str(w.name, LIMITS.preset) || !nonNegative(w.jobs) || !nonNegative(w.stages) || !nonNegative(w.tasks))
    return undefined;
  if (w.source !== undefined && !WORKLOAD_SOURCES.includes(w.source as WorkloadSource)) return undefined;
  if (w.description !== undefined && !str(w.description, LIMITS.note)) return undefined;
  if (!str(x.sparkVersion, 50)) return undefined;
  const workload: SimulationResult['workload'] = { name: w.name, jobs: w.jobs, stages: w.stages, tasks: w.tasks };
  if (w.source !== undefined) workload.source = w.source as WorkloadSource;
  if (w.description !== undefined) workload.description = w.description;
  const result: SimulationResult = {
    dra: { timeline: draTimeline, summary: draSummary, breakdown: draBreakdown },
    static: staticRun,
    verdict: x.verdict,
    notes: [...(x.notes as string[])],
    inputs,
    fileInputs,
    workload,
    sparkVersion: x.sparkVersion,
  };
  if (rightSized) result.staticRightSized = rightSized;
  const runTimes = parseRunTimes(x.dra);
  if (runTimes) Object.assign(result.dra, runTimes);
  // A replay's extras are optional: a malformed one is left out, and the simulation is still shown.
  const calibration = x.calibration === undefined ? undefined : parseCalibration(x.calibration);
  if (calibration) result.calibration = calibration;
  const fidelity = x.fidelity === undefined ? undefined : parseFidelity(x.fidelity);
  if (fidelity) result.fidelity = fidelity;
  return result;
}

function parseObservedTimeline(x: unknown): ObservedPoint[] | undefined {
  if (!Array.isArray(x) || x.length > LIMITS.observed) return undefined;
  const out: ObservedPoint[] = [];
  let last = -Infinity;
  for (const item of x) {
    if (!isObj(item)) return undefined;
    const { t, running } = item;
    if (!nonNegative(t) || !count(running) || t < last) return undefined; // time must not go backwards
    last = t;
    out.push({ t, running });
  }
  return out;
}

/** The observed part of a replay's result message: a clean copy, or undefined when anything is off. */
export function parseObservedRun(x: unknown): ObservedRun | undefined {
  if (!isObj(x)) return undefined;
  const timeline = parseObservedTimeline(x.timeline);
  if (!timeline) return undefined;
  const {
    runtimeSec,
    peakExecutors,
    executorSeconds,
    executorsAdded,
    executorsRemoved,
    complete,
    confFrom,
    loggedSparkVersion,
  } = x;
  if (!nonNegative(runtimeSec) || !nonNegative(executorSeconds)) return undefined;
  if (!count(peakExecutors) || !count(executorsAdded) || !count(executorsRemoved)) return undefined;
  if (typeof complete !== 'boolean') return undefined;
  if (confFrom !== 'event-log' && confFrom !== 'job-file') return undefined;
  if (!str(loggedSparkVersion, 50, true)) return undefined;
  return {
    timeline,
    runtimeSec,
    peakExecutors,
    executorSeconds,
    executorsAdded,
    executorsRemoved,
    complete,
    confFrom,
    loggedSparkVersion,
  };
}

// ---------- direction validators ----------

/** Validates a message from the host. Returns a clean copy, or undefined for anything malformed. */
export function parseHostMessage(x: unknown): HostMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  if (ADVISOR_HOST_TYPES.includes(x.type)) return parseAdvisorHostMessage(x);
  switch (x.type) {
    case 'init': {
      if (!str(x.documentUri, LIMITS.documentUri, true) || x.documentUri.length === 0) return undefined;
      if (!str(x.fileName, LIMITS.fileName * 4, true)) return undefined;
      if (!Array.isArray(x.presets) || x.presets.length > LIMITS.presets || !x.presets.every(presetName))
        return undefined;
      return { type: 'init', documentUri: x.documentUri, fileName: x.fileName, presets: [...(x.presets as string[])] };
    }
    case 'result': {
      if (x.requestId !== undefined && !requestId(x.requestId)) return undefined;
      const result = parseSimulationResult(x.result);
      if (!result) return undefined;
      const msg: ResultMessage =
        x.requestId === undefined ? { type: 'result', result } : { type: 'result', requestId: x.requestId, result };
      if (x.observed !== undefined) {
        const observed = parseObservedRun(x.observed);
        if (!observed) return undefined;
        msg.observed = observed;
      }
      return msg;
    }
    case 'fileValues': {
      // The file may hold values the controls would not produce (odd spacing...): keep only valid ones.
      if (!isObj(x.values)) return undefined;
      const values: WhatIfValues = {};
      for (const [k, v] of Object.entries(x.values)) {
        if (typeof v !== 'string' || v.length > VALUE_MAX) return undefined;
        if (isWhatIfKey(k) && isWhatIfValue(v.trim())) values[k] = v.trim();
      }
      return { type: 'fileValues', values };
    }
    case 'error': {
      if (!str(x.message, LIMITS.message)) return undefined;
      if (x.requestId !== undefined && !requestId(x.requestId)) return undefined;
      if (x.heading !== undefined && !isOneLine(x.heading, LIMITS.heading)) return undefined;
      const error: ErrorMessage = { type: 'error', message: x.message };
      if (x.requestId !== undefined) error.requestId = x.requestId;
      if (x.heading !== undefined) error.heading = x.heading;
      return error;
    }
    case 'applied': {
      if (typeof x.ok !== 'boolean') return undefined;
      if (x.message !== undefined && !str(x.message, LIMITS.message)) return undefined;
      return x.message === undefined
        ? { type: 'applied', ok: x.ok }
        : { type: 'applied', ok: x.ok, message: x.message };
    }
    case 'rerun':
      return { type: 'rerun' };
    default:
      return undefined;
  }
}

const PNG_PREFIX = 'data:image/png;base64,';

/** Validates a message from the webview. Strict: unknown fields, keys or malformed values → undefined. */
export function parseWebviewMessage(x: unknown): WebviewMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  if (ADVISOR_WEBVIEW_TYPES.includes(x.type)) return parseAdvisorWebviewMessage(x);
  switch (x.type) {
    case 'ready':
      return hasOnly(x, ['type']) ? { type: 'ready' } : undefined;
    case 'simulate': {
      if (!hasOnly(x, ['type', 'requestId', 'overrides', 'preset', 'knobs'])) return undefined;
      if (!requestId(x.requestId)) return undefined;
      const overrides = parseWhatIfValues(x.overrides);
      const knobs = parseKnobs(x.knobs);
      if (!overrides || !knobs) return undefined;
      if (x.preset !== undefined && !presetName(x.preset)) return undefined;
      const msg: SimulateMessage = { type: 'simulate', requestId: x.requestId, overrides, knobs };
      if (x.preset !== undefined) msg.preset = x.preset;
      return msg;
    }
    case 'apply': {
      if (!hasOnly(x, ['type', 'values'])) return undefined;
      const values = parseWhatIfValues(x.values, false);
      return values ? { type: 'apply', values } : undefined;
    }
    case 'exportCsv': {
      if (!hasOnly(x, ['type', 'fileName', 'text'])) return undefined;
      if (!fileName(x.fileName) || !x.fileName.toLowerCase().endsWith('.csv')) return undefined;
      if (!str(x.text, LIMITS.csv)) return undefined;
      return { type: 'exportCsv', fileName: x.fileName, text: x.text };
    }
    case 'exportPng': {
      if (!hasOnly(x, ['type', 'fileName', 'dataUrl'])) return undefined;
      if (!fileName(x.fileName) || !x.fileName.toLowerCase().endsWith('.png')) return undefined;
      if (!str(x.dataUrl, LIMITS.png) || !x.dataUrl.startsWith(PNG_PREFIX)) return undefined;
      const b64 = x.dataUrl.slice(PNG_PREFIX.length);
      if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return undefined;
      return { type: 'exportPng', fileName: x.fileName, dataUrl: x.dataUrl };
    }
    default:
      return undefined;
  }
}

/** The base64 payload of a validated PNG data URL. */
export function pngBase64(dataUrl: string): string {
  return dataUrl.startsWith(PNG_PREFIX) ? dataUrl.slice(PNG_PREFIX.length) : '';
}

/** The document URI a persisted webview state belongs to (for panel restore), or undefined. */
export function documentUriFromState(state: unknown): string | undefined {
  if (!isObj(state)) return undefined;
  const uri = state.documentUri;
  return str(uri, LIMITS.documentUri, true) && uri.length > 0 ? uri : undefined;
}

/** Keys whose value in `current` differs from `file` (what Apply writes and what a re-run overrides). */
export function changedValues(current: WhatIfValues, file: WhatIfValues): WhatIfValues {
  const out: WhatIfValues = {};
  for (const k of WHAT_IF_KEYS) {
    const v = current[k];
    if (v !== undefined && v !== file[k]) out[k] = v;
  }
  return out;
}
