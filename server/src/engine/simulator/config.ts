// The allocation settings Spark's ExecutorAllocationManager and ExecutorMonitor read at start-up, resolved for one
// Spark version: given properties win, every other key takes the catalog's default for that version.
import { defaultFor, lookupKey, type SparkKey } from '../catalog/index';
import { parseDuration, parseSparkBoolean, parseSparkDouble, parseSparkInt } from '../values/index';
import type { ParseResult } from '../values/index';
import type { Severity } from '../rules/severity';
import { INT_MAX } from '../spark-constants';
import { compareVersions, versionAtLeast } from '../version';
import { shuffleStorageMode, type ShuffleStorageMode } from './shuffle-storage';

/** A reason Spark would refuse (error) or warn about (warning) these settings while it starts. */
export interface StartupIssue {
  /** `parse`, `task-cpus`, `initial-range`, `V1`…`V8`, `timeout` */
  id: string;
  /** Errors stop the application from starting; warnings are only logged. */
  severity: Extract<Severity, 'error' | 'warning'>;
  /** The condition Spark checks, written over the config keys. */
  condition: string;
  /** What goes wrong, in our own words. */
  message: string;
}

/**
 * How an idle executor holding cached blocks or shuffle files picks its timeout.
 * `min-of-held` (3.0.0–3.4.0): the smaller of the cached / shuffle timeouts it qualifies for, idle timeout ignored.
 * `max-of-all` (3.4.1+, SPARK-43398): the largest of idle, cached (if any) and shuffle (if any).
 */
export type TimeoutRule = 'min-of-held' | 'max-of-all';

export interface AllocationConfig {
  sparkVersion: string;
  /** `spark.dynamicAllocation.enabled`. */
  enabled: boolean;
  /** `spark.master`, when given. */
  master: string | undefined;
  minExecutors: number;
  maxExecutors: number;
  /** `spark.dynamicAllocation.initialExecutors` as read (falls back to minExecutors). */
  initialExecutorsSetting: number;
  /** `spark.executor.instances`, when set. */
  executorInstances: number | undefined;
  /** Effective starting target: max(minExecutors, initialExecutors, executor.instances or 0). */
  initialExecutors: number;
  executorAllocationRatio: number;
  /** Whole seconds, in milliseconds. */
  schedulerBacklogTimeoutMs: number;
  sustainedSchedulerBacklogTimeoutMs: number;
  executorIdleTimeoutMs: number;
  /** Default Integer.MAX_VALUE seconds: finite (about 68 years). */
  cachedExecutorIdleTimeoutMs: number;
  /** Infinity when the configured value cannot be reached (the Long.MaxValue default means "never"). */
  shuffleTrackingTimeoutMs: number;
  shuffleServiceEnabled: boolean;
  /** `spark.shuffle.service.fetch.rdd.enabled`. */
  fetchRddFromShuffleService: boolean;
  /** The key `spark.dynamicAllocation.shuffleTracking.enabled` (its version default when unset). */
  shuffleTrackingEnabled: boolean;
  /** What the executor monitor uses: tracking enabled and no external shuffle service. */
  shuffleTrackingActive: boolean;
  decommissionEnabled: boolean;
  storageDecommissionShuffleBlocksEnabled: boolean;
  /** `spark.storage.decommission.enabled`: without it no block migrates (spark-facts-2026 §3.5). */
  storageDecommissionEnabled: boolean;
  shuffleIoPluginClass: string;
  /** Where shuffle files live, and what an executor's removal does to them (shuffle-storage.ts). */
  shuffleStorage: ShuffleStorageMode;
  executorCores: number;
  taskCpus: number;
  /** floor(executorCores / taskCpus). */
  tasksPerExecutor: number;
  testing: boolean;
  /** False only when testing is on and `spark.testing.dynamicAllocation.schedule.enabled` is false. */
  pollingEnabled: boolean;
  timeoutRule: TimeoutRule;
  /** 3.4.0+ (SPARK-41192): a pending speculative copy is dropped when the original task succeeds. */
  dropSpeculationOnSuccess: boolean;
  /** 3.1.0+ (SPARK-31418): unschedulable task sets ask for extra executors. */
  unschedulableTracking: boolean;
  /** Values that could not be read: Spark fails at start-up on them. Defaults are used in their place. */
  parseErrors: StartupIssue[];
}

