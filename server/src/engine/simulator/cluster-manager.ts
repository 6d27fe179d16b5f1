// The cluster manager a configuration names in spark.master, and how a replay of a log's own configuration stands in
// for a standalone cluster: there are no pods there, so executors are asked for all at once (the standalone master
// takes the whole missing count in one request) with no Kubernetes pod batches, pending-pod caps or PVCs; how long
// they take to start comes from the log's calibration. YARN has its own allocator model (yarn/container-allocator.ts).
import { INT_MAX } from '../spark-constants';
import type { PodAllocatorSettings } from './k8s/settings';

export type ClusterManager = 'kubernetes' | 'yarn' | 'standalone' | 'local' | 'other';

export function clusterManagerOf(master: string | undefined): ClusterManager {
  const m = (master ?? '').trim().toLowerCase();
  if (m.startsWith('k8s://')) return 'kubernetes';
  if (m === 'yarn' || m.startsWith('yarn-')) return 'yarn';
  if (m.startsWith('spark://')) return 'standalone';
  if (m === 'local' || m.startsWith('local[') || m.startsWith('local-cluster[')) return 'local';
  return 'other';
}

/** True for the managers a replay can run as themselves instead of as Kubernetes. */
export function replaysNatively(manager: ClusterManager): manager is 'yarn' | 'standalone' {
  return manager === 'yarn' || manager === 'standalone';
}

/** How often the stand-in allocator looks at the target: YARN's allocation interval while containers are pending. */
const CONTAINER_ROUND_MS = 200;

/** The pod allocator's settings turned into a container request: every missing executor at once, no caps. */
export function containerAllocatorSettings(pods: PodAllocatorSettings): PodAllocatorSettings {
  return {
    ...pods,
    batchSize: INT_MAX,
    batchDelayMs: CONTAINER_ROUND_MS,
    maxPendingPods: INT_MAX,
    maxPendingPodsPerRp: INT_MAX,
    allocationMaximum: INT_MAX,
  };
}

export function managerName(manager: 'yarn' | 'standalone'): string {
  return manager === 'yarn' ? 'YARN' : 'a standalone cluster';
}
