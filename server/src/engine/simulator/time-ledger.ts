// Where each executor-second of a run goes, kept while the run happens (not estimated from the timeline afterwards).
//
// Every executor pod is in one account at a time. From pod creation to registration it is `starting`; from
// registration until it is gone it is `decommissioning` once told to leave, `busy` while it runs a task, and otherwise
// idle. What holds an idle executor is read from the executor monitor whenever its state may change (a task start or
// end, a kill, or the monitor saying a job start or end pinned or released it) and, between those moments, follows
// from its deadlines alone:
//   shuffle files a running job needs                      → shuffle-pinned, for as long as that lasts;
//   else until the plain idle deadline (idle + executorIdleTimeout) → idle-timeout;
//   then, while cached blocks extend the deadline           → cache-held;
//   or, while shuffle files of finished jobs extend it      → idle-timeout (shuffleTracking.timeout is the timer);
//   past the deadline                                       → floor (minExecutors or the target keeps it).
// Deadlines are rounded up to the allocation manager's 100 ms tick, the first moment Spark can act on them. Without an
// allocation manager (a static run) nothing ever times out: every idle second is `floor`.
import { TICK_MS } from '../spark-constants';
import type { ExecutorTimeCategory } from '../../../../protocol/advice';
import type { AllocationConfig } from './config';

/** What the executor monitor says holds an idle executor (see ExecutorMonitor.readHold). */
export interface HoldView {
  /** When it last ran out of tasks (ms). */
  idleSinceMs: number;
  /** Holds shuffle files a running job still needs. */
  pinned: boolean;
  /** When it times out (ms); Infinity for never. */
  deadlineMs: number;
  holdsCache: boolean;
  holdsShuffle: boolean;
}

/** Fills `into` for an executor the monitor tracks and tells whether it did. */
export type HoldReader = (id: number, into: HoldView) => boolean;

/** The timeouts the monitor applies (milliseconds, Infinity for never) and how it combines them. */
export type LedgerTimeouts = Pick<
  AllocationConfig,
  'executorIdleTimeoutMs' | 'cachedExecutorIdleTimeoutMs' | 'shuffleTrackingTimeoutMs' | 'timeoutRule'
>;

/** Milliseconds per category, with two details the verdict needs to name the change that releases them. */
export interface ExecutorTimeSplit {
  ms: Record<ExecutorTimeCategory, number>;
  /** Inside `ms['idle-timeout']`: kept past executorIdleTimeout by shuffle files no running job needs. */
  inactiveShuffleMs: number;
  /** Inside `ms['cache-held']`: the executor also held shuffle files of finished jobs, with a deadline as long. */
  cacheWithShuffleMs: number;
}

class Account implements HoldView {
  since: number;
  tasks = 0;
  leaving = false;
  /** False while the monitor does not know it (then it counts as floor). */
  known = false;
  idleSinceMs = 0;
  pinned = false;
  deadlineMs = Infinity;
  holdsCache = false;
  holdsShuffle = false;

  constructor(now: number) {
    this.since = now;
  }
}

function emptySplit(): ExecutorTimeSplit {
  return {
    ms: {
      busy: 0,
      'shuffle-pinned': 0,
      'cache-held': 0,
      'idle-timeout': 0,
      floor: 0,
      starting: 0,
      decommissioning: 0,
    },
    inactiveShuffleMs: 0,
    cacheWithShuffleMs: 0,
  };
}

/** The first tick at or after `at`: when the allocation manager can first remove an executor due then. */
function onTick(at: number): number {
  return Number.isFinite(at) ? Math.ceil(at / TICK_MS) * TICK_MS : at;
}

/** `start + span`, or Infinity when Spark's deadline would overflow to "never". */
function deadlineAfter(start: number, span: number): number {
  const at = start + span;
  return Number.isSafeInteger(at) ? at : Infinity;
}

export class ExecutorTimeLedger {
  private readonly split = emptySplit();
  private readonly podCreatedAt = new Map<number, number>();
  private readonly accounts = new Map<number, Account>();

  /** `reader` and `timeouts` are absent for a run without an allocation manager (static). */
  constructor(
    private readonly reader?: HoldReader,
    private readonly timeouts?: LedgerTimeouts,
  ) {}

  podCreated(id: number, now: number): void {
    this.podCreatedAt.set(id, now);
  }

  /** The executor registered with the driver (after the monitor was told). */
  registered(id: number, now: number): void {
    this.closeStart(id, now);
    const account = new Account(now);
    this.accounts.set(id, account);
    this.refresh(id, account);
  }

