// Everything a rule looks at for one job: the file, the job, its Spark version and its effective configuration.
import type { SparkKey } from '../catalog/index';
import type { ConfigEntry, JobConfig, ParsedFile, PersistentVolumeClaimInfo, Range, StorageClassInfo } from '../model';
import { effectiveValue, isIgnoredByOperator, pickWinner, type EffectiveValue } from '../effective';
import { LineIndex } from '../line-index';
import { rankStorageClasses } from '../storage-class-lookup';
import { parseSparkBoolean } from '../values';
import type { SeveritySetting } from './severity';

export interface AnalyzeSettings {
  defaultSparkVersion?: string;
  versionOverride?: string;
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface RuleContext {
  text: string;
  parsed: ParsedFile;
  job: JobConfig;
  /** The Spark version the job runs, `major.minor.patch`. */
  version: string;
  /** StorageClasses of this file, then the workspace's from the same folder, then the rest (see storage-class-lookup). */
  storageClasses: readonly StorageClassInfo[];
  /** PersistentVolumeClaims of this file followed by the workspace's. */
  claims: readonly PersistentVolumeClaimInfo[];
  /** Dynamic allocation is effectively on for this job. */
  dra: boolean;
  /** Kubernetes rules apply (platform kubernetes, or unknown). */
  kubernetes: boolean;
  /** The job is known to run on Kubernetes (not merely unknown). */
  onKubernetes: boolean;
  /** The job is an EMR request or configuration. */
  emr: boolean;
  /** Effective value of a key (entry, fallback or default for the version). */
  get(key: SparkKey): EffectiveValue;
  /** All entries of a key that Spark receives, in document order (operator fields the operator drops are left out). */
  entries(key: SparkKey): ConfigEntry[];
  /** The entry Spark uses for a key (highest rank, later wins on ties), if written. */
  winner(key: SparkKey): ConfigEntry | undefined;
  /**
   * The keys Spark receives more than once, each with its entries (what `entries` returns), in the order the keys first
   * appear in `job.entries`.
   */
  repeatedKeys(): ReadonlyArray<readonly [string, readonly ConfigEntry[]]>;
  /** 1-based line of an offset of `text`, for messages. */
  lineOf(offset: number): number;
}

const EMR_KINDS = new Set(['emr-eks', 'emr-serverless', 'emr-config']);

export function buildContext(
  text: string,
  parsed: ParsedFile,
  job: JobConfig,
  version: string,
  workspaceStorageClasses: readonly StorageClassInfo[],
  lines: () => LineIndex = lazyLineIndex(text),
  workspaceClaims: readonly PersistentVolumeClaimInfo[] = [],
): RuleContext {
  // One pass groups the entries by key, for every rule. Most keys are written once: such a key maps to its entry and
  // gets a list only when asked for (tens of thousands of one-entry lists showed in profiles of large files). null
  // marks a key written only in entries the operator drops. Indexed loops here and in the per-entry rules: they run
  // before the optimiser kicks in, and a for-of then allocates an iterator result per entry.
  const byKey = new Map<string, ConfigEntry | ConfigEntry[] | null>();
  let repeated = 0;
  const all = job.entries;
  for (let i = 0; i < all.length; i++) {
    const entry = all[i] as ConfigEntry;
    const ignored = isIgnoredByOperator(job, entry);
    const group = byKey.get(entry.key);
    if (group === undefined) byKey.set(entry.key, ignored ? null : entry);
    else if (ignored) continue;
    else if (group === null) byKey.set(entry.key, entry);
    else if (Array.isArray(group)) group.push(entry);
    else {
      byKey.set(entry.key, [group, entry]);
      repeated++;
    }
  }
  const entries = (key: string): ConfigEntry[] => {
    const group = byKey.get(key);
    if (group === undefined || group === null) return [];
    if (Array.isArray(group)) return group;
    // Kept, so that every call for the key returns the same list (as when every key had one).
    const list = [group];
    byKey.set(key, list);
    return list;
  };
  let repeatedList: Array<readonly [string, readonly ConfigEntry[]]> | undefined;
  const repeatedKeys = (): ReadonlyArray<readonly [string, readonly ConfigEntry[]]> => {
    if (repeatedList === undefined) {
      const found: Array<readonly [string, readonly ConfigEntry[]]> = [];
      if (repeated > 0) {
        byKey.forEach((group, key) => {
          if (Array.isArray(group) && group.length > 1) found.push([key, group]);
        });
      }
      repeatedList = found;
    }
    return repeatedList;
  };
  const cache = new Map<string, EffectiveValue>();
  const get = (key: string): EffectiveValue => {
    let value = cache.get(key);
    if (!value) {
      value = effectiveValue(job, key, version, entries);
      cache.set(key, value);
    }
    return value;
  };
  const winner = (key: string): ConfigEntry | undefined => pickWinner(entries(key));
  const platform = job.facts.platform;
  const ctx: RuleContext = {
    text,
    parsed,
    job,
    version,
    storageClasses: rankStorageClasses(parsed, workspaceStorageClasses),
    claims: [...(parsed.claims ?? []), ...workspaceClaims],
    dra: false,
    kubernetes: platform === 'kubernetes' || platform === 'unknown',
    onKubernetes: platform === 'kubernetes' || (platform === 'unknown' && looksLikeKubernetes(job)),
    emr: EMR_KINDS.has(job.kind),
    get,
    entries,
    winner,
    repeatedKeys,
    lineOf: (offset) => lines().positionAt(offset).line + 1,
  };
  ctx.dra = draEnabled(ctx);
  return ctx;
}

/**
 * A line index of `text` built on first use. analyze() makes one per file and hands it to every job's context: a file
 * of many jobs must not index its text once per job.
 */
export function lazyLineIndex(text: string): () => LineIndex {
  let index: LineIndex | undefined;
  return () => (index ??= new LineIndex(text));
}

/** Spark's own test: enabled=true, and the master is not local unless testing is on. */
function draEnabled(ctx: RuleContext): boolean {
  const enabled = ctx.get('spark.dynamicAllocation.enabled').value;
  if (enabled === undefined) return false;
  const parsed = parseSparkBoolean(enabled);
  if (!parsed.ok || !parsed.value) return false;
  const master = ctx.winner('spark.master')?.value.trim();
  if (master !== undefined && /^local(\[.*\])?$/.test(master)) {
    const testing = ctx.winner('spark.dynamicAllocation.testing')?.value;
    return testing !== undefined && parseSparkBoolean(testing).ok && testing.trim().toLowerCase() === 'true';
  }
  return true;
}

/** For jobs of unknown platform: any Kubernetes key or a k8s:// master says it runs on Kubernetes. */
function looksLikeKubernetes(job: JobConfig): boolean {
  return job.entries.some(
    (entry) =>
      entry.key.startsWith('spark.kubernetes.') ||
      (entry.key === 'spark.master' && entry.value.trim().startsWith('k8s://')),
  );
}

/** The span to report an entry's value on: the value when written, else the key. */
export function valueSpan(entry: ConfigEntry): Range {
  return entry.valueRange.end > entry.valueRange.start ? entry.valueRange : entry.keyRange;
}

/** Where to report a problem about the job as a whole: the key that turned dynamic allocation on, else the first entry. */
export function jobAnchor(ctx: RuleContext): Range {
  const dra = ctx.winner('spark.dynamicAllocation.enabled');
  if (dra) return dra.keyRange;
  const first = ctx.job.entries[0];
  if (first) return first.keyRange;
  return { start: ctx.job.range.start, end: ctx.job.range.start };
}
