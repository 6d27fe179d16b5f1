// Model of Spark's ExecutorAllocationManager (spark-facts §3.1–3.4): listener bookkeeping and backlog timer, the
// "executors needed" estimate, the 100 ms schedule with its 1-2-4-8 ramp, and idle-executor removal with floors.
// Talking to the cluster manager goes through an AllocationClient, so a pod allocator can consume the targets.
import type { AllocationConfig } from './config';
import { DEFAULT_PROFILE_ID, UNKNOWN_PROFILE_ID, type Clock } from './clock';
import type { ExecutorMonitor, TimedOutExecutor } from './executor-monitor';
import { attemptKey, StageBookkeeping, type AttemptKey } from './stage-bookkeeping';

export type AllocationManagerSettings = Pick<
  AllocationConfig,
  | 'minExecutors'
  | 'maxExecutors'
  | 'initialExecutors'
  | 'executorAllocationRatio'
  | 'schedulerBacklogTimeoutMs'
  | 'sustainedSchedulerBacklogTimeoutMs'
  | 'tasksPerExecutor'
  | 'decommissionEnabled'
  | 'testing'
  | 'dropSpeculationOnSuccess'
  | 'unschedulableTracking'
>;

/** What the manager asks of the cluster manager (Spark's ExecutorAllocationClient, reduced to what DRA uses). */
export interface AllocationClient {
  /** The wanted executor total per resource profile. Returns whether the request was acknowledged. */
  requestTotalExecutors(targets: ReadonlyMap<number, number>): boolean;
  /** Kill these executors without lowering the target; returns the ids actually killed. */
  killExecutors(ids: readonly string[]): string[];
  /** Decommission these executors ("spark scale down"); returns the ids actually decommissioned. */
  decommissionExecutors(ids: readonly string[]): string[];
}

/** A client that acknowledges everything (what Spark's tests use). */
export function acceptingClient(): AllocationClient {
  return {
    requestTotalExecutors: () => true,
    killExecutors: (ids) => [...ids],
    decommissionExecutors: (ids) => [...ids],
  };
}

export type TaskEndReason = 'success' | 'failed' | 'killed';

export interface StageRef {
  stageId: number;
  /** Stage attempt number; 0 unless a stage is resubmitted. */
  attempt?: number;
}

export interface ScheduleResult {
  /** Net change of the targets in this tick (sum over profiles). */
  delta: number;
  /** Executors asked to go away (killed or decommissioned) in this tick, in the order chosen. */
  removed: string[];
}

/** addTime when no backlog timer runs. */
const NOT_SET = Infinity;

interface TargetUpdate {
  delta: number;
  oldTarget: number;
}

export class AllocationManager {
  private readonly stages = new StageBookkeeping();
  private readonly targets = new Map<number, number>();
  private readonly toAddByProfile = new Map<number, number>();
  private readonly tasksPerExecutorByProfile = new Map<number, number>();
  private addTime = NOT_SET;
  private init = true;
  /** Attempt keys by stage id, then attempt: built once per attempt rather than once per task event. */
  private readonly keys = new Map<number, AttemptKey[]>();

  constructor(
    private readonly settings: AllocationManagerSettings,
    private readonly monitor: ExecutorMonitor,
    private readonly clock: Clock,
    private readonly client: AllocationClient = acceptingClient(),
  ) {
    this.targets.set(DEFAULT_PROFILE_ID, settings.initialExecutors);
    this.toAddByProfile.set(DEFAULT_PROFILE_ID, 1);
    this.tasksPerExecutorByProfile.set(DEFAULT_PROFILE_ID, settings.tasksPerExecutor);
  }

  /** Declares another resource profile and its tasks per executor (stages then name it in onStageSubmitted). */
  defineProfile(profileId: number, tasksPerExecutor: number): void {
    this.tasksPerExecutorByProfile.set(profileId, tasksPerExecutor);
  }

  /** Start-up: the initial target goes to the cluster manager at once. */
  start(): void {
    this.client.requestTotalExecutors(new Map(this.targets));
  }

