// Simulator scale: the job ready list and the stage heap follow the job start rules and FIFO order on large and mixed
// workloads, a 40,000-job workload runs to the end, and simulate's grouped property lookup gives what looking every
// key up on its own gives. Speed is measured in bench/simulator.mjs, not here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveValue, isIgnoredByOperator } from '../../../server/src/engine/effective';
import type { ConfigEntry, JobConfig } from '../../../server/src/engine/model';
import { ManualClock } from '../../../server/src/engine/simulator/clock';
import { ExecutorMonitor } from '../../../server/src/engine/simulator/executor-monitor';
import { EventHeap } from '../../../server/src/engine/simulator/scheduler/heap';
import { StageQueue } from '../../../server/src/engine/simulator/scheduler/stage-queue';
import { TaskScheduler, type SchedulerListener } from '../../../server/src/engine/simulator/scheduler/task-scheduler';
import { simulateConf } from '../../../server/src/engine/simulator/simulate-job';
import { writtenProperties } from '../../../server/src/engine/simulator/written-properties';
import { expandWorkload } from '../../../server/src/engine/workload/expand';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import type { Job, Workload } from '../../../server/src/engine/workload/types';
import { configEntry } from '../../support/jobs';

/** Jobs with seeded random start rules, stage chains (some empty) and task counts. */
function mixedWorkload(jobCount: number, seed: number): Workload {
  const rnd = mulberry32(seed);
  const jobs: Job[] = [];
  let stageId = 0;
  for (let j = 0; j < jobCount; j++) {
    const pick = rnd();
    const start: Job['start'] =
      pick < 0.3
        ? { kind: 'at', seconds: Math.floor(rnd() * 200) }
        : pick < 0.6
          ? { kind: 'withPrevious', offsetSeconds: Math.floor(rnd() * 5) }
          : { kind: 'afterPrevious', gapSeconds: Math.floor(rnd() * 5) };
    const stages: Job['stages'] = [];
    // Some jobs have no stages left to run (Spark skipped them all): they end as they start.
    const count = rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 3);
    for (let s = 0; s < count; s++) {
      const id = stageId++;
      stages.push({
        id,
        parents: s > 0 ? [id - 1] : [],
        tasks: 1 + Math.floor(rnd() * 12),
        duration: { kind: 'constant', seconds: 1 + Math.floor(rnd() * 4) },
        shuffleMap: false,
        cached: false,
      });
    }
    jobs.push({ id: j, start, stages, reusesShuffles: [] });
  }
  return { name: `mixed-${seed}`, seed, executor: {}, jobs };
}

/** Runs the scheduler alone with `executors` 2-slot executors; returns when each job started and ended (ms). */
function drive(workload: Workload, executors: number) {
  const started = new Map<number, number>();
  const ended = new Map<number, number>();
  const timers = new EventHeap<number>();
  let now = 0;
  const listener: SchedulerListener = {
    jobStart: (job) => started.set(job, now),
    jobEnd: (job) => ended.set(job, now),
    stageSubmitted: () => {},
    stageCompleted: () => {},
    taskStart: () => {},
    taskEnd: () => {},
  };
  const sch = new TaskScheduler(expandWorkload(workload), 2, listener, (at, job) => timers.push(at, job));
  sch.start(0);
  for (let e = 0; e < executors; e++) sch.addExecutor(e, 0);
  while (!sch.done) {
    now = Math.min(sch.nextTaskEnd(), timers.peekTime());
    if (now === Infinity) break;
    if (sch.nextTaskEnd() === now) sch.finishTasksAt(now);
    while (timers.peekTime() === now) sch.startJob(timers.pop() as number, now);
  }
  return { started, ended, done: sch.done };
}

