// A candidate's evaluation is the DRA run of `simulate` with the candidate's changes as what-if values.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateCandidate } from '../../../server/src/engine/advisor/evaluate';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';

const DA = 'spark.dynamicAllocation.';
const base = {
  [`${DA}enabled`]: 'true',
  [`${DA}shuffleTracking.enabled`]: 'true',
  [`${DA}maxExecutors`]: '20',
  'spark.executor.cores': '4',
};

describe('advisor evaluation', () => {
  it('gives the figures of the full simulation with the changes, without running the static baseline', () => {
    const changes = { [`${DA}executorIdleTimeout`]: '20s' };
    const full = simulateConf(base, { sparkVersion: '3.5.1', preset: 'steady', overrides: changes });
    assert.ok(full.ok);
    const evaluation = evaluateCandidate({ base, options: { sparkVersion: '3.5.1', preset: 'steady' } }, changes);
    assert.ok(evaluation.ok);
    const s = full.value.dra.summary;
    assert.deepEqual(evaluation.figures, {
      runtimeSec: s.runtimeSec,
      costUsd: s.cost.total,
      executorSeconds: s.executorSeconds,
    });
    const draOnly = simulateConf(base, {
      sparkVersion: '3.5.1',
      preset: 'steady',
      overrides: changes,
      baseline: false,
    });
    assert.ok(draOnly.ok);
    assert.deepEqual(draOnly.value.dra.summary, s);
    assert.equal(draOnly.value.static.executors, 0);
    assert.ok(draOnly.value.notes.includes('The static baseline was not simulated.'));
  });

  it('a candidate Spark would not start with is refused, not thrown', () => {
    const evaluation = evaluateCandidate(
      { base, options: { sparkVersion: '3.5.1', preset: 'steady' } },
      { [`${DA}minExecutors`]: '30' },
    );
    assert.equal(evaluation.ok ? 'ok' : evaluation.problem.code, 'spark-would-not-start');
  });
});
