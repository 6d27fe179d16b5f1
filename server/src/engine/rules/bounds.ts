// Start-up checks: what ExecutorAllocationManager, the scheduler backend and the Kubernetes allocator reject.
import type { SparkKey } from '../catalog/index';
import type { TimeUnit } from '../catalog/types';
import type { Range } from '../model';
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { jobAnchor, valueSpan } from './context';
import { setValueFix } from './fixes';
import { readDouble, readDuration, readInt, readString } from './read';
import { INT_MAX } from '../spark-constants';
import { finding, type Check } from './report';
import type { Finding, FixData, RelatedInfo } from './types';

const MIN = 'spark.dynamicAllocation.minExecutors';
const MAX = 'spark.dynamicAllocation.maxExecutors';
const INITIAL = 'spark.dynamicAllocation.initialExecutors';
const INSTANCES = 'spark.executor.instances';
const BACKLOG = 'spark.dynamicAllocation.schedulerBacklogTimeout';
const SUSTAINED = 'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout';
const RATIO = 'spark.dynamicAllocation.executorAllocationRatio';

/** Where a problem with `key`'s effective value is reported: its winning entry's value, else the job anchor. */
function at(ctx: RuleContext, key: SparkKey): Range {
  const entry = ctx.winner(key);
  return entry ? valueSpan(entry) : jobAnchor(ctx);
}

function relatedTo(ctx: RuleContext, key: SparkKey, message: string): RelatedInfo[] {
  const entry = ctx.winner(key);
  return entry ? [{ message, range: valueSpan(entry) }] : [];
}

export const executorCountBounds: Check = (ctx) => {
  if (!ctx.dra) return [];
  const findings: Finding[] = [];
  const min = readInt(ctx, MIN);
  const max = readInt(ctx, MAX);
  if (min !== undefined && min < 0) {
    findings.push(
      finding(
        'min-max-negative',
        `minExecutors is ${min}; it must be 0 or more, or dynamic allocation refuses to start.`,
        at(ctx, MIN),
        { fixes: fixTo(ctx, MIN, '0') },
      ),
    );
  }
  if (max !== undefined && max < 0) {
    findings.push(
      finding(
        'min-max-negative',
        `maxExecutors is ${max}; it must be positive, or dynamic allocation refuses to start.`,
        at(ctx, MAX),
      ),
    );
  }
  if (max === 0) {
    findings.push(
      finding(
        'max-executors-zero',
        'maxExecutors is 0: dynamic allocation refuses to start. Set it to at least 1.',
        at(ctx, MAX),
      ),
    );
  }
  if (min !== undefined && max !== undefined && min >= 0 && max > 0 && min > max) {
    findings.push(
      finding(
        'min-greater-than-max',
        `minExecutors (${min}) is greater than maxExecutors (${max}); dynamic allocation refuses to start.`,
        at(ctx, MIN),
        {
          related: relatedTo(ctx, MAX, `maxExecutors is ${max}`),
        },
      ),
    );
  }
  if (min === undefined || max === undefined || min < 0 || max <= 0 || min > max) return findings;
  const initial = readInt(ctx, INITIAL);
  const instances = ctx.get(INSTANCES).value !== undefined ? readInt(ctx, INSTANCES) : undefined;
  const initialEntry = ctx.winner(INITIAL);
  if (initialEntry && initial !== undefined && initial < min) {
    findings.push(
      finding(
        'initial-below-min',
        `initialExecutors (${initial}) is below minExecutors (${min}); Spark ignores it and starts with ${min}.`,
        valueSpan(initialEntry),
        {
          related: relatedTo(ctx, MIN, `minExecutors is ${min}`),
        },
      ),
    );
  }
  const culprits: Array<[SparkKey, number | undefined]> = [
    [INITIAL, initialEntry ? initial : undefined],
    [INSTANCES, instances],
  ];
  for (const [key, value] of culprits) {
    if (value === undefined || value <= max) continue;
    const name = key === INSTANCES ? 'spark.executor.instances' : 'initialExecutors';
    findings.push(
      finding(
        'initial-executors-above-max',
        `${name} is ${value}, above maxExecutors (${max}). With dynamic allocation the starting count must lie between min and max, so the job fails at start-up.`,
        at(ctx, key),
        { related: relatedTo(ctx, MAX, `maxExecutors is ${max}`), fixes: fixTo(ctx, key, String(max)) },
      ),
    );
  }
  return findings;
};

