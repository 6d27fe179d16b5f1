import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandWorkload, parseWorkload, sampleDurations, stageSeed } from '../../../server/src/engine/workload';
import type { Workload } from '../../../server/src/engine/workload';
import { mixSeed, mulberry32 } from '../../../server/src/engine/workload/prng';

function workload(json: unknown): Workload {
  const r = parseWorkload(json);
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const sortedMedian = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2;
};

test('mulberry32 is deterministic, seed-sensitive and in [0, 1)', () => {
  const a = mulberry32(12345);
  const b = mulberry32(12345);
  const c = mulberry32(12346);
  const xs = Array.from({ length: 1000 }, () => a());
  const ys = Array.from({ length: 1000 }, () => b());
  const zs = Array.from({ length: 1000 }, () => c());
  assert.deepEqual(xs, ys);
  assert.notDeepEqual(xs, zs);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  // Roughly uniform: mean near 0.5, every tenth of the range used.
  assert.ok(Math.abs(mean(xs) - 0.5) < 0.03);
  const deciles = new Set(xs.map((x) => Math.floor(x * 10)));
  assert.equal(deciles.size, 10);
});

test('mixSeed separates nearby inputs', () => {
  assert.equal(mixSeed(1, 2), mixSeed(1, 2));
  assert.notEqual(mixSeed(1, 2), mixSeed(2, 1));
  assert.notEqual(mixSeed(1, 2), mixSeed(1, 3));
  assert.notEqual(stageSeed(1, 0), stageSeed(1, 1));
  assert.notEqual(stageSeed(1, 0), stageSeed(2, 0));
});

test('constant and list durations come out unchanged', () => {
  assert.deepEqual(sampleDurations({ kind: 'constant', seconds: 2.5 }, 3, 1), [2.5, 2.5, 2.5]);
  assert.deepEqual(sampleDurations({ kind: 'list', seconds: [1, 2, 3] }, 3, 1), [1, 2, 3]);
  // Zero in a list is raised to the 1 ms floor.
  assert.deepEqual(sampleDurations({ kind: 'list', seconds: [0, 0.0004] }, 2, 1), [0.001, 0.001]);
});

test('uniform draws stay in range and fill it', () => {
  const xs = sampleDurations({ kind: 'uniform', params: { min: 10, max: 30 } }, 5000, 7);
  assert.ok(xs.every((x) => x >= 10 && x <= 30));
  assert.ok(Math.abs(mean(xs) - 20) < 0.5);
  assert.ok(Math.min(...xs) < 10.1 && Math.max(...xs) > 29.9);
});

test('normal draws have the requested mean and spread, and never go below the floor', () => {
  const xs = sampleDurations({ kind: 'normal', params: { mean: 20, stddev: 4 } }, 20000, 3);
  const m = mean(xs);
  const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2)));
  assert.ok(Math.abs(m - 20) < 0.15, `mean ${m}`);
  assert.ok(Math.abs(sd - 4) < 0.15, `stddev ${sd}`);
  const wide = sampleDurations({ kind: 'normal', params: { mean: 1, stddev: 5 } }, 1000, 3);
  assert.ok(wide.every((x) => x >= 0.001));
  assert.ok(
    wide.some((x) => x === 0.001),
    'negative draws are clamped to the floor',
  );
});

test('lognormal draws have the requested median and a right skew', () => {
  const xs = sampleDurations({ kind: 'lognormal', params: { median: 20, sigma: 0.5 } }, 20000, 5);
  const med = sortedMedian(xs);
  assert.ok(Math.abs(med - 20) < 0.5, `median ${med}`);
  assert.ok(mean(xs) > med, 'mean above median (right skew)');
  // ln(x) has standard deviation sigma.
  const logs = xs.map(Math.log);
  const lm = mean(logs);
  const lsd = Math.sqrt(mean(logs.map((x) => (x - lm) ** 2)));
  assert.ok(Math.abs(lsd - 0.5) < 0.02, `sigma ${lsd}`);
});

test('durations are rounded to whole milliseconds', () => {
  const xs = sampleDurations({ kind: 'lognormal', params: { median: 3, sigma: 1 } }, 200, 9);
  assert.ok(xs.every((x) => Math.abs(x * 1000 - Math.round(x * 1000)) < 1e-6));
});

const json = {
  seed: 5,
  jobs: [
    {
      stages: [
        { id: 0, tasks: 50, duration: { kind: 'uniform', params: { min: 1, max: 9 } } },
        { id: 1, tasks: 50, duration: { kind: 'uniform', params: { min: 1, max: 9 } } },
        { id: 2, tasks: 50, duration: { kind: 'uniform', params: { min: 1, max: 9 }, seed: 77 } },
      ],
    },
  ],
};

test('the same workload and seed give identical durations; another seed gives others', () => {
  const a = expandWorkload(workload(json));
  const b = expandWorkload(workload(JSON.parse(JSON.stringify(json))));
  assert.deepEqual(a, b);
  const other = expandWorkload(workload({ ...json, seed: 6 }));
  const [s0, s1, s2] = a.jobs[0].stages;
  const [o0, , o2] = other.jobs[0].stages;
  assert.notDeepEqual(s0.taskSeconds, o0.taskSeconds, 'the workload seed changes unseeded stages');
  assert.deepEqual(s2.taskSeconds, o2.taskSeconds, 'a stage with its own seed ignores the workload seed');
  assert.notDeepEqual(s0.taskSeconds, s1.taskSeconds, 'identical specs in different stages differ');
  assert.equal(s0.taskSeconds.length, 50);
});

test('expansion does not modify its input', () => {
  const w = workload(json);
  const before = JSON.stringify(w);
  expandWorkload(w);
  assert.equal(JSON.stringify(w), before);
});

test('known values pin the generator so a change to it is noticed', () => {
  // Durations a user saw yesterday must be the durations they see today.
  const xs = sampleDurations({ kind: 'uniform', params: { min: 0, max: 1000 } }, 3, 1);
  const again = sampleDurations({ kind: 'uniform', params: { min: 0, max: 1000 } }, 3, 1);
  assert.deepEqual(xs, again);
  const first = mulberry32(1)();
  assert.equal(xs[0], Math.round(first * 1000 * 1000) / 1000);
  assert.equal(first, 0.6270739405881613);
});
