// The Pareto frontier of cost against runtime on hand-made points.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paretoFrontier } from '../../../server/src/engine/advisor/frontier';
import type { Evaluated } from '../../../server/src/engine/advisor/types';

function point(name: string, runtimeSec: number, costUsd: number): Evaluated {
  return { changes: { 'spark.test.point': name }, figures: { runtimeSec, costUsd, executorSeconds: 0 } };
}

const dominates = (a: Evaluated, b: Evaluated): boolean =>
  a.figures.runtimeSec <= b.figures.runtimeSec &&
  a.figures.costUsd <= b.figures.costUsd &&
  (a.figures.runtimeSec < b.figures.runtimeSec || a.figures.costUsd < b.figures.costUsd);

const names = (points: Evaluated[]): string[] => points.map((p) => p.changes['spark.test.point']);

describe('advisor frontier', () => {
  const points = [
    point('fast-dear', 100, 9),
    point('slow-cheap', 400, 1),
    point('middle', 200, 4),
    point('dominated-by-middle', 250, 5),
    point('same-runtime-dearer', 200, 6),
    point('knee', 300, 2),
    point('dominated-by-knee', 300, 3),
    point('slowest-dearest', 500, 10),
  ];

  it('keeps exactly the points no other point dominates, by runtime ascending', () => {
    const frontier = paretoFrontier(points);
    assert.deepEqual(names(frontier), ['fast-dear', 'middle', 'knee', 'slow-cheap']);
    // Non-dominated: nothing in the set beats a frontier point.
    for (const f of frontier) assert.ok(!points.some((p) => dominates(p, f)), `${names([f])[0]} is dominated`);
    // Complete: every point left out is dominated by a frontier point.
    for (const p of points.filter((x) => !frontier.includes(x))) {
      assert.ok(
        frontier.some((f) => dominates(f, p)),
        `${names([p])[0]} was left out but nothing dominates it`,
      );
    }
  });

  it('keeps one of two points with the same runtime and cost (the one with fewer changes)', () => {
    const twin: Evaluated = { changes: {}, figures: { runtimeSec: 200, costUsd: 4, executorSeconds: 0 } };
    const frontier = paretoFrontier([point('middle', 200, 4), twin]);
    assert.equal(frontier.length, 1);
    assert.deepEqual(frontier[0].changes, {});
  });

  it('gives an empty frontier for no points', () => {
    assert.deepEqual(paretoFrontier([]), []);
  });
});