  taskStarted(id: number, now: number): void {
    const account = this.settle(id, now);
    if (!account) return;
    account.tasks++;
    this.refresh(id, account);
  }

  /** A task ended (after the monitor recorded its shuffle output and cached blocks). */
  taskEnded(id: number, now: number): void {
    const account = this.settle(id, now);
    if (!account) return;
    account.tasks = Math.max(0, account.tasks - 1);
    this.refresh(id, account);
  }

  /** The executor was told to go: decommissioning until its pod is gone. */
  leaving(id: number, now: number): void {
    const account = this.settle(id, now);
    if (account) account.leaving = true;
  }

  /** What holds the executor changed (a job start or end pinned or released its shuffle files). */
  touch(id: number, now: number): void {
    const account = this.settle(id, now);
    if (account) this.refresh(id, account);
  }

  /** The pod is gone, registered or not. */
  podGone(id: number, now: number): void {
    this.closeStart(id, now);
    const account = this.settle(id, now);
    if (account) this.accounts.delete(id);
  }

  /** Closes every open account at the run's end and returns the totals. */
  finish(end: number): ExecutorTimeSplit {
    for (const account of this.accounts.values()) this.settleAccount(account, end);
    for (const created of this.podCreatedAt.values()) this.split.ms.starting += Math.max(0, end - created);
    this.accounts.clear();
    this.podCreatedAt.clear();
    return this.split;
  }

  // ---- accounting --------------------------------------------------------------------------------------------------

  private closeStart(id: number, now: number): void {
    const created = this.podCreatedAt.get(id);
    if (created === undefined) return;
    this.split.ms.starting += Math.max(0, now - created);
    this.podCreatedAt.delete(id);
  }

  private settle(id: number, now: number): Account | undefined {
    const account = this.accounts.get(id);
    if (account) this.settleAccount(account, now);
    return account;
  }

  private refresh(id: number, account: Account): void {
    if (account.tasks > 0 || account.leaving || !this.reader) return;
    account.known = this.reader(id, account);
  }

  /** Books [account.since, now) to the categories its state gives, then moves `since` to now. */
  private settleAccount(account: Account, now: number): void {
    const from = account.since;
    account.since = now;
    if (now <= from) return;
    const ms = this.split.ms;
    if (account.leaving) ms.decommissioning += now - from;
    else if (account.tasks > 0) ms.busy += now - from;
    else if (!this.timeouts || !account.known) ms.floor += now - from;
    else if (account.pinned) ms['shuffle-pinned'] += now - from;
    else this.bookIdle(account, from, now, this.timeouts);
  }

  /** An idle executor nothing pins: idle timer, then whatever extends its deadline, then the floor. */
  private bookIdle(hold: HoldView, from: number, to: number, t: LedgerTimeouts): void {
    const plain = onTick(deadlineAfter(hold.idleSinceMs, t.executorIdleTimeoutMs));
    const deadline = onTick(hold.deadlineMs);
    const ms = this.split.ms;
    const timerEnd = Math.min(to, plain, deadline);
    if (timerEnd > from) ms['idle-timeout'] += timerEnd - from;
    const heldFrom = Math.max(from, plain);
    const heldTo = Math.min(to, deadline);
    if (heldTo > heldFrom) {
      if (this.extendedByCache(hold, t)) {
        ms['cache-held'] += heldTo - heldFrom;
        if (hold.holdsShuffle && t.timeoutRule === 'max-of-all') this.split.cacheWithShuffleMs += heldTo - heldFrom;
      } else {
        ms['idle-timeout'] += heldTo - heldFrom;
        this.split.inactiveShuffleMs += heldTo - heldFrom;
      }
    }
    const floorFrom = Math.max(from, deadline);
    if (to > floorFrom) ms.floor += to - floorFrom;
  }

  /**
   * Whether cached blocks (rather than shuffle files of finished jobs) keep the executor past the idle timeout. With
   * both held, from 3.4.1 the longer timeout wins, so the cached blocks alone would keep it: cache-held. Before, the
   * shorter one decides: the one whose deadline the monitor chose (cached blocks on a tie).
   */
  private extendedByCache(hold: HoldView, t: LedgerTimeouts): boolean {
    if (!hold.holdsShuffle) return true;
    if (!hold.holdsCache) return false;
    if (t.timeoutRule === 'max-of-all') return true;
    const cacheAt = deadlineAfter(hold.idleSinceMs, t.cachedExecutorIdleTimeoutMs);
    const shuffleAt = deadlineAfter(hold.idleSinceMs, t.shuffleTrackingTimeoutMs);
    return cacheAt === hold.deadlineMs || shuffleAt !== hold.deadlineMs;
  }
}
