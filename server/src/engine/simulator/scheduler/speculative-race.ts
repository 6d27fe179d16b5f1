// The race between a task's original attempt and its speculative copy, on the scheduler's slots. The tracker
// (speculation.ts) decides which tasks get a copy; this launches a copy on a free slot and settles the race at once:
// the copy runs the logged copy's time (a replayed log) or the stage's median successful time, whichever attempt
// would end first succeeds, and the other is killed at that instant (on a tie the original wins). When an executor
// running one side is lost, the other side runs to its own end. Apart from the scheduler because only copies race.
import type { SlotHeap } from './heap';
import { KILLED, SUCCEEDS, type ExecutorSlots } from './executor-slots';
import type { SchedulerListener } from './scheduler-contract';
import type { Running, SpeculationTracker } from './speculation';
import type { StageTable } from './stage-table';

export class SpeculativeRaces {
  constructor(
    private readonly tracker: SpeculationTracker,
    private readonly stages: StageTable,
    private readonly slots: ExecutorSlots,
    private readonly ends: SlotHeap,
    private readonly listener: Pick<SchedulerListener, 'taskStart' | 'taskKilled'>,
  ) {}

  /** Copies marked but not launched yet. */
  get pendingCopies(): number {
    return this.tracker.pendingCopies;
  }

  /**
   * Starts a waiting copy on `slot`, if one may run on its executor (not the original's; with several profiles, one
   * of its stage's profile). `onTop` when the slot is the heap's top entry. False when no copy could start on it.
   */
  launchCopy(slot: number, now: number, onTop: boolean): boolean {
    const slots = this.slots;
    const exec = slots.executorOf(slot);
    const sameProfile = slots.profileSlots
      ? (s: number): boolean => this.stages.profile[s] === slots.profile[exec]
      : undefined;
    const picked = this.tracker.takeCopy(exec, this.stages.order, sameProfile);
    if (picked === undefined) return false;
    const [s, index] = picked;
    const original = this.tracker.original(s, index) as Running;
    const ownRun = Math.max(
      1,
      Math.round(
        this.stages.history[s]?.copyMs?.[index] ?? this.tracker.medianMs(s) ?? this.stages.durations[s][index],
      ),
    );
    const copyEnd = now + ownRun;
    const copyWins = copyEnd < original.endMs;
    const end = copyWins ? copyEnd : original.endMs;
    slots.start(slot, s, index, true, copyWins ? SUCCEEDS : KILLED, end - now);
    // The copy's entry first: `onTop` refers to the heap's current top, which moving the original could change.
    if (onTop) this.ends.replaceTop(slot, end);
    else this.ends.push(slot, end);
    original.copySlot = slot;
    original.copyNaturalEndMs = copyEnd;
    if (copyWins) this.endEarly(original, copyEnd);
    this.listener.taskStart(s, index, exec, true);
    return true;
  }

  /**
   * The attempt on `slot` (task `index` of stage s) was lost with its executor: if it was one side of a race, the
   * other side now runs to its own end and succeeds. True when it was (so the task is not pending again).
   */
  survivesLoss(slot: number, s: number, index: number, executor: number): boolean {
    const original = this.tracker.original(s, index);
    if (original === undefined || original.copySlot === undefined) {
      if (original !== undefined && original.slot === slot) this.tracker.originalStopped(s, index);
      return false;
    }
    const slots = this.slots;
    const copySlot = original.copySlot;
    const lostCopy = slots.copy[slot] === 1;
    this.listener.taskKilled?.(s, index, executor, lostCopy);
    const survivor = lostCopy ? original.slot : copySlot;
    const survivorEnd = lostCopy ? original.naturalEndMs : (original.copyNaturalEndMs as number);
    slots.outcome[survivor] = SUCCEEDS;
    slots.runMs[survivor] += survivorEnd - original.endMs;
    original.endMs = survivorEnd;
    original.copySlot = undefined;
    this.ends.retime(survivor, survivorEnd);
    if (!lostCopy) {
      // The copy carries the task now: it is the one that succeeds.
      original.slot = copySlot;
      original.executor = slots.executorOf(copySlot);
    }
    return true;
  }

  /** The original will be killed at `at`, when its copy succeeds. */
  private endEarly(original: Running, at: number): void {
    original.endMs = at;
    this.slots.outcome[original.slot] = KILLED;
    this.slots.runMs[original.slot] = Math.max(0, at - original.startMs);
    this.ends.retime(original.slot, at);
  }
}
