// The allocation manager's hands on the cluster: new executor targets go to the pod (or YARN) allocator, and kills
// (or decommissions) of idle executors queue each one's exit after the removal delay, plus the time storage
// decommissioning takes to move its shuffle output away.
import type { AllocationClient } from '../allocation-manager';
import type { CalibratedStart } from '../k8s/calibrated-start';
import type { PodLatency } from '../k8s/latency';
import type { PodAllocatorSettings } from '../k8s/settings';
import type { EventHeap } from '../scheduler/heap';
import type { TaskScheduler } from '../scheduler/task-scheduler';
import type { ShuffleLoss } from '../shuffle-loss';
import type { ExecutorTimeLedger } from '../time-ledger';
import type { YarnAllocator } from '../yarn/container-allocator';
import type { ExecutorRoster } from './executor-roster';
import type { SimEvent } from './sim-events';

export interface ClientWiring {
  now: () => number;
  events: EventHeap<SimEvent>;
  roster: ExecutorRoster;
  scheduler: () => TaskScheduler;
  ledger: ExecutorTimeLedger;
  yarn: YarnAllocator | undefined;
  latency: PodLatency;
  pods: PodAllocatorSettings;
  calibrated: CalibratedStart | undefined;
  shuffleLoss: ShuffleLoss | undefined;
  /** Map outputs moved away by storage decommissioning, summed as kills move them. */
  migrated: { migratedOutputs: number };
  /** Hands the allocator new per-profile targets (and wakes it when it should run). */
  setTargets: (targets: ReadonlyMap<number, number>) => void;
}

export function allocationClient(w: ClientWiring): AllocationClient {
  const { roster, events } = w;
  const kill = (ids: readonly string[]): string[] => {
    const out: string[] = [];
    const now = w.now();
    for (const text of ids) {
      const id = Number(text);
      if (!roster.isRegistered(id) || roster.killed.has(id)) continue;
      if (w.scheduler().runningOn(id) > 0) continue; // Spark does not kill busy executors unless forced
      roster.killed.add(id);
      w.yarn?.killExecutor(id);
      w.ledger.leaving(id, now);
      w.scheduler().markKilled(id);
      const lag = w.calibrated?.removalLagMs;
      const delay = (lag ?? Math.min(w.latency.exitMs, w.pods.deleteGracePeriodMs)) + migrationMs(w, id);
      roster.goingBecause(id, 'idle');
      events.push(now + Math.max(0, delay), { kind: 'exit', id });
      out.push(text);
    }
    return out;
  };
  return {
    requestTotalExecutors: (targets) => {
      w.setTargets(targets);
      return true;
    },
    killExecutors: kill,
    decommissionExecutors: kill,
  };
}

/** Storage decommissioning moves the executor's shuffle output before it exits: time per map output held. */
function migrationMs(w: ClientWiring, id: number): number {
  if (w.shuffleLoss?.mode !== 'migrated') return 0;
  const held = w.scheduler().outputsHeldBy(id);
  w.migrated.migratedOutputs += held;
  return Math.round(held * w.shuffleLoss.migrationMsPerOutput);
}
