// The allocation manager's listener state (spark-facts §3.2): per stage attempt, how many tasks it has, which task
// indices have started, how many tasks run (speculative copies included), which speculative copies wait, and whether
// the task set is unschedulable; grouped by resource profile. Pure bookkeeping: timer rules live in the manager.

/** A stage attempt, as `stageId.attempt`. */
export type AttemptKey = string;

export function attemptKey(stageId: number, attempt: number): AttemptKey {
  return `${stageId}.${attempt}`;
}

export class StageBookkeeping {
  private readonly numTasks = new Map<AttemptKey, number>();
  /** Non-speculative indices started (and not failed since). */
  private readonly taskIndices = new Map<AttemptKey, Set<number>>();
  /** Running tasks, speculative copies included; kept past stage completion until they end. */
  private readonly numRunning = new Map<AttemptKey, number>();
  private readonly pendingSpeculative = new Map<AttemptKey, Set<number>>();
  private readonly runningSpeculative = new Map<AttemptKey, Set<number>>();
  private readonly unschedulable = new Set<AttemptKey>();
  private readonly profileAttempts = new Map<number, Set<AttemptKey>>();

  stageSubmitted(key: AttemptKey, tasks: number, profileId: number): void {
    this.numTasks.set(key, tasks);
    let attempts = this.profileAttempts.get(profileId);
    if (!attempts) {
      attempts = new Set();
      this.profileAttempts.set(profileId, attempts);
    }
    attempts.add(key);
  }

  /** Forgets what is pending for the attempt; its running count stays until its tasks end. */
  stageCompleted(key: AttemptKey): void {
    this.numTasks.delete(key);
    this.pendingSpeculative.delete(key);
    this.taskIndices.delete(key);
    this.runningSpeculative.delete(key);
    this.removeIfUnused(key);
  }

  taskStarted(key: AttemptKey, index: number, speculative: boolean): void {
    this.numRunning.set(key, (this.numRunning.get(key) ?? 0) + 1);
    if (speculative) {
      setFor(this.runningSpeculative, key).add(index);
      this.pendingSpeculative.get(key)?.delete(index);
    } else {
      setFor(this.taskIndices, key).add(index);
    }
  }

  /** The running count drops (the attempt is forgotten once nothing refers to it) and a speculative copy ends. */
  taskEnded(key: AttemptKey, index: number, speculative: boolean): void {
    const running = this.numRunning.get(key);
    if (running !== undefined) {
      if (running - 1 === 0) {
        this.numRunning.delete(key);
        this.removeIfUnused(key);
      } else {
        this.numRunning.set(key, running - 1);
      }
    }
    if (speculative) this.runningSpeculative.get(key)?.delete(index);
  }

  /** A failed (not killed) original task: its index is pending again. */
  taskIndexPendingAgain(key: AttemptKey, index: number): void {
    this.taskIndices.get(key)?.delete(index);
  }

  /** A speculative copy of the index is no longer wanted (it started, or the original succeeded). */
  dropPendingSpeculative(key: AttemptKey, index: number): void {
    this.pendingSpeculative.get(key)?.delete(index);
  }

  speculativeSubmitted(key: AttemptKey, index: number): void {
    setFor(this.pendingSpeculative, key).add(index);
  }

  unschedulableAdded(key: AttemptKey): void {
    this.unschedulable.add(key);
  }

  unschedulableRemoved(key: AttemptKey): void {
    this.unschedulable.delete(key);
    this.removeIfUnused(key);
  }

  // ---- queries ---------------------------------------------------------------------------------------------------

  private attemptsOf(profileId: number): AttemptKey[] {
    return [...(this.profileAttempts.get(profileId) ?? [])];
  }

  private pendingOf(key: AttemptKey): number {
    return (this.numTasks.get(key) ?? 0) - (this.taskIndices.get(key)?.size ?? 0);
  }

  private pendingSpeculativeOf(key: AttemptKey): number {
    return this.pendingSpeculative.get(key)?.size ?? 0;
  }

  pendingTasks(profileId: number): number {
    return sum(this.attemptsOf(profileId).map((k) => this.pendingOf(k)));
  }

  pendingSpeculativeTasks(profileId: number): number {
    return sum(this.attemptsOf(profileId).map((k) => this.pendingSpeculativeOf(k)));
  }

  runningTasks(profileId: number): number {
    return sum(this.attemptsOf(profileId).map((k) => this.numRunning.get(k) ?? 0));
  }

  unschedulableTaskSets(profileId: number): number {
    return this.attemptsOf(profileId).filter((k) => this.unschedulable.has(k)).length;
  }

  /** Any profile has regular or speculative tasks waiting. */
  hasPendingTasks(): boolean {
    for (const attempts of this.profileAttempts.values()) {
      for (const k of attempts) if (this.pendingOf(k) > 0 || this.pendingSpeculativeOf(k) > 0) return true;
    }
    return false;
  }

  /** No live stage attempt and no pending speculation anywhere. */
  noStagesLeft(): boolean {
    return this.numTasks.size === 0 && this.pendingSpeculative.size === 0;
  }

  /** Forgets the attempt from its profile once no map refers to it any more (late task ends are still counted). */
  private removeIfUnused(key: AttemptKey): void {
    if (
      this.numRunning.has(key) ||
      this.numTasks.has(key) ||
      this.pendingSpeculative.has(key) ||
      this.taskIndices.has(key) ||
      this.runningSpeculative.has(key)
    ) {
      return;
    }
    for (const attempts of this.profileAttempts.values()) attempts.delete(key);
  }
}

function setFor<K>(map: Map<K, Set<number>>, key: K): Set<number> {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  return set;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
