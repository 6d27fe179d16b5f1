// The Kubernetes pod allocator's settings for one Spark version (spark-facts §1.3, §3.6).
import { INT_MAX } from '../../spark-constants';
import { versionAtLeast } from '../../version';
import type { ConfReader } from './conf-reader';

const AL = 'spark.kubernetes.allocation.';

export interface PodAllocatorSettings {
  /** Pods created per allocation round (5; 10 from 4.0.0; 20 from 4.2.0). */
  batchSize: number;
  /** Period of the allocator's snapshot loop. */
  batchDelayMs: number;
  /** Cap on pods requested but not running (Int.MaxValue when unset). */
  maxPendingPods: number;
  /** Same cap per resource profile (4.1.0+). */
  maxPendingPodsPerRp: number;
  /** max(5 × batch.delay, allocation.executor.timeout). */
  podCreationTimeoutMs: number;
  /** Lifetime limit: executor ids at or above it are never created (4.1.0+; Int.MaxValue otherwise). */
  allocationMaximum: number;
  /** spark.dynamicAllocation.executorIdleTimeout: age after which excess pending pods may be deleted. */
  executorIdleTimeoutMs: number;
  /** spark.kubernetes.dynamicAllocation.deleteGracePeriod. */
  deleteGracePeriodMs: number;
  deleteOnTermination: boolean;
  /** spark.kubernetes.executor.apiPollingInterval: a full pod-list snapshot arrives at least this often. */
  apiPollingIntervalMs: number;
}

export function resolvePodAllocatorSettings(r: ConfReader, executorIdleTimeoutMs: number): PodAllocatorSettings {
  const batchDelayMs = r.millis(`${AL}batch.delay`, 1000);
  const executorTimeoutMs = r.millis(`${AL}executor.timeout`, 600_000);
  return {
    batchSize: r.int(
      `${AL}batch.size`,
      versionAtLeast(r.version, '4.2.0') ? 20 : versionAtLeast(r.version, '4.0.0') ? 10 : 5,
    ),
    batchDelayMs,
    maxPendingPods: r.int(`${AL}maxPendingPods`, INT_MAX),
    maxPendingPodsPerRp: r.int(`${AL}maxPendingPodsPerRp`, INT_MAX),
    podCreationTimeoutMs: Math.max(5 * batchDelayMs, executorTimeoutMs),
    allocationMaximum: r.int(`${AL}maximum`, INT_MAX),
    executorIdleTimeoutMs,
    deleteGracePeriodMs: r.millis('spark.kubernetes.dynamicAllocation.deleteGracePeriod', 5000),
    deleteOnTermination: r.bool('spark.kubernetes.executor.deleteOnTermination', true),
    apiPollingIntervalMs: r.millis('spark.kubernetes.executor.apiPollingInterval', 30_000),
  };
}

/** Spark's start-up checks on these settings; messages for each violation. */
export function validatePodAllocatorSettings(s: PodAllocatorSettings, version: string): string[] {
  const out: string[] = [];
  if (s.batchSize <= 0) out.push(`${AL}batch.size must be positive (got ${s.batchSize}).`);
  if (versionAtLeast(version, '4.0.0')) {
    if (s.batchDelayMs <= 100)
      out.push(`${AL}batch.delay must be more than 100 ms from Spark 4.0.0 (got ${s.batchDelayMs} ms).`);
  } else if (s.batchDelayMs <= 0) {
    out.push(`${AL}batch.delay must be positive (got ${s.batchDelayMs} ms).`);
  }
  if (s.maxPendingPods <= 0) out.push(`${AL}maxPendingPods must be positive (got ${s.maxPendingPods}).`);
  if (s.maxPendingPodsPerRp <= 0) out.push(`${AL}maxPendingPodsPerRp must be positive (got ${s.maxPendingPodsPerRp}).`);
  else if (s.maxPendingPodsPerRp > s.maxPendingPods) {
    out.push(
      `${AL}maxPendingPodsPerRp (${s.maxPendingPodsPerRp}) must not exceed maxPendingPods (${s.maxPendingPods}).`,
    );
  }
  if (s.podCreationTimeoutMs <= 0) out.push(`${AL}executor.timeout must be positive.`);
  return out;
}
