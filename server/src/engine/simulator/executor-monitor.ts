// Model of Spark's ExecutorMonitor (spark-facts §3.5): which executors are idle, what each holds (cached RDD
// blocks, shuffle files), when each times out, and which ones are already on their way out.
import type { AllocationConfig } from './config';
import { DEFAULT_PROFILE_ID, UNKNOWN_PROFILE_ID, type Clock } from './clock';
import type { HoldView } from './time-ledger';

export type ExecutorMonitorSettings = Pick<
  AllocationConfig,
  | 'executorIdleTimeoutMs'
  | 'cachedExecutorIdleTimeoutMs'
  | 'shuffleTrackingTimeoutMs'
  | 'shuffleTrackingActive'
  | 'shuffleServiceEnabled'
  | 'fetchRddFromShuffleService'
  | 'timeoutRule'
>;

export interface TimedOutExecutor {
  id: string;
  profileId: number;
}

/** A map-output stage of a job and the shuffle it writes. */
export interface ShuffleStage {
  stageId: number;
  shuffleId: number;
}

/** What the monitor knows about one executor (read-only view). */
export interface ExecutorState {
  id: string;
  profileId: number;
  runningTasks: number;
  /** When the executor last ran out of tasks, or undefined while it runs tasks. */
  idleSinceMs: number | undefined;
  /** No running tasks and no shuffle a running job needs (Spark's `isIdle`). */
  idle: boolean;
  /** When it times out; Infinity for never. */
  timeoutAtMs: number;
  cachedRdds: number[];
  shuffleIds: number[];
  hasActiveShuffle: boolean;
  pendingRemoval: boolean;
  decommissioning: boolean;
}

class Tracker {
  runningTasks = 0;
  /** -1 while busy. */
  idleStart = -1;
  timeoutAt = Infinity;
  /** rdd id → number of its blocks held. */
  readonly cachedBlocks = new Map<number, number>();
  /** Null when shuffle tracking is off, as in Spark. */
  readonly shuffleIds: Set<number> | null;
  hasActiveShuffle = false;
  /** How many of `shuffleIds` a running job uses now (kept by the monitor, so a job end need not scan the sets). */
  activeHeld = 0;
  pendingRemoval = false;
  decommissioning = false;

  constructor(
    public profileId: number,
    tracking: boolean,
    private readonly settings: ExecutorMonitorSettings,
    private readonly clock: Clock,
    /** Told every new deadline, so the monitor can keep a lower bound of all deadlines. */
    private readonly onDeadline: (at: number) => void,
    /** Told when the executor starts or stops holding shuffle files a running job needs. */
    private readonly onPinChange: () => void = () => {},
  ) {
    this.shuffleIds = tracking ? new Set() : null;
  }

  /** Spark's `isIdle`: no running tasks and no shuffle a running job still needs. */
  get isIdle(): boolean {
    return this.idleStart >= 0 && !this.hasActiveShuffle;
  }

  holdsShuffle(): boolean {
    return this.shuffleIds !== null && this.shuffleIds.size > 0;
  }

  updateRunningTasks(delta: number): void {
    this.runningTasks = Math.max(0, this.runningTasks + delta);
    this.idleStart = this.runningTasks === 0 ? this.clock.now() : -1;
    this.updateTimeout();
  }

  updateTimeout(): void {
    if (this.idleStart < 0) {
      this.timeoutAt = Infinity;
      return;
    }
    const s = this.settings;
    const cached = this.cachedBlocks.size > 0;
    const shuffle = this.holdsShuffle();
    let timeout: number;
    if (s.timeoutRule === 'max-of-all') {
      timeout = Math.max(
        s.executorIdleTimeoutMs,
        cached ? s.cachedExecutorIdleTimeoutMs : 0,
        shuffle ? s.shuffleTrackingTimeoutMs : 0,
      );
    } else if (cached || shuffle) {
      timeout = Math.min(
        cached ? s.cachedExecutorIdleTimeoutMs : Infinity,
        shuffle ? s.shuffleTrackingTimeoutMs : Infinity,
      );
    } else {
      timeout = s.executorIdleTimeoutMs;
    }
    const deadline = this.idleStart + timeout;
    // Spark's nanosecond deadline overflows to "never"; beyond exact integers we say never as well.
    this.timeoutAt = Number.isSafeInteger(deadline) ? deadline : Infinity;
    this.onDeadline(this.timeoutAt);
  }

