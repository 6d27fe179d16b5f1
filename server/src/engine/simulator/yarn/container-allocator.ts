// Model of Spark's YARN allocator (YarnAllocator, driven by the ApplicationMaster's allocation thread), per resource
// profile:
// - each run (allocateResources) first asks the ResourceManager for every missing container at once: missing =
//   target − pending requests − running executors (launching ones count as running here); a negative gap cancels that
//   many pending requests, newest first;
// - then it takes the containers the ResourceManager granted since the last run: a granted container is launched (a
//   new executor id) only while the profile's running executors are below its target, otherwise it is left unused;
// - an executor the driver kills leaves the running count at the kill request, long before the driver hears that it
//   is gone; an executor lost otherwise leaves it when its container completes;
// - the thread runs every heartbeat interval (3 s) while nothing is pending, at the initial interval doubling up to the
//   heartbeat while requests are pending, and at once (at least the initial interval after its last run) when the
//   driver changes a target.
// The ResourceManager grants a request `grantMs` after it was made (it places containers as node managers heartbeat)
// if the cluster has room: at most `maxContainers` executor containers at once, a killed executor keeping its
// container until it is gone; the allocator sees the grant at its first run from then on. How long a launched
// executor takes to register is the caller's (the calibrated or typical start-up).

/** The allocation thread's intervals (spark.yarn.scheduler.*). */
export interface YarnAllocatorSettings {
  /** spark.yarn.scheduler.heartbeat.interval-ms: the thread's period while no request is pending. */
  heartbeatMs: number;
  /** spark.yarn.scheduler.initial-allocation.interval (at most the heartbeat): first period while requests pend. */
  initialAllocationMs: number;
  /** Request → container granted by the ResourceManager. */
  grantMs: number;
  /** The cluster's room: executor containers that can exist at once (Infinity: no limit). */
  maxContainers: number;
}

/** The side effects the allocator asks for. */
export interface ContainerApi {
  /** Container request number `request` (from 1, in request order) was made now. */
  requested(request: number, now: number, profile: number): void;
  /** The container granted for `request` starts the executor `executorId` of resource profile `profile`. */
  launch(executorId: number, now: number, profile: number, request: number): void;
}

interface PendingRequest {
  request: number;
  profile: number;
  /** When the ResourceManager grants it (ms). */
  grantAt: number;
}

export class YarnAllocator {
  private readonly targets = new Map<number, number>([[0, 0]]);
  /** Pending requests per profile, oldest first. */
  private readonly pendingBy = new Map<number, PendingRequest[]>();
  private readonly pendingIndex = new Map<number, PendingRequest>();
  /** Executors YARN counts as running, per profile (launched, not killed, container not completed). */
  private readonly runningBy = new Map<number, Set<number>>();
  private readonly profileOf = new Map<number, number>();
  /** Containers launched and not yet completed (killed executors keep theirs until they are gone). */
  private containers = 0;
  private readonly launchedIds = new Set<number>();
  private nextRequest = 1;
  private nextExecutorId = 1;
  private launched = 0;
  private nextIntervalMs: number;
  private lastRunMs = -Infinity;
  /** Set when a due grant waited for room (the cluster held maxContainers containers). */
  heldForRoom = false;
  /** Pending requests withdrawn because a target fell. */
  cancelled = 0;
  /** The simulation's budget of executors: no request beyond it is made. */
  creationBudget = Infinity;
  /** Set when a container was wanted beyond creationBudget. */
  budgetReached = false;
  /** Kubernetes-only conditions; never set here (the driver reads them from either allocator). */
  readonly limitReached = false;
  readonly waitedForPvc = false;

  constructor(
    private readonly settings: YarnAllocatorSettings,
    private readonly api: ContainerApi,
  ) {
    this.nextIntervalMs = settings.initialAllocationMs;
  }

  /** Executors launched so far. */
  get created(): number {
    return this.launched;
  }

  /** Container requests not yet granted. */
  get pending(): number {
    return this.pendingIndex.size;
  }

  /** Executors YARN counts as running in one profile. */
  runningOf(profile: number): number {
    return this.runningBy.get(profile)?.size ?? 0;
  }

  /** The driver's new total for the default profile; true when it changed (the thread is then woken). */
  setTotalExpectedExecutors(total: number): boolean {
    return this.setTargets(new Map([[0, total]]));
  }