  // ---- state -----------------------------------------------------------------------------------------------------

  target(profileId: number = DEFAULT_PROFILE_ID): number | undefined {
    return this.targets.get(profileId);
  }

  /** The targets summed over profiles (the default profile's alone when no other profile has a stage). */
  totalTarget(): number {
    // Read on every simulation step: the one-profile case is a lookup, not an iteration.
    if (this.targets.size === 1) return this.targets.get(DEFAULT_PROFILE_ID) ?? 0;
    let total = 0;
    for (const t of this.targets.values()) total += t;
    return total;
  }

  /** All targets, by profile id ascending. */
  allTargets(): ReadonlyMap<number, number> {
    return new Map([...this.targets].sort((a, b) => a[0] - b[0]));
  }

  /** Executors the next add round would add (1, 2, 4, …). */
  toAdd(profileId: number = DEFAULT_PROFILE_ID): number | undefined {
    return this.toAddByProfile.get(profileId);
  }

  /** When the next add round may run (ms), or undefined while no backlog timer runs. */
  get addTimeMs(): number | undefined {
    return this.addTime === NOT_SET ? undefined : this.addTime;
  }

  /** True until the first stage is submitted or an executor idles out; the target stays put meanwhile. */
  get initializing(): boolean {
    return this.init;
  }

  pendingTasks(profileId: number = DEFAULT_PROFILE_ID): number {
    return this.stages.pendingTasks(profileId);
  }
  pendingSpeculativeTasks(profileId: number = DEFAULT_PROFILE_ID): number {
    return this.stages.pendingSpeculativeTasks(profileId);
  }
  runningTasks(profileId: number = DEFAULT_PROFILE_ID): number {
    return this.stages.runningTasks(profileId);
  }

  private key(stage: StageRef): AttemptKey {
    const attempt = stage.attempt ?? 0;
    let byAttempt = this.keys.get(stage.stageId);
    if (byAttempt === undefined) {
      byAttempt = [];
      this.keys.set(stage.stageId, byAttempt);
    }
    return (byAttempt[attempt] ??= attemptKey(stage.stageId, attempt));
  }

  // ---- listener events (§3.2) ------------------------------------------------------------------------------------

  onStageSubmitted(stage: StageRef, numTasks: number, profileId: number = DEFAULT_PROFILE_ID): void {
    this.init = false;
    this.stages.stageSubmitted(this.key(stage), numTasks, profileId);
    this.onSchedulerBacklogged();
    if (!this.toAddByProfile.has(profileId)) this.toAddByProfile.set(profileId, 1);
    if (!this.targets.has(profileId)) {
      this.targets.set(profileId, this.settings.initialExecutors);
      if (this.settings.initialExecutors > 0) this.client.requestTotalExecutors(new Map(this.targets));
    }
  }

  onStageCompleted(stage: StageRef): void {
    this.stages.stageCompleted(this.key(stage));
    if (this.stages.noStagesLeft()) this.onSchedulerQueueEmpty();
  }

  onTaskStart(stage: StageRef, index: number, speculative = false): void {
    this.stages.taskStarted(this.key(stage), index, speculative);
    if (!this.stages.hasPendingTasks()) this.onSchedulerQueueEmpty();
  }

  onTaskEnd(stage: StageRef, index: number, reason: TaskEndReason, speculative = false): void {
    const k = this.key(stage);
    this.stages.taskEnded(k, index, speculative);
    if (reason === 'success') {
      if (this.settings.dropSpeculationOnSuccess) this.stages.dropPendingSpeculative(k, index);
    } else if (reason === 'failed') {
      // The failed task will be resubmitted: make sure a backlog timer runs, then count its index as pending.
      if (!this.stages.hasPendingTasks()) this.onSchedulerBacklogged();
      if (!speculative) this.stages.taskIndexPendingAgain(k, index);
    }
    // Killed: the index stays started (the other copy succeeded; nothing will be resubmitted).
  }

  onSpeculativeTaskSubmitted(stage: StageRef, index: number): void {
    this.stages.speculativeSubmitted(this.key(stage), index);
    this.onSchedulerBacklogged();
  }