  /** True when the shuffle was new to this executor. */
  addShuffle(id: number): boolean {
    if (this.shuffleIds === null || this.shuffleIds.has(id)) return false;
    this.shuffleIds.add(id);
    this.hasActiveShuffle = true;
    return true;
  }

  removeShuffle(id: number): void {
    if (this.shuffleIds === null) return;
    if (this.shuffleIds.delete(id) && this.shuffleIds.size === 0) {
      const had = this.hasActiveShuffle;
      this.hasActiveShuffle = false;
      if (this.isIdle) this.updateTimeout();
      if (had) this.onPinChange();
    }
  }

  updateActiveShuffles(active: Iterable<number>): void {
    const had = this.hasActiveShuffle;
    let any = false;
    if (this.shuffleIds !== null) {
      for (const id of active) {
        if (this.shuffleIds.has(id)) {
          any = true;
          break;
        }
      }
    }
    this.hasActiveShuffle = any;
    if (had && this.isIdle) this.updateTimeout();
    if (had !== any) this.onPinChange();
  }

  /** updateActiveShuffles with the answer known: whether any shuffle it holds is in use. */
  setActiveShuffle(any: boolean): void {
    const had = this.hasActiveShuffle;
    this.hasActiveShuffle = any;
    if (had && this.isIdle) this.updateTimeout();
    if (had !== any) this.onPinChange();
  }
}

