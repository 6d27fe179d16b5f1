// Speculative execution (Spark's TaskSetManager rule), failed attempts and slot waits from a task history, in the task
// scheduler alone: instants worked out by hand in each test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventHeap } from '../../../server/src/engine/simulator/scheduler/heap';
import {
  TaskScheduler,
  type SchedulerExtras,
  type SchedulerListener,
} from '../../../server/src/engine/simulator/scheduler/task-scheduler';
import { SpeculationTracker } from '../../../server/src/engine/simulator/scheduler/speculation';
import {
  resolveSpeculation,
  type SpeculationSettings,
} from '../../../server/src/engine/simulator/scheduler/speculation-settings';
import type { TaskHistory } from '../../../server/src/engine/simulator/task-history';
import { expandWorkload } from '../../../server/src/engine/workload/expand';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';

const SETTINGS: SpeculationSettings = {
  intervalMs: 100,
  multiplier: 1.5,
  quantile: 0.75,
  minRuntimeMs: 100,
  slotsPerExecutor: 2,
};

function oneStage(seconds: number[]): Workload {
  return {
    name: 'race',
    seed: 1,
    executor: {},
    jobs: [
      {
        id: 0,
        start: { kind: 'at', seconds: 0 },
        reusesShuffles: [],
        stages: [
          {
            id: 0,
            parents: [],
            tasks: seconds.length,
            duration: { kind: 'list', seconds },
            shuffleMap: false,
            cached: false,
          },
        ],
      },
    ],
  };
}

/** Runs the scheduler alone with the speculation check on its 100 ms grid; events are logged with their instant. */
function drive(
  workload: Workload,
  executors: number[],
  slots: number,
  extras: SchedulerExtras,
  loss?: { atMs: number; executor: number },
  profileOf: (executor: number) => number = () => 0,
) {
  const log: string[] = [];
  let now = 0;
  const listener: SchedulerListener = {
    jobStart: () => {},
    jobEnd: () => log.push(`${now} jobEnd`),
    stageSubmitted: () => {},
    stageCompleted: () => {},
    taskStart: (_s, i, e, spec) => log.push(`${now} start ${i}@${e}${spec ? ' copy' : ''}`),
    taskEnd: (_s, i, e, spec) => log.push(`${now} end ${i}@${e}${spec ? ' copy' : ''}`),
    taskFailed: (_s, i, e) => log.push(`${now} failed ${i}@${e}`),
    taskKilled: (_s, i, e, spec) => log.push(`${now} killed ${i}@${e}${spec ? ' copy' : ''}`),
    taskLost: (_s, i, e) => log.push(`${now} lost ${i}@${e}`),
    speculativeTaskSubmitted: (_s, i) => log.push(`${now} speculatable ${i}`),
  };
  const timers = new EventHeap<number>();
  const sch = new TaskScheduler(
    expandWorkload(workload),
    slots,
    listener,
    (at, job) => timers.push(at, job),
    undefined,
    undefined,
    extras,
  );
  sch.start(0);
  for (const e of executors) sch.addExecutor(e, 0, profileOf(e));
  const interval = extras.speculation?.settings.intervalMs;
  while (!sch.done) {
    const check =
      interval !== undefined && sch.runningTasks > 0 ? (Math.floor(now / interval) + 1) * interval : Infinity;
    const lose = loss && loss.atMs > now ? loss.atMs : Infinity;
    now = Math.min(sch.nextTaskEnd(), timers.peekTime(), check, lose);
    if (now === Infinity) break;
    if (now === lose) sch.loseExecutor((loss as { executor: number }).executor, now);
    if (sch.nextTaskEnd() === now) sch.finishTasksAt(now);
    while (timers.peekTime() === now) sch.startJob(timers.pop() as number, now);
    if (now === check) sch.checkSpeculation(now);
  }
  return { log, end: now, busyMs: sch.busyMs };
}