  /** The driver's totals per profile; true when any changed (the thread is then woken, see wakeAt). */
  setTargets(targets: ReadonlyMap<number, number>): boolean {
    let changed = false;
    for (const [profile, total] of targets) {
      if (this.targets.get(profile) === total) continue;
      this.targets.set(profile, total);
      changed = true;
    }
    if (changed) this.nextIntervalMs = this.settings.initialAllocationMs;
    return changed;
  }

  /** When a woken thread runs: at once, but not sooner than the initial interval after its last run. */
  wakeAt(now: number): number {
    return Math.max(now, this.lastRunMs + this.settings.initialAllocationMs);
  }

  /**
   * One allocateResources call: requests and cancellations for every profile, then the containers granted by now.
   * Returns when the thread runs next.
   */
  run(now: number): number {
    this.lastRunMs = now;
    const profiles = this.targets.size === 1 ? [...this.targets] : [...this.targets].sort((a, b) => a[0] - b[0]);
    for (const [profile, target] of profiles) {
      const pending = this.pendingBy.get(profile) ?? [];
      const missing = target - pending.length - this.runningOf(profile);
      if (missing > 0) this.request(missing, now, profile);
      else if (missing < 0 && pending.length > 0) this.cancel(Math.min(pending.length, -missing), profile);
    }
    for (const [profile] of profiles) this.takeGrants(profile, now);
    return now + this.sleepMs();
  }

  /** The thread's sleep after a run: short and doubling while requests pend, the heartbeat otherwise. */
  private sleepMs(): number {
    const s = this.settings;
    if (this.pendingIndex.size === 0) {
      this.nextIntervalMs = s.initialAllocationMs;
      return Math.max(1, s.heartbeatMs);
    }
    const current = Math.min(s.heartbeatMs, this.nextIntervalMs);
    this.nextIntervalMs = current * 2;
    return Math.max(1, current);
  }

  private request(count: number, now: number, profile: number): void {
    let list = this.pendingBy.get(profile);
    if (list === undefined) {
      list = [];
      this.pendingBy.set(profile, list);
    }
    for (let i = 0; i < count; i++) {
      if (this.launched + this.pendingIndex.size >= this.creationBudget) {
        this.budgetReached = true;
        return;
      }
      const request = this.nextRequest++;
      this.api.requested(request, now, profile);
      const pending: PendingRequest = { request, profile, grantAt: now + this.settings.grantMs };
      list.push(pending);
      this.pendingIndex.set(request, pending);
    }
  }

  /**
   * Withdraws the newest pending requests: YARN keeps only a count of outstanding asks, so the grants still to come
   * are the earliest ones planned.
   */
  private cancel(count: number, profile: number): void {
    const list = this.pendingBy.get(profile) ?? [];
    for (const gone of list.splice(list.length - count, count)) this.pendingIndex.delete(gone.request);
    this.cancelled += count;
  }

  /** The profile's requests granted by now, oldest first: each launches an executor while below the target. */
  private takeGrants(profile: number, now: number): void {
    const list = this.pendingBy.get(profile);
    if (list === undefined) return;
    // Requests are granted oldest first while the cluster has room; the rest stay pending.
    const room = Math.max(0, this.settings.maxContainers - this.containers);
    let due = 0;
    while (due < list.length && list[due].grantAt <= now) due++;
    if (due === 0) return;
    if (due > room) this.heldForRoom = true;
    for (const pending of list.splice(0, Math.min(due, room))) {
      this.pendingIndex.delete(pending.request);
      // YARN's rule; the requests made just before keep grants within the target here, but a grant never exceeds it.
      if (this.runningOf(profile) >= (this.targets.get(profile) ?? 0)) continue;
      const id = this.nextExecutorId++;
      let running = this.runningBy.get(profile);
      if (running === undefined) {
        running = new Set();
        this.runningBy.set(profile, running);
      }
      running.add(id);
      this.containers++;
      this.profileOf.set(id, profile);
      this.launched++;
      this.launchedIds.add(id);
      this.api.launch(id, now, profile, pending.request);
    }
  }

  /** The driver asked YARN to kill the executor: its container is released and it stops counting at once. */
  killExecutor(id: number): void {
    this.forget(id);
  }

  /** The executor's container completed (lost, or gone after a kill): it no longer counts, and its room is free. */
  containerCompleted(id: number): void {
    this.forget(id);
    if (this.launchedIds.delete(id)) this.containers--;
  }

  private forget(id: number): void {
    const profile = this.profileOf.get(id);
    if (profile === undefined) return;
    this.profileOf.delete(id);
    this.runningBy.get(profile)?.delete(id);
  }
}
