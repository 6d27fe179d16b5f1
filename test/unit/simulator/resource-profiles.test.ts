// Several resource profiles (stage-level scheduling): per-profile targets in the allocation manager (Spark's
// ExecutorAllocationManager keeps target, toAdd and maxNeeded per ResourceProfile id), per-profile pods in the
// Kubernetes allocator (splitSlots), and placement: a stage's tasks only on executors of its profile, with that
// profile's floor(cores / task CPUs) slots. Expected values are worked out by hand from spark-facts §3.3–3.6.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AllocationManager, type AllocationClient } from '../../../server/src/engine/simulator/allocation-manager';
import { ManualClock } from '../../../server/src/engine/simulator/clock';
import { ExecutorMonitor } from '../../../server/src/engine/simulator/executor-monitor';
import { PodAllocator, splitSlot } from '../../../server/src/engine/simulator/k8s/pod-allocator';
import { PodStore } from '../../../server/src/engine/simulator/k8s/pod-store';
import { EventHeap } from '../../../server/src/engine/simulator/scheduler/heap';
import { TaskScheduler, type SchedulerListener } from '../../../server/src/engine/simulator/scheduler/task-scheduler';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import { expandWorkload } from '../../../server/src/engine/workload/expand';
import type { Stage, Workload } from '../../../server/src/engine/workload/types';
import { podSuiteSettings, suiteConfig } from './harness';
import { stage as constantStage } from './stage';

/** A constant stage, run by resource profile `profile` when given. */
function stage(id: number, tasks: number, seconds: number, profile?: number): Stage {
  return constantStage(id, tasks, seconds, profile === undefined ? {} : { profile });
}

/** A manager on the suite configuration (backlog 1 s, sustained 2 s) whose every request is recorded. */
function manager(min: number, max: number, initial: number, extra: Record<string, string> = {}) {
  const cfg = suiteConfig(min, max, initial, { 'spark.executor.cores': '4', ...extra });
  const clock = new ManualClock(0);
  const monitor = new ExecutorMonitor(cfg, clock);
  const requests: Array<Record<number, number>> = [];
  const client: AllocationClient = {
    requestTotalExecutors: (targets) => {
      requests.push(Object.fromEntries(targets));
      return true;
    },
    killExecutors: (ids) => [...ids],
    decommissionExecutors: (ids) => [...ids],
  };
  const m = new AllocationManager(cfg, monitor, clock, client);
  m.defineProfile(1, 2); // profile 1: 4 cores and 2 CPUs per task → 2 tasks per executor
  return { m, clock, monitor, requests };
}

const targets = (m: AllocationManager): Record<number, number> => Object.fromEntries(m.allTargets());

test('per-profile targets: each profile ramps 1, 2 … to its own maxNeeded = ceil(tasks / tasksPerExecutor)', () => {
  const { m, clock, monitor, requests } = manager(0, 10, 0);
  m.start();
  m.onStageSubmitted({ stageId: 0 }, 10, 0); // profile 0: 4 slots → ceil(10 / 4) = 3
  m.onStageSubmitted({ stageId: 1 }, 6, 1); // profile 1: 2 slots → ceil(6 / 2) = 3
  assert.equal(m.maxNumExecutorsNeeded(0), 3);
  assert.equal(m.maxNumExecutorsNeeded(1), 3);
  // A new profile starts at initialExecutors (0 here), so nothing is requested for it yet.
  assert.deepEqual(targets(m), { 0: 0, 1: 0 });
  assert.deepEqual(requests, [{ 0: 0 }]);
  clock.setTime(999);
  m.schedule();
  assert.deepEqual(targets(m), { 0: 0, 1: 0 }, 'before the 1 s backlog timeout');
  clock.setTime(1000);
  m.schedule(); // both profiles: +1 (toAdd 1 → 2); the next round after the 2 s sustained timeout
  assert.deepEqual(targets(m), { 0: 1, 1: 1 });
  assert.deepEqual(requests.at(-1), { 0: 1, 1: 1 }, 'one request carries every profile');
  clock.setTime(3000);
  m.schedule(); // +2 each, capped at maxNeeded 3
  assert.deepEqual(targets(m), { 0: 3, 1: 3 });
  clock.setTime(5000);
  m.schedule();
  assert.deepEqual(targets(m), { 0: 3, 1: 3 }, 'at maxNeeded: no change');
  assert.equal(m.totalTarget(), 6);
  // Three executors of each profile register; every task starts (10 on 12 slots, 6 on 6).
  for (const id of ['1', '2', '3']) monitor.onExecutorAdded(id, 0);
  for (const id of ['4', '5', '6']) monitor.onExecutorAdded(id, 1);
  assert.equal(monitor.executorCountWithProfile(0), 3);
  assert.equal(monitor.executorCountWithProfile(1), 3);
  for (let i = 0; i < 10; i++) m.onTaskStart({ stageId: 0 }, i);
  for (let i = 0; i < 6; i++) m.onTaskStart({ stageId: 1 }, i);
  // Eight profile-0 tasks end: 2 running → ceil(2 / 4) = 1; profile 1 keeps 6 running → 3.
  for (let i = 0; i < 8; i++) m.onTaskEnd({ stageId: 0 }, i, 'success');
  clock.setTime(5100);
  m.schedule();
  assert.deepEqual(targets(m), { 0: 1, 1: 3 });
});

