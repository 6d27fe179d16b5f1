// What a removal costs, per shuffle-storage mode, on workloads built by hand. Pod latency is the default: a pod
// created at t registers at t + 8 s; a killed executor is gone 1 s later (plus migration time when blocks migrate).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimulationResult } from '../../../protocol/simulation';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import { resolveShuffleLoss } from '../../../server/src/engine/simulator/shuffle-loss';
import type { Workload } from '../../../server/src/engine/workload/types';
import { stage } from './stage';

/**
 * One job: stage 0 (a 100 s map task) and stage 1 (a 1 s map task) run side by side; stage 2 reads both.
 * Backlog → pod 1 asked at 1 s (registered 9 s, runs stage 0's task 9 → 109); target 2 at 2 s, pod 2 created by the
 * next allocation batch at 3 s (registered 11 s, runs stage 1's task 11 → 12). Executor 2 then sits idle while
 * stage 0 runs; stage 2 runs 109 → 110 when nothing is lost.
 */
const SIDE_BY_SIDE: Workload = {
  name: 'side-by-side',
  seed: 1,
  executor: {},
  jobs: [
    {
      id: 0,
      start: { kind: 'at', seconds: 0 },
      reusesShuffles: [],
      stages: [
        stage(0, 1, 100, { shuffleMap: true }),
        stage(1, 1, 1, { shuffleMap: true }),
        stage(2, 1, 1, { parents: [0, 1] }),
      ],
    },
  ],
};

const BASE = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.executorIdleTimeout': '10s',
};
/** Tracking off, decommissioning on: Spark starts (3.5 migrates shuffle blocks by default), but nothing moves. */
const DECOMMISSION_ONLY = {
  ...BASE,
  'spark.dynamicAllocation.shuffleTracking.enabled': 'false',
  'spark.decommission.enabled': 'true',
};