  /** The stage's task set cannot be placed on any current executor (ignored before Spark 3.1.0). */
  onUnschedulableTaskSetAdded(stage: StageRef): void {
    if (!this.settings.unschedulableTracking) return;
    this.stages.unschedulableAdded(this.key(stage));
    this.onSchedulerBacklogged();
  }

  onUnschedulableTaskSetRemoved(stage: StageRef): void {
    if (!this.settings.unschedulableTracking) return;
    this.stages.unschedulableRemoved(this.key(stage));
  }

  private onSchedulerBacklogged(): void {
    if (this.addTime === NOT_SET) this.addTime = this.clock.now() + this.settings.schedulerBacklogTimeoutMs;
  }

  private onSchedulerQueueEmpty(): void {
    this.addTime = NOT_SET;
    for (const profileId of this.toAddByProfile.keys()) this.toAddByProfile.set(profileId, 1);
  }

  // ---- the estimate (§3.3) ---------------------------------------------------------------------------------------

  maxNumExecutorsNeeded(profileId: number = DEFAULT_PROFILE_ID): number {
    const pending = this.stages.pendingTasks(profileId);
    const pendingSpeculative = this.stages.pendingSpeculativeTasks(profileId);
    const running = this.stages.runningTasks(profileId);
    const unschedulable = this.stages.unschedulableTaskSets(profileId);
    const tasksPerExecutor = this.tasksPerExecutorByProfile.get(profileId) ?? this.settings.tasksPerExecutor;
    const ratio = this.settings.executorAllocationRatio;
    let needed = Math.ceil(((pending + pendingSpeculative + running) * ratio) / tasksPerExecutor);
    if (tasksPerExecutor > 1 && needed === 1 && pendingSpeculative > 0) needed += 1;
    if (unschedulable > 0) {
      const extra = Math.ceil((unschedulable * ratio) / tasksPerExecutor);
      needed = Math.max(needed, this.monitor.executorCountWithProfile(profileId) + extra);
    }
    return needed;
  }

  // ---- schedule (§3.4) -------------------------------------------------------------------------------------------

  /** One polling tick: update the targets, then remove executors that idled out. */
  schedule(): ScheduleResult {
    const timedOut = this.monitor.timedOutExecutors();
    if (timedOut.length > 0) this.init = false;
    const delta = this.updateAndSyncNumExecutorsTarget();
    const removed = timedOut.length > 0 ? this.removeExecutors(timedOut) : [];
    return { delta, removed };
  }

  /** Lowers targets to what is needed, or runs an add round where the backlog timer has expired. */
  updateAndSyncNumExecutorsTarget(): number {
    if (this.init) return 0;
    const now = this.clock.now();
    const updates = new Map<number, TargetUpdate>();
    for (const [profileId, target] of this.sortedTargets()) {
      const maxNeeded = this.maxNumExecutorsNeeded(profileId);
      if (maxNeeded < target) {
        this.recordUpdate(updates, profileId, () => this.decrementExecutors(maxNeeded, profileId));
      } else if (this.addTime !== NOT_SET && now >= this.addTime) {
        this.recordUpdate(updates, profileId, () => this.addExecutors(maxNeeded, profileId));
      }
    }
    return this.doUpdateRequest(updates, now);
  }

  /** One add round for a profile regardless of the backlog timer (what Spark's suite calls directly). */
  addRound(profileId: number = DEFAULT_PROFILE_ID): number {
    const updates = new Map<number, TargetUpdate>();
    const maxNeeded = this.maxNumExecutorsNeeded(profileId);
    this.recordUpdate(updates, profileId, () => this.addExecutors(maxNeeded, profileId));
    return this.doUpdateRequest(updates, this.clock.now());
  }

  private sortedTargets(): Array<[number, number]> {
    return [...this.targets].sort((a, b) => a[0] - b[0]);
  }

