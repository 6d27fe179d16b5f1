// Model of Spark's Kubernetes ExecutorPodsAllocator (spark-facts §3.6), for the default resource profile: it compares
// the executor target with the pods it sees and creates pods one batch at a time, deletes pods that never showed up,
// trims excess pending pods, and hands out on-demand PVCs (new or reused) to the pods it creates.
import type { PvcManager } from '../pvc/pvc-manager';
import type { PodStore } from './pod-store';
import type { PodAllocatorSettings } from './settings';

/** The side effects the allocator asks for; the store is updated by whoever implements them. */
export interface PodApi {
  createPod(executorId: number, now: number): void;
  deletePod(executorId: number, now: number): void;
}

export interface AllocatorRunResult {
  created: number[];
  deleted: number[];
}

export class PodAllocator {
  /** Pods created and not yet seen in a snapshot: executor id → creation time (ms). */
  private readonly newlyCreated = new Map<number, number>();
  private nextId = 1;
  private target = 0;
  private seenVersion = -1;
  private hasPendingPods = false;
  private podsCreated = 0;
  /** Set when the next executor id reached spark.kubernetes.allocation.maximum. */
  limitReached = false;
  /** Set when wait-to-reuse held back a pod at least once. */
  waitedForPvc = false;
  /** The simulation's budget of pods: no pod beyond it is created (one round could otherwise create millions). */
  creationBudget = Infinity;
  /** Set when a pod was wanted beyond creationBudget. */
  budgetReached = false;

  constructor(
    private readonly settings: PodAllocatorSettings,
    private readonly store: PodStore,
    private readonly api: PodApi,
    private readonly pvcs?: PvcManager,
  ) {}

  get totalExpected(): number {
    return this.target;
  }

  get created(): number {
    return this.podsCreated;
  }

  /** Pods requested but not running: visible Pending ones plus created ones not yet seen. */
  outstanding(): number {
    return this.store.pending + this.newlyCreated.size;
  }

  /** Executor ids created but not yet seen, in creation order. */
  newlyCreatedIds(): number[] {
    return [...this.newlyCreated.keys()];
  }

  /**
   * The scheduler backend's new executor total. Returns true when Spark would run the allocator at once (it does
   * so only when no pods are outstanding).
   */
  setTotalExpectedExecutors(total: number): boolean {
    this.target = total;
    return !this.hasPendingPods;
  }

  /** One pass over the latest snapshot (Spark's onNewSnapshots). */
  run(now: number): AllocatorRunResult {
    const s = this.settings;
    const store = this.store;
    const newSnapshots = store.version !== this.seenVersion;
    this.seenVersion = store.version;
    const deleted: number[] = [];
    const created: number[] = [];

    // 1. Pods seen in a snapshot are no longer "newly created".
    if (newSnapshots) {
      for (const id of this.newlyCreated.keys()) if (store.phase(id) !== 'unseen') this.newlyCreated.delete(id);
    }
    // 2. Pods never seen within the creation timeout are deleted and forgotten (so they get requested again).
    for (const [id, createdAt] of this.newlyCreated) {
      if (now - createdAt > s.podCreationTimeoutMs) {
        this.newlyCreated.delete(id);
        if (s.deleteOnTermination) {
          this.api.deletePod(id, now);
          deleted.push(id);
        }
      }
    }
    // 3. Counts.
    const running = store.running;
    let podCount = running + store.pending + this.newlyCreated.size;
    const newlyBefore = this.newlyCreated.size;
    // 4. Downscale: trim excess pods that are not running yet and older than the idle timeout.
    if (podCount > this.target) {
      let excess = podCount - this.target;
      for (const [id, createdAt] of this.newlyCreated) {
        if (excess === 0) break;
        if (now - createdAt > s.executorIdleTimeoutMs) {
          this.newlyCreated.delete(id);
          this.api.deletePod(id, now);
          deleted.push(id);
          excess--;
          podCount--;
        }
      }
      if (excess > 0) {
        for (const id of store.pendingPods()) {
          if (excess === 0) break;
          if (now - (store.createdAt(id) ?? now) > s.executorIdleTimeoutMs) {
            this.api.deletePod(id, now);
            deleted.push(id);
            excess--;
            podCount--;
          }
        }
      }
    }
    // 5. More pods only when the previous batch has been seen completely.
    const wantsMore = newlyBefore === 0 && podCount < this.target;
    const notRunning = store.pending + this.newlyCreated.size;
    const pvcWait = this.pvcs !== undefined && this.pvcs.waitMode && this.pvcs.pvcCounter >= this.pvcs.maxPvcs;
    // 6. Free slots under maxPendingPods.
    const slots = s.maxPendingPods - notRunning;
    if (wantsMore && slots > 0 && !(pvcWait && !newSnapshots)) {
      const count = Math.min(this.target - podCount, s.batchSize, slots, s.maxPendingPodsPerRp - notRunning);
      if (count > 0) this.requestNewExecutors(count, now, created);
    }
    this.hasPendingPods = store.pending + this.newlyCreated.size > 0;
    return { created, deleted };
  }

  private requestNewExecutors(count: number, now: number, created: number[]): void {
    const pvcs = this.pvcs;
    const reusable = pvcs ? pvcs.reusable(now, (id) => this.store.isVisible(id)) : [];
    for (let i = 0; i < count; i++) {
      if (this.nextId >= this.settings.allocationMaximum) {
        this.limitReached = true;
        return;
      }
      if (this.podsCreated >= this.creationBudget) {
        this.budgetReached = true;
        return;
      }
      if (pvcs && pvcs.mustWait(reusable.length)) {
        this.waitedForPvc = true;
        return;
      }
      const id = this.nextId++;
      this.newlyCreated.set(id, now);
      this.podsCreated++;
      this.api.createPod(id, now);
      pvcs?.attach(id, reusable, now);
      created.push(id);
    }
  }
}
