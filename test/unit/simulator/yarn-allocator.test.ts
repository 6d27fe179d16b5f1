// YARN's allocator (simulator/yarn/container-allocator.ts) on hand-built scenarios: exact request, cancel and launch
// instants; then the replay of the shared YARN DRA log, where a ramp after kills gets several containers at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfReader } from '../../../server/src/engine/simulator/k8s/conf-reader';
import {
  YarnAllocator,
  type YarnAllocatorSettings,
} from '../../../server/src/engine/simulator/yarn/container-allocator';
import { resolveYarnAllocatorSettings } from '../../../server/src/engine/simulator/yarn/settings';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import { DRA, load } from '../eventlog/logs';

const SETTINGS: YarnAllocatorSettings = {
  heartbeatMs: 3000,
  initialAllocationMs: 200,
  grantMs: 1000,
  maxContainers: Infinity,
};

function setup(extra: Partial<YarnAllocatorSettings> = {}) {
  const requests: Array<[request: number, at: number]> = [];
  const launches: Array<[executor: number, at: number, request: number]> = [];
  const allocator = new YarnAllocator(
    { ...SETTINGS, ...extra },
    {
      requested: (request, now) => requests.push([request, now]),
      launch: (id, now, _profile, request) => launches.push([id, now, request]),
    },
  );
  return { allocator, requests, launches };
}

test('yarn allocator: a new target → every missing container asked for in one run, launched when granted', () => {
  const { allocator, requests, launches } = setup();
  assert.equal(allocator.setTotalExpectedExecutors(3), true);
  assert.equal(allocator.run(0), 200, 'requests pending: the thread runs again after the initial interval');
  assert.deepEqual(requests, [
    [1, 0],
    [2, 0],
    [3, 0],
  ]);
  assert.equal(allocator.pending, 3);
  allocator.run(200);
  assert.deepEqual(launches, [], 'not granted before grantMs');
  allocator.run(1000);
  assert.deepEqual(launches, [
    [1, 1000, 1],
    [2, 1000, 2],
    [3, 1000, 3],
  ]);
  assert.equal(allocator.pending, 0);
  assert.equal(allocator.runningOf(0), 3);
  assert.equal(allocator.created, 3);
});

test('yarn allocator: killed executors leave the running count at the kill → a raised target asks for all of them again at once', () => {
  const { allocator, requests } = setup();
  allocator.setTotalExpectedExecutors(4);
  allocator.run(0);
  allocator.run(1000);
  assert.equal(allocator.runningOf(0), 4);
  for (const id of [1, 2, 3]) allocator.killExecutor(id);
  assert.equal(allocator.runningOf(0), 1, 'the driver still counts them until they are gone; YARN does not');
  // The driver's target after the kills stays 4 (killing does not lower it) and rises to 5 with its next round.
  assert.equal(allocator.setTotalExpectedExecutors(5), true);
  requests.length = 0;
  allocator.run(allocator.wakeAt(20_000));
  assert.deepEqual(requests, [
    [5, 20_000],
    [6, 20_000],
    [7, 20_000],
    [8, 20_000],
  ]);
});

test('yarn allocator: a lower target cancels the newest pending requests → only the oldest are granted', () => {
  const { allocator, launches } = setup();
  allocator.setTotalExpectedExecutors(4);
  allocator.run(0);
  assert.equal(allocator.setTotalExpectedExecutors(1), true);
  assert.equal(
    allocator.wakeAt(50),
    200,
    'woken early, the thread still waits the initial interval since its last run',
  );
  allocator.run(200);
  assert.equal(allocator.pending, 1);
  allocator.run(1000);
  assert.deepEqual(launches, [[1, 1000, 1]]);
});

test('yarn allocator: an unchanged target does not wake the thread; the interval doubles while requests pend, then the heartbeat', () => {
  const { allocator } = setup({ grantMs: 5000 });
  allocator.setTotalExpectedExecutors(1);
  assert.equal(allocator.setTotalExpectedExecutors(1), false);
  const sleeps: number[] = [];
  let t = 0;
  for (let i = 0; i < 7; i++) {
    const next = allocator.run(t);
    sleeps.push(next - t);
    t = next;
  }
  // Pending until 5 s: 200, 400, 800, 1600 (t = 3000), 3000 (t = 6000: granted in that run) → heartbeat.
  assert.deepEqual(sleeps, [200, 400, 800, 1600, 3000, 3000, 3000]);
  assert.equal(allocator.runningOf(0), 1);
});

test('yarn allocator: a full cluster holds grants until a killed executor is gone (not at the kill)', () => {
  const { allocator, launches } = setup({ maxContainers: 2 });
  allocator.setTotalExpectedExecutors(2);
  allocator.run(0);
  allocator.run(1000);
  assert.equal(launches.length, 2);
  allocator.killExecutor(1);
  allocator.setTotalExpectedExecutors(2); // unchanged: YARN sees the gap at its next heartbeat
  allocator.run(4000);
  assert.equal(allocator.pending, 1, 'the kill frees the running count: one request');
  allocator.run(5000);
  assert.equal(launches.length, 2, 'granted, but the killed executor still holds its container');
  assert.equal(allocator.heldForRoom, true);
  allocator.containerCompleted(1);
  allocator.run(5200);
  assert.deepEqual(launches.at(-1), [3, 5200, 3]);
});

