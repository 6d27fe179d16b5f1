// How fast Spark's Kubernetes allocator can create executor pods: at most `allocation.batch.size` per batch, one batch
// per `allocation.batch.delay` at best (both read with the job's version defaults).
import type { TimeUnit } from '../catalog/types';
import type { RuleContext } from './context';
import { readDuration, readInt } from './read';

export interface PodPacing {
  batchSize: number;
  delayMs: number;
}

export function podPacing(ctx: RuleContext): PodPacing {
  return {
    batchSize: Math.max(1, readInt(ctx, 'spark.kubernetes.allocation.batch.size') ?? 5),
    delayMs: Math.max(1, readDuration(ctx, 'spark.kubernetes.allocation.batch.delay', 'ms' as TimeUnit) ?? 1000),
  };
}

/** Batches needed to request `count` pods, and the least time that takes, in seconds. */
export function podCreationSeconds(pacing: PodPacing, count: number): { batches: number; seconds: number } {
  const batches = Math.ceil(Math.max(0, count) / pacing.batchSize);
  return { batches, seconds: (batches * pacing.delayMs) / 1000 };
}