/** Durations at or beyond this many milliseconds overflow Spark's nanosecond deadline: they never expire. */
const NEVER_MS = 9223372036854; // Long.MaxValue nanoseconds in milliseconds

const DA = 'spark.dynamicAllocation.';

class Reader {
  readonly errors: StartupIssue[] = [];
  constructor(
    private readonly props: Readonly<Record<string, string>>,
    private readonly version: string,
  ) {}

  /** The text Spark sees for a key: given, else the version default; undefined when unset or not yet in Spark. */
  raw(key: SparkKey): string | undefined {
    return this.rawOf(key);
  }

  /** `raw` for any key, so a catalog row's fallback key (plain text in the catalog) can be followed. */
  private rawOf(key: string): string | undefined {
    const info = lookupKey(key);
    if (info && compareVersions(this.version, info.since) < 0) return undefined; // the key does not exist yet
    if (Object.prototype.hasOwnProperty.call(this.props, key)) return this.props[key];
    if (!info) return undefined;
    const value = defaultFor(info, this.version).value;
    if (value === undefined && info.fallbackKey !== undefined) return this.rawOf(info.fallbackKey);
    return value;
  }

  given(key: SparkKey): boolean {
    return Object.prototype.hasOwnProperty.call(this.props, key);
  }

  read<T>(key: SparkKey, parse: (text: string) => ParseResult<T>, fallback: T, kind: string): T {
    const text = this.raw(key);
    if (text === undefined) return fallback;
    const result = parse(text);
    if (result.ok) return result.value;
    this.errors.push({
      id: 'parse',
      severity: 'error',
      condition: `${key} is not a valid ${kind}`,
      message: `Spark cannot read ${key}=${JSON.stringify(text)}: ${result.error}`,
    });
    return fallback;
  }

  bool(key: SparkKey, fallback: boolean): boolean {
    return this.read(key, parseSparkBoolean, fallback, 'boolean');
  }
  /** A boolean the allocation manager does not read at start-up: a bad value falls back without a start-up error
   * (the rules report it as an invalid value). */
  lenientBool(key: SparkKey, fallback: boolean): boolean {
    const text = this.raw(key);
    const result = text === undefined ? undefined : parseSparkBoolean(text);
    return result?.ok ? result.value : fallback;
  }
  int(key: SparkKey, fallback: number): number {
    return this.read(key, parseSparkInt, fallback, 'integer');
  }
  optionalInt(key: SparkKey): number | undefined {
    return this.raw(key) === undefined ? undefined : this.int(key, 0);
  }
  double(key: SparkKey, fallback: number): number {
    return this.read(key, parseSparkDouble, fallback, 'number');
  }
  /** A seconds-typed duration, returned in milliseconds (whole seconds, as Spark truncates). */
  seconds(key: SparkKey, fallbackSeconds: number): number {
    return toMs(
      this.read(key, (t) => parseDuration(t, 's'), fallbackSeconds, 'duration'),
      1000,
    );
  }
  millis(key: SparkKey, fallbackMs: number): number {
    return toMs(
      this.read(key, (t) => parseDuration(t, 'ms'), fallbackMs, 'duration'),
      1,
    );
  }
  string(key: SparkKey, fallback: string): string {
    return this.raw(key)?.trim() ?? fallback;
  }
}

function toMs(amount: number, factor: number): number {
  if (!Number.isFinite(amount)) return amount > 0 ? Infinity : -Infinity;
  const ms = amount * factor;
  return ms >= NEVER_MS ? Infinity : ms;
}

/**
 * Reads every setting the allocation manager and executor monitor use, for `sparkVersion` (`major.minor.patch`).
 * Never throws on bad values: they are listed in `parseErrors` and the default is used instead.
 */
