// The stage launch delay knob: a submitted stage's tasks are pending at once (the allocation manager sees them) but
// launch only after the delay, in the DRA run and the static baseline alike.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';

/** Two jobs one after another, each a 1-task stage of 2 s feeding a 1-task stage of 1 s. */
const WORKLOAD: Workload = {
  name: 'chain',
  seed: 1,
  executor: {},
  jobs: [0, 1].map((j) => ({
    id: j,
    start: j === 0 ? { kind: 'at' as const, seconds: 10 } : { kind: 'afterPrevious' as const, gapSeconds: 0 },
    reusesShuffles: [],
    stages: [
      { id: 2 * j, parents: [], tasks: 1, duration: { kind: 'constant', seconds: 2 }, shuffleMap: true, cached: false },
      {
        id: 2 * j + 1,
        parents: [2 * j],
        tasks: 1,
        duration: { kind: 'constant', seconds: 1 },
        shuffleMap: false,
        cached: false,
      },
    ],
  })),
};

const CONF = { 'spark.master': 'k8s://x', 'spark.executor.instances': '1', 'spark.executor.cores': '1' };

function jobSpans(knobs: Record<string, number>): Array<[number, number]> {
  const r = simulateConf(CONF, { sparkVersion: '3.5.0', workload: WORKLOAD, knobs, details: true });
  if (!r.ok) assert.fail(r.problem.message);
  return (r.value.dra.jobs ?? []).map((j) => [j.startSec, (j.endSec ?? NaN) - j.startSec]);
}

test('launch delay: each stage starts its tasks the delay after submission, so each job takes 2 × delay longer', () => {
  const plain = jobSpans({});
  assert.deepEqual(plain, [
    [10, 3],
    [13, 3],
  ]);
  const delayed = jobSpans({ launchDelaySec: 0.25 });
  assert.deepEqual(delayed, [
    [10, 3.5],
    [13.5, 3.5],
  ]);
});

test('launch delay: 0 or a negative value changes nothing', () => {
  assert.deepEqual(jobSpans({ launchDelaySec: 0 }), jobSpans({}));
  assert.deepEqual(jobSpans({ launchDelaySec: -1 }), jobSpans({}));
});