test('scheduler: on mixed workloads every job starts exactly when its start rule says', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const workload = mixedWorkload(300, seed);
    const { started, ended, done } = drive(workload, 3);
    assert.ok(done, `seed ${seed}: not every job ended`);
    let allEndedBy = 0; // when jobs 0 … j-1 had all ended
    workload.jobs.forEach((job, j) => {
      const at = started.get(job.id);
      assert.ok(at !== undefined, `seed ${seed}: job ${j} never started`);
      let expected: number;
      if (job.start.kind === 'at') expected = job.start.seconds * 1000;
      else if (job.start.kind === 'withPrevious')
        expected =
          j === 0 ? job.start.offsetSeconds * 1000 : (started.get(j - 1) as number) + job.start.offsetSeconds * 1000;
      else expected = (j === 0 ? 0 : allEndedBy) + job.start.gapSeconds * 1000;
      assert.equal(at, expected, `seed ${seed}: job ${j} (${job.start.kind})`);
      allEndedBy = Math.max(allEndedBy, ended.get(job.id) as number);
    });
  }
});

test('stage queue: stages come out by job, then stage id, whatever order they went in', () => {
  const rnd = mulberry32(9);
  const stageJob: number[] = [];
  const stageIds: number[] = [];
  for (let s = 0; s < 2000; s++) {
    stageJob.push(Math.floor(rnd() * 50));
    stageIds.push(s);
  }
  const queue = new StageQueue(stageJob, stageIds);
  const order = stageIds.map((_, s) => s).sort(() => rnd() - 0.5);
  for (const s of order) queue.push(s);
  const out: number[] = [];
  while (queue.size > 0) {
    out.push(queue.peek());
    queue.pop();
  }
  const expected = [...order].sort((a, b) => stageJob[a] - stageJob[b] || stageIds[a] - stageIds[b]);
  assert.deepEqual(out, expected);
});

test('simulate: a 40,000-job workload (every start rule) runs to the end with every task', () => {
  const jobs: Job[] = [];
  for (let j = 0; j < 40_000; j++) {
    const start: Job['start'] =
      j % 3 === 0
        ? { kind: 'at', seconds: j }
        : j % 3 === 1
          ? { kind: 'withPrevious', offsetSeconds: 1 }
          : { kind: 'afterPrevious', gapSeconds: 0 };
    const stage = {
      id: j,
      parents: [],
      tasks: 4,
      duration: { kind: 'constant' as const, seconds: 1 },
      shuffleMap: false,
      cached: false,
    };
    jobs.push({ id: j, start, stages: [stage], reusesShuffles: [] });
  }
  const workload: Workload = { name: 'forty-thousand-jobs', seed: 7, executor: { cores: 4 }, jobs };
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
    'spark.dynamicAllocation.maxExecutors': '40',
    'spark.executor.cores': '4',
  };
  const r = simulateConf(conf, { sparkVersion: '3.5.1', workload });
  if (!r.ok) assert.fail(r.problem.message);
  assert.equal(r.value.workload.jobs, 40_000);
  assert.equal(r.value.dra.summary.tasks, 160_000);
  assert.equal(r.value.static.summary.tasks, 160_000);
  // Job 39,999 is "at" 39,999 s and its tasks take 1 s; nothing else ends later.
  assert.equal(r.value.dra.summary.runtimeSec, 40_000);
  assert.equal(r.value.dra.summary.busyCoreSeconds, 160_000);
  assert.ok(!r.value.notes.some((n) => n.includes('Stopped after')), r.value.notes.join('\n'));
});

test('simulate: 40,000 jobs with shuffles submitted at once (shuffle tracking on) run to the end', () => {
  const jobs: Job[] = [];
  for (let j = 0; j < 40_000; j++) {
    const stage = {
      id: j,
      parents: [],
      tasks: 4,
      duration: { kind: 'constant' as const, seconds: 1 },
      shuffleMap: true,
      cached: false,
    };
    jobs.push({ id: j, start: { kind: 'at', seconds: 0 }, stages: [stage], reusesShuffles: [] });
  }
  const conf = {
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
    'spark.dynamicAllocation.maxExecutors': '40',
    'spark.executor.cores': '4',
  };
  const r = simulateConf(conf, {
    sparkVersion: '3.5.1',
    workload: { name: 'all-at-once', seed: 3, executor: {}, jobs },
  });
  if (!r.ok) assert.fail(r.problem.message);
  const { summary } = r.value.dra;
  assert.equal(summary.tasks, 160_000);
  assert.equal(summary.peakExecutors, 40);
  // 160,000 task-seconds on 160 slots: at least 1,000 s, plus the ramp-up to 40 executors.
  assert.ok(summary.runtimeSec >= 1000 && summary.runtimeSec < 1100, `runtime ${summary.runtimeSec}`);
});