test('per-profile bounds: maxExecutors caps each profile, so two profiles may hold twice maxExecutors', () => {
  const { m, clock } = manager(0, 2, 0);
  m.start();
  m.onStageSubmitted({ stageId: 0 }, 40, 0);
  m.onStageSubmitted({ stageId: 1 }, 40, 1);
  for (const t of [1000, 3000, 5000]) {
    clock.setTime(t);
    m.schedule();
  }
  assert.deepEqual(targets(m), { 0: 2, 1: 2 });
});

test('per-profile initial: a profile first used after start gets initialExecutors at once, requested at once', () => {
  const { m, requests } = manager(0, 10, 2);
  m.start();
  assert.deepEqual(requests, [{ 0: 2 }]);
  m.onStageSubmitted({ stageId: 7 }, 3, 1);
  assert.deepEqual(requests, [{ 0: 2 }, { 0: 2, 1: 2 }]);
});

test('per-profile ratio: maxNeeded(1) = ceil(tasks × executorAllocationRatio / tasksPerExecutor)', () => {
  const { m } = manager(0, 10, 0, { 'spark.dynamicAllocation.executorAllocationRatio': '0.5' });
  m.onStageSubmitted({ stageId: 0 }, 10, 1);
  assert.equal(m.maxNumExecutorsNeeded(1), 3); // ceil(10 × 0.5 / 2)
  assert.equal(m.maxNumExecutorsNeeded(0), 0);
});

/** Runs the scheduler alone with executors of given profiles added at t = 0; returns task starts as "stage.index@exec". */
function place(
  workload: Workload,
  executors: Array<[number, number]>,
  defaultSlots: number,
  slots: Map<number, number>,
) {
  const starts: string[] = [];
  const ids: number[] = [];
  const listener: SchedulerListener = {
    jobStart: () => {},
    jobEnd: () => {},
    stageSubmitted: () => {},
    stageCompleted: () => {},
    taskStart: (s, i, e) => starts.push(`${ids[s]}.${i}@${e}`),
    taskEnd: () => {},
  };
  const timers = new EventHeap<number>();
  const sch = new TaskScheduler(
    expandWorkload(workload),
    defaultSlots,
    listener,
    (at, job) => timers.push(at, job),
    undefined,
    undefined,
    { otherProfileSlots: slots },
  );
  ids.push(...sch.stageIds);
  sch.start(0);
  for (const [id, profile] of executors) sch.addExecutor(id, 0, profile);
  const startedAt = new Map<string, number>();
  let now = 0;
  while (!sch.done) {
    now = Math.min(sch.nextTaskEnd(), timers.peekTime());
    if (now === Infinity) break;
    const before = starts.length;
    if (sch.nextTaskEnd() === now) sch.finishTasksAt(now);
    while (timers.peekTime() === now) sch.startJob(timers.pop() as number, now);
    for (const s of starts.slice(before)) startedAt.set(s, now);
  }
  return { starts, startedAt, end: now, sch };
}

const oneJob = (...stages: Stage[]): Workload => ({
  name: 'w',
  seed: 1,
  executor: {},
  jobs: [{ id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages }],
});

test('placement: a profile-1 stage never runs on a profile-0 executor, and uses profile 1 slots', () => {
  // Executor 1: profile 0 with 4 slots (idle, nothing of its profile); executor 2: profile 1 with 2 slots.
  const { starts, startedAt, end } = place(
    oneJob(stage(0, 3, 10, 1)),
    [
      [1, 0],
      [2, 1],
    ],
    4,
    new Map([[1, 2]]),
  );
  assert.deepEqual(starts, ['0.0@2', '0.1@2', '0.2@2']);
  assert.equal(startedAt.get('0.2@2'), 10_000, 'the third task waits for one of the two profile-1 slots');
  assert.equal(end, 20_000);
});

