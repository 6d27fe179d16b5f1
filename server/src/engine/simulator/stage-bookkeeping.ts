// The allocation manager's listener state (spark-facts §3.2): per stage attempt, how many tasks it has, which task
// indices have started, how many tasks run (speculative copies included), which speculative copies wait, and whether
// the task set is unschedulable; grouped by resource profile. Pure bookkeeping: timer rules live in the manager.
//
// Performance: the manager calls taskStarted/taskEnded once per task and asks hasPendingTasks() on every task start,
// so everything a query needs is kept as running per-profile totals (O(1) queries), started indices are a bitmap, and
// each attempt's state is one record found with one map lookup.

/** A stage attempt, as `stageId.attempt`. */
export type AttemptKey = string;

export function attemptKey(stageId: number, attempt: number): AttemptKey {
  return `${stageId}.${attempt}`;
}

/**
 * A set of task indices. Non-negative integers live in a growable bitmap (Set.add dominated 1M-task runs); anything
 * else (never produced by the scheduler, but the listener API allows it) goes to a Set so semantics stay those of a Set.
 */
class IndexSet {
  private bits: Uint8Array;
  private others: Set<number> | undefined;
  size = 0;

  constructor(capacity: number) {
    this.bits = new Uint8Array(Math.max(0, capacity));
  }

  add(index: number): void {
    if (index >= 0 && Number.isInteger(index) && index < 0x7fffffff) {
      if (index >= this.bits.length) this.grow(index);
      if (this.bits[index] === 0) {
        this.bits[index] = 1;
        this.size++;
      }
      return;
    }
    const others = (this.others ??= new Set());
    if (!others.has(index)) {
      others.add(index);
      this.size++;
    }
  }

  delete(index: number): void {
    if (index >= 0 && Number.isInteger(index) && index < 0x7fffffff) {
      if (index < this.bits.length && this.bits[index] === 1) {
        this.bits[index] = 0;
        this.size--;
      }
      return;
    }
    if (this.others?.delete(index)) this.size--;
  }

  private grow(index: number): void {
    let cap = Math.max(16, this.bits.length);
    while (cap <= index) cap *= 2;
    const bits = new Uint8Array(cap);
    bits.set(this.bits);
    this.bits = bits;
  }
}

/**
 * One stage attempt. Each optional field stands for "the attempt has an entry in that map" of Spark's listener (the
 * attempt is forgotten when none is left), so `undefined` and an empty set are different states.
 */
class Attempt {
  numTasks: number | undefined = undefined;
  /** Non-speculative indices started (and not failed since). */
  started: IndexSet | undefined = undefined;
  /** Running tasks, speculative copies included; 0 means no entry. Kept past stage completion until they end. */
  running = 0;
  pendingSpeculative: Set<number> | undefined = undefined;
  runningSpeculative: Set<number> | undefined = undefined;
  unschedulable = false;
  /** Profiles the attempt is counted in (almost always one). */
  readonly profiles: ProfileTotals[] = [];

  constructor(readonly key: AttemptKey) {}

  pending(): number {
    return (this.numTasks ?? 0) - (this.started?.size ?? 0);
  }

  pendingSpeculativeCount(): number {
    return this.pendingSpeculative?.size ?? 0;
  }

  /** What `hasPendingTasks` asks of one attempt. */
  waiting(): boolean {
    return this.pending() > 0 || this.pendingSpeculativeCount() > 0;
  }

  unused(): boolean {
    return (
      this.running === 0 &&
      this.numTasks === undefined &&
      this.pendingSpeculative === undefined &&
      this.started === undefined &&
      this.runningSpeculative === undefined
    );
  }
}

/** Running totals over the attempts of one resource profile. */
class ProfileTotals {
  pending = 0;
  pendingSpeculative = 0;
  running = 0;
  unschedulable = 0;
  /** Attempts with regular or speculative tasks waiting. */
  waiting = 0;
  readonly attempts = new Set<Attempt>();
}

