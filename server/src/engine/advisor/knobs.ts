// The settings the advisor searches and the values it tries for each, chosen around what the file has now. Every
// knob lists its options by value, with the file's own value among them as "no change", so a search can move a knob
// one step up or down from any point.
import { INT_MAX } from '../spark-constants';
import type { AllocationConfig } from '../simulator/config';
import { versionAtLeast } from '../version';
import type { Changes } from './types';

const DA = 'spark.dynamicAllocation.';

export interface KnobOption {
  /** Orders the options (a count, a ratio, milliseconds; 0/1 for switches). */
  value: number;
  /** What the option writes; empty for the file's own value. */
  changes: Changes;
}

export interface Knob {
  name: string;
  options: KnobOption[];
  /** Index of the file's own value in `options`. */
  current: number;
}

/** What the knob choices depend on, read from the configuration searched from and its simulation. */
export interface KnobContext {
  config: AllocationConfig;
  batchSize: number;
  /** Peak executors of the current DRA run: stands for maxExecutors when that is unlimited. */
  currentPeak: number;
  workloadHasCache: boolean;
  sparkVersion: string;
}

/** Executors the search caps maxExecutors at, whatever the file says (it also bounds the static baseline). */
export const MAX_EXECUTORS_SEARCHED = 2_000;

export function searchKnobs(ctx: KnobContext): Knob[] {
  const cfg = ctx.config;
  const knobs: Knob[] = [];
  if (!cfg.enabled) {
    knobs.push(
      knob('dynamic allocation', 0, [[1, { [`${DA}enabled`]: 'true', [`${DA}shuffleTracking.enabled`]: 'true' }]]),
    );
  }
  const top = effectiveMax(ctx);
  const maxValues = [0.25, 0.5, 0.75, 1.25, 1.5].map((f) => Math.max(1, Math.round(top * f)));
  if (ctx.currentPeak >= 1 && ctx.currentPeak < top) maxValues.push(ctx.currentPeak);
  knobs.push(
    countKnob(
      'maxExecutors',
      `${DA}maxExecutors`,
      cfg.maxExecutors,
      maxValues.filter((v) => v <= MAX_EXECUTORS_SEARCHED),
    ),
  );
  knobs.push(
    countKnob(
      'minExecutors',
      `${DA}minExecutors`,
      cfg.minExecutors,
      [0, 1, 2, 3, Math.floor(top / 4), Math.floor(top / 3)].filter((v) => v <= top),
    ),
  );
  knobs.push(
    countKnob(
      'initialExecutors',
      `${DA}initialExecutors`,
      cfg.initialExecutorsSetting,
      [1, 2, 4, 8, 16].filter((v) => v <= top),
    ),
  );
  knobs.push(
    knob(
      'executorAllocationRatio',
      cfg.executorAllocationRatio,
      [0.25, 0.33, 0.5, 0.75, 1].map((v) => [v, { [`${DA}executorAllocationRatio`]: String(v) }]),
    ),
  );
  knobs.push(
    secondsKnob(
      'schedulerBacklogTimeout',
      `${DA}schedulerBacklogTimeout`,
      cfg.schedulerBacklogTimeoutMs,
      [1, 2, 5, 10, 30],
    ),
  );
  knobs.push(
    secondsKnob(
      'sustainedSchedulerBacklogTimeout',
      `${DA}sustainedSchedulerBacklogTimeout`,
      cfg.sustainedSchedulerBacklogTimeoutMs,
      [1, 5, 15, 30, 60],
    ),
  );
  knobs.push(
    secondsKnob(
      'executorIdleTimeout',
      `${DA}executorIdleTimeout`,
      cfg.executorIdleTimeoutMs,
      [10, 20, 30, 60, 120, 300],
    ),
  );
  if (cfg.shuffleTrackingActive) {
    knobs.push(
      secondsKnob(
        'shuffleTracking.timeout',
        `${DA}shuffleTracking.timeout`,
        cfg.shuffleTrackingTimeoutMs,
        [30, 60, 120, 300, 600],
      ),
    );
  }
  if (ctx.workloadHasCache) {
    knobs.push(
      secondsKnob(
        'cachedExecutorIdleTimeout',
        `${DA}cachedExecutorIdleTimeout`,
        cfg.cachedExecutorIdleTimeoutMs,
        [60, 120, 300, 900, 1800],
      ),
    );
  }
  knobs.push(
    countKnob('allocation.batch.size', 'spark.kubernetes.allocation.batch.size', ctx.batchSize, [5, 10, 20, 50]),
  );
  if (
    versionAtLeast(ctx.sparkVersion, '3.1.0') &&
    !(cfg.decommissionEnabled && cfg.storageDecommissionShuffleBlocksEnabled)
  ) {
    knobs.push(
      knob('decommission with shuffle migration', 0, [
        [
          1,
          {
            'spark.decommission.enabled': 'true',
            'spark.storage.decommission.enabled': 'true',
            'spark.storage.decommission.shuffleBlocks.enabled': 'true',
          },
        ],
      ]),
    );
  }
  return knobs;
}

/** maxExecutors as a number to scale from: the file's, or the current run's peak when the file sets no limit. */
export function effectiveMax(ctx: KnobContext): number {
  const max = ctx.config.maxExecutors;
  const top = max < INT_MAX ? max : Math.max(1, ctx.currentPeak);
  return Math.min(top, MAX_EXECUTORS_SEARCHED);
}

function knob(name: string, currentValue: number, others: Array<[number, Changes]>): Knob {
  const options: KnobOption[] = [{ value: currentValue, changes: {} }];
  const seen = new Set([currentValue]);
  for (const [value, changes] of others) {
    if (seen.has(value)) continue;
    seen.add(value);
    options.push({ value, changes });
  }
  options.sort((a, b) => a.value - b.value);
  return { name, options, current: options.findIndex((o) => Object.keys(o.changes).length === 0) };
}

function countKnob(name: string, key: string, current: number, values: number[]): Knob {
  return knob(
    name,
    current,
    values.map((v) => [v, { [key]: String(v) }]),
  );
}

function secondsKnob(name: string, key: string, currentMs: number, seconds: number[]): Knob {
  return knob(
    name,
    currentMs,
    seconds.map((s) => [s * 1000, { [key]: `${s}s` }]),
  );
}