test('executor monitor: after each job end an executor keeps "holds an active shuffle" exactly when a running job uses one of its shuffles', () => {
  const rnd = mulberry32(33);
  const monitor = new ExecutorMonitor(
    {
      executorIdleTimeoutMs: 60_000,
      cachedExecutorIdleTimeoutMs: 120_000,
      shuffleTrackingTimeoutMs: Infinity,
      shuffleTrackingActive: true,
      shuffleServiceEnabled: false,
      fetchRddFromShuffleService: false,
      timeoutRule: 'max-of-all',
    },
    new ManualClock(0),
  );
  const executors = ['1', '2', '3', '4', '5', '6'];
  for (const e of executors) monitor.onExecutorAdded(e);
  const running = new Map<number, number[]>(); // job → its shuffle ids (the reference model)
  let nextJob = 0;
  let nextStage = 0;
  for (let step = 0; step < 3000; step++) {
    const pick = rnd();
    if (pick < 0.35 || running.size === 0) {
      // A job with 1–3 shuffles, sometimes reusing one another job registered.
      const shuffles: number[] = [];
      const count = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < count; i++) shuffles.push(rnd() < 0.3 ? Math.floor(rnd() * 40) : 1000 + nextStage);
      const distinct = [...new Set(shuffles)];
      const stages = distinct.map((shuffleId) => ({ stageId: nextStage++, shuffleId }));
      monitor.onJobStart(nextJob, stages);
      running.set(nextJob, distinct);
      // Tasks of those stages end on random executors, leaving shuffle output there.
      for (const { stageId } of stages) {
        for (let t = 0; t < 2; t++) {
          const e = executors[Math.floor(rnd() * executors.length)];
          monitor.onTaskStart(e);
          monitor.onTaskEnd(e, stageId, true);
        }
      }
      nextJob++;
    } else {
      const jobIds = [...running.keys()];
      const job = jobIds[Math.floor(rnd() * jobIds.length)];
      const before = new Map(executors.map((e) => [e, monitor.state(e)?.hasActiveShuffle ?? false]));
      monitor.onJobEnd(job);
      running.delete(job);
      const used = new Set([...running.values()].flat());
      for (const e of executors) {
        const state = monitor.state(e);
        assert.ok(state);
        const expected = before.get(e) === true && state.shuffleIds.some((id) => used.has(id));
        assert.equal(state.hasActiveShuffle, expected, `step ${step}, executor ${e}`);
      }
    }
  }
});

function entry(key: string, value: string, rank: number, origin: ConfigEntry['origin'] = 'property'): ConfigEntry {
  return configEntry(key, value, { rank, origin });
}

test('writtenProperties: the grouped lookup gives each key the value looking it up alone gives', () => {
  const rnd = mulberry32(21);
  const entries: ConfigEntry[] = [];
  for (let i = 0; i < 3000; i++) {
    const key = rnd() < 0.1 ? `spark.dynamicAllocation.k${i % 7}` : `spark.generated.key${Math.floor(rnd() * 800)}`;
    const origin = rnd() < 0.2 ? 'operator-field' : 'property';
    entries.push(entry(key, `v${i}`, Math.floor(rnd() * 3), origin));
  }
  const job: JobConfig = {
    kind: 'spark-operator',
    range: { start: 0, end: 0 },
    entries,
    facts: { platform: 'kubernetes', operatorDynamicAllocation: { enabled: false, range: { start: 0, end: 0 } } },
    containers: [],
  };
  const expected: Record<string, string> = {};
  for (const e of entries) {
    if (isIgnoredByOperator(job, e) || Object.prototype.hasOwnProperty.call(expected, e.key)) continue;
    const value = effectiveValue(job, e.key, '3.5.1').value;
    if (value !== undefined) expected[e.key] = value;
  }
  const got = writtenProperties(job, '3.5.1').conf;
  assert.deepEqual(got, expected);
  assert.deepEqual(Object.keys(got), Object.keys(expected));
  assert.ok(Object.keys(got).length > 500);
});
