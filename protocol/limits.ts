// Every limit on what crosses a boundary (client → server requests, host ⇄ webview messages, settings), declared once
// and checked by the same small functions in the extension host, the language server and the webview.
// Plain data and pure functions only: no imports, so every project can share it.

/** A Spark configuration key as a request may name it. */
export const SPARK_KEY_PATTERN = /^spark\.[A-Za-z0-9][A-Za-z0-9_.-]*$/;
/** Longest Spark key a request may name. */
export const SPARK_KEY_MAX = 300;
/** Longest value a request may set (what-if values are written into the user's file, so they stay short). */
export const VALUE_MAX = 200;
/** Most values one request may set or write. */
export const VALUES_MAX = 100;
/** Longest workload preset name. */
export const PRESET_NAME_MAX = 100;
/** Longest file path or URI a request may carry. */
export const PATH_MAX = 4096;
/**
 * Most diagnostics the language server publishes for one file; past it, one more says how many were left out. The
 * Problems view cannot usefully show more, and sending tens of thousands on every keystroke keeps the server from
 * answering hovers and completions meanwhile. `spark-dra check` lists every finding.
 */
export const MAX_PUBLISHED_DIAGNOSTICS = 5_000;
/** Highest job index a request may name (files with more jobs than this are not simulated job by job). */
export const JOB_INDEX_MAX = 10_000;

/** Spark keys the panel's what-if controls may change (and Apply may write). */
export const WHAT_IF_KEYS = [
  'spark.dynamicAllocation.minExecutors',
  'spark.dynamicAllocation.maxExecutors',
  'spark.dynamicAllocation.initialExecutors',
  'spark.dynamicAllocation.schedulerBacklogTimeout',
  'spark.dynamicAllocation.executorIdleTimeout',
  'spark.dynamicAllocation.shuffleTracking.enabled',
  'spark.dynamicAllocation.shuffleTracking.timeout',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout',
  'spark.kubernetes.allocation.batch.size',
] as const;
export type WhatIfKey = (typeof WHAT_IF_KEYS)[number];
export type WhatIfValues = Partial<Record<WhatIfKey, string>>;

/** The advisor's runtime constraint: at most this many percent slower than the file as written. */
export const MAX_SLOWDOWN_PCT_MAX = 1000;
/** The constraint when none is given. */
export const DEFAULT_MAX_SLOWDOWN_PCT = 5;

/** A runtime constraint the advisor accepts: a finite percentage from 0 to MAX_SLOWDOWN_PCT_MAX. */
export function isMaxSlowdownPct(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= MAX_SLOWDOWN_PCT_MAX;
}

/**
 * Simulator knobs that are not Spark keys: inclusive range, default and the setting of the same name. The default is
 * declared here once; the engine, the CLI and package.json's setting use it (a unit test holds package.json equal).
 * `podStartLatencySec` is the whole time from creating an executor pod to the executor registering with the driver.
 */
export const KNOBS = {
  podStartLatencySec: { min: 0, max: 600, default: 8, setting: 'sparkDra.simulation.podStartLatencySec' },
} as const;
export type KnobKey = keyof typeof KNOBS;
export type KnobValues = Partial<Record<KnobKey, number>>;
export const KNOB_KEYS = Object.keys(KNOBS) as KnobKey[];

/** Numeric settings the server reads, with their inclusive ranges (package.json declares the same; a test holds them equal). */
export const SETTING_RANGES: Readonly<Record<string, { min: number; max?: number }>> = {
  'sparkDra.debounceMs': { min: 0, max: 5000 },
  'sparkDra.simulation.emrVcpuHourUsd': { min: 0 },
  'sparkDra.simulation.emrGbHourUsd': { min: 0 },
  'sparkDra.simulation.ebsGibMonthUsd': { min: 0 },
  'sparkDra.simulation.instanceVcpuHourUsd': { min: 0 },
  'sparkDra.simulation.podStartLatencySec': { min: KNOBS.podStartLatencySec.min, max: KNOBS.podStartLatencySec.max },
  'sparkDra.simulation.timeLimitSec': { min: 1, max: 3600 },
  'sparkDra.simulation.memoryLimitMiB': { min: 256, max: 16384 },
};

// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const CONTROL_CHARS = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** A string of at most `max` characters with no control characters or line breaks. */
export function isOneLine(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max && !CONTROL_CHARS.test(x);
}

export function isSparkKey(x: unknown): x is string {
  return typeof x === 'string' && x.length <= SPARK_KEY_MAX && SPARK_KEY_PATTERN.test(x);
}

/** A value a request may set: non-empty, one line, short, without leading or trailing blanks. */
export function isSettableValue(x: unknown): x is string {
  return isOneLine(x, VALUE_MAX) && x.length > 0 && x.trim() === x;
}

export function isWhatIfKey(x: string): x is WhatIfKey {
  return (WHAT_IF_KEYS as readonly string[]).includes(x);
}

export function isKnobKey(x: string): x is KnobKey {
  return Object.prototype.hasOwnProperty.call(KNOBS, x);
}

/** A knob value inside the knob's range. */
export function isKnobValue(key: KnobKey, x: unknown): x is number {
  const range = KNOBS[key];
  return typeof x === 'number' && Number.isFinite(x) && x >= range.min && x <= range.max;
}

export function isJobIndex(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0 && x <= JOB_INDEX_MAX;
}