function fixTo(ctx: RuleContext, key: SparkKey, value: string): FixData[] {
  const entry = ctx.winner(key);
  return entry ? [setValueFix(entry, value)] : [];
}

export const backlogTimeouts: Check = (ctx) => {
  if (!ctx.dra) return [];
  const findings: Finding[] = [];
  const backlog = readDuration(ctx, BACKLOG, 's');
  if (backlog !== undefined && backlog <= 0) {
    findings.push(
      finding(
        'backlog-timeout-not-positive',
        `schedulerBacklogTimeout is ${backlog} seconds after rounding down to whole seconds; it must be more than 0 or dynamic allocation refuses to start.`,
        at(ctx, BACKLOG),
        {
          fixes: fixTo(ctx, BACKLOG, '1s'),
        },
      ),
    );
  }
  const sustainedEntry = ctx.winner(SUSTAINED);
  const sustained = readDuration(ctx, SUSTAINED, 's');
  if (sustainedEntry && sustained !== undefined && sustained <= 0) {
    findings.push(
      finding(
        'backlog-timeout-not-positive',
        `sustainedSchedulerBacklogTimeout is ${sustained} seconds after rounding down to whole seconds; it must be more than 0 or dynamic allocation refuses to start.`,
        valueSpan(sustainedEntry),
        {
          fixes: fixTo(ctx, SUSTAINED, '1s'),
        },
      ),
    );
  }
  return findings;
};

export const allocationRatio: Check = (ctx) => {
  if (!ctx.dra) return [];
  const ratio = readDouble(ctx, RATIO);
  if (ratio === undefined || (ratio > 0 && ratio <= 1)) return [];
  return [
    finding(
      'allocation-ratio-out-of-range',
      `executorAllocationRatio is ${ratio}; it must be more than 0 and at most 1, or dynamic allocation refuses to start.`,
      at(ctx, RATIO),
    ),
  ];
};

export const taskCpus: Check = (ctx) => {
  const cpusEntry = ctx.winner('spark.task.cpus');
  const coresEntry = ctx.winner('spark.executor.cores');
  if (!cpusEntry && !coresEntry) return [];
  const cpus = readInt(ctx, 'spark.task.cpus') ?? 1;
  const cores = readInt(ctx, 'spark.executor.cores') ?? 1;
  if (cores <= 0 || cpus <= cores) return [];
  const target = cpusEntry ?? coresEntry;
  if (!target) return [];
  return [
    finding(
      'task-cpus-exceed-cores',
      `Each task needs ${cpus} CPUs but an executor has ${cores} cores, so no task can ever run; Spark refuses to start.`,
      valueSpan(target),
      {
        related:
          cpusEntry && coresEntry
            ? [{ message: `spark.executor.cores is ${cores}`, range: valueSpan(coresEntry) }]
            : [],
      },
    ),
  ];
};

interface RangeRule {
  key: SparkKey;
  /** Smallest allowed value. */
  min: number;
  /** Only on Kubernetes. */
  kubernetes?: boolean;
  duration?: TimeUnit;
}

const RANGE_RULES: readonly RangeRule[] = [
  { key: 'spark.executor.cores', min: 1 },
  { key: 'spark.kubernetes.allocation.batch.size', min: 1, kubernetes: true },
  { key: 'spark.kubernetes.allocation.maxPendingPods', min: 1, kubernetes: true },
  { key: 'spark.kubernetes.allocation.maxPendingPodsPerRp', min: 1, kubernetes: true },
  { key: 'spark.kubernetes.allocation.executor.timeout', min: 1, kubernetes: true, duration: 'ms' },
  { key: 'spark.dynamicAllocation.executorIdleTimeout', min: 0, duration: 's' },
  { key: 'spark.dynamicAllocation.cachedExecutorIdleTimeout', min: 0, duration: 's' },
  { key: 'spark.dynamicAllocation.shuffleTracking.timeout', min: 0, duration: 'ms' },
  { key: 'spark.storage.decommission.shuffleBlocks.maxThreads', min: 1 },
];

