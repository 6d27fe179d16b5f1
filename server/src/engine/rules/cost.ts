// Behaviour and cost: executors held too long, unbounded scale-out, thrashing, ramp-up time, spark-operator quirks.
import { versionAtLeast } from '../version';
import type { RuleContext } from './context';
import { jobAnchor, valueSpan } from './context';
import { cachingEvidence } from './caching';
import { setKeyFix } from './fixes';
import { readDuration, readInt } from './read';
import { INT_MAX } from '../spark-constants';
import { podCreationSeconds, podPacing } from './pod-pacing';
import { finding, type Check } from './report';
import { shuffleState } from './shuffle';
import type { Finding } from './types';

const TRACKING_TIMEOUT = 'spark.dynamicAllocation.shuffleTracking.timeout';
const CACHED = 'spark.dynamicAllocation.cachedExecutorIdleTimeout';
const IDLE = 'spark.dynamicAllocation.executorIdleTimeout';
const BACKLOG = 'spark.dynamicAllocation.schedulerBacklogTimeout';
const SUSTAINED = 'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout';
const MAX = 'spark.dynamicAllocation.maxExecutors';
const MIN = 'spark.dynamicAllocation.minExecutors';
const INITIAL = 'spark.dynamicAllocation.initialExecutors';
const INSTANCES = 'spark.executor.instances';

/** Anchor for a DRA-wide remark: the shuffle tracking key when written, else where DRA was turned on. */
function trackingAnchor(ctx: RuleContext) {
  const entry = ctx.winner('spark.dynamicAllocation.shuffleTracking.enabled');
  return entry ? entry.keyRange : jobAnchor(ctx);
}

export const shuffleTrackingTimeout: Check = (ctx) => {
  if (!ctx.dra || ctx.winner(TRACKING_TIMEOUT)) return [];
  if (!shuffleState(ctx).trackingActive) return [];
  return [
    finding(
      'shuffle-tracking-no-timeout',
      'Shuffle tracking is on without spark.dynamicAllocation.shuffleTracking.timeout: an idle executor holding shuffle files of jobs that have ended is kept (and paid for) until that shuffle is garbage-collected. The timeout only helps applications that run several jobs: while a job runs, executors holding its shuffle files stay whatever the timeout.',
      trackingAnchor(ctx),
      { fixes: setKeyFix(ctx, TRACKING_TIMEOUT, '30min', 'Add shuffleTracking.timeout=30min', true) },
    ),
  ];
};

export const cachedIdleTimeout: Check = (ctx) => {
  if (!ctx.dra) return [];
  const seconds = readDuration(ctx, CACHED, 's');
  if (seconds === undefined || seconds < INT_MAX) return [];
  const entry = ctx.winner(CACHED);
  // Left at its default, the timeout matters only to a job that caches: say so only when the file shows it does.
  const evidence = entry ? undefined : cachingEvidence(ctx);
  if (!entry && !evidence) return [];
  const why = evidence ? ` This job caches data (${evidence}).` : ' Set a limit if the job caches data.';
  return [
    finding(
      'cached-idle-timeout-infinite',
      `cachedExecutorIdleTimeout is infinite: an executor holding cached data is never released, even when idle for hours.${why}`,
      entry ? valueSpan(entry) : jobAnchor(ctx),
      { fixes: setKeyFix(ctx, CACHED, '30min', 'Set cachedExecutorIdleTimeout=30min') },
    ),
  ];
};

export const unboundedMax: Check = (ctx) => {
  if (!ctx.dra || ctx.winner(MAX)) return [];
  const max = readInt(ctx, MAX);
  if (max !== undefined && max < INT_MAX) return [];
  return [
    finding(
      'max-executors-unbounded',
      'maxExecutors is not set: dynamic allocation may ask for as many executors as there are pending tasks, with no cap on cost or cluster share.',
      jobAnchor(ctx),
      { fixes: setKeyFix(ctx, MAX, '20', 'Add maxExecutors (20 is a placeholder)') },
    ),
  ];
};

export const idleBelowBacklog: Check = (ctx) => {
  if (!ctx.dra) return [];
  const idle = readDuration(ctx, IDLE, 's');
  const backlog = readDuration(ctx, BACKLOG, 's');
  const sustained = readDuration(ctx, SUSTAINED, 's');
  if (idle === undefined || backlog === undefined) return [];
  const longest = Math.max(backlog, sustained ?? backlog);
  if (idle >= longest) return [];
  const idleEntry = ctx.winner(IDLE);
  const anchor = idleEntry ?? ctx.winner(backlog >= (sustained ?? 0) ? BACKLOG : SUSTAINED);
  if (!anchor) return [];
  return [
    finding(
      'idle-timeout-below-backlog',
      `Executors are released after ${idle}s idle, sooner than the ${longest}s backlog wait before new ones are requested: between stages the job drops executors and then waits to get them back (thrashing).`,
      valueSpan(anchor),
    ),
  ];
};