test('speculation: a straggler gets a copy at the first check past 1.5 × the median once 3 of 4 tasks succeeded; the faster copy wins', () => {
  // Tasks 0–2 take 1 s, task 3 10 s; 2 executors × 2 slots. At 1 s three tasks succeeded (≥ floor(0.75 × 4) = 3):
  // threshold max(1.5 × 1 s, 100 ms) = 1.5 s. Task 3 (on executor 2 since 0) has run more than that at the 1.6 s check.
  // Its copy goes to executor 1 (not the original's), runs the median 1 s, ends at 2.6 s and kills the original (the
  // winner's success comes first, as in Spark, where the kill follows it).
  const { log, end, busyMs } = drive(oneStage([1, 1, 1, 10]), [1, 2], 2, {
    speculation: new SpeculationTracker(SETTINGS),
  });
  assert.deepEqual(log.slice(7), [
    '1600 speculatable 3',
    '1600 start 3@1 copy',
    '2600 end 3@1 copy',
    '2600 jobEnd',
    '2600 killed 3@2',
  ]);
  assert.equal(end, 2600, 'instead of 10 s without speculation');
  assert.equal(busyMs, 3 * 1000 + 2600 + 1000, 'the original ran until it was killed, the copy 1 s');
});

test('speculation: without a copy the same stage takes 10 s', () => {
  const { log, end } = drive(oneStage([1, 1, 1, 10]), [1, 2], 2, {});
  assert.ok(!log.some((l) => l.includes('speculatable')));
  assert.equal(end, 10_000);
});

test('speculation: a logged copy slower than the original loses and is killed when the original succeeds', () => {
  // The log's copy of task 3 ran 9 s: launched at 1.6 s it would end at 10.6 s, after the original's 10 s.
  const history: TaskHistory = { stages: { 0: { copyMs: { 3: 9000 } } } };
  const { log, end, busyMs } = drive(oneStage([1, 1, 1, 10]), [1, 2], 2, {
    history,
    speculation: new SpeculationTracker(SETTINGS),
  });
  assert.deepEqual(log.slice(8), ['1600 start 3@1 copy', '10000 killed 3@1 copy', '10000 end 3@2', '10000 jobEnd']);
  assert.equal(end, 10_000);
  assert.equal(busyMs, 3000 + 10_000 + 8400);
});

test('speculation: when the original is lost with its executor mid-race, the copy carries the task alone', () => {
  // The copy (executor 1, launched 1.6 s) would win at 2.6 s; executor 2 with the original goes at 2 s.
  const lostOriginal = drive(
    oneStage([1, 1, 1, 10]),
    [1, 2],
    2,
    { speculation: new SpeculationTracker(SETTINGS) },
    {
      atMs: 2000,
      executor: 2,
    },
  );
  assert.deepEqual(lostOriginal.log.slice(9), ['2000 killed 3@2', '2600 end 3@1 copy', '2600 jobEnd']);
  // Executor 1 with the winning copy goes at 2 s instead: the original runs to its own end (10 s) and succeeds.
  const lostCopy = drive(
    oneStage([1, 1, 1, 10]),
    [1, 2],
    2,
    { speculation: new SpeculationTracker(SETTINGS) },
    {
      atMs: 2000,
      executor: 1,
    },
  );
  assert.deepEqual(lostCopy.log.slice(9), ['2000 killed 3@1 copy', '10000 end 3@2', '10000 jobEnd']);
});

test('speculation: a one-task stage is never copied, unless spark.speculation.task.duration.threshold is set', () => {
  const none = drive(oneStage([10]), [1, 2], 2, { speculation: new SpeculationTracker(SETTINGS) });
  assert.equal(none.end, 10_000);
  assert.ok(!none.log.some((l) => l.includes('copy')));
  // With a 2 s threshold and 1 task ≤ 2 slots: the 2.1 s check marks it; the copy takes the task's own 10 s (no
  // median yet), so the original still wins.
  const threshold = drive(oneStage([10]), [1, 2], 2, {
    speculation: new SpeculationTracker({ ...SETTINGS, durationThresholdMs: 2000 }),
  });
  assert.ok(threshold.log.includes('2100 speculatable 0'), threshold.log.join('\n'));
  assert.ok(threshold.log.includes('2100 start 0@2 copy'));
  assert.equal(threshold.end, 10_000);
});

