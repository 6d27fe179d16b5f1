// Shared set-up for the simulator tests: Spark's allocation-suite configuration and a manager/monitor pair.
import { AllocationManager, type AllocationClient } from '../../../server/src/engine/simulator/allocation-manager';
import { ManualClock } from '../../../server/src/engine/simulator/clock';
import { resolveAllocationConfig, type AllocationConfig } from '../../../server/src/engine/simulator/config';
import { ExecutorMonitor } from '../../../server/src/engine/simulator/executor-monitor';
import type { PodAllocatorSettings } from '../../../server/src/engine/simulator/k8s/settings';

/**
 * The ExecutorAllocationManagerSuite configuration (`createConf`): backlog 1 s, sustained 2 s, idle 3 s, external
 * shuffle service on, testing on, polling thread off; min/max/initial and extra keys as given.
 */
export function suiteConfig(
  min: number,
  max: number,
  initial: number,
  extra: Record<string, string> = {},
  version = '3.5.1',
): AllocationConfig {
  return resolveAllocationConfig(
    {
      'spark.dynamicAllocation.enabled': 'true',
      'spark.dynamicAllocation.minExecutors': String(min),
      'spark.dynamicAllocation.maxExecutors': String(max),
      'spark.dynamicAllocation.initialExecutors': String(initial),
      'spark.dynamicAllocation.schedulerBacklogTimeout': '1s',
      'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout': '2s',
      'spark.dynamicAllocation.executorIdleTimeout': '3s',
      'spark.shuffle.service.enabled': 'true',
      'spark.dynamicAllocation.testing': 'true',
      'spark.testing.dynamicAllocation.schedule.enabled': 'false',
      ...extra,
    },
    version,
  );
}

export interface Harness {
  clock: ManualClock;
  monitor: ExecutorMonitor;
  manager: AllocationManager;
  /** Every requestTotalExecutors call the manager made, as default-profile targets. */
  requests: number[];
  kills: string[][];
  decommissions: string[][];
}

export function harness(cfg: AllocationConfig, startMs = 0): Harness {
  const clock = new ManualClock(startMs);
  const monitor = new ExecutorMonitor(cfg, clock);
  const requests: number[] = [];
  const kills: string[][] = [];
  const decommissions: string[][] = [];
  const client: AllocationClient = {
    requestTotalExecutors: (targets) => {
      requests.push(targets.get(0) ?? -1);
      return true;
    },
    killExecutors: (ids) => {
      kills.push([...ids]);
      return [...ids];
    },
    decommissionExecutors: (ids) => {
      decommissions.push([...ids]);
      return [...ids];
    },
  };
  const manager = new AllocationManager(cfg, monitor, clock, client);
  manager.start();
  return { clock, monitor, manager, requests, kills, decommissions };
}

/** Runs add rounds and returns [delta, target, toAdd] after each. */
export function rounds(manager: AllocationManager, n: number): Array<[number, number | undefined, number | undefined]> {
  const out: Array<[number, number | undefined, number | undefined]> = [];
  for (let i = 0; i < n; i++) {
    const delta = manager.addRound();
    out.push([delta, manager.target(), manager.toAdd()]);
  }
  return out;
}

/** ExecutorPodsAllocatorSuite's settings: batch.size 5, executorIdleTimeout 10 s, batch.delay 1 s, default timeouts. */
export function podSuiteSettings(extra: Partial<PodAllocatorSettings> = {}): PodAllocatorSettings {
  return {
    batchSize: 5,
    batchDelayMs: 1000,
    maxPendingPods: 2147483647,
    maxPendingPodsPerRp: 2147483647,
    podCreationTimeoutMs: 600_000,
    allocationMaximum: 2147483647,
    executorIdleTimeoutMs: 10_000,
    deleteGracePeriodMs: 5000,
    deleteOnTermination: true,
    apiPollingIntervalMs: 30_000,
    ...extra,
  };
}