/** The contributions of one attempt to its profiles' totals, taken before a change and compared after it. */
interface Snapshot {
  pending: number;
  pendingSpeculative: number;
  running: number;
  unschedulable: boolean;
  waiting: boolean;
}

export class StageBookkeeping {
  private readonly attempts = new Map<AttemptKey, Attempt>();
  private readonly profiles = new Map<number, ProfileTotals>();
  /** Attempts with a task count (Spark's stageAttemptToNumTasks). */
  private liveStages = 0;
  /** Attempts with a pending-speculative entry (Spark's stageAttemptToPendingSpeculativeTasks). */
  private speculativeEntries = 0;

  private attempt(key: AttemptKey): Attempt {
    let a = this.attempts.get(key);
    if (a === undefined) {
      a = new Attempt(key);
      this.attempts.set(key, a);
    }
    return a;
  }

  private snapshot(a: Attempt): Snapshot {
    return {
      pending: a.pending(),
      pendingSpeculative: a.pendingSpeculativeCount(),
      running: a.running,
      unschedulable: a.unschedulable,
      waiting: a.waiting(),
    };
  }

  /** Moves the attempt's profiles' totals from what `before` recorded to the attempt's current state. */
  private update(a: Attempt, before: Snapshot): void {
    if (a.profiles.length === 0) return;
    const dPending = a.pending() - before.pending;
    const dSpec = a.pendingSpeculativeCount() - before.pendingSpeculative;
    const dRunning = a.running - before.running;
    const dUnsched = Number(a.unschedulable) - Number(before.unschedulable);
    const dWaiting = Number(a.waiting()) - Number(before.waiting);
    for (const p of a.profiles) {
      p.pending += dPending;
      p.pendingSpeculative += dSpec;
      p.running += dRunning;
      p.unschedulable += dUnsched;
      p.waiting += dWaiting;
    }
  }

  /** The hot paths (a task starts or ends): only the pending and running counts can move. */
  private updateCounts(a: Attempt, dPending: number, dRunning: number, wasWaiting: boolean): void {
    const profiles = a.profiles;
    if (profiles.length === 0) return;
    const dWaiting = Number(a.waiting()) - Number(wasWaiting);
    for (let i = 0; i < profiles.length; i++) {
      const p = profiles[i];
      p.pending += dPending;
      p.running += dRunning;
      p.waiting += dWaiting;
    }
  }

  private setNumTasks(a: Attempt, tasks: number | undefined): void {
    if ((a.numTasks === undefined) !== (tasks === undefined)) this.liveStages += tasks === undefined ? -1 : 1;
    a.numTasks = tasks;
  }

  private setPendingSpeculative(a: Attempt, set: Set<number> | undefined): void {
    if ((a.pendingSpeculative === undefined) !== (set === undefined))
      this.speculativeEntries += set === undefined ? -1 : 1;
    a.pendingSpeculative = set;
  }

  stageSubmitted(key: AttemptKey, tasks: number, profileId: number): void {
    const a = this.attempt(key);
    const before = this.snapshot(a);
    this.setNumTasks(a, tasks);
    this.update(a, before);
    let p = this.profiles.get(profileId);
    if (!p) {
      p = new ProfileTotals();
      this.profiles.set(profileId, p);
    }
    if (!p.attempts.has(a)) {
      p.attempts.add(a);
      a.profiles.push(p);
      p.pending += a.pending();
      p.pendingSpeculative += a.pendingSpeculativeCount();
      p.running += a.running;
      p.unschedulable += Number(a.unschedulable);
      p.waiting += Number(a.waiting());
    }
  }

  /** Forgets what is pending for the attempt; its running count stays until its tasks end. */
  stageCompleted(key: AttemptKey): void {
    const a = this.attempts.get(key);
    if (!a) return;
    const before = this.snapshot(a);
    this.setNumTasks(a, undefined);
    this.setPendingSpeculative(a, undefined);
    a.started = undefined;
    a.runningSpeculative = undefined;
    this.update(a, before);
    this.removeIfUnused(a);
  }