export const rampUpTime: Check = (ctx) => {
  if (!ctx.dra || !ctx.kubernetes) return [];
  const maxEntry = ctx.winner(MAX);
  const max = readInt(ctx, MAX);
  if (!maxEntry || max === undefined || max <= 0 || max >= INT_MAX) return [];
  const min = Math.max(0, readInt(ctx, MIN) ?? 0);
  const initial = Math.max(
    min,
    readInt(ctx, INITIAL) ?? 0,
    ctx.get(INSTANCES).value !== undefined ? (readInt(ctx, INSTANCES) ?? 0) : 0,
  );
  if (initial >= max) return [];
  const backlog = readDuration(ctx, BACKLOG, 's') ?? 1;
  const sustained = readDuration(ctx, SUSTAINED, 's') ?? backlog;
  const pacing = podPacing(ctx);
  const { batchSize, delayMs } = pacing;
  // Dynamic allocation adds 1, 2, 4 … executors per round: after k rounds the target is initial + 2^k - 1.
  const rounds = Math.ceil(Math.log2(max - initial + 1));
  const requestSeconds = backlog + Math.max(0, rounds - 1) * sustained;
  const { batches, seconds: podSeconds } = podCreationSeconds(pacing, max);
  const total = Math.max(requestSeconds, podSeconds);
  if (total < 60) return [];
  const limiter =
    podSeconds >= requestSeconds
      ? `Kubernetes creates at most ${batchSize} pods per batch (${batches} batches, one per ${delayMs} ms at best, batch size ${batchSize} on Spark ${ctx.version})`
      : `dynamic allocation doubles its request every ${sustained}s after a ${backlog}s backlog (${rounds} rounds)`;
  const version = versionAtLeast(ctx.version, '4.0.0')
    ? ''
    : ' Spark 4.0 raised the default batch size to 10 (20 in 4.2).';
  return [
    finding(
      'ramp-up-time',
      `Scaling from ${initial} to ${max} executors takes at least about ${Math.round(total)}s: ${limiter}.${version}`,
      valueSpan(maxEntry),
    ),
  ];
};

/** spark-operator job whose DRA comes only from sparkConf (the operator's own block is absent or off). */
function operatorMissesDra(ctx: RuleContext): boolean {
  if (ctx.job.kind !== 'spark-operator' || !ctx.dra) return false;
  if (ctx.job.facts.operatorDynamicAllocation?.enabled) return false;
  return ctx.entries('spark.dynamicAllocation.enabled').some((entry) => entry.origin === 'spark-conf');
}

export const operatorDraInSparkConf: Check = (ctx) => {
  if (!operatorMissesDra(ctx)) return [];
  const entry = ctx.entries('spark.dynamicAllocation.enabled').find((candidate) => candidate.origin === 'spark-conf');
  if (!entry) return [];
  return [
    finding(
      'operator-dra-in-spark-conf',
      'The spark-operator does not see dynamic allocation turned on in sparkConf: it still defaults spec.executor.instances to 1 and skips its own dynamic allocation settings. Prefer spec.dynamicAllocation.enabled: true.',
      entry.keyRange,
    ),
  ];
};

export const operatorMinZero: Check = (ctx) => {
  if (!operatorMissesDra(ctx)) return [];
  const minEntry = ctx.winner(MIN);
  if (!minEntry || readInt(ctx, MIN) !== 0) return [];
  if (ctx.winner(INSTANCES)) return [];
  const initial = readInt(ctx, INITIAL) ?? 0;
  if (initial > 0) return [];
  return [
    finding(
      'operator-min-executors-zero',
      'minExecutors is 0, but the job still starts with one executor: the operator sets spec.executor.instances to 1 because it does not see dynamic allocation enabled in sparkConf.',
      valueSpan(minEntry),
    ),
  ];
};

export const costChecks: readonly Check[] = [
  shuffleTrackingTimeout,
  cachedIdleTimeout,
  unboundedMax,
  idleBelowBacklog,
  rampUpTime,
  operatorDraInSparkConf,
  operatorMinZero,
];

export type { Finding };
