// The calibrated start planner: cold executors, the first ramp and later ramps each take their measured latency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveCalibratedStart, StartPlanner } from '../../../server/src/engine/simulator/k8s/calibrated-start';

const plan = (knobs: Record<string, number>, pods: Array<[number, number]>): number[] => {
  const planner = new StartPlanner(resolveCalibratedStart({ coldExecutors: 1, ...knobs }), 0);
  return pods.map(([id, created]) => planner.runningAt(id, created, created + 1000) ?? NaN);
};

// Executor 1 is cold; 2 is created at 1 s, 3 at 5 s (before 2 registered), 4 at 20 s (after).
const PODS: Array<[number, number]> = [
  [1, 0],
  [2, 1000],
  [3, 5000],
  [4, 20_000],
];

test('first ramp: pods created before the first added executor registered take firstAddLatencySec', () => {
  assert.deepEqual(
    plan({ coldStartSec: 2, addLatencySec: 3, firstAddLatencySec: 9 }, PODS),
    [2000, 10_000, 14_000, 23_000],
  );
});

test('first ramp: without firstAddLatencySec every added executor takes addLatencySec', () => {
  assert.deepEqual(plan({ coldStartSec: 2, addLatencySec: 3 }, PODS), [2000, 4000, 8000, 23_000]);
});
