// Model of Spark's Kubernetes ExecutorPodsAllocator (spark-facts §3.6): per resource profile (by id) it compares the
// profile's executor target with the profile's pods and creates pods one batch at a time; pods that never showed up
// are deleted, excess pending pods trimmed; the room under maxPendingPods is split evenly among the profiles that want
// pods (Spark's splitSlots); on-demand PVCs (new or reused) go to the pods it creates.
import type { PvcManager } from '../pvc/pvc-manager';
import type { PodStore } from './pod-store';
import type { PodAllocatorSettings } from './settings';

/** The side effects the allocator asks for; the store is updated by whoever implements them. */
export interface PodApi {
  /** Create the pod of a new executor of resource profile `profile`. */
  createPod(executorId: number, now: number, profile: number): void;
  deletePod(executorId: number, now: number): void;
}

export interface AllocatorRunResult {
  created: number[];
  deleted: number[];
}

export class PodAllocator {
  /** Pods created and not yet seen in a snapshot: executor id → creation time (ms). */
  private readonly newlyCreated = new Map<number, number>();
  /** Newly created pods per profile (what the per-profile pass counts; index = profile id). */
  private readonly newlyBy: number[] = [];
  private nextId = 1;
  /** Executor targets by profile id; profile 0 is there from the start. */
  private readonly targets = new Map<number, number>([[0, 0]]);
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

  /** The targets summed over profiles. */
  get totalExpected(): number {
    let total = 0;
    for (const t of this.targets.values()) total += t;
    return total;
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
    this.targets.set(0, total);
    return !this.hasPendingPods;
  }

  /** The same with a target per resource profile (Spark's per-profile map). */
  setTargets(targets: ReadonlyMap<number, number>): boolean {
    for (const [profile, total] of targets) this.targets.set(profile, total);
    return !this.hasPendingPods;
  }

  private forgetNewlyCreated(id: number): void {
    if (!this.newlyCreated.delete(id)) return;
    this.newlyBy[this.store.profileOf(id)]--;
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
      for (const id of this.newlyCreated.keys()) if (store.phase(id) !== 'unseen') this.forgetNewlyCreated(id);
    }
    // 2. Pods never seen within the creation timeout are deleted and forgotten (so they get requested again).
    for (const [id, createdAt] of this.newlyCreated) {
      if (now - createdAt > s.podCreationTimeoutMs) {
        this.forgetNewlyCreated(id);
        if (s.deleteOnTermination) {
          this.api.deletePod(id, now);
          deleted.push(id);
        }
      }
    }
    // 3–5. Per profile, by id: counts, downscale, and whether it wants more pods.
    const wanting: PodRequest[] = [];
    let notRunning = 0;
    for (const [profile, target] of this.targets.size === 1
      ? this.targets
      : [...this.targets].sort((a, b) => a[0] - b[0])) {
      const newlyBefore = this.newlyBy[profile] ?? 0;
      const podCount =
        store.runningOf(profile) + store.pendingOf(profile) + newlyBefore - this.trim(profile, target, now, deleted);
      notRunning += store.pendingOf(profile) + (this.newlyBy[profile] ?? 0);
      // More pods only when the profile's previous batch has been seen completely.
      if (newlyBefore === 0 && podCount < target) wanting.push({ profile, missing: target - podCount });
    }
    const pvcWait = this.pvcs !== undefined && this.pvcs.waitMode && this.pvcs.pvcCounter >= this.pvcs.maxPvcs;
    // 6. Free slots under maxPendingPods, split evenly among the profiles that want pods.
    const slots = s.maxPendingPods - notRunning;
    if (wanting.length > 0 && slots > 0 && !(pvcWait && !newSnapshots)) {
      wanting.forEach((want, i) => {
        const share = splitSlot(slots, wanting.length, i);
        const ownNotRunning = store.pendingOf(want.profile) + (this.newlyBy[want.profile] ?? 0);
        const count = Math.min(want.missing, s.batchSize, share, s.maxPendingPodsPerRp - ownNotRunning);
        if (count > 0) this.requestNewExecutors(count, now, created, want.profile);
      });
    }
    this.hasPendingPods = store.pending + this.newlyCreated.size > 0;
    return { created, deleted };
  }

  /**
   * 4. Downscale of one profile: trims its excess pods that are not running yet and older than the idle timeout (newly
   * created ones first, then visible Pending ones). Returns how many it deleted.
   */
  private trim(profile: number, target: number, now: number, deleted: number[]): number {
    const s = this.settings;
    const store = this.store;
    let excess = store.runningOf(profile) + store.pendingOf(profile) + (this.newlyBy[profile] ?? 0) - target;
    if (excess <= 0) return 0;
    const before = excess;
    for (const [id, createdAt] of this.newlyCreated) {
      if (excess === 0) break;
      if (store.profileOf(id) !== profile) continue;
      if (now - createdAt > s.executorIdleTimeoutMs) {
        this.forgetNewlyCreated(id);
        this.api.deletePod(id, now);
        deleted.push(id);
        excess--;
      }
    }
    if (excess > 0) {
      for (const id of store.pendingPodsOf(profile)) {
        if (excess === 0) break;
        if (now - (store.createdAt(id) ?? now) > s.executorIdleTimeoutMs) {
          this.api.deletePod(id, now);
          deleted.push(id);
          excess--;
        }
      }
    }
    return before - excess;
  }

  private requestNewExecutors(count: number, now: number, created: number[], profile: number): void {
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
      this.newlyBy[profile] = (this.newlyBy[profile] ?? 0) + 1;
      this.podsCreated++;
      this.api.createPod(id, now, profile);
      pvcs?.attach(id, reusable, now);
      created.push(id);
    }
  }
}

/** A profile that wants pods in this pass, and how many it lacks. */
interface PodRequest {
  profile: number;
  missing: number;
}

/** Spark's splitSlots: `slots` shared by `consumers`; the first slots % consumers get one more. */
export function splitSlot(slots: number, consumers: number, index: number): number {
  const base = Math.floor(slots / consumers);
  return index < slots % consumers ? base + 1 : base;
}
