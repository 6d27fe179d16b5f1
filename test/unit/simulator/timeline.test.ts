// The bounded timeline: short runs keep every sample; long ones are thinned to the cap with every series' peaks and
// troughs, the first and last samples kept, deterministically; simulate says when and from how many samples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelinePoint } from '../../../protocol/simulation';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import { TimelineRecorder } from '../../../server/src/engine/simulator/timeline';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import type { Workload } from '../../../server/src/engine/workload/types';

type Series = Exclude<keyof TimelinePoint, 't'>;
const SERIES: readonly Series[] = ['running', 'target', 'pendingPods', 'busySlots', 'pendingTasks', 'livePvcs'];

/** `count` samples one tick (100 ms) apart with seeded random values; a few spikes and dips placed on purpose. */
function samples(count: number, seed: number): TimelinePoint[] {
  const rnd = mulberry32(seed);
  const out: TimelinePoint[] = [];
  for (let i = 0; i < count; i++) {
    const v = (): number => 10 + Math.floor(rnd() * 20);
    out.push({
      t: (i * 100) / 1000,
      running: v(),
      target: v(),
      pendingPods: v(),
      busySlots: v(),
      pendingTasks: v(),
      livePvcs: v(),
    });
  }
  out[1234].running = 500; // a one-sample peak
  out[4321].busySlots = 0; // a one-sample trough
  out[count - 2].pendingTasks = 9999; // a peak next to the end
  return out;
}

function record(points: readonly TimelinePoint[], cap: number) {
  const recorder = new TimelineRecorder(cap);
  for (const p of points) recorder.push({ ...p });
  return recorder.finish();
}

test('timeline: up to the cap every sample is kept as taken', () => {
  const raw = samples(5000, 1);
  const kept = record(raw, 5000);
  assert.equal(kept.thinned, false);
  assert.equal(kept.samples, 5000);
  assert.deepEqual(kept.points, raw);
});

test('timeline: thinning stays within the cap, keeps both endpoints, and is in time order', () => {
  const raw = samples(100_000, 2);
  const kept = record(raw, 1000);
  assert.equal(kept.thinned, true);
  assert.equal(kept.samples, 100_000);
  assert.ok(kept.points.length <= 1000, `${kept.points.length} points`);
  assert.ok(kept.points.length > 500, `${kept.points.length} points: the cap should be mostly used`);
  assert.deepEqual(kept.points[0], raw[0]);
  assert.deepEqual(kept.points[kept.points.length - 1], raw[raw.length - 1]);
  for (let i = 1; i < kept.points.length; i++) assert.ok(kept.points[i].t > kept.points[i - 1].t, `t at ${i}`);
});

test('timeline: every series keeps its overall peak and trough, and each bucket its own extremes', () => {
  const raw = samples(100_000, 3);
  const kept = record(raw, 1000);
  for (const s of SERIES) {
    const rawMax = Math.max(...raw.map((p) => p[s]));
    const rawMin = Math.min(...raw.map((p) => p[s]));
    assert.equal(Math.max(...kept.points.map((p) => p[s])), rawMax, `${s} max`);
    assert.equal(Math.min(...kept.points.map((p) => p[s])), rawMin, `${s} min`);
  }
  assert.ok(kept.points.some((p) => p.running === 500));
  assert.ok(kept.points.some((p) => p.busySlots === 0));
  assert.ok(kept.points.some((p) => p.pendingTasks === 9999));
  // Any stretch of raw samples between two kept points: none of their values lies outside what the kept points show
  // around them (the thinned line is an envelope, not an average).
  const kept0 = kept.points;
  let k = 0;
  for (const p of raw) {
    while (k + 1 < kept0.length && kept0[k + 1].t <= p.t) k++;
    const around = kept0.slice(Math.max(0, k - 2), k + 3);
    for (const s of SERIES) {
      const lo = Math.min(...around.map((q) => q[s]));
      const hi = Math.max(...around.map((q) => q[s]));
      assert.ok(p[s] >= lo && p[s] <= hi, `${s}=${p[s]} at ${p.t} outside [${lo}, ${hi}]`);
    }
  }
});

test('timeline: thinning is deterministic (same samples, same points)', () => {
  const raw = samples(50_000, 4);
  assert.deepEqual(record(raw, 2000), record(raw, 2000));
});

test('timeline: the latest sample may still be updated in place while thinning', () => {
  const recorder = new TimelineRecorder(4);
  for (let i = 0; i < 10; i++)
    recorder.push({ t: i, running: i, target: 0, pendingPods: 0, busySlots: 0, pendingTasks: 0, livePvcs: 0 });
  const last = recorder.last();
  assert.ok(last !== undefined);
  last.running = 42;
  const out = recorder.finish();
  assert.equal(out.points[out.points.length - 1].running, 42);
  assert.ok(out.points.length <= 4);
});

test('simulate: a 200,000-task run on 10 executors keeps the timeline within budget.maxTimelinePoints and says so', () => {
  const workload: Workload = {
    name: 'long-run',
    seed: 5,
    executor: { cores: 4 },
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [
          {
            id: 0,
            parents: [],
            tasks: 200_000,
            duration: { kind: 'uniform', params: { min: 1, max: 3 } },
            shuffleMap: false,
            cached: false,
          },
        ],
      },
    ],
  };
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
    'spark.dynamicAllocation.maxExecutors': '10',
    'spark.executor.cores': '4',
  };
  const r = simulateConf(conf, { sparkVersion: '3.5.1', workload, budget: { maxTimelinePoints: 3000 } });
  if (!r.ok) assert.fail(r.problem.message);
  const { dra } = r.value;
  assert.equal(r.value.workload.tasks, 200_000);
  assert.ok(dra.timeline.length <= 3000, `${dra.timeline.length} points`);
  assert.ok(dra.thinnedFrom !== undefined && dra.thinnedFrom > 3000, `thinned from ${dra.thinnedFrom}`);
  assert.equal(dra.timeline[0].t, 0);
  assert.equal(dra.timeline[dra.timeline.length - 1].t, dra.summary.runtimeSec);
  assert.equal(Math.max(...dra.timeline.map((p) => p.running)), dra.summary.peakExecutors);
  assert.equal(Math.max(...dra.timeline.map((p) => p.busySlots)), 40);
  const note = r.value.notes.find((n) => n.startsWith('DRA run: the timeline was thinned'));
  assert.ok(note, r.value.notes.join('\n'));
  assert.ok(
    note.includes(
      `from ${dra.thinnedFrom.toLocaleString('en-US')} samples to ${dra.timeline.length.toLocaleString('en-US')} points`,
    ),
  );
  assert.ok(JSON.stringify(r.value).length < 1_000_000);
});