test('placement: stages of two profiles run side by side, each on its own executors', () => {
  const { starts, sch } = place(
    oneJob(stage(0, 4, 10, 0), stage(1, 4, 10, 1)),
    [
      [1, 0],
      [2, 1],
    ],
    4,
    new Map([[1, 2]]),
  );
  assert.deepEqual(sch.stageProfile, [0, 1]);
  const on = (exec: number): string[] => starts.filter((s) => s.endsWith(`@${exec}`)).map((s) => s.split('.')[0]);
  assert.deepEqual(on(1), ['0', '0', '0', '0']);
  assert.deepEqual(on(2), ['1', '1', '1', '1']);
  assert.equal(sch.runningOn(1), 0);
});

test('placement: a stage of a profile the scheduler was not told about runs under the default profile', () => {
  const { starts } = place(oneJob(stage(0, 2, 10, 5)), [[1, 0]], 2, new Map([[1, 2]]));
  assert.deepEqual(starts, ['0.0@1', '0.1@1']);
});

test('k8s allocator: pods per profile; the room under maxPendingPods is split evenly (splitSlots)', () => {
  const store = new PodStore();
  const creates: Array<[number, number]> = [];
  const api = {
    createPod: (id: number, now: number, profile: number) => {
      store.add(id, now, profile);
      creates.push([id, profile]);
    },
    deletePod: (id: number) => store.setPhase(id, 'gone'),
  };
  const allocator = new PodAllocator(podSuiteSettings({ maxPendingPods: 5 }), store, api);
  allocator.setTargets(
    new Map([
      [0, 2],
      [1, 4],
    ]),
  );
  allocator.run(0);
  // 5 slots for 2 profiles: 3 and 2. Profile 0 needs 2, profile 1 gets its 2 of 4.
  assert.deepEqual(creates, [
    [1, 0],
    [2, 0],
    [3, 1],
    [4, 1],
  ]);
  assert.deepEqual([splitSlot(5, 2, 0), splitSlot(5, 2, 1), splitSlot(7, 3, 2)], [3, 2, 2]);
  for (const id of [1, 2, 3, 4]) store.setPhase(id, 'running');
  allocator.run(1000);
  assert.deepEqual(
    creates.slice(4),
    [
      [5, 1],
      [6, 1],
    ],
    'profile 1 asks for the 2 it still lacks',
  );
  assert.equal(store.runningOf(0), 2);
  assert.equal(store.runningOf(1), 2);
  assert.equal(allocator.totalExpected, 6);
});

test('k8s allocator: a profile above its target trims its own old pending pods, not the other profile’s', () => {
  const store = new PodStore();
  const deletes: number[] = [];
  const api = {
    createPod: (id: number, now: number, profile: number) => store.add(id, now, profile),
    deletePod: (id: number) => {
      store.setPhase(id, 'gone');
      deletes.push(id);
    },
  };
  const allocator = new PodAllocator(podSuiteSettings(), store, api);
  allocator.setTargets(
    new Map([
      [0, 2],
      [1, 2],
    ]),
  );
  allocator.run(0);
  for (const id of [1, 2, 3, 4]) store.setPhase(id, 'pending');
  allocator.setTargets(
    new Map([
      [0, 2],
      [1, 0],
    ]),
  );
  allocator.run(30_000); // older than the suite's 10 s idle timeout
  assert.deepEqual(deletes, [3, 4]);
  assert.equal(store.pendingOf(0), 2);
});

function twoProfileWorkload(): Workload {
  return {
    name: 'two profiles',
    seed: 1,
    executor: {},
    profiles: [{ id: 1, executorCores: 8, taskCpus: 2, executorMemoryMiB: 8192 }],
    jobs: [
      { id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages: [stage(0, 8, 60)] },
      { id: 1, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages: [stage(1, 12, 60, 1)] },
    ],
  };
}

const DRA = {
  'spark.master': 'k8s://https://example',
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.executor.cores': '2',
  'spark.executor.memory': '2g',
};

