// What removing an executor costs its shuffle files, per shuffle-storage mode (shuffle-storage.ts): with `local`
// files the outputs go with the executor and a later reader recomputes them; with `migrated` they move first, which
// makes decommissioning last longer; with `external` or `remote` storage nothing happens. The workload format has no
// shuffle sizes, so migration time comes from two assumptions the user can override as knobs.
import type { ShuffleStorageMode } from './shuffle-storage';

/** Knob names and defaults: MiB written per map task, and seconds to move one GiB off a decommissioning executor. */
export const SHUFFLE_LOSS_KNOBS = {
  /** A typical map task writes tens of MiB of shuffle output; 64 MiB is an assumption, not a measurement. */
  shuffleMiBPerMapTask: 64,
  /** About 100 MiB/s from one executor to a peer or fallback storage: also an assumption. */
  shuffleMigrationSecPerGiB: 10,
} as const;

export type ShuffleLossKnob = keyof typeof SHUFFLE_LOSS_KNOBS;

/** How a run treats the shuffle output of executors it removes; undefined when nothing can be lost or moved. */
export interface ShuffleLoss {
  mode: 'local' | 'migrated';
  /** Decommissioning time added per map output the executor holds (ms), for `migrated`. */
  migrationMsPerOutput: number;
}

export function resolveShuffleLoss(
  storage: ShuffleStorageMode,
  knobs: Readonly<Record<string, number>> = {},
): ShuffleLoss | undefined {
  if (storage !== 'local' && storage !== 'migrated') return undefined;
  const knob = (name: ShuffleLossKnob): number => {
    const v = knobs[name];
    return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : SHUFFLE_LOSS_KNOBS[name];
  };
  const msPerOutput = (knob('shuffleMiBPerMapTask') / 1024) * knob('shuffleMigrationSecPerGiB') * 1000;
  return { mode: storage, migrationMsPerOutput: storage === 'migrated' ? msPerOutput : 0 };
}

/** What the run lost, recomputed or moved, for the summary and the notes. */
export interface ShuffleLossTotals {
  /** Map outputs lost with a removed executor. */
  lostOutputs: number;
  /** Map outputs moved off decommissioning executors. */
  migratedOutputs: number;
  recomputedTasks: number;
  /** Task time of the recomputed map tasks (ms). */
  recomputeMs: number;
}

/** The notes a run's losses deserve; none when nothing was lost or moved. */
export function shuffleLossNotes(totals: ShuffleLossTotals, knobs: Readonly<Record<string, number>> = {}): string[] {
  const notes: string[] = [];
  if (totals.lostOutputs > 0) {
    const recomputed =
      totals.recomputedTasks > 0
        ? `${totals.recomputedTasks} map task(s) (${Math.round(totals.recomputeMs / 100) / 10} s of task time) ran again before the stages reading them (Spark notices on a fetch failure and resubmits the map stage; simplified, see docs/simulator.md).`
        : 'no later stage read them, so nothing was recomputed.';
    notes.push(`Removed executors took ${totals.lostOutputs} map output(s) of shuffle files with them; ${recomputed}`);
  }
  if (totals.migratedOutputs > 0) {
    const mib = knobs.shuffleMiBPerMapTask ?? SHUFFLE_LOSS_KNOBS.shuffleMiBPerMapTask;
    const rate = knobs.shuffleMigrationSecPerGiB ?? SHUFFLE_LOSS_KNOBS.shuffleMigrationSecPerGiB;
    notes.push(
      `Decommissioning executors migrated ${totals.migratedOutputs} map output(s) first, assumed ${mib} MiB each at ` +
        `${rate} s per GiB (knobs shuffleMiBPerMapTask, shuffleMigrationSecPerGiB); nothing was recomputed.`,
    );
  }
  return notes;
}