test('speculation: efficiency mode (3.4+) copies only past longRunTaskFactor × the threshold', () => {
  // Threshold 1.5 s × factor 2 = 3 s: the 3.1 s check marks task 3; its copy (1 s) ends at 4.1 s.
  const { log, end } = drive(oneStage([1, 1, 1, 10]), [1, 2], 2, {
    speculation: new SpeculationTracker({ ...SETTINGS, longRunFactor: 2 }),
  });
  assert.ok(log.includes('3100 speculatable 3'), log.join('\n'));
  assert.equal(end, 4100);
});

test('speculation: a copy never runs on the original executor; with one executor it waits', () => {
  const { log, end } = drive(oneStage([1, 1, 1, 10]), [1], 4, { speculation: new SpeculationTracker(SETTINGS) });
  assert.ok(log.includes('1600 speculatable 3'));
  assert.ok(!log.some((l) => l.includes('copy')), 'no other executor');
  assert.equal(end, 10_000);
});

test('failed attempts from the log run first, on the slot, then the task succeeds', () => {
  // Task 0 failed twice in the log (2 s, 0.5 s) before its 1 s success; task 1 never failed.
  const history: TaskHistory = { stages: { 0: { failedMs: { 0: [2000, 500] } } } };
  const { log, end, busyMs } = drive(oneStage([1, 1]), [1], 1, { history });
  assert.deepEqual(log, [
    '0 start 0@1',
    '2000 failed 0@1',
    '2000 start 0@1',
    '2500 failed 0@1',
    '2500 start 0@1',
    '3500 end 0@1',
    '3500 start 1@1',
    '4500 end 1@1',
    '4500 jobEnd',
  ]);
  assert.equal(end, 4500);
  assert.equal(busyMs, 4500);
});

test('slot waits from the log: a task holds its slot idle for its logged wait before it runs', () => {
  const history: TaskHistory = { stages: { 0: { waitMs: [0, 3000] } } };
  const { log, end, busyMs } = drive(oneStage([1, 1]), [1], 2, { history });
  assert.deepEqual(log, ['0 start 0@1', '0 start 1@1', '1000 end 0@1', '4000 end 1@1', '4000 jobEnd']);
  assert.equal(end, 4000);
  assert.equal(busyMs, 2000, 'the wait is not task time');
});

test('speculation settings: defaults per Spark version, off by default, unreadable values reported', () => {
  assert.equal(resolveSpeculation({}, '3.5.1', 4).settings, undefined);
  const on = { 'spark.speculation': 'true' };
  assert.deepEqual(resolveSpeculation(on, '3.1.1', 4).settings, {
    intervalMs: 100,
    multiplier: 1.5,
    quantile: 0.75,
    minRuntimeMs: 100,
    slotsPerExecutor: 4,
  });
  const v35 = resolveSpeculation({ ...on, 'spark.speculation.minTaskRuntime': '5s' }, '3.5.1', 4).settings;
  assert.equal(v35?.minRuntimeMs, 5000);
  assert.equal(v35?.longRunFactor, 2, 'efficiency mode is on by default from 3.4.0');
  const v31 = resolveSpeculation({ ...on, 'spark.speculation.minTaskRuntime': '5s' }, '3.1.1', 4).settings;
  assert.equal(v31?.minRuntimeMs, 100, 'minTaskRuntime is read from 3.2.0 on');
  const v4 = resolveSpeculation(on, '4.0.0', 4).settings;
  assert.equal(v4?.multiplier, 3);
  assert.equal(v4?.quantile, 0.9);
  const off = resolveSpeculation({ ...on, 'spark.speculation.efficiency.enabled': 'false' }, '3.5.1', 4).settings;
  assert.equal(off?.longRunFactor, undefined);
  const bad = resolveSpeculation({ ...on, 'spark.speculation.multiplier': 'fast' }, '3.5.1', 4);
  assert.equal(bad.settings?.multiplier, 1.5);
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0], /^spark\.speculation\.multiplier: /);
});

