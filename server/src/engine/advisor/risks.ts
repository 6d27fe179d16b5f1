// Plain-language risks of a set of changes, compared with the configuration searched from. The simulator's figures
// assume what it models; these say what could cost more on a real cluster.
import type { AllocationConfig } from '../simulator/config';
import { parseDuration, parseSparkDouble, parseSparkInt, type ParseResult } from '../values/index';
import type { Changes } from './types';

const DA = 'spark.dynamicAllocation.';

export function riskNotes(changes: Changes, current: AllocationConfig): string[] {
  const risks: string[] = [];
  const count = (key: string): number | undefined => read(changes[key], parseSparkInt);
  const ms = (key: string, unit: 'ms' | 's'): number | undefined =>
    read(changes[key], (t) => parseDuration(t, unit), unit === 's' ? 1000 : 1);

  if (changes[`${DA}enabled`] === 'false') {
    risks.push('Static allocation: every executor is paid for from start to end, busy or not.');
  }
  const max = count(`${DA}maxExecutors`);
  if (max !== undefined && max < current.maxExecutors) {
    risks.push(
      `maxExecutors ${max} caps parallelism: a larger input than the workload simulated takes longer, not more executors.`,
    );
  }
  if (max !== undefined && max > current.maxExecutors) {
    risks.push(
      `maxExecutors ${max} needs room for that many executor pods at the peak (namespace quota, nodes to schedule them).`,
    );
  }
  const min = count(`${DA}minExecutors`);
  if (min !== undefined && min > current.minExecutors) {
    risks.push(`minExecutors ${min} keeps that many executors (and their cost) through idle stretches.`);
  }
  const ratio = read(changes[`${DA}executorAllocationRatio`], parseSparkDouble);
  if (ratio !== undefined && ratio < current.executorAllocationRatio) {
    risks.push(
      `executorAllocationRatio ${ratio} asks for fewer executors than pending tasks need: wide stages run in more waves.`,
    );
  }
  for (const [key, now] of [
    ['schedulerBacklogTimeout', current.schedulerBacklogTimeoutMs],
    ['sustainedSchedulerBacklogTimeout', current.sustainedSchedulerBacklogTimeoutMs],
  ] as const) {
    const next = ms(`${DA}${key}`, 's');
    if (next !== undefined && next > now) {
      risks.push(`${key} ${changes[`${DA}${key}`]} ramps up more slowly when a burst of tasks arrives.`);
    }
  }
  const idle = ms(`${DA}executorIdleTimeout`, 's');
  if (idle !== undefined && idle < current.executorIdleTimeoutMs) {
    risks.push(
      `executorIdleTimeout ${changes[`${DA}executorIdleTimeout`]} releases executors between stages sooner; work that returns waits for new pods.`,
    );
  }
  const tracking = ms(`${DA}shuffleTracking.timeout`, 'ms');
  if (tracking !== undefined && tracking < current.shuffleTrackingTimeoutMs) {
    risks.push(
      `shuffleTracking.timeout ${changes[`${DA}shuffleTracking.timeout`]} lets executors holding shuffle files go: a later stage that reads them fails to fetch and Spark recomputes the lost map output (included in the simulated runtime and cost).`,
    );
  }
  const cached = ms(`${DA}cachedExecutorIdleTimeout`, 's');
  if (cached !== undefined && cached < current.cachedExecutorIdleTimeoutMs) {
    risks.push(
      `cachedExecutorIdleTimeout ${changes[`${DA}cachedExecutorIdleTimeout`]} drops cached blocks with their executors; reading them again recomputes them.`,
    );
  }
  if (
    changes['spark.decommission.enabled'] === 'true' ||
    changes['spark.storage.decommission.shuffleBlocks.enabled'] === 'true'
  ) {
    risks.push(
      'Decommissioning with shuffle migration copies shuffle blocks to other executors before one leaves: it needs spare disk on them and time per GiB moved.',
    );
  }
  const batch = count('spark.kubernetes.allocation.batch.size');
  if (batch !== undefined && batch > 20) {
    risks.push(
      `allocation.batch.size ${batch} creates that many pods at once: more load on the Kubernetes API server.`,
    );
  }
  return risks;
}

function read(text: string | undefined, parse: (t: string) => ParseResult<number>, factor = 1): number | undefined {
  if (text === undefined) return undefined;
  const parsed = parse(text);
  return parsed.ok ? parsed.value * factor : undefined;
}