export function resolveAllocationConfig(
  props: Readonly<Record<string, string>>,
  sparkVersion: string,
): AllocationConfig {
  const r = new Reader(props, sparkVersion);
  const enabled = r.bool(`${DA}enabled`, false);
  const minExecutors = r.int(`${DA}minExecutors`, 0);
  const maxExecutors = r.int(`${DA}maxExecutors`, INT_MAX);
  const initialExecutorsSetting = r.given(`${DA}initialExecutors`)
    ? r.int(`${DA}initialExecutors`, minExecutors)
    : minExecutors;
  const executorInstances = r.optionalInt('spark.executor.instances');
  const backlog = r.seconds(`${DA}schedulerBacklogTimeout`, 1);
  const sustained = r.given(`${DA}sustainedSchedulerBacklogTimeout`)
    ? r.seconds(`${DA}sustainedSchedulerBacklogTimeout`, backlog / 1000)
    : backlog;
  const shuffleServiceEnabled = r.bool('spark.shuffle.service.enabled', false);
  const shuffleTrackingEnabled = r.bool(`${DA}shuffleTracking.enabled`, false);
  const executorCores = r.int('spark.executor.cores', 1);
  const taskCpus = r.int('spark.task.cpus', 1);
  const testing = r.bool(`${DA}testing`, false);
  const decommissionEnabled = r.bool('spark.decommission.enabled', false);
  const storageDecommissionEnabled = r.lenientBool('spark.storage.decommission.enabled', false);
  const storageDecommissionShuffleBlocksEnabled = r.bool('spark.storage.decommission.shuffleBlocks.enabled', false);
  const shuffleIoPluginClass = r.string('spark.shuffle.sort.io.plugin.class', LOCAL_DISK_SHUFFLE_IO);
  const scheduleEnabled = r.bool('spark.testing.dynamicAllocation.schedule.enabled', true);
  const config: AllocationConfig = {
    sparkVersion,
    enabled,
    master: r.raw('spark.master')?.trim(),
    minExecutors,
    maxExecutors,
    initialExecutorsSetting,
    executorInstances,
    initialExecutors: Math.max(minExecutors, initialExecutorsSetting, executorInstances ?? 0),
    executorAllocationRatio: r.double(`${DA}executorAllocationRatio`, 1.0),
    schedulerBacklogTimeoutMs: backlog,
    sustainedSchedulerBacklogTimeoutMs: sustained,
    executorIdleTimeoutMs: r.seconds(`${DA}executorIdleTimeout`, 60),
    cachedExecutorIdleTimeoutMs: r.seconds(`${DA}cachedExecutorIdleTimeout`, INT_MAX),
    shuffleTrackingTimeoutMs: r.millis(`${DA}shuffleTracking.timeout`, Infinity),
    shuffleServiceEnabled,
    fetchRddFromShuffleService: r.bool('spark.shuffle.service.fetch.rdd.enabled', false),
    shuffleTrackingEnabled,
    shuffleTrackingActive: shuffleTrackingEnabled && !shuffleServiceEnabled,
    decommissionEnabled,
    storageDecommissionShuffleBlocksEnabled,
    storageDecommissionEnabled,
    shuffleIoPluginClass,
    shuffleStorage: shuffleStorageMode({
      sparkVersion,
      shuffleServiceEnabled,
      decommissionEnabled,
      storageDecommissionEnabled,
      storageDecommissionShuffleBlocksEnabled,
      shuffleManager: r.string('spark.shuffle.manager', ''),
      shuffleIoPluginClass,
      celebornForceFallback: r.lenientBool('spark.celeborn.client.spark.shuffle.forceFallback.enabled', false),
    }),
    executorCores,
    taskCpus,
    tasksPerExecutor: taskCpus > 0 ? Math.floor(executorCores / taskCpus) : 0,
    testing,
    pollingEnabled: !(testing && !scheduleEnabled),
    timeoutRule: versionAtLeast(sparkVersion, '3.4.1') ? 'max-of-all' : 'min-of-held',
    dropSpeculationOnSuccess: versionAtLeast(sparkVersion, '3.4.0'),
    unschedulableTracking: versionAtLeast(sparkVersion, '3.1.0'),
    parseErrors: r.errors,
  };
  return config;
}

export const LOCAL_DISK_SHUFFLE_IO = 'org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO';
export const KUBERNETES_SHUFFLE_IO = 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO';