test('simulation: per-profile executors, peaks and pod sizes; one profile-1 executor runs 4 tasks', () => {
  const r = simulateConf(DRA, { sparkVersion: '3.5.1', workload: twoProfileWorkload(), details: true });
  if (!r.ok) assert.fail(r.problem.message);
  const { summary, executors } = r.value.dra;
  // Profile 0: 8 tasks / 2 slots = 4 executors; profile 1: 12 tasks / floor(8 / 2) = 3 executors.
  assert.deepEqual(
    summary.profiles?.map((p) => [p.id, p.executorCores, p.taskCpus, p.peakExecutors, p.executors]),
    [
      [0, 2, 1, 4, 4],
      [1, 8, 2, 3, 3],
    ],
  );
  assert.equal(summary.peakExecutors, 7);
  const byProfile = (p: number) => (executors ?? []).filter((e) => e.profile === p).length;
  assert.equal(byProfile(0), 4);
  assert.equal(byProfile(1), 3);
  // Task CPUs: 8 × 60 s × 1 + 12 × 60 s × 2 busy core-seconds.
  assert.equal(summary.busyCoreSeconds, 8 * 60 + 12 * 60 * 2);
  assert.ok(r.value.inputs['resource profile 1']?.startsWith('8 cores'), JSON.stringify(r.value.inputs));
});

test('simulation: without the profiles the same stages need more default executors (the collapse the log used to get)', () => {
  const w = twoProfileWorkload();
  const collapsed: Workload = {
    ...w,
    profiles: undefined,
    jobs: w.jobs.map((j) => ({ ...j, stages: j.stages.map((s) => ({ ...s, profile: undefined })) })),
  };
  const r = simulateConf(DRA, { sparkVersion: '3.5.1', workload: collapsed });
  if (!r.ok) assert.fail(r.problem.message);
  assert.equal(r.value.dra.summary.peakExecutors, 10, '20 tasks on 2-slot executors, capped at maxExecutors');
  assert.equal(r.value.dra.summary.profiles, undefined);
});

test('simulation: a profile whose executors cannot hold one task is refused as Spark would', () => {
  const w: Workload = { ...twoProfileWorkload(), profiles: [{ id: 1, executorCores: 2, taskCpus: 2 }] };
  const tight = simulateConf({ ...DRA, 'spark.task.cpus': '1' }, { sparkVersion: '3.5.1', workload: w });
  assert.ok(tight.ok, 'floor(2 / 2) = 1 slot is enough');
  const bad = simulateConf(DRA, {
    sparkVersion: '3.5.1',
    workload: { ...w, profiles: [{ id: 1, executorCores: 2, taskCpus: 2 }] },
    overrides: { 'spark.executor.cores': '1' },
  });
  assert.ok(bad.ok, 'the profile names its own cores, so the default profile’s 1 core does not matter');
  const refused = simulateConf(DRA, {
    sparkVersion: '3.5.1',
    workload: { ...w, profiles: [{ id: 1, taskCpus: 4 }] },
  });
  if (refused.ok) assert.fail('expected a refusal');
  assert.equal(refused.problem.code, 'spark-would-not-start');
  assert.match(
    refused.problem.message,
    /Resource profile 1: an executor with 2 core\(s\) cannot run a task needing 4 CPU\(s\)/,
  );
});

test('simulation: a fixed executor count runs every stage on default executors and says so', () => {
  const r = simulateConf(
    { ...DRA, 'spark.dynamicAllocation.enabled': 'false', 'spark.executor.instances': '3' },
    { sparkVersion: '3.5.1', workload: twoProfileWorkload(), details: true },
  );
  if (!r.ok) assert.fail(r.problem.message);
  assert.ok((r.value.dra.executors ?? []).every((e) => e.profile === 0));
  assert.equal(r.value.dra.summary.profiles, undefined);
  assert.ok(r.value.notes.some((n) => n.includes('only default-profile executors')));
});

test('simulation: cost follows each executor’s own size (a bigger profile-1 pod costs more, the same run otherwise)', () => {
  const run = (memoryMiB: number) => {
    const w: Workload = {
      ...twoProfileWorkload(),
      profiles: [{ id: 1, executorCores: 8, taskCpus: 2, executorMemoryMiB: memoryMiB }],
    };
    const r = simulateConf(DRA, { sparkVersion: '3.5.1', workload: w, prices: { emrVcpuHour: 0, emrGbHour: 1 } });
    if (!r.ok) assert.fail(r.problem.message);
    return r.value.dra.summary;
  };
  const small = run(8192);
  const big = run(8192 + 10 * 1024);
  assert.equal(big.executorSeconds, small.executorSeconds);
  // Memory-hours only (1 USD per GB-hour): 10 GiB more on each profile-1 pod for its pod-running time.
  assert.ok(big.cost.total > small.cost.total, `${big.cost.total} > ${small.cost.total}`);
  const profile1Seconds = small.profiles?.find((p) => p.id === 1)?.executorSeconds ?? 0;
  assert.ok(big.cost.total - small.cost.total >= (10 * profile1Seconds) / 3600 - 1e-6);
});
