// The task scheduler: slots per executor, stage DAG order, job start rules, and the listener events it emits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventHeap, SlotHeap } from '../../../server/src/engine/simulator/scheduler/heap';
import { TaskScheduler, type SchedulerListener } from '../../../server/src/engine/simulator/scheduler/task-scheduler';
import { expandWorkload } from '../../../server/src/engine/workload/expand';
import type { Stage, Workload } from '../../../server/src/engine/workload/types';

function stage(id: number, tasks: number, seconds: number, parents: number[] = [], extra: Partial<Stage> = {}): Stage {
  return { id, parents, tasks, duration: { kind: 'constant', seconds }, shuffleMap: false, cached: false, ...extra };
}

function recorder() {
  const log: string[] = [];
  const ids: number[] = [];
  const listener: SchedulerListener = {
    jobStart: (job, shuffles) =>
      log.push(`jobStart ${job} ${shuffles.map((s) => `${s.stageId}:${s.shuffleId}`).join(',')}`),
    jobEnd: (job) => log.push(`jobEnd ${job}`),
    stageSubmitted: (s) => log.push(`submit ${ids[s]}`),
    stageCompleted: (s) => log.push(`complete ${ids[s]}`),
    taskStart: (s, i, e) => log.push(`start ${ids[s]}.${i}@${e}`),
    taskEnd: (s, i, e) => log.push(`end ${ids[s]}.${i}@${e}`),
  };
  return { log, ids, listener };
}

/** Runs the scheduler alone: jobs start when asked, executors are added at t = 0. */
function drive(workload: Workload, executors: number[], slots: number) {
  const { log, ids, listener } = recorder();
  const timers = new EventHeap<number>();
  const sch = new TaskScheduler(expandWorkload(workload), slots, listener, (at, job) => timers.push(at, job));
  ids.push(...sch.stageIds);
  sch.start(0);
  for (const e of executors) sch.addExecutor(e, 0);
  let now = 0;
  const starts = new Map<number, number>();
  while (!sch.done) {
    now = Math.min(sch.nextTaskEnd(), timers.peekTime());
    if (now === Infinity) break;
    if (sch.nextTaskEnd() === now) sch.finishTasksAt(now);
    while (timers.peekTime() === now) {
      const j = timers.pop() as number;
      starts.set(j, now);
      sch.startJob(j, now);
    }
  }
  return { log, end: now, starts, sch };
}

test('stages run when their parents are done, submitted in stage-id order; tasks fill slots in index order', () => {
  const w: Workload = {
    name: 'dag',
    seed: 1,
    executor: {},
    jobs: [
      {
        id: 7,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [stage(2, 1, 1), stage(0, 4, 10, [], { shuffleMap: true, shuffleId: 5 }), stage(1, 2, 10, [0])],
      },
    ],
  };
  const { log, end } = drive(w, [1, 2], 2);
  assert.equal(log[0], 'jobStart 7 0:5');
  assert.deepEqual(log.slice(1, 3), ['submit 0', 'submit 2'], 'roots in stage-id order');
  // Job-FIFO then stage id: stage 0's four tasks take the four slots (round-robin over executors), stage 2 waits.
  assert.deepEqual(log.slice(3, 7).sort(), ['start 0.0@1', 'start 0.1@2', 'start 0.2@1', 'start 0.3@2']);
  const firstEnd = log.findIndex((l) => l.startsWith('end'));
  assert.equal(firstEnd, 7, 'nothing else starts before a slot frees');
  assert.ok(log.indexOf('submit 1') > log.indexOf('complete 0'), 'stage 1 waits for its parent');
  assert.ok(log.indexOf('start 2.0@1') < log.indexOf('submit 1'), 'stage 2 ran in a slot freed by stage 0');
  assert.equal(log[log.length - 1], 'jobEnd 7');
  assert.equal(end, 20_000, '10 s map wave, then 10 s reduce; stage 2 (1 s) fits in between');
});

test('a freed slot takes the next task at once; 8 tasks x 60 s on one 4-slot executor take 120 s', () => {
  const w: Workload = {
    name: 'eight',
    seed: 1,
    executor: {},
    jobs: [{ id: 0, start: { kind: 'at', seconds: 0 }, reusesShuffles: [], stages: [stage(0, 8, 60)] }],
  };
  assert.equal(drive(w, [1], 4).end, 120_000);
  assert.equal(drive(w, [1], 8).end, 60_000);
  assert.equal(drive(w, [1, 2], 4).end, 60_000);
});

