// Checks what a client sent with each custom request (any LSP client may call them) against the protocol's limits.
// A malformed request is answered with LSP's InvalidParams error, naming what is wrong.
import { isAbsolute, resolve } from 'node:path';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import {
  isJobIndex,
  isKnobKey,
  isKnobValue,
  isOneLine,
  isSettableValue,
  isSparkKey,
  MAX_SLOWDOWN_PCT_MAX,
  PATH_MAX,
  PRESET_NAME_MAX,
  VALUE_MAX,
  VALUES_MAX,
  type KnobValues,
} from '../../../protocol/limits';
import type {
  AdviseParams,
  EffectiveConfigParams,
  UpgradeDiffParams,
  ReplayEventLogParams,
  SimulateParams,
  ValueEditsParams,
} from '../../../protocol/requests';

type Raw = Record<string, unknown>;

function invalid(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

function object(raw: unknown, what: string): Raw {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid(`${what} must be an object.`);
  return raw as Raw;
}

function uri(raw: Raw): string {
  if (!isOneLine(raw.uri, PATH_MAX) || raw.uri === '') throw invalid('No document given.');
  return raw.uri;
}

function jobIndex(raw: Raw): number | undefined {
  if (raw.jobIndex === undefined) return undefined;
  if (!isJobIndex(raw.jobIndex)) throw invalid('Invalid job index.');
  return raw.jobIndex;
}

/** Spark key → value pairs, each key a Spark key and each value short and on one line. */
function values(raw: unknown, what: string): Record<string, string> {
  const obj = object(raw, what);
  const entries = Object.entries(obj);
  if (entries.length > VALUES_MAX) throw invalid(`Too many ${what} (${entries.length}); at most ${VALUES_MAX}.`);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    if (!isSparkKey(key)) throw invalid(`Not a Spark key: ${JSON.stringify(String(key).slice(0, 100))}.`);
    if (!isSettableValue(value)) {
      throw invalid(
        `The value of ${key} must be one line of text without surrounding blanks (at most ${VALUE_MAX} characters).`,
      );
    }
    out[key] = value;
  }
  return out;
}

function knobs(raw: unknown): KnobValues {
  const out: KnobValues = {};
  for (const [key, value] of Object.entries(object(raw, 'Simulator knobs'))) {
    if (!isKnobKey(key)) throw invalid(`Unknown simulator knob: ${JSON.stringify(key.slice(0, 100))}.`);
    if (!isKnobValue(key, value)) throw invalid(`The value of ${key} is out of range.`);
    out[key] = value;
  }
  return out;
}

export function simulateParams(raw: unknown): SimulateParams {
  const obj = object(raw, 'The request');
  const params: SimulateParams = { uri: uri(obj) };
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  if (obj.preset !== undefined) {
    if (!isOneLine(obj.preset, PRESET_NAME_MAX)) throw invalid('Invalid workload preset.');
    params.preset = obj.preset;
  }
  if (obj.overrides !== undefined) params.overrides = values(obj.overrides, 'overrides');
  if (obj.knobs !== undefined) params.knobs = knobs(obj.knobs);
  return params;
}

export function adviseParams(raw: unknown): AdviseParams {
  const obj = object(raw, 'The request');
  const params: AdviseParams = { uri: uri(obj) };
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  if (obj.preset !== undefined) {
    if (!isOneLine(obj.preset, PRESET_NAME_MAX)) throw invalid('Invalid workload preset.');
    params.preset = obj.preset;
  }
  if (obj.eventLogPath !== undefined) {
    if (!isOneLine(obj.eventLogPath, PATH_MAX) || !isAbsolute(obj.eventLogPath))
      throw invalid('The event log path must be an absolute path.');
    params.eventLogPath = resolve(obj.eventLogPath);
  }
  if (obj.maxSlowdownPct !== undefined) {
    const pct = obj.maxSlowdownPct;
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > MAX_SLOWDOWN_PCT_MAX)
      throw invalid(`maxSlowdownPct must be a number from 0 to ${MAX_SLOWDOWN_PCT_MAX}.`);
    params.maxSlowdownPct = pct;
  }
  if (obj.overrides !== undefined) params.overrides = values(obj.overrides, 'overrides');
  if (obj.knobs !== undefined) params.knobs = knobs(obj.knobs);
  if (obj.workDoneToken !== undefined) {
    const token = obj.workDoneToken;
    if (!(typeof token === 'number' && Number.isSafeInteger(token)) && !isOneLine(token, PRESET_NAME_MAX))
      throw invalid('Invalid workDoneToken.');
    params.workDoneToken = token;
  }
  return params;
}

export function replayParams(raw: unknown): ReplayEventLogParams {
  const obj = object(raw, 'The request');
  if (!isOneLine(obj.path, PATH_MAX) || obj.path.trim() === '') throw invalid('No event log given.');
  if (!isAbsolute(obj.path)) throw invalid('The event log path must be an absolute path.');
  const params: ReplayEventLogParams = { path: resolve(obj.path) };
  if (obj.app !== undefined) {
    if (!isOneLine(obj.app, PRESET_NAME_MAX) || obj.app === '') throw invalid('Invalid application id.');
    params.app = obj.app;
  }
  if (obj.uri !== undefined) params.uri = uri(obj);
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  if (obj.overrides !== undefined) params.overrides = values(obj.overrides, 'overrides');
  if (obj.knobs !== undefined) params.knobs = knobs(obj.knobs);
  return params;
}

export function valueEditsParams(raw: unknown): ValueEditsParams {
  const obj = object(raw, 'The request');
  const params: ValueEditsParams = { uri: uri(obj), values: values(obj.values, 'values') };
  if (Object.keys(params.values).length === 0) throw invalid('No values to write.');
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  return params;
}

export function documentParams(raw: unknown): EffectiveConfigParams {
  const obj = object(raw, 'The request');
  const params: EffectiveConfigParams = { uri: uri(obj) };
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  return params;
}

export function upgradeDiffParams(raw: unknown): UpgradeDiffParams {
  const obj = object(raw, 'The request');
  if (!isOneLine(obj.toVersion, 50) || obj.toVersion === '') throw invalid('No Spark version to compare with.');
  const params: UpgradeDiffParams = { uri: uri(obj), toVersion: obj.toVersion };
  const index = jobIndex(obj);
  if (index !== undefined) params.jobIndex = index;
  if (obj.preset !== undefined) {
    if (!isOneLine(obj.preset, PRESET_NAME_MAX)) throw invalid('Invalid workload preset.');
    params.preset = obj.preset;
  }
  return params;
}
