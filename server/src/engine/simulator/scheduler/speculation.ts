// Speculative execution as Spark's TaskSetManager decides it (facts in speculation-settings.ts and docs/simulator.md):
// every spark.speculation.interval the scheduler looks at each stage's running tasks. Once at least
// max(floor(quantile × tasks), 1) of a stage's tasks have succeeded, a task running longer than
// max(multiplier × the median successful run time, minTaskRuntime) gets a copy; before that, a stage with no more tasks
// than one executor's slots uses spark.speculation.task.duration.threshold when set. A one-task stage is never
// copied without that threshold. A task has at most one copy, launched on another executor than the original's once a
// slot is free and no regular task waits; the first to finish wins and the other is killed.
//
// This class keeps the per-stage state (internal stage indices, as in stage-table.ts); the scheduler owns the slots
// and speculative-race.ts runs the race itself.
import type { SpeculationSettings } from './speculation-settings';

/** A running original attempt that may get a copy, and its copy once launched. */
export interface Running {
  slot: number;
  executor: number;
  startMs: number;
  /** When its slot's end is scheduled now (earlier than naturalEndMs once a faster copy will kill it). */
  endMs: number;
  /** When it would end on its own. */
  naturalEndMs: number;
  /** The copy's slot and when the copy would end on its own, once it launched. */
  copySlot?: number;
  copyNaturalEndMs?: number;
}

class StageRaces {
  /** Successful run times (ms), kept sorted for the median. */
  readonly durations: number[] = [];
  readonly running = new Map<number, Running>();
  /** Task indices marked for a copy that has not launched yet, in marking order. */
  readonly pending: number[] = [];
  /** Indices that were ever marked (a task is copied at most once). */
  readonly marked = new Set<number>();
  readonly succeeded: Uint8Array;

  constructor(readonly tasks: number) {
    this.succeeded = new Uint8Array(tasks);
  }

  median(): number {
    const d = this.durations;
    const mid = d.length >> 1;
    return d.length % 2 === 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
  }
}

export class SpeculationTracker {
  private readonly stages = new Map<number, StageRaces>();
  /** Stages with copies waiting to launch. */
  private readonly waiting = new Set<number>();
  private pendingCount = 0;

  constructor(readonly settings: SpeculationSettings) {}

  /** Copies marked but not launched, over all stages. */
  get pendingCopies(): number {
    return this.pendingCount;
  }

  /** A stage with tasks was submitted. */
  stageSubmitted(s: number, tasks: number): void {
    this.stages.set(s, new StageRaces(tasks));
  }

  /** The stage completed: its waiting copies are dropped. */
  stageCompleted(s: number): void {
    const st = this.stages.get(s);
    if (!st) return;
    this.pendingCount -= st.pending.length;
    this.waiting.delete(s);
    this.stages.delete(s);
  }

  /** An original attempt that will succeed started on `slot` (of `executor`) and would end at `endMs`. */
  originalStarted(s: number, index: number, slot: number, executor: number, startMs: number, endMs: number): void {
    this.stages.get(s)?.running.set(index, { slot, executor, startMs, endMs, naturalEndMs: endMs });
  }

  /** The original attempt of the task, while it runs. */
  original(s: number, index: number): Running | undefined {
    return this.stages.get(s)?.running.get(index);
  }

  /**
   * An attempt of the task succeeded after `runMs`: it counts for the median, and a waiting copy is dropped. False
   * when the task had already succeeded (this attempt is a duplicate).
   */
  succeeded(s: number, index: number, runMs: number): boolean {
    const st = this.stages.get(s);
    if (!st) return true;
    if (st.succeeded[index]) return false;
    st.succeeded[index] = 1;
    st.running.delete(index);
    insertSorted(st.durations, runMs);
    const at = st.pending.indexOf(index);
    if (at >= 0) {
      st.pending.splice(at, 1);
      this.pendingCount--;
      if (st.pending.length === 0) this.waiting.delete(s);
    }
    return true;
  }

  /** The original attempt stopped without succeeding (lost with its executor, or it failed). */
  originalStopped(s: number, index: number): void {
    this.stages.get(s)?.running.delete(index);
  }

  /** The stage's median successful run time (ms), or undefined before any success. */
  medianMs(s: number): number | undefined {
    const st = this.stages.get(s);
    return st && st.durations.length > 0 ? st.median() : undefined;
  }

  /**
   * The periodic check at `now`: marks the tasks that get a copy and returns them as [stage, index] pairs, stages in
   * ascending internal order, tasks in index order.
   */
  check(now: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    const cfg = this.settings;
    for (const [s, st] of [...this.stages].sort((a, b) => a[0] - b[0])) {
      const threshold = this.threshold(st);
      if (threshold === undefined) continue;
      const limit =
        threshold.custom || cfg.longRunFactor === undefined ? threshold.ms : threshold.ms * cfg.longRunFactor;
      const found: number[] = [];
      for (const [index, r] of st.running) {
        if (st.marked.has(index) || st.succeeded[index]) continue;
        if (now - r.startMs > limit) found.push(index);
      }
      found.sort((a, b) => a - b);
      for (const index of found) {
        st.marked.add(index);
        st.pending.push(index);
        this.pendingCount++;
        this.waiting.add(s);
        out.push([s, index]);
      }
    }
    return out;
  }

  private threshold(st: StageRaces): { ms: number; custom: boolean } | undefined {
    const cfg = this.settings;
    const custom = cfg.durationThresholdMs;
    if (st.tasks === 1 && custom === undefined) return undefined;
    const minFinished = Math.max(Math.floor(cfg.quantile * st.tasks), 1);
    if (st.durations.length >= minFinished)
      return { ms: Math.max(cfg.multiplier * st.median(), cfg.minRuntimeMs), custom: false };
    if (custom !== undefined && st.tasks <= cfg.slotsPerExecutor) return { ms: custom, custom: true };
    return undefined;
  }

  /**
   * A waiting copy that may run on `executor` (its original runs elsewhere), from the first stage in `order` that has
   * one; it is taken off the waiting list. Undefined when none fits.
   */
  takeCopy(
    executor: number,
    order: (a: number, b: number) => number,
    runsOn?: (stage: number) => boolean,
  ): [number, number] | undefined {
    if (this.pendingCount === 0) return undefined;
    for (const s of [...this.waiting].sort(order)) {
      if (runsOn && !runsOn(s)) continue;
      const st = this.stages.get(s) as StageRaces;
      for (let i = 0; i < st.pending.length; i++) {
        const index = st.pending[i];
        const original = st.running.get(index);
        if (original && original.executor === executor) continue;
        st.pending.splice(i, 1);
        this.pendingCount--;
        if (st.pending.length === 0) this.waiting.delete(s);
        // An original that stopped (its executor was lost) runs again as a regular task: no copy.
        if (!original) return this.takeCopy(executor, order, runsOn);
        return [s, index];
      }
    }
    return undefined;
  }
}

function insertSorted(list: number[], value: number): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, value);
}
