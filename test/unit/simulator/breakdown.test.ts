// Where executor time goes: every category on a run built by hand (expected seconds derived in each test's comment
// from the default pod latency — created → visible 1 s → Running 5 s → registered 2 s, so 8 s of `starting` per pod —
// and a 1 s exit), the sum invariant on every preset, and a static run.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeCategory } from '../../../protocol/advice';
import type { SimulationResult } from '../../../protocol/simulation';
import { simulateConf, type SimulateOptions } from '../../../server/src/engine/simulator/simulate-job';
import { PRESET_NAMES } from '../../../server/src/engine/workload/presets';
import type { Stage, Workload } from '../../../server/src/engine/workload/types';
import { stage } from './stage';

function oneJob(stages: Stage[]): Workload {
  return {
    name: 'hand-built',
    seed: 1,
    executor: {},
    jobs: [{ id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages }],
  };
}

function sim(conf: Record<string, string>, options: Partial<SimulateOptions> & { workload: Workload }) {
  const r = simulateConf(conf, { sparkVersion: '3.5.1', ...options });
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

const DRA = { 'spark.dynamicAllocation.enabled': 'true', 'spark.dynamicAllocation.shuffleTracking.enabled': 'true' };

/** Asserts the named categories and that every other one is zero. */
function assertSplit(
  run: SimulationResult['dra'] | SimulationResult['static'],
  expected: Partial<Record<ExecutorTimeCategory, number>>,
): void {
  const actual = run.breakdown.seconds;
  for (const category of EXECUTOR_TIME_CATEGORIES) {
    assert.equal(actual[category], expected[category] ?? 0, `${category} in ${JSON.stringify(actual)}`);
  }
  assertSums(run);
}

/** totalSec is the categories' sum, and the registered categories add up to summary.executorSeconds. */
function assertSums(run: SimulationResult['dra'] | SimulationResult['static']): void {
  const { seconds, totalSec } = run.breakdown;
  const sum = EXECUTOR_TIME_CATEGORIES.reduce((acc, c) => acc + seconds[c], 0);
  assert.ok(Math.abs(sum - totalSec) < 1e-6, `sum ${sum} vs total ${totalSec}`);
  const registered = totalSec - seconds.starting;
  assert.ok(
    Math.abs(registered - run.summary.executorSeconds) < 1e-6,
    `registered ${registered} vs executorSeconds ${run.summary.executorSeconds}`,
  );
}

test('breakdown, static: busy while the task runs, floor while the fixed executor waits for the next job', () => {
  // Pod created at 0, registered at 8; job 0's 10 s task runs 8 → 18; job 1 at 50 s runs its 1 s task 50 → 51.
  // busy 11, floor 18 → 50 = 32, starting 8; executorSeconds 43.
  const w: Workload = {
    ...oneJob([stage(0, 1, 10)]),
    jobs: [
      { id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages: [stage(0, 1, 10)] },
      { id: 1, start: { kind: 'at', seconds: 50 }, reusesShuffles: [], stages: [stage(1, 1, 1)] },
    ],
  };
  const r = sim({ 'spark.executor.instances': '1' }, { workload: w });
  assertSplit(r.static, { busy: 11, floor: 32, starting: 8 });
  assert.equal(r.static.summary.executorSeconds, 43);
  assert.equal(r.static.breakdown.totalSec, 51);
});

test('breakdown, DRA: idle-timeout until the idle deadline, then decommissioning until the pod is gone', () => {
  // Backlog at 1 s → pod created at 1, registered at 9; task 9 → 10; idle deadline 10 + 20 = 30 (killed at that
  // tick), gone at 31. starting 8, busy 1, idle-timeout 20, decommissioning 1; the tail to 70 s has no executor.
  const conf = { ...DRA, 'spark.dynamicAllocation.executorIdleTimeout': '20s' };
  const r = sim(conf, { workload: oneJob([stage(0, 1, 1)]), appTailSec: 60 });
  assertSplit(r.dra, { busy: 1, 'idle-timeout': 20, decommissioning: 1, starting: 8 });
  assert.equal(r.dra.summary.runtimeSec, 70);
});

test('breakdown, DRA: an idle executor holding shuffle files of the running job is shuffle-pinned', () => {
  // initialExecutors 2: both pods created at 0, registered at 8. The two 1 s map tasks run 8 → 9; the 100 s reduce
  // task goes to one executor (9 → 109) while the other holds its map output for the running job: pinned 9 → 109.
  // busy 2 + 100 = 102, shuffle-pinned 100, starting 16; the run ends with the job at 109.
  const conf = { ...DRA, 'spark.dynamicAllocation.initialExecutors': '2' };
  const w = oneJob([stage(0, 2, 1, { shuffleMap: true }), stage(1, 1, 100, { parents: [0] })]);
  const r = sim(conf, { workload: w });
  assertSplit(r.dra, { busy: 102, 'shuffle-pinned': 100, starting: 16 });
  assert.equal(r.dra.summary.runtimeSec, 109);
});

test('breakdown, DRA: cached blocks hold an executor past the idle timeout until cachedExecutorIdleTimeout', () => {
  // Pod created at 1, registered at 9; the cached task runs 9 → 10. From 3.4.1 the deadline is the longer timeout:
  // 10 + max(10, 30) = 40. idle-timeout 10 → 20, cache-held 20 → 40, decommissioning 40 → 41.
  const conf = {
    ...DRA,
    'spark.dynamicAllocation.executorIdleTimeout': '10s',
    'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30s',
  };
  const r = sim(conf, { workload: oneJob([stage(0, 1, 1, { cached: true })]), appTailSec: 100 });
  assertSplit(r.dra, { busy: 1, 'idle-timeout': 10, 'cache-held': 20, decommissioning: 1, starting: 8 });
});

test('breakdown, DRA: past every timeout, minExecutors keeps the executor as floor', () => {
  // minExecutors 1 → pod created at 0, registered at 8; task 8 → 9; idle deadline 19; kept to the end at 109.
  // busy 1, idle-timeout 10, floor 90, starting 8.
  const conf = {
    ...DRA,
    'spark.dynamicAllocation.minExecutors': '1',
    'spark.dynamicAllocation.executorIdleTimeout': '10s',
  };
  const r = sim(conf, { workload: oneJob([stage(0, 1, 1)]), appTailSec: 100 });
  assertSplit(r.dra, { busy: 1, 'idle-timeout': 10, floor: 90, starting: 8 });
});

test('breakdown, DRA: shuffle files of a finished job keep the executor under idle-timeout until the tracking timeout', () => {
  // Job 0's map task runs 9 → 10 (pod created at 1) and its reduce 10 → 11 on the same executor; the job ends at 11
  // and its shuffle goes inactive. Deadline 11 + max(10 s idle, 40 s tracking) = 51: idle-timeout 40, then gone at 52.
  const conf = {
    ...DRA,
    'spark.dynamicAllocation.executorIdleTimeout': '10s',
    'spark.dynamicAllocation.shuffleTracking.timeout': '40s',
  };
  const w = oneJob([stage(0, 1, 1, { shuffleMap: true }), stage(1, 1, 1, { parents: [0] })]);
  const r = sim(conf, { workload: w, appTailSec: 100 });
  assertSplit(r.dra, { busy: 2, 'idle-timeout': 40, decommissioning: 1, starting: 8 });
});

test('breakdown: the sums hold on every preset, DRA and static, and a static run has no timeout categories', () => {
  const conf = { ...DRA, 'spark.dynamicAllocation.maxExecutors': '20', 'spark.executor.cores': '4' };
  for (const preset of PRESET_NAMES) {
    const r = simulateConf(conf, { sparkVersion: '3.5.1', preset });
    if (!r.ok) assert.fail(`${preset}: ${r.problem.message}`);
    assertSums(r.value.dra);
    assertSums(r.value.static);
    const s = r.value.static.breakdown.seconds;
    assert.equal(s['shuffle-pinned'] + s['cache-held'] + s['idle-timeout'] + s.decommissioning, 0, preset);
    assert.ok(r.value.dra.breakdown.seconds.busy > 0, preset);
  }
});
