// The cluster driver's parts on their own: the executor roster (executor-roster.ts), job and stage records
// (run-records.ts), timeline sampling (timeline-sampler.ts), the manager's tick grid (manager-ticks.ts), YARN
// container launches (yarn-launches.ts) and the closing notes (closing-notes.ts). cluster.test.ts and the other
// simulator tests drive them together through runCluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_BUDGET, WorkMeter } from '../../../server/src/engine/simulator/budget';
import { allocatorLimitNotes } from '../../../server/src/engine/simulator/cluster/closing-notes';
import { ExecutorRoster } from '../../../server/src/engine/simulator/cluster/executor-roster';
import { ManagerTicks } from '../../../server/src/engine/simulator/cluster/manager-ticks';
import { RunRecords } from '../../../server/src/engine/simulator/cluster/run-records';
import type { SimEvent } from '../../../server/src/engine/simulator/cluster/sim-events';
import { TimelineSampler, type TimelineCounts } from '../../../server/src/engine/simulator/cluster/timeline-sampler';
import { YarnLaunches } from '../../../server/src/engine/simulator/cluster/yarn-launches';
import type { PodLatency } from '../../../server/src/engine/simulator/k8s/latency';
import { PodStore } from '../../../server/src/engine/simulator/k8s/pod-store';
import { EventHeap } from '../../../server/src/engine/simulator/scheduler/heap';
import { ExecutorTimeLedger } from '../../../server/src/engine/simulator/time-ledger';
import { harness, suiteConfig } from './harness';

function roster(): ExecutorRoster {
  return new ExecutorRoster(() => 0, undefined);
}

test('executor roster: ordinals count registrations, and removal sums the lifetime once', () => {
  const r = roster();
  r.registered(5, 100, 0);
  r.registered(9, 200, 0);
  assert.equal(r.byOrdinal(1), 5);
  assert.equal(r.byOrdinal(2), 9);
  assert.equal(r.byOrdinal(3), undefined);
  assert.equal(r.peak, 2);
  assert.equal(r.unregistered(5, 1100), true);
  assert.equal(r.unregistered(5, 1500), false, 'already gone');
  assert.equal(r.byOrdinal(1), 5, 'ordinals keep counting gone executors');
  assert.deepEqual([r.running, r.peak, r.removed, r.executorMs], [1, 2, 1, 1000]);
  assert.equal(r.lives[0].removedMs, 1100);
  r.goingBecause(9, 'lost');
  assert.equal(r.lives[1].reason, 'lost');
});

test('executor roster: at the end, executors and pods still up count until then', () => {
  const r = roster();
  r.podRunning(9, 50);
  r.registered(9, 200, 0);
  r.podRunning(4, 300);
  r.podStopped(4, 700);
  r.settle(1200);
  assert.equal(r.executorMs, 1000);
  assert.equal(r.podRunningMs, 400 + 1150);
  assert.equal(r.name(9), '9');
  assert.equal(r.name(9), r.name(9));
});

test('run records: jobs and stages keep start order, and an end finds its own entry', () => {
  const rec = new RunRecords();
  rec.jobStarted(3, 10);
  rec.jobStarted(1, 20);
  rec.stageStarted(7, 20);
  rec.jobEnded(3, 90);
  rec.stageEnded(7, 80);
  rec.jobEnded(42, 95);
  assert.deepEqual(rec.jobs, [
    { id: 3, startMs: 10, endMs: 90 },
    { id: 1, startMs: 20 },
  ]);
  assert.deepEqual(rec.stages, [{ id: 7, startMs: 20, endMs: 80 }]);
});

function sampler(): { s: TimelineSampler; counts: Record<keyof TimelineCounts, number> } {
  const counts = { running: 0, target: 1, pendingPods: 0, busySlots: 0, pendingTasks: 0, livePvcs: 0 };
  const s = new TimelineSampler(1000, {
    running: () => counts.running,
    target: () => counts.target,
    pendingPods: () => counts.pendingPods,
    busySlots: () => counts.busySlots,
    pendingTasks: () => counts.pendingTasks,
    livePvcs: () => counts.livePvcs,
  });
  return { s, counts };
}

