// sparkDra/simulate → simulate one job of an open document with what-if overrides.
import type { StorageClassInfo } from '../../engine/model';
import { simulateJob } from '../../engine/simulator/simulate-job';
import type { SimulateParams, SimulateResponse } from '../../protocol';
import type { Analysis } from '../documents';
import type { ServerSettings } from '../settings';
import { knobsFor, pricesFromSettings } from '../simulation-options';

const KEY = /^spark\.[A-Za-z0-9][A-Za-z0-9_.\-]*$/;
const MAX_VALUE = 1024;

/** Checks what the client sent (any LSP client may call this) and returns a clean copy. */
export function checkSimulateParams(raw: unknown): { ok: true; params: SimulateParams } | { ok: false; error: string } {
  if (!raw || typeof raw !== 'object') return { ok: false, error: 'No document given.' };
  const obj = raw as Record<string, unknown>;
  if (typeof obj.uri !== 'string' || obj.uri === '') return { ok: false, error: 'No document given.' };
  const params: SimulateParams = { uri: obj.uri };
  if (obj.jobIndex !== undefined) {
    if (typeof obj.jobIndex !== 'number' || !Number.isSafeInteger(obj.jobIndex) || obj.jobIndex < 0)
      return { ok: false, error: 'Invalid job index.' };
    params.jobIndex = obj.jobIndex;
  }
  if (obj.preset !== undefined) {
    if (typeof obj.preset !== 'string' || obj.preset.length > 100)
      return { ok: false, error: 'Invalid workload preset.' };
    params.preset = obj.preset;
  }
  if (obj.overrides !== undefined) {
    if (!obj.overrides || typeof obj.overrides !== 'object' || Array.isArray(obj.overrides))
      return { ok: false, error: 'Invalid overrides.' };
    const overrides: Record<string, string> = {};
    for (const [key, value] of Object.entries(obj.overrides as Record<string, unknown>)) {
      if (!KEY.test(key) || typeof value !== 'string' || value.length > MAX_VALUE) {
        return { ok: false, error: `Invalid override for ${key.slice(0, 100)}.` };
      }
      overrides[key] = value;
    }
    params.overrides = overrides;
  }
  if (obj.knobs !== undefined) {
    if (!obj.knobs || typeof obj.knobs !== 'object' || Array.isArray(obj.knobs))
      return { ok: false, error: 'Invalid simulator knobs.' };
    const knobs: Record<string, number> = {};
    for (const [key, value] of Object.entries(obj.knobs as Record<string, unknown>)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        return { ok: false, error: `Invalid value for ${key.slice(0, 100)}.` };
      knobs[key] = value;
    }
    params.knobs = knobs;
  }
  return { ok: true, params };
}

export function simulateFor(
  analysis: Analysis,
  params: SimulateParams,
  settings: ServerSettings,
  workspaceStorageClasses: StorageClassInfo[],
): SimulateResponse {
  const job = analysis.parsed.jobs[params.jobIndex ?? 0];
  if (!job) return { ok: false, error: 'This file holds no Spark job to simulate.' };
  return simulateJob(job, {
    sparkVersion: analysis.versionOf(job).version,
    overrides: params.overrides,
    preset: params.preset,
    knobs: knobsFor(settings.simulation, params.knobs),
    prices: pricesFromSettings(settings.simulation),
    storageClasses: [...analysis.parsed.storageClasses, ...workspaceStorageClasses],
  });
}
