// The Pareto frontier of cost against runtime, and the order the advisor reports points in.
import { changesKey } from './evaluate';
import type { Evaluated } from './types';

/** Cheaper first, then faster, then fewer changes, then the changes' text: a total order, so results are stable. */
export function byCost(a: Evaluated, b: Evaluated): number {
  return (
    a.figures.costUsd - b.figures.costUsd ||
    a.figures.runtimeSec - b.figures.runtimeSec ||
    Object.keys(a.changes).length - Object.keys(b.changes).length ||
    compareText(changesKey(a.changes), changesKey(b.changes))
  );
}

/**
 * The points no other point beats on both cost and runtime (at least as good on both, better on one), by runtime
 * ascending. Of points with the very same runtime and cost only the first by `byCost` is kept.
 */
export function paretoFrontier<T extends Evaluated>(points: readonly T[]): T[] {
  const byRuntime = [...points].sort((a, b) => a.figures.runtimeSec - b.figures.runtimeSec || byCost(a, b));
  const frontier: T[] = [];
  let cheapestSoFar = Infinity;
  for (const point of byRuntime) {
    // Sorted by runtime then cost: a point is dominated exactly when an earlier one costs no more.
    if (point.figures.costUsd < cheapestSoFar) {
      frontier.push(point);
      cheapestSoFar = point.figures.costUsd;
    }
  }
  return frontier;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