  taskStarted(key: AttemptKey, index: number, speculative: boolean): void {
    const a = this.attempt(key);
    if (speculative) {
      const before = this.snapshot(a);
      a.running++;
      (a.runningSpeculative ??= new Set()).add(index);
      a.pendingSpeculative?.delete(index);
      this.update(a, before);
      return;
    }
    const wasWaiting = a.waiting();
    const started = (a.started ??= new IndexSet(a.numTasks ?? 0));
    const size = started.size;
    started.add(index);
    a.running++;
    this.updateCounts(a, size - started.size, 1, wasWaiting);
  }

  /** The running count drops (the attempt is forgotten once nothing refers to it) and a speculative copy ends. */
  taskEnded(key: AttemptKey, index: number, speculative: boolean): void {
    const a = this.attempts.get(key);
    if (!a) return;
    if (a.running > 0) {
      a.running--;
      this.updateCounts(a, 0, -1, a.waiting());
      if (a.running === 0) this.removeIfUnused(a);
    }
    if (speculative) a.runningSpeculative?.delete(index);
  }

  /** A failed (not killed) original task: its index is pending again. */
  taskIndexPendingAgain(key: AttemptKey, index: number): void {
    const a = this.attempts.get(key);
    if (!a?.started) return;
    const before = this.snapshot(a);
    a.started.delete(index);
    this.update(a, before);
  }

  /** A speculative copy of the index is no longer wanted (it started, or the original succeeded). */
  dropPendingSpeculative(key: AttemptKey, index: number): void {
    const a = this.attempts.get(key);
    if (!a?.pendingSpeculative?.has(index)) return;
    const before = this.snapshot(a);
    a.pendingSpeculative.delete(index);
    this.update(a, before);
  }

  speculativeSubmitted(key: AttemptKey, index: number): void {
    const a = this.attempt(key);
    const before = this.snapshot(a);
    if (!a.pendingSpeculative) this.setPendingSpeculative(a, new Set());
    (a.pendingSpeculative as Set<number>).add(index);
    this.update(a, before);
  }

  unschedulableAdded(key: AttemptKey): void {
    const a = this.attempt(key);
    const before = this.snapshot(a);
    a.unschedulable = true;
    this.update(a, before);
  }

  unschedulableRemoved(key: AttemptKey): void {
    const a = this.attempts.get(key);
    if (!a) return;
    const before = this.snapshot(a);
    a.unschedulable = false;
    this.update(a, before);
    this.removeIfUnused(a);
  }

  // ---- queries (O(1): running totals) ----------------------------------------------------------------------------

  pendingTasks(profileId: number): number {
    return this.profiles.get(profileId)?.pending ?? 0;
  }

  pendingSpeculativeTasks(profileId: number): number {
    return this.profiles.get(profileId)?.pendingSpeculative ?? 0;
  }

  runningTasks(profileId: number): number {
    return this.profiles.get(profileId)?.running ?? 0;
  }

  unschedulableTaskSets(profileId: number): number {
    return this.profiles.get(profileId)?.unschedulable ?? 0;
  }

  /** Any profile has regular or speculative tasks waiting. */
  hasPendingTasks(): boolean {
    for (const p of this.profiles.values()) if (p.waiting > 0) return true;
    return false;
  }

  /** No live stage attempt and no pending speculation anywhere. */
  noStagesLeft(): boolean {
    return this.liveStages === 0 && this.speculativeEntries === 0;
  }

  /**
   * Forgets the attempt from its profiles once no map refers to it any more (late task ends are still counted). The
   * unschedulable flag is not such a map: it survives (as in Spark's unschedulableTaskSets) and counts again if the
   * attempt is submitted again.
   */
  private removeIfUnused(a: Attempt): void {
    if (!a.unused()) return;
    for (const p of a.profiles) {
      p.attempts.delete(a);
      p.unschedulable -= Number(a.unschedulable);
      // pending, speculative, running and waiting are all zero for an unused attempt.
    }
    a.profiles.length = 0;
    if (!a.unschedulable) this.attempts.delete(a.key);
  }
}