test('yarn allocator: a lost executor (container completed) is replaced at the next heartbeat', () => {
  const { allocator, requests } = setup();
  allocator.setTotalExpectedExecutors(2);
  allocator.run(0);
  allocator.run(1000);
  allocator.containerCompleted(2);
  assert.equal(allocator.runningOf(0), 1);
  allocator.run(4000);
  assert.deepEqual(requests.at(-1), [3, 4000]);
});

test('yarn settings: heartbeat and initial interval from the configuration; the initial interval never exceeds the heartbeat', () => {
  const typical = resolveYarnAllocatorSettings(new ConfReader({}, '3.5.0'));
  assert.deepEqual(typical, { heartbeatMs: 3000, initialAllocationMs: 200, grantMs: 1000, maxContainers: Infinity });
  const set = resolveYarnAllocatorSettings(
    new ConfReader(
      {
        'spark.yarn.scheduler.heartbeat.interval-ms': '150ms',
        'spark.yarn.scheduler.initial-allocation.interval': '1s',
      },
      '3.5.0',
    ),
    7,
  );
  assert.deepEqual(set, { heartbeatMs: 150, initialAllocationMs: 150, grantMs: 1000, maxContainers: 7 });
});

test('yarn replay (4nodes log): the ramp after the kills at ~125 s gets several executors together; peak and windows on target', async () => {
  const log = await load(DRA);
  const r = replayLoggedConfiguration(log);
  if (!r.ok) assert.fail(r.problem.message);
  const added = r.value.dra.executors?.map((e) => e.addedSec) ?? [];
  const ramp = added.filter((t) => t >= 130 && t < 142);
  // One request at ~130.6 s for target − running, where the killed executors (gone only at ~139 s) no longer count.
  assert.ok(ramp.length >= 3, `executors added in 130–142 s: ${ramp.join(', ')}`);
  assert.ok(r.value.notes.some((n) => n.startsWith('spark.master is yarn: replayed as YARN')));
  const f = r.value.fidelity;
  assert.ok(f);
  assert.ok(Math.abs(f.simulatedPeak - f.observedPeak) <= 1, `peak ${f.simulatedPeak} vs ${f.observedPeak}`);
  assert.ok(Math.abs(f.jobWindow.errorPct) <= 10, `job window ${f.jobWindow.errorPct}%`);
  assert.ok(Math.abs(f.appWindow.errorPct) <= 10, `app window ${f.appWindow.errorPct}%`);
});

test('yarn replay (4nodes log): the room is the log peak unless the yarnContainerRoom knob says otherwise (0: no limit); a what-if on the same cluster keeps the room', async () => {
  const log = await load(DRA);
  const peakOf = (r: ReturnType<typeof replayLoggedConfiguration>): number => {
    if (!r.ok) assert.fail(r.problem.message);
    return r.value.dra.summary.peakExecutors;
  };
  const roomNote = (r: ReturnType<typeof replayLoggedConfiguration>): string | undefined =>
    r.ok ? r.value.notes.find((n) => n.startsWith("YARN's room")) : undefined;
  const logged = replayLoggedConfiguration(log);
  assert.match(
    roomNote(logged) ?? '',
    /at most 7 executor containers at once \(the most the log shows alive together\)/,
  );
  const five = replayLoggedConfiguration(log, { knobs: { yarnContainerRoom: 5 } });
  assert.equal(peakOf(five), 5);
  assert.match(roomNote(five) ?? '', /at most 5 .*set by the yarnContainerRoom knob/);
  const unlimited = replayLoggedConfiguration(log, { knobs: { yarnContainerRoom: 0 } });
  assert.equal(roomNote(unlimited), undefined);
  assert.ok(peakOf(unlimited) > 7, `without a room the ramp after the kills asks for more: peak ${peakOf(unlimited)}`);
  const whatIf = replayLoggedConfiguration(log, { conf: { 'spark.dynamicAllocation.maxExecutors': '20' } });
  assert.match(roomNote(whatIf) ?? '', /at most 7 executor containers/);
  assert.ok(peakOf(whatIf) <= 7, `a what-if on the log's cluster stays within its room: peak ${peakOf(whatIf)}`);
  assert.ok(whatIf.ok && whatIf.value.notes.some((n) => n.startsWith('spark.master is yarn: replayed as YARN')));
  const onK8s = replayLoggedConfiguration(log, { conf: { 'spark.master': 'k8s://https://example:443' } });
  assert.ok(onK8s.ok && !onK8s.value.notes.some((n) => n.includes('replayed as YARN')));
});