function sim(conf: Record<string, string>, workload: Workload, knobs: Record<string, number> = {}): SimulationResult {
  const r = simulateConf(conf, { sparkVersion: '3.5.1', workload, knobs });
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

test('shuffle loss, local files without tracking: the lost map task runs again before the reading stage', () => {
  // Executor 2 idles from 12 s, times out at 22 s and is gone at 23 s with stage 1's output. At 109 s stage 2 is
  // ready, finds it missing: stage 1's task runs again on executor 1 (109 → 110), then stage 2 (110 → 111).
  const r = sim(DECOMMISSION_ONLY, SIDE_BY_SIDE);
  assert.equal(r.dra.summary.recomputedTasks, 1);
  assert.equal(r.dra.summary.recomputeSec, 1);
  assert.equal(r.dra.summary.runtimeSec, 111);
  assert.equal(r.dra.summary.tasks, 3, 'recomputed tasks are counted apart');
  assert.ok(r.notes.some((n) => /took 1 map output.* 1 map task\(s\) \(1 s of task time\) ran again/.test(n)));
  assert.equal(r.static.summary.recomputedTasks, 0, 'the static baseline removes no executor');
});

test('shuffle loss, migration on decommission: blocks move first (time per GiB), nothing is recomputed', () => {
  // Same removal at 22 s; executor 2 holds 1 map output: 64 MiB at 10 s/GiB = 0.625 s more before it is gone
  // (23.625 s): 1.625 s decommissioning. Stage 2 runs 109 → 110. With 1024 MiB at 20 s/GiB: 20 s more (21 s).
  const conf = { ...DECOMMISSION_ONLY, 'spark.storage.decommission.enabled': 'true' };
  const r = sim(conf, SIDE_BY_SIDE);
  assert.equal(r.dra.summary.recomputedTasks, 0);
  assert.equal(r.dra.summary.runtimeSec, 110);
  assert.equal(r.dra.breakdown.seconds.decommissioning, 1.625);
  assert.ok(r.notes.some((n) => /migrated 1 map output\(s\) first, assumed 64 MiB each at 10 s per GiB/.test(n)));
  const slow = sim(conf, SIDE_BY_SIDE, { shuffleMiBPerMapTask: 1024, shuffleMigrationSecPerGiB: 20 });
  assert.equal(slow.dra.breakdown.seconds.decommissioning, 21);
});

test('shuffle loss, local files with tracking: the executor is pinned while the job runs, so nothing is lost', () => {
  // Executor 2 holds stage 1's output for the running job: pinned 12 → 109, never removed; at 109 s stage 2 is
  // offered to it, and executor 1, holding stage 0's output, is pinned 109 → 110. 97 + 1 = 98 s.
  const r = sim({ ...BASE, 'spark.dynamicAllocation.shuffleTracking.enabled': 'true' }, SIDE_BY_SIDE);
  assert.equal(r.dra.summary.recomputedTasks, 0);
  assert.equal(r.dra.summary.runtimeSec, 110);
  assert.equal(r.dra.breakdown.seconds['shuffle-pinned'], 98);
});

test('shuffle loss, external or remote shuffle storage: the executor goes at its idle deadline and nothing is lost', () => {
  const external = sim({ ...BASE, 'spark.shuffle.service.enabled': 'true' }, SIDE_BY_SIDE);
  const remote = sim(
    {
      ...BASE,
      'spark.dynamicAllocation.shuffleTracking.enabled': 'false',
      'spark.shuffle.manager': 'org.apache.spark.shuffle.celeborn.SparkShuffleManager',
      'spark.shuffle.sort.io.plugin.class': 'org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO',
    },
    SIDE_BY_SIDE,
  );
  for (const r of [external, remote]) {
    assert.equal(r.dra.summary.recomputedTasks, 0);
    assert.equal(r.dra.summary.runtimeSec, 110);
    // Executor 2: idle 12 → 22, gone at 23 (1 s decommissioning); nothing pinned.
    assert.equal(r.dra.breakdown.seconds['shuffle-pinned'], 0);
    assert.equal(r.dra.breakdown.seconds.decommissioning, 1);
  }
});

test('shuffle loss, a shuffleTracking.timeout on a reused shuffle: the next job recomputes what left with the executor', () => {
  // Job 0: map 9 → 10 and reduce 10 → 11 on executor 1 (pod asked at 1 s). Its shuffle goes inactive at 11 s; the
  // deadline is 11 + max(10 s, 30 s) = 41 s, gone at 42 s with the map output. Job 1 at 200 s reuses that shuffle:
  // backlog → pod asked at 201 s, registered 209 s; the map task runs again 209 → 210, then job 1's stage 210 → 211.
  // With no timeout the executor stays and job 1 runs at once (200 → 201).
  const workload: Workload = {
    name: 'reuse',
    seed: 1,
    executor: {},
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [stage(0, 1, 1, { shuffleMap: true }), stage(1, 1, 1, { parents: [0] })],
      },
      { id: 1, start: { kind: 'at', seconds: 200 }, reusesShuffles: [0], stages: [stage(2, 1, 1)] },
    ],
  };
  const tracked = { ...BASE, 'spark.dynamicAllocation.shuffleTracking.enabled': 'true' };
  const timed = sim({ ...tracked, 'spark.dynamicAllocation.shuffleTracking.timeout': '30s' }, workload);
  assert.equal(timed.dra.summary.recomputedTasks, 1);
  assert.equal(timed.dra.summary.runtimeSec, 211);
  const kept = sim(tracked, workload);
  assert.equal(kept.dra.summary.recomputedTasks, 0);
  assert.equal(kept.dra.summary.runtimeSec, 201);
});

test('shuffle loss: only local and migrated storage can lose or move anything; knobs override the assumptions', () => {
  assert.equal(resolveShuffleLoss('remote'), undefined);
  assert.equal(resolveShuffleLoss('external'), undefined);
  assert.deepEqual(resolveShuffleLoss('local'), { mode: 'local', migrationMsPerOutput: 0 });
  assert.deepEqual(resolveShuffleLoss('migrated'), { mode: 'migrated', migrationMsPerOutput: 625 });
  assert.deepEqual(resolveShuffleLoss('migrated', { shuffleMiBPerMapTask: 512, shuffleMigrationSecPerGiB: 4 }), {
    mode: 'migrated',
    migrationMsPerOutput: 2000,
  });
});
