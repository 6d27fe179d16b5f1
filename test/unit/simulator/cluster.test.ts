// The driver: pod latency, the 100 ms schedule, idle removal through kill and exit, shuffle-held executors,
// timeline sampling and the safety caps. Runs go through simulateConf so settings resolve as in Spark.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelinePoint } from '../../../protocol/simulation';
import { simulateConf, type SimulateOptions } from '../../../server/src/engine/simulator/simulate-job';
import type { Stage, Workload } from '../../../server/src/engine/workload/types';
import { stage } from './stage';

/** Job 0 at t = 0 with `first`, job 1 at `secondAt` seconds with one 1 s task. */
function twoJobs(first: Stage[], secondAt = 300): Workload {
  return {
    name: 'two',
    seed: 1,
    executor: {},
    jobs: [
      { id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages: first },
      { id: 1, start: { kind: 'at', seconds: secondAt }, reusesShuffles: [], stages: [stage(99, 1, 1)] },
    ],
  };
}

function sim(conf: Record<string, string>, options: Partial<SimulateOptions> & { workload: Workload }) {
  const r = simulateConf(conf, { sparkVersion: '3.5.1', ...options });
  if (!r.ok) assert.fail(r.problem.message);
  return r.value;
}

const firstAt = (tl: TimelinePoint[], test: (p: TimelinePoint) => boolean): number | undefined => tl.find(test)?.t;

test('pod latency: creation → registered takes the total (8 s by default, 30 s when set), parts included', () => {
  const conf = { 'spark.executor.instances': '1' };
  const w = twoJobs([stage(0, 1, 10)], 50);
  const base = sim(conf, { workload: w });
  assert.equal(
    firstAt(base.static.timeline, (p) => p.running === 1),
    8,
  );
  assert.equal(
    firstAt(base.static.timeline, (p) => p.pendingPods === 1),
    0,
  );
  const slow = sim(conf, { workload: w, knobs: { podStartLatencySec: 30, executorRegisterSec: 3 } });
  assert.equal(
    firstAt(slow.static.timeline, (p) => p.running === 1),
    30,
  );
});

test('DRA: backlog after 1 s asks for one executor; an idle executor is killed at the idle deadline and exits', () => {
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.executorIdleTimeout': '20s',
  };
  const r = sim(conf, { workload: twoJobs([stage(0, 1, 1)]) });
  const tl = r.dra.timeline;
  assert.equal(
    firstAt(tl, (p) => p.target === 1),
    1,
    'first add round at schedulerBacklogTimeout',
  );
  // Pod asked for at 1 s → registered at 9 s, task 9 → 10 s, idle deadline 30 s, exit after 1 s.
  assert.equal(
    firstAt(tl, (p) => p.running === 1),
    9,
  );
  assert.equal(
    firstAt(tl, (p) => p.t > 9 && p.running === 0),
    31,
  );
  assert.equal(r.dra.summary.podsCreated, 2, 'the second job needs a new pod');
  assert.equal(r.dra.summary.peakExecutors, 1);
  assert.equal(r.dra.summary.tasks, 2);
});

test('shuffle tracking holds executors with shuffle files; shuffleTracking.timeout lets them go', () => {
  const first = [stage(0, 4, 5, { shuffleMap: true, shuffleId: 0 }), { ...stage(1, 1, 1), parents: [0] }];
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.executorIdleTimeout': '20s',
    'spark.dynamicAllocation.maxExecutors': '4',
  };
  const held = sim(conf, { workload: twoJobs(first) });
  assert.equal(held.dra.summary.podsCreated, 4, 'nobody leaves: they all hold shuffle 0');
  assert.ok(held.notes.some((n) => n.includes('garbage-collected')));
  const timed = sim(
    { ...conf, 'spark.dynamicAllocation.shuffleTracking.timeout': '60s' },
    { workload: twoJobs(first) },
  );
  assert.equal(timed.dra.summary.podsCreated, 5, 'all four leave after the shuffle timeout; job 1 needs a new one');
  assert.ok(timed.dra.summary.executorSeconds < held.dra.summary.executorSeconds);
});

test('the timeline has at most one point per 100 ms tick, in time order, ending at the runtime', () => {
  const w: Workload = {
    name: 'many',
    seed: 3,
    executor: {},
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [{ ...stage(0, 3000, 1), duration: { kind: 'uniform', params: { min: 0.05, max: 2 } } }],
      },
    ],
  };
  const r = sim(
    {
      'spark.dynamicAllocation.enabled': 'true',
      'spark.executor.cores': '4',
      'spark.dynamicAllocation.maxExecutors': '20',
    },
    { workload: w },
  );
  for (const tl of [r.dra.timeline, r.static.timeline]) {
    const buckets = tl.slice(0, -1).map((p) => Math.floor(Math.round(p.t * 1000) / 100));
    assert.equal(new Set(buckets).size, buckets.length, 'one point per tick');
    for (let i = 1; i < tl.length; i++) assert.ok(tl[i].t >= tl[i - 1].t);
  }
  assert.equal(r.dra.timeline[r.dra.timeline.length - 1].t, r.dra.summary.runtimeSec);
  assert.ok(Math.max(...r.dra.timeline.map((p) => p.busySlots)) <= 80);
  assert.equal(r.static.executors, 20);
});

test('a hard cap on simulated time stops a run that cannot finish, with a note', () => {
  const r = sim(
    { 'spark.executor.instances': '1' },
    { workload: twoJobs([stage(0, 1, 7200)]), knobs: { maxSimHours: 1 } },
  );
  assert.equal(r.static.summary.runtimeSec, 3600);
  assert.ok(r.notes.some((n) => n.startsWith('Static run: Stopped after 1 hours')));
});

test('pods killed by the manager are not replaced while the target is lower; static runs keep their executors', () => {
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.executorIdleTimeout': '10s',
    'spark.executor.instances': '3',
  };
  const r = sim(conf, { workload: twoJobs([stage(0, 3, 30)], 200) });
  assert.equal(r.static.executors, 3);
  assert.equal(r.static.summary.podsCreated, 3);
  assert.ok(r.static.timeline.every((p) => p.target === 3));
  const end = r.static.timeline[r.static.timeline.length - 1];
  assert.equal(end.running, 3);
  assert.ok(r.dra.summary.executorSeconds < r.static.summary.executorSeconds);
});