test('speculation with DRA: a copy that cannot run beside its original is counted by the allocation manager, which asks for a second executor', () => {
  // One 4-core executor runs all four tasks; at 1.6 s task 3 is marked, but its copy may not run on the original's
  // executor. With a copy pending and one executor needed, Spark's manager asks for two (a copy needs another
  // executor): the second registers 1 s after the backlog timer fires and runs the copy (the median, 1 s), which
  // beats the 10 s original.
  const conf = {
    'spark.master': 'k8s://https://example:6443',
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
    'spark.dynamicAllocation.minExecutors': '1',
    'spark.dynamicAllocation.initialExecutors': '1',
    'spark.dynamicAllocation.maxExecutors': '4',
    'spark.executor.cores': '4',
  };
  const options = {
    sparkVersion: '3.5.1',
    workload: oneStage([1, 1, 1, 10]),
    knobs: { podStartLatencySec: 1, podApiLatencySec: 0, executorRegisterSec: 0 },
    details: true,
  };
  const plain = simulateConf(conf, options);
  const speculative = simulateConf(
    { ...conf, 'spark.speculation': 'true', 'spark.speculation.efficiency.enabled': 'false' },
    options,
  );
  if (!plain.ok || !speculative.ok) assert.fail('both runs simulate');
  assert.equal(plain.value.dra.summary.peakExecutors, 1);
  assert.equal(speculative.value.dra.summary.peakExecutors, 2);
  const job = (r: typeof plain): number => {
    const j = r.ok ? r.value.dra.jobs?.[0] : undefined;
    return j?.endSec !== undefined ? j.endSec - j.startSec : NaN;
  };
  assert.ok(job(speculative) < job(plain) - 5, `${job(speculative)} s vs ${job(plain)} s`);
  assert.ok(
    speculative.value.notes.includes(
      'DRA run: Speculation is on (multiplier 1.5, quantile 0.75): 1 speculative copy launched, 1 finished first.',
    ),
    speculative.value.notes.join('\n'),
  );
});

test('speculation with two resource profiles: a copy of a profile-1 stage runs only on another profile-1 executor', () => {
  // The stage runs under profile 1 on executors 2 and 3 (2 slots each); executor 1 is a default-profile executor with
  // both slots free all along. The straggler's copy must wait for the other profile-1 executor, never go to executor 1.
  const workload = oneStage([1, 1, 1, 10]);
  workload.jobs[0].stages[0].profile = 1;
  workload.profiles = [{ id: 1, executorCores: 2, taskCpus: 1 }];
  const profileOf = (e: number): number => (e === 1 ? 0 : 1);
  const { log, end } = drive(
    workload,
    [1, 2, 3],
    2,
    { speculation: new SpeculationTracker(SETTINGS), otherProfileSlots: new Map([[1, 2]]) },
    undefined,
    profileOf,
  );
  assert.ok(
    !log.some((l) => / start \d+@1/.test(l)),
    `nothing ran on the default-profile executor:\n${log.join('\n')}`,
  );
  const original = log.find((l) => / start 3@\d+$/.test(l)) as string;
  const copy = log.find((l) => / start 3@\d+ copy$/.test(l));
  assert.ok(copy, `the straggler got a copy:\n${log.join('\n')}`);
  assert.notEqual(
    copy.split('@')[1].split(' ')[0],
    original.split('@')[1],
    'the copy runs on the other profile-1 executor',
  );
  assert.ok(end < 10_000, 'the copy still shortens the stage');
});
