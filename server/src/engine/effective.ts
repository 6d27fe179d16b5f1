// The effective configuration of a job: which entry wins for each key, and what Spark uses when nothing is written
// (a fallback key's value or the version's default).
import { defaultFor, lookupKey, allKeys } from './catalog';
import type { KeyInfo, VersionedDefault } from './catalog/types';
import type { ConfigEntry, JobConfig, SparkVersionSource } from './model';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from './version';

export interface EffectiveValue {
  key: string;
  value: string | undefined;
  source: 'entry' | 'fallback' | 'default';
  entry?: ConfigEntry;
  /** entries for the same key that lose to `entry` */
  overridden: ConfigEntry[];
  info?: KeyInfo;
  default?: VersionedDefault;
  /** for fallback: the key whose value was used */
  fallbackFrom?: string;
}

/**
 * True when the operator drops this entry: spark-operator ignores the whole `spec.dynamicAllocation` block when its
 * `enabled` field is false.
 */
export function isIgnoredByOperator(job: JobConfig, entry: ConfigEntry): boolean {
  return (
    entry.origin === 'operator-field' &&
    job.facts.operatorDynamicAllocation?.enabled === false &&
    entry.key.startsWith('spark.dynamicAllocation.')
  );
}

/** The entries Spark actually receives for `key`, in document order. */
function writtenEntries(job: JobConfig, key: string): ConfigEntry[] {
  return job.entries.filter((entry) => entry.key === key && !isIgnoredByOperator(job, entry));
}

/**
 * Spark's precedence, decided here only: among entries of one key, the one Spark uses is the highest rank, and among
 * equal ranks the one later in the document.
 */
export function pickWinner(entries: readonly ConfigEntry[]): ConfigEntry | undefined {
  let winner: ConfigEntry | undefined;
  for (const entry of entries) {
    if (winner === undefined || entry.rank >= winner.rank) winner = entry;
  }
  return winner;
}

/** Looks up the entries Spark receives for a key; callers that already grouped a job's entries pass their own. */
export type WrittenEntries = (key: string) => readonly ConfigEntry[];

/**
 * The entries Spark receives, grouped by key in document order (operator-dropped entries left out). Grouping once
 * keeps lookups of every key linear: scanning all entries per key was quadratic on large jobs.
 */
export function groupWrittenEntries(job: JobConfig): Map<string, ConfigEntry[]> {
  const byKey = new Map<string, ConfigEntry[]>();
  for (const entry of job.entries) {
    if (isIgnoredByOperator(job, entry)) continue;
    const list = byKey.get(entry.key);
    if (list) list.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  return byKey;
}

function resolve(
  job: JobConfig,
  key: string,
  sparkVersion: string,
  visited: Set<string>,
  written?: WrittenEntries,
): EffectiveValue {
  visited.add(key);
  const info = lookupKey(key);
  const entries = written ? written(key) : writtenEntries(job, key);
  const winner = pickWinner(entries);
  const result: EffectiveValue = { key, value: undefined, source: 'default', overridden: [] };
  if (info) {
    result.info = info;
    result.default = defaultFor(info, sparkVersion);
  }
  if (winner) {
    result.value = winner.value;
    result.source = 'entry';
    result.entry = winner;
    result.overridden = entries.filter((entry) => entry !== winner).sort((a, b) => b.rank - a.rank);
    return result;
  }
  if (info?.fallbackKey !== undefined && !visited.has(info.fallbackKey)) {
    const fallback = resolve(job, info.fallbackKey, sparkVersion, visited, written);
    result.value = fallback.value;
    result.source = 'fallback';
    result.fallbackFrom = info.fallbackKey;
    return result;
  }
  result.value = result.default?.value;
  return result;
}

/**
 * The value Spark uses for `key` in this job. `written`, when given, must return what `job.entries` holds for the key
 * (operator-dropped entries left out, document order); it spares a scan of every entry per key on large jobs.
 */
export function effectiveValue(
  job: JobConfig,
  key: string,
  sparkVersion: string,
  written?: WrittenEntries,
): EffectiveValue {
  return resolve(job, key, sparkVersion, new Set(), written);
}

/**
 * Every key written in the job (in document order) followed by every other non-internal catalog key. Keys of other
 * projects (Celeborn, Uniffle, EMR) are listed only when written: their defaults mean nothing to a job without them.
 */
export function effectiveConfig(job: JobConfig, sparkVersion: string): Map<string, EffectiveValue> {
  const byKey = groupWrittenEntries(job);
  const written: WrittenEntries = (key) => byKey.get(key) ?? [];
  const result = new Map<string, EffectiveValue>();
  for (const key of byKey.keys()) result.set(key, effectiveValue(job, key, sparkVersion, written));
  for (const info of allKeys()) {
    if (info.internal || info.provider || result.has(info.key)) continue;
    result.set(info.key, effectiveValue(job, info.key, sparkVersion, written));
  }
  return result;
}

/**
 * The Spark version to analyse a job with. Precedence: the override setting, the version the job states (when it
 * could be resolved), the default-version setting, then DEFAULT_SPARK_VERSION. Malformed settings are skipped.
 */
export function resolveSparkVersion(
  job: JobConfig | undefined,
  settings: { defaultSparkVersion?: string; override?: string },
): SparkVersionSource {
  const override = settings.override !== undefined ? normalizeVersion(settings.override) : undefined;
  if (override !== undefined) return { version: override, from: 'setting' };
  const stated = job?.sparkVersion;
  if (stated !== undefined && !stated.unresolved) return stated;
  const configured =
    settings.defaultSparkVersion !== undefined ? normalizeVersion(settings.defaultSparkVersion) : undefined;
  if (configured !== undefined) return { version: configured, from: 'setting' };
  return { version: DEFAULT_SPARK_VERSION, from: 'fallback' };
}