  private recordUpdate(updates: Map<number, TargetUpdate>, profileId: number, change: () => number): void {
    const oldTarget = this.targets.get(profileId) ?? 0;
    const delta = change();
    if (delta !== 0) updates.set(profileId, { delta, oldTarget });
  }

  private decrementExecutors(maxNeeded: number, profileId: number): number {
    const old = this.targets.get(profileId) ?? 0;
    const next = Math.max(maxNeeded, this.settings.minExecutors);
    this.targets.set(profileId, next);
    this.toAddByProfile.set(profileId, 1);
    return next - old;
  }

  private addExecutors(maxNeeded: number, profileId: number): number {
    const { minExecutors, maxExecutors } = this.settings;
    const old = this.targets.get(profileId) ?? 0;
    if (old >= maxExecutors) {
      this.toAddByProfile.set(profileId, 1);
      return 0;
    }
    let next = Math.max(old, this.monitor.executorCountWithProfile(profileId));
    next += this.toAddByProfile.get(profileId) ?? 1;
    next = Math.min(next, maxNeeded);
    next = Math.max(Math.min(next, maxExecutors), minExecutors);
    const delta = next - old;
    this.targets.set(profileId, next);
    if (delta === 0) this.toAddByProfile.set(profileId, 1);
    return delta;
  }

  private doUpdateRequest(updates: Map<number, TargetUpdate>, now: number): number {
    if (updates.size === 0) return 0;
    let acknowledged: boolean;
    try {
      acknowledged = this.client.requestTotalExecutors(new Map(this.targets)) || this.settings.testing;
    } catch {
      acknowledged = this.settings.testing;
    }
    if (!acknowledged) {
      for (const [profileId, update] of updates) this.targets.set(profileId, update.oldTarget);
      return 0;
    }
    let total = 0;
    for (const [profileId, { delta }] of updates) {
      total += delta;
      if (delta > 0) {
        const toAdd = this.toAddByProfile.get(profileId) ?? 1;
        this.toAddByProfile.set(profileId, delta === toAdd ? toAdd * 2 : 1);
        this.addTime = now + this.settings.sustainedSchedulerBacklogTimeoutMs;
      }
    }
    return total;
  }

  // ---- removal ---------------------------------------------------------------------------------------------------

  /** Removes executors by id (profile looked up in the monitor; unknown ids are skipped). */
  removeExecutorIds(ids: readonly string[]): string[] {
    return this.removeExecutors(ids.map((id) => ({ id, profileId: this.monitor.profileOf(id) ?? UNKNOWN_PROFILE_ID })));
  }

  /**
   * Picks, in the given order, the candidates that can go without the profile's remaining executors (those not
   * already pending removal or decommissioning) dropping below minExecutors or the current target; kills or
   * decommissions them and re-sends the targets. Returns the ids removed.
   */
  removeExecutors(candidates: readonly TimedOutExecutor[]): string[] {
    const chosen: string[] = [];
    const remaining = new Map<number, number>();
    for (const { id, profileId } of candidates) {
      if (profileId === UNKNOWN_PROFILE_ID) continue;
      let total = remaining.get(profileId);
      if (total === undefined) {
        total =
          this.monitor.executorCountWithProfile(profileId) -
          this.monitor.pendingRemovalCount(profileId) -
          this.monitor.decommissioningCount(profileId);
        remaining.set(profileId, total);
      }
      if (total - 1 < this.settings.minExecutors) continue;
      if (total - 1 < (this.targets.get(profileId) ?? 0)) continue;
      chosen.push(id);
      remaining.set(profileId, total - 1);
    }
    if (chosen.length === 0) return [];

    const decommission = this.settings.decommissionEnabled;
    let removed = decommission ? this.client.decommissionExecutors(chosen) : this.client.killExecutors(chosen);
    if (this.settings.testing) removed = chosen;
    // Killing must not lower the targets, so they are sent again.
    this.client.requestTotalExecutors(new Map(this.targets));
    if (removed.length === 0) return [];
    if (decommission) this.monitor.executorsDecommissioning(removed);
    else this.monitor.executorsKilled(removed);
    return removed;
  }
}
