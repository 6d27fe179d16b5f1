// Pods and their executors through their lives on the driver's clock: created → visible to the API (apiMs) →
// running (the latency model or the calibrated plan) → registered (registerMs) → gone, by an exit after a kill, a
// loss a replayed log shows, or the allocator deleting the pod. A gone executor's shuffle output is lost or migrated.
import type { ExecutorMonitor } from '../executor-monitor';
import type { StartPlanner } from '../k8s/calibrated-start';
import { podStartMs, type PodLatency } from '../k8s/latency';
import type { PodStore } from '../k8s/pod-store';
import type { PvcManager } from '../pvc/pvc-manager';
import type { EventHeap } from '../scheduler/heap';
import type { TaskScheduler } from '../scheduler/task-scheduler';
import type { ShuffleLoss } from '../shuffle-loss';
import type { ExecutorTimeLedger } from '../time-ledger';
import type { YarnAllocator } from '../yarn/container-allocator';
import type { ExecutorRoster } from './executor-roster';
import type { SimEvent } from './sim-events';

export interface LifecycleWiring {
  latency: PodLatency;
  planner: StartPlanner | undefined;
  shuffleLoss: ShuffleLoss | undefined;
  events: EventHeap<SimEvent>;
  store: PodStore;
  roster: ExecutorRoster;
  ledger: ExecutorTimeLedger;
  pvcs: PvcManager;
  yarn: YarnAllocator | undefined;
  monitor: ExecutorMonitor | undefined;
  /** The scheduler (built after this, so read when needed). */
  scheduler: () => TaskScheduler;
  /** Tells the driver the allocation manager has something new to look at. */
  changed: () => void;
  /** Losses that come a set time after their executor registers, by ordinal (ms). */
  lossesAfterRegistration: ReadonlyMap<number, number>;
}

export class ExecutorLifecycle {
  /** Losses from the replayed log: applied, or missed because the executor was already gone or going. */
  readonly lossCount = { applied: 0, missed: 0 };
  /** Map outputs lost with removed executors, and moved away by storage decommissioning (counted by the kills). */
  readonly loss = { lostOutputs: 0, migratedOutputs: 0 };

  constructor(private readonly w: LifecycleWiring) {}

  podCreated(id: number, now: number, profile: number): void {
    this.w.store.add(id, now, profile);
    this.w.ledger.podCreated(id, now);
    this.w.events.push(now + this.w.latency.apiMs, { kind: 'visible', id });
  }

  podVisible(id: number, now: number): void {
    const store = this.w.store;
    if (store.phase(id) !== 'unseen') return;
    store.setPhase(id, 'pending');
    const created = store.createdAt(id) ?? now;
    const runningAt = this.w.planner?.runningAt(id, created, now) ?? now + podStartMs(this.w.latency, id);
    this.w.events.push(runningAt, { kind: 'running', id });
  }

  podRunning(id: number, now: number): void {
    if (this.w.store.phase(id) !== 'pending') return;
    this.w.store.setPhase(id, 'running');
    this.w.roster.podRunning(id, now);
    this.w.events.push(now + this.w.latency.registerMs, { kind: 'register', id });
  }

  executorRegisters(id: number, now: number): void {
    const w = this.w;
    if (w.store.phase(id) !== 'running') return;
    const profile = w.store.profileOf(id);
    w.roster.registered(id, now, profile);
    const ordinal = w.roster.registeredCount;
    const lossAfter = w.lossesAfterRegistration.get(ordinal);
    if (lossAfter !== undefined) w.events.push(now + lossAfter, { kind: 'lose', ordinal });
    w.monitor?.onExecutorAdded(w.roster.name(id), profile);
    w.ledger.registered(id, now);
    w.changed();
    w.scheduler().addExecutor(id, now, profile);
  }

  /** A killed executor's exit came. */
  exited(id: number, now: number): void {
    this.w.roster.killed.delete(id);
    this.podDeleted(id, now);
  }

  /** A loss the log shows: the executor goes at once, its running tasks re-run elsewhere; its pod is replaced. */
  lose(ordinal: number, now: number): void {
    const roster = this.w.roster;
    const id = roster.byOrdinal(ordinal);
    // Gone already, or killed and on its way out: the loss finds nothing to take.
    if (id === undefined || !roster.isRegistered(id) || roster.killed.has(id)) {
      this.lossCount.missed++;
      return;
    }
    this.lossCount.applied++;
    this.w.scheduler().loseExecutor(id, now);
    roster.goingBecause(id, 'lost');
    this.podDeleted(id, now);
  }

  podDeleted(id: number, now: number): void {
    const w = this.w;
    w.yarn?.containerCompleted(id);
    w.ledger.podGone(id, now);
    w.roster.podStopped(id, now);
    if (w.roster.unregistered(id, now)) this.executorGone(id);
    w.store.setPhase(id, 'gone');
    w.pvcs.podGone(id, now);
  }

  /** The executor left the roster: its shuffle output is lost or moved, its slots and monitor entry go. */
  private executorGone(id: number): void {
    const scheduler = this.w.scheduler();
    if (this.w.shuffleLoss?.mode === 'migrated') scheduler.migrateOutputs(id);
    else this.loss.lostOutputs += scheduler.loseOutputs(id);
    scheduler.removeExecutor(id);
    this.w.monitor?.onExecutorRemoved(this.w.roster.name(id));
    this.w.changed();
  }
}
