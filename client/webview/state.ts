// The webview's persisted state (acquireVsCodeApi().getState/setState), validated on the way in.
import type { Advice } from '../../protocol/advice';
import { parseAdvice } from '../../protocol/advice-parse';
import type { SimulationResult } from '../../protocol/simulation';
import {
  LIMITS,
  parseKnobs,
  parseObservedRun,
  parseSimulationResult,
  parseWhatIfValues,
  type KnobValues,
  type ObservedRun,
  type WhatIfValues,
} from '../../protocol/webview-messages';

export interface PanelState {
  version: 1;
  /** Set by the host's init message; read by the panel serializer to find the file again. */
  documentUri?: string;
  fileName: string;
  presets: string[];
  /** Selected workload preset; undefined = the host's default. */
  preset?: string;
  /** Values the user typed (may equal the file's). A key is absent when the field shows the file's value. */
  edits: WhatIfValues;
  knobs: KnobValues;
  /** What the file gives for the what-if keys, as last reported by the host. */
  fileValues: WhatIfValues;
  lastResult?: SimulationResult;
  /** What the event log observed, for a replay's last result; absent for plain simulations. */
  lastObserved?: ObservedRun;
  lastError?: string;
  /** The kind of the last error ("Spark would not start"); absent for a failure of the simulation. */
  lastErrorHeading?: string;
  nextRequestId: number;
  /** The advisor's last answer, shown again after a window reload. */
  advice?: Advice;
}

export function emptyState(): PanelState {
  return { version: 1, fileName: '', presets: [], edits: {}, knobs: {}, fileValues: {}, nextRequestId: 1 };
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Rebuilds a state from whatever getState() returned; bad parts fall back to their defaults. */
export function parseState(x: unknown): PanelState {
  const s = emptyState();
  if (!isObj(x) || x.version !== 1) return s;
  if (typeof x.documentUri === 'string' && x.documentUri.length > 0 && x.documentUri.length <= LIMITS.documentUri) {
    s.documentUri = x.documentUri;
  }
  if (typeof x.fileName === 'string' && x.fileName.length <= LIMITS.fileName * 4) s.fileName = x.fileName;
  if (Array.isArray(x.presets) && x.presets.length <= LIMITS.presets) {
    s.presets = x.presets.filter(
      (p): p is string => typeof p === 'string' && p.length > 0 && p.length <= LIMITS.preset,
    );
  }
  if (typeof x.preset === 'string' && x.preset.length > 0 && x.preset.length <= LIMITS.preset) s.preset = x.preset;
  s.edits = parseWhatIfValues(x.edits) ?? {};
  s.knobs = parseKnobs(x.knobs) ?? {};
  s.fileValues = parseWhatIfValues(x.fileValues) ?? {};
  if (x.lastResult !== undefined) {
    const r = parseSimulationResult(x.lastResult);
    if (r) s.lastResult = r;
  }
  if (s.lastResult && x.lastObserved !== undefined) {
    const o = parseObservedRun(x.lastObserved);
    if (o) s.lastObserved = o;
  }
  if (typeof x.lastError === 'string' && x.lastError.length <= LIMITS.message) s.lastError = x.lastError;
  if (
    s.lastError !== undefined &&
    typeof x.lastErrorHeading === 'string' &&
    x.lastErrorHeading.length <= LIMITS.heading
  )
    s.lastErrorHeading = x.lastErrorHeading;
  if (x.advice !== undefined) {
    const advice = parseAdvice(x.advice);
    if (advice) s.advice = advice;
  }
  if (typeof x.nextRequestId === 'number' && Number.isSafeInteger(x.nextRequestId) && x.nextRequestId > 0) {
    s.nextRequestId = x.nextRequestId;
  }
  return s;
}

/** Timelines longer than this are not persisted (the host re-runs on reload anyway). */
const PERSIST_POINTS = 20_000;

/** The state to hand to setState: drops a result (and what the log observed with it) too large to keep. */
export function persistable(s: PanelState): PanelState {
  const r = s.lastResult;
  const observedPoints = s.lastObserved?.timeline.length ?? 0;
  if (r && r.dra.timeline.length + r.static.timeline.length + observedPoints > PERSIST_POINTS) {
    const copy = { ...s };
    delete copy.lastResult;
    delete copy.lastObserved;
    return copy;
  }
  return s;
}
