// Settings the server reads from the client (`sparkDra.*`), with defaults for clients that do not answer.
// Ranges come from the protocol's one declaration; anything malformed or out of range falls back to the default.
import {
  DEFAULT_ENGINE_SETTINGS,
  normalizeVersion,
  type EngineSettings,
  type Prices,
  type SeveritySetting,
} from '../engine';
import { KNOBS, SETTING_RANGES } from '../../../protocol/limits';
import type { WorkLimits } from './work/pool';

export interface ServerSettings {
  engine: EngineSettings;
  debounceMs: number;
  /** Limits of each simulation or replay run in a worker. */
  work: WorkLimits;
  /** Show the "Simulate · Spark X · DRA vs static" lens above each job (`sparkDra.codeLens.enabled`). */
  codeLens: boolean;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  engine: DEFAULT_ENGINE_SETTINGS,
  debounceMs: 200,
  work: { timeLimitSec: 60, memoryLimitMiB: 2048 },
  codeLens: true,
};

/** `sparkDra.simulation.*` names → the cost model's price names. */
const PRICE_SETTINGS: Readonly<Record<string, keyof Prices>> = {
  emrVcpuHourUsd: 'emrVcpuHour',
  emrGbHourUsd: 'emrGbHour',
  ebsGibMonthUsd: 'ebsGibMonth',
  instanceVcpuHourUsd: 'instanceVcpuHour',
};

function inRange(setting: string, value: unknown): value is number {
  const range = SETTING_RANGES[setting];
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    range !== undefined &&
    value >= range.min &&
    (range.max === undefined || value <= range.max)
  );
}

export function readSettings(raw: unknown): ServerSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const obj = raw as Record<string, unknown>;
  const version = typeof obj.defaultSparkVersion === 'string' ? normalizeVersion(obj.defaultSparkVersion) : undefined;
  const rules: Record<string, SeveritySetting> = {};
  if (obj.rules && typeof obj.rules === 'object') {
    for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (level === 'off' || level === 'info' || level === 'warning' || level === 'error') rules[id] = level;
    }
  }
  const prices: Partial<Prices> = {};
  const knobs: Record<string, number> = {};
  const work: WorkLimits = { ...DEFAULT_SETTINGS.work };
  const simulation =
    obj.simulation && typeof obj.simulation === 'object' ? (obj.simulation as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries(simulation)) {
    if (!inRange(`sparkDra.simulation.${name}`, value)) continue;
    const price = PRICE_SETTINGS[name];
    if (price) prices[price] = value;
    else if (name in KNOBS) knobs[name] = value;
    else if (name === 'timeLimitSec') work.timeLimitSec = value;
    else if (name === 'memoryLimitMiB') work.memoryLimitMiB = value;
  }
  return {
    engine: { defaultSparkVersion: version ?? DEFAULT_ENGINE_SETTINGS.defaultSparkVersion, rules, prices, knobs },
    debounceMs: inRange('sparkDra.debounceMs', obj.debounceMs) ? obj.debounceMs : DEFAULT_SETTINGS.debounceMs,
    work,
    codeLens: readCodeLensEnabled(obj.codeLens),
  };
}

/** `sparkDra.codeLens.enabled`: on unless set to false. */
function readCodeLensEnabled(raw: unknown): boolean {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS.codeLens;
  const enabled = (raw as Record<string, unknown>).enabled;
  return typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS.codeLens;
}