export const valueRanges: Check = (ctx) => {
  const findings: Finding[] = [];
  for (const rule of RANGE_RULES) {
    if (rule.kubernetes && !ctx.kubernetes) continue;
    const entry = ctx.winner(rule.key);
    if (!entry) continue;
    const value = rule.duration ? readDuration(ctx, rule.key, rule.duration) : readInt(ctx, rule.key);
    if (value === undefined || value >= rule.min) continue;
    const bound = rule.min === 0 ? '0 or more' : 'more than 0';
    findings.push(
      finding(
        'value-out-of-range',
        `${rule.key} is ${value}${rule.duration ?? ''}; it must be ${bound}. Spark stops with an error when it reads it.`,
        valueSpan(entry),
      ),
    );
  }
  return findings;
};

export const batchDelay: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const key = 'spark.kubernetes.allocation.batch.delay';
  const entry = ctx.winner(key);
  if (!entry) return [];
  const delay = readDuration(ctx, key, 'ms');
  if (delay === undefined) return [];
  const strict = versionAtLeast(ctx.version, '4.0.0');
  const limit = strict ? 100 : 0;
  if (delay > limit) return [];
  const bare = /^\s*\d+\s*$/.test(entry.value)
    ? ` A bare number is read as milliseconds, so \`${entry.value.trim()}\` means ${delay} ms.`
    : '';
  const rule = strict ? 'more than 100 ms from Spark 4.0' : 'more than 0';
  return [
    finding(
      'batch-delay-too-small',
      `The allocation batch delay is ${delay} ms; it must be ${rule}, or the executor allocator refuses to start.${bare}`,
      valueSpan(entry),
      {
        fixes: [setValueFix(entry, '1s')],
      },
    ),
  ];
};

export const allocationMaximum: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const key = 'spark.kubernetes.allocation.maximum';
  const entry = ctx.winner(key);
  const maximum = readInt(ctx, key);
  if (!entry || maximum === undefined || !versionAtLeast(ctx.version, '4.1.0')) return [];
  const creatable = Math.max(0, maximum - 1);
  let needed: number;
  let what: string;
  if (ctx.dra) {
    const max = readInt(ctx, MAX) ?? INT_MAX;
    needed = max;
    what = `maxExecutors (${max === INT_MAX ? 'unbounded' : max})`;
  } else {
    needed = readInt(ctx, INSTANCES) ?? 2;
    what = `the ${needed} static executors`;
  }
  if (creatable >= needed) return [];
  return [
    finding(
      'allocation-maximum-too-low',
      `allocation.maximum ${maximum} lets the job create at most ${creatable} executor pods over its whole life, fewer than ${what}. The job fails with "Exceed the pod creation limit" once it needs more (replacements count too).`,
      valueSpan(entry),
      { related: relatedTo(ctx, MAX, 'maxExecutors') },
    ),
  ];
};

export const maxPendingPerRp: Check = (ctx) => {
  if (!ctx.kubernetes) return [];
  const perRpKey = 'spark.kubernetes.allocation.maxPendingPodsPerRp';
  const totalKey = 'spark.kubernetes.allocation.maxPendingPods';
  const entry = ctx.winner(perRpKey);
  if (!entry) return [];
  const perRp = readInt(ctx, perRpKey);
  const total = readInt(ctx, totalKey) ?? INT_MAX;
  if (perRp === undefined || perRp <= total) return [];
  return [
    finding(
      'max-pending-per-rp-exceeds-total',
      `maxPendingPodsPerRp (${perRp}) is larger than maxPendingPods (${total}); the executor allocator refuses to start.`,
      valueSpan(entry),
      {
        related: relatedTo(ctx, totalKey, `maxPendingPods is ${total}`),
        fixes: [setValueFix(entry, String(total))],
      },
    ),
  ];
};

export const deploymentAllocator: Check = (ctx) => {
  if (!ctx.dra || !ctx.kubernetes) return [];
  const key = 'spark.kubernetes.allocation.pods.allocator';
  if (readString(ctx, key) !== 'deployment') return [];
  if (ctx.winner('spark.kubernetes.executor.podDeletionCost')) return [];
  const entry = ctx.winner(key);
  if (!entry) return [];
  return [
    finding(
      'deployment-allocator-needs-deletion-cost',
      'The deployment allocator with dynamic allocation needs spark.kubernetes.executor.podDeletionCost, so Kubernetes removes idle executors first; without it the job fails at start-up.',
      valueSpan(entry),
    ),
  ];
};

export const boundsChecks: readonly Check[] = [
  executorCountBounds,
  backlogTimeouts,
  allocationRatio,
  taskCpus,
  valueRanges,
  batchDelay,
  allocationMaximum,
  maxPendingPerRp,
  deploymentAllocator,
];
