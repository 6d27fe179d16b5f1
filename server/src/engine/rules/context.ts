// Everything a rule looks at for one job: the file, the job, its Spark version and its effective configuration.
import type { SparkKey } from '../catalog/index';
import type { ConfigEntry, JobConfig, ParsedFile, PersistentVolumeClaimInfo, Range, StorageClassInfo } from '../model';
import { effectiveValue, isIgnoredByOperator, pickWinner, type EffectiveValue } from '../effective';
import { LineIndex } from '../line-index';
import { rankStorageClasses } from '../storage-class-lookup';
import { parseSparkBoolean } from '../values';
import { watchContext, type ReadTracker } from './read-tracker';
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

/**
 * The entries of a job grouped by key, as indices into `job.entries`, in the order keys first appear. Most keys are
 * written once: such a key maps to its index (tens of thousands of one-entry lists showed in profiles of large files);
 * null marks a key written only in entries the operator drops. Indices rather than entries, so that the grouping of
 * one version serves the next when an edit changed a value only (the entries move, their order and keys stay).
 */
export class KeyGroups {
  readonly byKey = new Map<string, number | number[] | null>();
  private repeatedList: string[] | undefined;
  private repeatedCount = 0;

  constructor(job: JobConfig) {
    // Indexed loops here and in the per-entry rules: they run before the optimiser kicks in, and a for-of then
    // allocates an iterator result per entry.
    const all = job.entries;
    for (let i = 0; i < all.length; i++) {
      const entry = all[i] as ConfigEntry;
      const ignored = isIgnoredByOperator(job, entry);
      const group = this.byKey.get(entry.key);
      if (group === undefined) this.byKey.set(entry.key, ignored ? null : i);
      else if (ignored) continue;
      else if (group === null) this.byKey.set(entry.key, i);
      else if (typeof group === 'number') {
        this.byKey.set(entry.key, [group, i]);
        this.repeatedCount++;
      } else group.push(i);
    }
  }

  /** The keys Spark receives more than once, in the order they first appear. */
  repeated(): readonly string[] {
    if (this.repeatedList === undefined) {
      const found: string[] = [];
      if (this.repeatedCount > 0) {
        this.byKey.forEach((group, key) => {
          if (Array.isArray(group)) found.push(key);
        });
      }
      this.repeatedList = found;
    }
    return this.repeatedList;
  }
}

export function buildContext(
  text: string,
  parsed: ParsedFile,
  job: JobConfig,
  version: string,
  workspaceStorageClasses: readonly StorageClassInfo[],
  lines: () => LineIndex = lazyLineIndex(text),
  workspaceClaims: readonly PersistentVolumeClaimInfo[] = [],
  /** Records what each check reads (one-job JSON files; see read-tracker.ts). */
  tracker?: ReadTracker,
  /** The job's entries grouped by key, when an earlier version's grouping still holds (see KeyGroups). */
  keyGroups?: KeyGroups,
): RuleContext {
  const groups = keyGroups ?? new KeyGroups(job);
  const all = job.entries;
  // Keys looked up while an effective value is worked out (its fallbacks), so that a later read of the cached value
  // records them too.
  let lookups: string[] | undefined;
  // Kept per key, so that every call for a key returns the same list.
  const lists = new Map<string, ConfigEntry[]>();
  const listOf = (key: string): ConfigEntry[] => {
    let list = lists.get(key);
    if (list === undefined) {
      const group = groups.byKey.get(key);
      if (group === undefined || group === null) return [];
      list = typeof group === 'number' ? [all[group] as ConfigEntry] : group.map((i) => all[i] as ConfigEntry);
      lists.set(key, list);
    }
    return list;
  };
  const entries = (key: string): ConfigEntry[] => {
    tracker?.key(key);
    lookups?.push(key);
    return listOf(key);
  };
  let repeatedList: Array<readonly [string, readonly ConfigEntry[]]> | undefined;
  const repeatedKeys = (): ReadonlyArray<readonly [string, readonly ConfigEntry[]]> => {
    tracker?.everything();
    repeatedList ??= groups.repeated().map((key) => [key, listOf(key)] as const);
    return repeatedList;
  };
  const cache = new Map<string, EffectiveValue>();
  const readsOf = new Map<string, string[]>();
  const get = (key: string): EffectiveValue => {
    let value = cache.get(key);
    if (!value) {
      if (tracker) {
        const outer = lookups;
        lookups = [];
        value = effectiveValue(job, key, version, entries);
        readsOf.set(key, lookups);
        outer?.push(...lookups);
        lookups = outer;
      } else value = effectiveValue(job, key, version, entries);
      cache.set(key, value);
    } else if (tracker) tracker.keys(readsOf.get(key) ?? [key]);
    return value;
  };
  const winner = (key: string): ConfigEntry | undefined => pickWinner(entries(key));
  const platform = job.facts.platform;
  // A job of unknown platform looks at every entry to tell whether it runs on Kubernetes.
  if (platform === 'unknown') tracker?.everything();
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
  if (tracker) watchWholeReads(ctx, tracker);
  return ctx;
}

/**
 * Makes reading the text, the parse or the job's entry list count as reading everything. The job becomes a copy whose
 * entry list is watched, which is why only JSON files are tracked: YAML edits find a job's blocks by its identity.
 */
function watchWholeReads(ctx: RuleContext, tracker: ReadTracker): void {
  const { text, parsed, job } = ctx;
  watchContext(ctx, tracker, job.entries);
  const watchedJob: JobConfig = { ...job };
  Object.defineProperty(watchedJob, 'entries', {
    enumerable: true,
    get: () => {
      tracker.everything();
      return job.entries;
    },
  });
  Object.defineProperty(ctx, 'text', {
    enumerable: true,
    get: () => {
      tracker.everything();
      return text;
    },
  });
  Object.defineProperty(ctx, 'parsed', {
    enumerable: true,
    get: () => {
      tracker.everything();
      return parsed;
    },
  });
  Object.defineProperty(ctx, 'job', { enumerable: true, value: watchedJob });
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
