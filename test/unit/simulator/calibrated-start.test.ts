// The calibrated start planner: cold executors, the first ramp and later ramps each take their measured latency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fitLatencyParts,
  resolveCalibratedStart,
  StartPlanner,
} from '../../../server/src/engine/simulator/k8s/calibrated-start';
import { resolvePodLatency } from '../../../server/src/engine/simulator/k8s/latency';

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

test('fixed latency parts shrink to fit the shortest calibrated start, and stay when they fit', () => {
  const typical = resolvePodLatency({});
  assert.equal(typical.apiMs + typical.registerMs, 3000, 'the typical API and registration parts: 1 s + 2 s');
  const quick = fitLatencyParts(typical, resolveCalibratedStart({ coldStartSec: 0.3, addLatencySec: 5 }));
  assert.deepEqual([quick.apiMs, quick.registerMs], [300, 0], 'a 0.3 s cold start leaves no room for registration');
  const mid = fitLatencyParts(typical, resolveCalibratedStart({ addLatencySec: 1.3 }));
  assert.deepEqual([mid.apiMs, mid.registerMs], [1000, 300]);
  assert.equal(fitLatencyParts(typical, resolveCalibratedStart({ coldStartSec: 20 })), typical);
  assert.equal(fitLatencyParts(typical, resolveCalibratedStart({ removalLagSec: 0.1 })), typical, 'no start measured');
});
