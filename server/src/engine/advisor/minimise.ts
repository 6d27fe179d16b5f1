// The smallest set of changes that still gives a point: each change is dropped in turn, and the drop is kept when
// the point without it stays within MINIMISE_TOLERANCE of the original runtime and cost (and passes the point's own
// test, e.g. the recommendation's constraint). Every point moves one drop per round and a round's drops are
// simulated together, so the threads stay busy. A point's final figures are those of its final changes' simulation.
import type { Evaluator } from './threads';
import type { Changes, Evaluated, Figures } from './types';

/** How far (relative) runtime and cost may move when a change is dropped: 0.5%. */
export const MINIMISE_TOLERANCE = 0.005;

export interface MinimiseTask {
  point: Evaluated;
  /** Further test a smaller set must pass (the recommendation keeps its constraint). */
  accept?: (figures: Figures) => boolean;
}

export function withinTolerance(original: Figures, next: Figures, tolerance = MINIMISE_TOLERANCE): boolean {
  const close = (a: number, b: number): boolean => Math.abs(b - a) <= tolerance * Math.abs(a);
  return close(original.runtimeSec, next.runtimeSec) && close(original.costUsd, next.costUsd);
}

/** Minimised points in the order of `tasks`, and how many simulations it took. */
export async function minimiseAll(
  tasks: readonly MinimiseTask[],
  evaluator: Evaluator,
  onChunk?: (done: number) => void,
): Promise<{ points: Evaluated[]; simulations: number }> {
  const states = tasks.map((task) => ({
    task,
    best: task.point,
    untried: Object.keys(task.point.changes).sort(),
  }));
  let simulations = 0;
  for (;;) {
    const round: Array<{ state: (typeof states)[number]; changes: Changes }> = [];
    for (const state of states) {
      const key = state.untried.shift();
      if (key === undefined) continue;
      const changes = { ...state.best.changes };
      delete changes[key];
      round.push({ state, changes });
    }
    if (round.length === 0) break;
    const results = await evaluator.evaluate(
      round.map((r) => r.changes),
      onChunk,
    );
    simulations += round.length;
    round.forEach(({ state, changes }, i) => {
      const result = results[i];
      if (!result?.ok) return;
      const accepted =
        withinTolerance(state.task.point.figures, result.figures) && (state.task.accept?.(result.figures) ?? true);
      if (accepted) state.best = { changes, figures: result.figures };
    });
  }
  return { points: states.map((s) => s.best), simulations };
}