test('timeline sampler: unchanged counts add nothing, a change in the same tick overwrites that tick’s point', () => {
  const { s, counts } = sampler();
  s.sample(0, false);
  s.sample(40, false);
  counts.running = 2;
  s.sample(60, false);
  counts.busySlots = 3;
  s.sample(150, false);
  const out = s.finish();
  assert.deepEqual(
    out.points.map((p) => [p.t, p.running, p.busySlots]),
    [
      [0, 2, 0],
      [0.15, 2, 3],
    ],
  );
  assert.equal(out.samples, 2);
});

test('timeline sampler: a forced sample adds a point even with nothing changed', () => {
  const { s } = sampler();
  s.sample(0, false);
  s.sample(30, true);
  assert.deepEqual(
    s.finish().points.map((p) => p.t),
    [0, 0.03],
  );
});

test('manager ticks: without a manager no tick ever runs, and events do not bring one back', () => {
  const r = roster();
  const ticks = new ManagerTicks(undefined, undefined, true, new WorkMeter(DEFAULT_BUDGET), r);
  assert.equal(ticks.nextTick, Infinity);
  ticks.dirty = true;
  ticks.wake(500);
  assert.equal(ticks.nextTick, Infinity);
});

test('manager ticks: a quiet tick with no deadline ahead stops the grid until an event, which resumes it', () => {
  const h = harness(suiteConfig(0, 10, 0));
  const ticks = new ManagerTicks(h.manager, h.monitor, true, new WorkMeter(DEFAULT_BUDGET), roster());
  assert.equal(ticks.nextTick, 0);
  ticks.tick(0);
  assert.equal(ticks.nextTick, 100, 'the first tick follows events (dirty from the start)');
  h.clock.setTime(100);
  ticks.tick(100);
  assert.equal(ticks.nextTick, Infinity, 'nothing to wait for');
  ticks.wake(250);
  assert.equal(ticks.nextTick, Infinity, 'no event happened');
  ticks.dirty = true;
  ticks.wake(250);
  assert.equal(ticks.nextTick, 300, 'the first grid tick at or after the event');
});

test('manager ticks: with polling off the grid never starts', () => {
  const h = harness(suiteConfig(0, 10, 0));
  const ticks = new ManagerTicks(h.manager, h.monitor, false, new WorkMeter(DEFAULT_BUDGET), roster());
  assert.equal(ticks.nextTick, Infinity);
});

const latency: PodLatency = { apiMs: 1000, startMs: 5000, startJitterMs: 0, registerMs: 2000, exitMs: 0, seed: 1 };

test('yarn launches: a container launched before its planned registration starts registerMs before it', () => {
  const events = new EventHeap<SimEvent>();
  const store = new PodStore();
  const launches = new YarnLaunches(latency, undefined, store, new ExecutorTimeLedger(), events);
  launches.requested(7, 0); // registers at 0 + 1000 + 5000 + 2000
  launches.launched(3, 4000, 0, 7);
  assert.equal(store.phase(3), 'pending');
  assert.equal(events.peekTime(), 6000);
  assert.deepEqual(events.pop(), { kind: 'running', id: 3 });
});

test('yarn launches: a container launched after its plan, or never planned, starts at its launch', () => {
  const events = new EventHeap<SimEvent>();
  const launches = new YarnLaunches(latency, undefined, new PodStore(), new ExecutorTimeLedger(), events);
  launches.requested(8, 0);
  launches.launched(4, 9000, 0, 8);
  assert.equal(events.peekTime(), 9000);
  events.pop();
  launches.launched(5, 9500, 0, 8); // request 8's plan was used up
  assert.equal(events.peekTime(), 9500);
});

test('closing notes: only the limits met are noted, YARN’s with its room', () => {
  assert.deepEqual(allocatorLimitNotes({ podLimitReached: false, yarnRoomHeld: undefined, waitedForPvc: false }), []);
  const notes = allocatorLimitNotes({ podLimitReached: false, yarnRoomHeld: 4, waitedForPvc: true });
  assert.equal(notes.length, 2);
  assert.match(notes[0], /room for 4 executor containers/);
  assert.match(notes[1], /Wait-to-reuse/);
});