function byId(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class ExecutorMonitor {
  private readonly executors = new Map<string, Tracker>();
  /** shuffle id → ids of running jobs using it (a list, as in Spark: one entry per registration). */
  private readonly shuffleToActiveJobs = new Map<number, number[]>();
  private readonly stageToShuffle = new Map<number, number>();
  private readonly jobToStages = new Map<number, number[]>();
  // Bookkeeping that spares a job end a walk over every shuffle and every executor's shuffle set (quadratic when tens
  // of thousands of jobs with shuffles run at once). The outcome is the same as Spark's walk.
  /** The distinct shuffles each job registered. */
  private readonly jobShuffles = new Map<number, number[]>();
  /** Shuffles some running job uses (a non-empty list in shuffleToActiveJobs). */
  private readonly activeShuffles = new Set<number>();
  /** Entries of shuffleToActiveJobs with an empty list. */
  private inactiveShuffles = 0;
  /** shuffle id → the tracked executors holding it. */
  private readonly holders = new Map<number, Set<Tracker>>();
  /**
   * No tracker's deadline is earlier than this (a lower bound, tightened by each full scan). The allocation manager
   * asks for timed-out executors every 100 ms tick; below the bound the answer is empty without a scan over every
   * executor, which dominated ticks with a thousand executors.
   */
  private earliestDeadline = Infinity;
  private readonly noteDeadline = (at: number): void => {
    if (at < this.earliestDeadline) this.earliestDeadline = at;
  };
  /**
   * Told, with the executor's id, when a job start or end (or a cleaned shuffle) makes an executor start or stop
   * holding shuffle files a running job needs: the time ledger re-reads what holds it (time-ledger.ts).
   */
  onPinChange: ((id: string) => void) | undefined;

  constructor(
    private readonly settings: ExecutorMonitorSettings,
    private readonly clock: Clock,
  ) {}

  get shuffleTrackingActive(): boolean {
    return this.settings.shuffleTrackingActive;
  }

  private ensureTracked(id: string, profileId: number): Tracker {
    let tracker = this.executors.get(id);
    if (!tracker) {
      tracker = new Tracker(
        profileId,
        this.settings.shuffleTrackingActive,
        this.settings,
        this.clock,
        this.noteDeadline,
        () => this.onPinChange?.(id),
      );
      this.executors.set(id, tracker);
    } else if (tracker.profileId === UNKNOWN_PROFILE_ID && profileId !== UNKNOWN_PROFILE_ID) {
      tracker.profileId = profileId;
    }
    return tracker;
  }

  // ---- listener events -------------------------------------------------------------------------------------------

  /** An executor registered; it is idle from now (a repeated registration restarts an idle executor's clock). */
  onExecutorAdded(id: string, profileId: number = DEFAULT_PROFILE_ID): void {
    this.ensureTracked(id, profileId).updateRunningTasks(0);
  }

  /** The executor is gone; it is no longer tracked. */
  onExecutorRemoved(id: string): void {
    const tracker = this.executors.get(id);
    if (tracker?.shuffleIds) for (const shuffleId of tracker.shuffleIds) this.holders.get(shuffleId)?.delete(tracker);
    this.executors.delete(id);
  }

  onTaskStart(executorId: string): void {
    this.ensureTracked(executorId, UNKNOWN_PROFILE_ID).updateRunningTasks(1);
  }

  /**
   * A task ended. A successful task of a shuffle-map stage of a running job leaves shuffle output on its executor
   * (recorded before the running count drops, so an executor going idle times out on the shuffle rule).
   * Ends on executors no longer tracked are ignored.
   */
  onTaskEnd(executorId: string, stageId: number, success: boolean): void {
    const tracker = this.executors.get(executorId);
    if (!tracker) return;
    if (this.settings.shuffleTrackingActive && success) {
      const shuffleId = this.stageToShuffle.get(stageId);
      if (shuffleId !== undefined && tracker.addShuffle(shuffleId)) {
        let holding = this.holders.get(shuffleId);
        if (!holding) {
          holding = new Set();
          this.holders.set(shuffleId, holding);
        }
        holding.add(tracker);
        if (this.activeShuffles.has(shuffleId)) tracker.activeHeld++;
      }
    }
    tracker.updateRunningTasks(-1);
  }

  /**
   * An executor gained (`cached`) or lost a block of an RDD. With the external shuffle service serving disk blocks
   * (`spark.shuffle.service.fetch.rdd.enabled`), blocks on disk do not count.
   */
  onBlockUpdated(executorId: string, rddId: number, cached: boolean, useDisk = false): void {
    const tracker = this.ensureTracked(executorId, UNKNOWN_PROFILE_ID);
    const servedByShuffleService = this.settings.shuffleServiceEnabled && this.settings.fetchRddFromShuffleService;
    if (cached && (!servedByShuffleService || !useDisk)) {
      const hadBlocks = tracker.cachedBlocks.size > 0;
      tracker.cachedBlocks.set(rddId, (tracker.cachedBlocks.get(rddId) ?? 0) + 1);
      if (!hadBlocks) tracker.updateTimeout();
      return;
    }
    const count = tracker.cachedBlocks.get(rddId);
    if (count === undefined) return;
    if (count > 1) {
      tracker.cachedBlocks.set(rddId, count - 1);
      return;
    }
    tracker.cachedBlocks.delete(rddId);
    if (tracker.cachedBlocks.size === 0) tracker.updateTimeout();
  }

  /** The RDD was unpersisted: every executor drops its blocks. */
  onUnpersistRdd(rddId: number): void {
    for (const tracker of this.executors.values()) {
      if (tracker.cachedBlocks.delete(rddId) && tracker.cachedBlocks.size === 0) tracker.updateTimeout();
    }
  }

  /** A job started with these shuffle-map stages. A shuffle seen before (reused) re-activates executors holding it. */
  onJobStart(jobId: number, shuffleStages: readonly ShuffleStage[]): void {
    if (!this.settings.shuffleTrackingActive) return;
    let reused = false;
    const mine = this.jobShuffles.get(jobId) ?? [];
    for (const { shuffleId } of shuffleStages) {
      let jobs = this.shuffleToActiveJobs.get(shuffleId);
      if (jobs) {
        reused = true;
        if (jobs.length === 0) this.inactiveShuffles--;
      } else {
        jobs = [];
        this.shuffleToActiveJobs.set(shuffleId, jobs);
      }
      if (jobs.length === 0) this.setShuffleActive(shuffleId, true);
      jobs.push(jobId);
      if (!mine.includes(shuffleId)) mine.push(shuffleId);
    }
    this.jobShuffles.set(jobId, mine);
    if (reused) {
      const ids = shuffleStages.map((s) => s.shuffleId);
      for (const tracker of this.executors.values()) {
        if (!tracker.hasActiveShuffle) tracker.updateActiveShuffles(ids);
      }
    }
    for (const { stageId, shuffleId } of shuffleStages) this.stageToShuffle.set(stageId, shuffleId);
    this.jobToStages.set(
      jobId,
      shuffleStages.map((s) => s.stageId),
    );
  }

  /** A job ended: shuffles no running job uses become inactive, and so may the executors holding them. */
  onJobEnd(jobId: number): void {
    if (!this.settings.shuffleTrackingActive) return;
    // Only the shuffles this job registered can hold its id; each drops one registration, as in Spark's walk.
    for (const shuffleId of this.jobShuffles.get(jobId) ?? []) {
      const jobs = this.shuffleToActiveJobs.get(shuffleId);
      const at = jobs ? jobs.indexOf(jobId) : -1;
      if (jobs === undefined || at < 0) continue;
      jobs.splice(at, 1);
      if (jobs.length === 0) {
        this.inactiveShuffles++;
        this.setShuffleActive(shuffleId, false);
      }
    }
    if (this.inactiveShuffles > 0) {
      for (const tracker of this.executors.values()) {
        if (tracker.hasActiveShuffle) tracker.setActiveShuffle(tracker.activeHeld > 0);
      }
    }
    const stages = this.jobToStages.get(jobId);
    this.jobToStages.delete(jobId);
    for (const stageId of stages ?? []) this.stageToShuffle.delete(stageId);
  }

  /** Keeps activeShuffles and every holder's activeHeld count in step with a shuffle gaining or losing its jobs. */
  private setShuffleActive(shuffleId: number, active: boolean): void {
    if (active) this.activeShuffles.add(shuffleId);
    else this.activeShuffles.delete(shuffleId);
    for (const tracker of this.holders.get(shuffleId) ?? []) tracker.activeHeld += active ? 1 : -1;
  }

  /** The driver garbage-collected a shuffle (Spark only reports this when shuffle tracking is on). */
  onShuffleCleaned(shuffleId: number): void {
    if (!this.settings.shuffleTrackingActive) return;
    const jobs = this.shuffleToActiveJobs.get(shuffleId);
    if (jobs !== undefined && jobs.length === 0) this.inactiveShuffles--;
    if (this.activeShuffles.has(shuffleId)) this.setShuffleActive(shuffleId, false);
    this.holders.delete(shuffleId);
    this.shuffleToActiveJobs.delete(shuffleId);
    for (const tracker of this.executors.values()) tracker.removeShuffle(shuffleId);
  }

  // ---- calls from the allocation manager -------------------------------------------------------------------------

  executorsKilled(ids: readonly string[]): void {
    for (const id of ids) {
      const tracker = this.executors.get(id);
      if (tracker) tracker.pendingRemoval = true;
    }
  }

  executorsDecommissioning(ids: readonly string[]): void {
    for (const id of ids) {
      const tracker = this.executors.get(id);
      if (tracker) tracker.decommissioning = true;
    }
  }

  /**
   * Executors past their deadline that are not already leaving and hold no shuffle a running job needs,
   * sorted by id as strings ("10" before "2"). `atMs` evaluates at another moment without moving the clock.
   */
  timedOutExecutors(atMs: number = this.clock.now()): TimedOutExecutor[] {
    const now = atMs;
    if (now < this.earliestDeadline) return [];
    const out: TimedOutExecutor[] = [];
    let earliest = Infinity;
    for (const [id, tracker] of this.executors) {
      // The bound covers every tracker: one skipped here may become eligible without a new deadline.
      if (tracker.timeoutAt < earliest) earliest = tracker.timeoutAt;
      if (tracker.pendingRemoval || tracker.hasActiveShuffle || tracker.decommissioning) continue;
      if (tracker.timeoutAt <= now) out.push({ id, profileId: tracker.profileId });
    }
    this.earliestDeadline = earliest;
    return out.sort((a, b) => byId(a.id, b.id));
  }

  // ---- counts and views ------------------------------------------------------------------------------------------

  executorCount(): number {
    return this.executors.size;
  }

  /** Executors of a profile, including those pending removal or decommissioning. */
  executorCountWithProfile(profileId: number): number {
    return this.count((t) => t.profileId === profileId);
  }

  pendingRemovalCount(profileId: number): number {
    return this.count((t) => t.profileId === profileId && t.pendingRemoval);
  }

  decommissioningCount(profileId: number): number {
    return this.count((t) => t.profileId === profileId && t.decommissioning);
  }

  profileOf(id: string): number | undefined {
    return this.executors.get(id)?.profileId;
  }

  isTracked(id: string): boolean {
    return this.executors.has(id);
  }

  /** Tracked executor ids, sorted as strings. */
  executorIds(): string[] {
    return [...this.executors.keys()].sort(byId);
  }

  pendingRemovalIds(): string[] {
    return this.ids((t) => t.pendingRemoval);
  }

  decommissioningIds(): string[] {
    return this.ids((t) => t.decommissioning);
  }

  /**
   * When the executor would time out, or undefined when it is not tracked, is already leaving or holds a shuffle a
   * running job needs (what `state(id)` tells, without building the view).
   */
  removableDeadline(id: string): number | undefined {
    const t = this.executors.get(id);
    if (!t || t.pendingRemoval || t.decommissioning || t.hasActiveShuffle) return undefined;
    return t.timeoutAt;
  }

  /** What holds an idle executor, written into `into` (no allocation); false when it is not tracked or not idle. */
  readHold(id: string, into: HoldView): boolean {
    const t = this.executors.get(id);
    if (!t || t.idleStart < 0) return false;
    into.idleSinceMs = t.idleStart;
    into.pinned = t.hasActiveShuffle;
    into.deadlineMs = t.timeoutAt;
    into.holdsCache = t.cachedBlocks.size > 0;
    into.holdsShuffle = t.holdsShuffle();
    return true;
  }

  state(id: string): ExecutorState | undefined {
    const t = this.executors.get(id);
    if (!t) return undefined;
    return {
      id,
      profileId: t.profileId,
      runningTasks: t.runningTasks,
      idleSinceMs: t.idleStart >= 0 ? t.idleStart : undefined,
      idle: t.isIdle,
      timeoutAtMs: t.timeoutAt,
      cachedRdds: [...t.cachedBlocks.keys()].sort((a, b) => a - b),
      shuffleIds: t.shuffleIds ? [...t.shuffleIds].sort((a, b) => a - b) : [],
      hasActiveShuffle: t.hasActiveShuffle,
      pendingRemoval: t.pendingRemoval,
      decommissioning: t.decommissioning,
    };
  }

  private count(test: (t: Tracker) => boolean): number {
    let n = 0;
    for (const t of this.executors.values()) if (test(t)) n++;
    return n;
  }

  private ids(test: (t: Tracker) => boolean): string[] {
    const out: string[] = [];
    for (const [id, t] of this.executors) if (test(t)) out.push(id);
    return out.sort(byId);
  }
}
