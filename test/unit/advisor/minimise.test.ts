// Minimising a point's changes: drops the ones that do not move runtime or cost, keeps the ones that do.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimiseAll, MINIMISE_TOLERANCE, withinTolerance } from '../../../server/src/engine/advisor/minimise';
import type { Evaluator } from '../../../server/src/engine/advisor/threads';
import type { Changes, Evaluation, Figures } from '../../../server/src/engine/advisor/types';

/** A made-up model: maxExecutors halves the cost, a lower idle timeout saves 10%, the batch size changes nothing. */
function model(changes: Changes): Figures {
  let cost = 100;
  let runtime = 1000;
  if (changes['spark.dynamicAllocation.maxExecutors'] === '10') {
    cost /= 2;
    runtime *= 1.5;
  }
  if (changes['spark.dynamicAllocation.executorIdleTimeout'] === '20s') cost *= 0.9;
  if (changes['spark.kubernetes.allocation.batch.size'] === '20') cost *= 1 + MINIMISE_TOLERANCE / 10;
  return { runtimeSec: runtime, costUsd: cost, executorSeconds: cost * 10 };
}

function fakeEvaluator(): Evaluator & { calls: Changes[] } {
  const calls: Changes[] = [];
  return {
    threads: 1,
    calls,
    evaluate: (batch) => {
      calls.push(...batch);
      return Promise.resolve(batch.map((c): Evaluation => ({ ok: true, figures: model(c) })));
    },
    close: () => {},
  };
}

const start: Changes = {
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.executorIdleTimeout': '20s',
  'spark.kubernetes.allocation.batch.size': '20',
};

describe('advisor minimisation', () => {
  it('minimise: a change that moves nothing is dropped, changes that matter are kept', async () => {
    const evaluator = fakeEvaluator();
    const { points, simulations } = await minimiseAll(
      [{ point: { changes: start, figures: model(start) } }],
      evaluator,
    );
    assert.deepEqual(points[0].changes, {
      'spark.dynamicAllocation.maxExecutors': '10',
      'spark.dynamicAllocation.executorIdleTimeout': '20s',
    });
    // The figures are those of the minimised changes, not of the starting point.
    assert.deepEqual(points[0].figures, model(points[0].changes));
    assert.equal(simulations, 3);
  });

  it('minimise: a drop the point’s own test refuses is not made', async () => {
    const point = { changes: start, figures: model(start) };
    const { points } = await minimiseAll(
      [{ point, accept: (f) => f.costUsd <= point.figures.costUsd }],
      fakeEvaluator(),
    );
    // Dropping the batch size makes it 0.05% cheaper, so it is accepted; nothing else is.
    assert.deepEqual(Object.keys(points[0].changes).sort(), [
      'spark.dynamicAllocation.executorIdleTimeout',
      'spark.dynamicAllocation.maxExecutors',
    ]);
    const strict = await minimiseAll([{ point, accept: () => false }], fakeEvaluator());
    assert.deepEqual(strict.points[0].changes, start);
  });

  it('minimise: points in one call move one drop per round, in one batch', async () => {
    const evaluator = fakeEvaluator();
    const other = { 'spark.kubernetes.allocation.batch.size': '20' };
    const { points } = await minimiseAll(
      [{ point: { changes: start, figures: model(start) } }, { point: { changes: other, figures: model(other) } }],
      evaluator,
    );
    assert.deepEqual(points[1].changes, {});
    assert.equal(evaluator.calls.length, 4);
  });

  it('tolerance: within 0.5% on both runtime and cost', () => {
    const base = { runtimeSec: 100, costUsd: 1, executorSeconds: 0 };
    assert.ok(withinTolerance(base, { runtimeSec: 100.4, costUsd: 0.996, executorSeconds: 5 }));
    assert.ok(!withinTolerance(base, { runtimeSec: 100.6, costUsd: 1, executorSeconds: 0 }));
    assert.ok(!withinTolerance(base, { runtimeSec: 100, costUsd: 1.006, executorSeconds: 0 }));
  });
});
