// Settings the server reads from the client (`sparkDra.*`), with defaults for clients that do not answer.
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../engine/version';

export type RuleSeverity = 'off' | 'info' | 'warning' | 'error';

export interface ServerSettings {
  defaultSparkVersion: string;
  rules: Record<string, RuleSeverity>;
  debounceMs: number;
  /** Simulator prices and pod latency (see the simulator's defaults). */
  simulation: Record<string, number>;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  defaultSparkVersion: DEFAULT_SPARK_VERSION,
  rules: {},
  debounceMs: 200,
  simulation: {},
};

/** Turns whatever the client sent into valid settings; anything malformed falls back to the default. */
export function readSettings(raw: unknown): ServerSettings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const obj = raw as Record<string, unknown>;
  const version = typeof obj.defaultSparkVersion === 'string' ? normalizeVersion(obj.defaultSparkVersion) : undefined;
  const rules: Record<string, RuleSeverity> = {};
  if (obj.rules && typeof obj.rules === 'object') {
    for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (level === 'off' || level === 'info' || level === 'warning' || level === 'error') rules[id] = level;
    }
  }
  const debounce =
    typeof obj.debounceMs === 'number' && obj.debounceMs >= 0 && obj.debounceMs <= 5000 ? obj.debounceMs : undefined;
  const simulation: Record<string, number> = {};
  if (obj.simulation && typeof obj.simulation === 'object') {
    for (const [k, v] of Object.entries(obj.simulation as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v) && v >= 0) simulation[k] = v;
    }
  }
  return {
    defaultSparkVersion: version ?? DEFAULT_SETTINGS.defaultSparkVersion,
    rules,
    debounceMs: debounce ?? DEFAULT_SETTINGS.debounceMs,
    simulation,
  };
}
