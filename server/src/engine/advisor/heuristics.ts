// Rules of thumb the advisor simulates beside its own points, on the same workload: Spark's own defaults for the
// allocation keys the file sets, static allocation, AWS's "General" tuning and a raised executor floor.
import { defaultFor, lookupKey } from '../catalog/index';
import { effectiveMax, type KnobContext } from './knobs';
import type { Changes } from './types';

const DA = 'spark.dynamicAllocation.';

/** The allocation keys "Spark defaults" resets when the file (or a what-if value) sets them. */
const DEFAULTED_KEYS = [
  'minExecutors',
  'maxExecutors',
  'initialExecutors',
  'executorAllocationRatio',
  'schedulerBacklogTimeout',
  'sustainedSchedulerBacklogTimeout',
  'executorIdleTimeout',
  'cachedExecutorIdleTimeout',
  'shuffleTracking.timeout',
].map((k) => `${DA}${k}`);

export interface HeuristicSpec {
  name: string;
  changes: Changes;
}

/**
 * The rules of thumb for the configuration `conf` (as written, with what-if values), whose static baseline runs
 * `staticExecutors` executors.
 */
export function heuristicSpecs(
  conf: Readonly<Record<string, string>>,
  ctx: KnobContext,
  staticExecutors: number,
): HeuristicSpec[] {
  const specs: HeuristicSpec[] = [];
  const defaults: Changes = {};
  for (const key of DEFAULTED_KEYS) {
    if (!Object.prototype.hasOwnProperty.call(conf, key)) continue;
    const value = sparkDefault(key, ctx.sparkVersion);
    if (value !== undefined && value !== conf[key]) defaults[key] = value;
  }
  if (!ctx.config.enabled) {
    defaults[`${DA}enabled`] = 'true';
    defaults[`${DA}shuffleTracking.enabled`] = 'true';
  }
  specs.push({ name: 'Spark defaults', changes: defaults });
  specs.push({
    name: `Static, ${staticExecutors} executors`,
    changes: { [`${DA}enabled`]: 'false', 'spark.executor.instances': String(staticExecutors) },
  });
  specs.push({
    name: 'AWS "General" (ratio 0.5, sustained 15s)',
    changes: { [`${DA}executorAllocationRatio`]: '0.5', [`${DA}sustainedSchedulerBacklogTimeout`]: '15s' },
  });
  const floor = Math.max(3, Math.floor(effectiveMax(ctx) / 3));
  specs.push({
    name: `minExecutors = max(3, max/3) = ${floor}`,
    changes: { [`${DA}minExecutors`]: String(floor) },
  });
  return specs;
}

/** Spark's default text for a key at a version; a key that falls back to another takes that one's default. */
function sparkDefault(key: string, version: string): string | undefined {
  const info = lookupKey(key);
  if (!info) return undefined;
  const value = defaultFor(info, version).value;
  if (value !== undefined) return value;
  return info.fallbackKey === undefined ? undefined : sparkDefault(info.fallbackKey, version);
}