test('job start rules: at, afterPrevious (after every earlier job), withPrevious (after the previous submit)', () => {
  const w: Workload = {
    name: 'jobs',
    seed: 1,
    executor: {},
    jobs: [
      { id: 0, start: { kind: 'at', seconds: 5 }, reusesShuffles: [], stages: [stage(0, 1, 10)] },
      { id: 1, start: { kind: 'withPrevious', offsetSeconds: 2 }, reusesShuffles: [3], stages: [stage(1, 1, 30)] },
      { id: 2, start: { kind: 'afterPrevious', gapSeconds: 4 }, reusesShuffles: [], stages: [stage(2, 1, 1)] },
    ],
  };
  const { starts, end, log } = drive(w, [1], 4);
  assert.deepEqual(
    [...starts.entries()].sort((a, b) => a[0] - b[0]),
    [
      [0, 5000],
      [1, 7000],
      [2, 41_000],
    ],
  );
  assert.equal(end, 42_000);
  assert.ok(log.includes('jobStart 1 -4:3'), 'a reused shuffle is announced with the job');
});

test('killed executors get no new tasks; removed ones give their slots up', () => {
  const w: Workload = {
    name: 'k',
    seed: 1,
    executor: {},
    jobs: [{ id: 0, start: { kind: 'at', seconds: 1 }, reusesShuffles: [], stages: [stage(0, 4, 1)] }],
  };
  const { log, listener, ids } = recorder();
  const timers = new EventHeap<number>();
  const sch = new TaskScheduler(expandWorkload(w), 1, listener, (at, j) => timers.push(at, j));
  ids.push(...sch.stageIds);
  sch.start(0);
  sch.addExecutor(1, 0);
  sch.addExecutor(2, 0);
  sch.markKilled(1);
  sch.startJob(timers.pop() as number, 1000);
  assert.equal(sch.runningTasks, 1);
  assert.equal(sch.pendingTasks, 3);
  assert.ok(log.includes('start 0.0@2'));
  assert.equal(sch.runningOn(1), 0);
});

test('heaps pop by time, ties in insertion order', () => {
  const h = new EventHeap<string>();
  for (const [t, v] of [
    [5, 'a'],
    [1, 'b'],
    [5, 'c'],
    [3, 'd'],
    [1, 'e'],
  ] as const)
    h.push(t, v);
  const out: string[] = [];
  while (h.size > 0) out.push(h.pop() as string);
  assert.deepEqual(out, ['b', 'e', 'd', 'a', 'c']);
  const s = new SlotHeap(2);
  s.push(10, 50);
  s.push(3, 20);
  s.push(7, 20);
  s.push(1, 90);
  const ids: number[] = [];
  while (s.size > 0) ids.push(s.pop());
  assert.deepEqual(ids, [3, 7, 10, 1]);
});

test('SlotHeap.retime moves an entry earlier or later and keeps the heap order (ties by id)', () => {
  const s = new SlotHeap(2);
  for (const [id, at] of [
    [1, 10],
    [2, 20],
    [3, 30],
    [4, 40],
    [5, 50],
  ])
    s.push(id, at);
  assert.equal(s.retime(5, 5), true, 'up to the top');
  assert.equal(s.retime(1, 45), true, 'down past three');
  assert.equal(s.retime(3, 20), true, 'a tie with 2: the lower id first');
  assert.equal(s.retime(9, 1), false, 'not in the heap');
  const order: string[] = [];
  while (s.size > 0) {
    const at = s.peekTime();
    order.push(`${s.pop()}@${at}`);
  }
  assert.deepEqual(order, ['5@5', '2@20', '3@20', '4@40', '1@45']);
});

test('FIFO: concurrent jobs are served lowest job id first, whatever order they were submitted in', () => {
  // Job 31 is submitted after job 33 (Spark logs concurrent JobStarts out of id order); Spark's FIFO pool still
  // offers job 31's stage first: its tasks take the only slot before any of job 33's.
  const job = (id: number, stageId: number, at: number) => ({
    id,
    start: { kind: 'at' as const, seconds: at },
    reusesShuffles: [],
    stages: [stage(stageId, 2, 1)],
  });
  const w: Workload = { name: 'fifo', seed: 1, executor: {}, jobs: [job(33, 1, 0), job(31, 2, 0.5)] };
  const { log } = drive(w, [1], 1);
  const starts = log.filter((l) => l.startsWith('start '));
  assert.deepEqual(starts, ['start 1.0@1', 'start 2.0@1', 'start 2.1@1', 'start 1.1@1']);
});
