// The task scheduler's parts on their own: job start rules (job-progress.ts), executor slots (executor-slots.ts), a
// stage's launch order (stage-table.ts) and a replayed log's attempts (logged-attempts.ts). scheduler.test.ts and
// speculation.test.ts drive them together through the scheduler.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExecutorSlots, FAILS, SUCCEEDS } from '../../../server/src/engine/simulator/scheduler/executor-slots';
import { JobProgress } from '../../../server/src/engine/simulator/scheduler/job-progress';
import { LoggedAttempts, type PlannedAttempt } from '../../../server/src/engine/simulator/scheduler/logged-attempts';
import { NO_SHUFFLE, StageTable } from '../../../server/src/engine/simulator/scheduler/stage-table';
import type { ExpandedJob, JobStart } from '../../../server/src/engine/workload/types';

function job(id: number, start: JobStart): ExpandedJob {
  return { id, start, stages: [], reusesShuffles: [] };
}

function progress(starts: JobStart[]) {
  const timers: Array<[number, number]> = [];
  const jobs = starts.map((start, j) => job(j, start));
  const p = new JobProgress(
    jobs,
    jobs.map(() => [0]),
    (at, j) => timers.push([at, j]),
  );
  return { p, timers };
}

test('job progress: a job that starts with the previous one is timed from that job’s submission', () => {
  const { p, timers } = progress([
    { kind: 'at', seconds: 1 },
    { kind: 'withPrevious', offsetSeconds: 2 },
  ]);
  p.scheduleReady(0);
  assert.deepEqual(timers, [[1000, 0]]);
  p.submitted(0, 1500);
  p.scheduleReady(1500);
  assert.deepEqual(timers, [
    [1000, 0],
    [3500, 1],
  ]);
});

test('job progress: a job that starts after the previous one waits until every earlier job has ended', () => {
  const { p, timers } = progress([
    { kind: 'at', seconds: 0 },
    { kind: 'at', seconds: 0 },
    { kind: 'afterPrevious', gapSeconds: 1 },
  ]);
  p.scheduleReady(0);
  assert.equal(timers.length, 2);
  assert.equal(p.stageCompleted(1), true);
  p.jobEnded(1);
  p.scheduleReady(2000);
  assert.equal(timers.length, 2, 'job 0 still runs');
  p.jobEnded(0);
  p.scheduleReady(3000);
  assert.deepEqual(timers[2], [4000, 2]);
  assert.equal(p.allEnded, false);
  p.jobEnded(2);
  assert.equal(p.allEnded, true);
});

test('job progress: a stage added to a job (a re-run) delays the job’s end by one stage', () => {
  const { p } = progress([{ kind: 'at', seconds: 0 }]);
  p.stageAdded(0);
  assert.equal(p.stageCompleted(0), false);
  assert.equal(p.stageCompleted(0), true);
});

test('executor slots: an executor id beyond the first arrays keeps its slots and the ones before it', () => {
  const slots = new ExecutorSlots(new Map([[0, 2]]));
  slots.add(3, 0);
  slots.add(40, 0);
  const first = slots.nextFree(40);
  assert.equal(slots.executorOf(first), 40);
  slots.start(first, 7, 5, false, SUCCEEDS, 1200);
  slots.useFree(40);
  assert.equal(slots.runningOn(40), 1);
  assert.equal(slots.runningOn(3), 0);
  assert.equal(slots.running, 1);
  assert.deepEqual(slots.lose(40), [first]);
  assert.equal(slots.lose(40), undefined, 'lost once');
  assert.equal(slots.runningOn(40), 0);
  assert.deepEqual([...slots.offerable], [3]);
});

test('executor slots: with several profiles an executor has its own profile’s slots', () => {
  const slots = new ExecutorSlots(
    new Map([
      [0, 1],
      [1, 4],
    ]),
  );
  assert.equal(slots.stride, 4);
  slots.add(0, 0);
  slots.add(1, 1);
  assert.equal(slots.slotsOf(0), 1);
  assert.equal(slots.slotsOf(1), 4);
  slots.useFree(0);
  slots.retireIfFull(0);
  slots.markKilled(1);
  assert.equal(slots.offerable.size, 0);
  assert.equal(slots.takesTasks(1), false);
});

test('stage table: a task to run again is taken before the next new index', () => {
  const table = new StageTable();
  const s = table.add({
    id: 4,
    job: 0,
    priority: 0,
    durations: new Int32Array([10, 20]),
    cached: false,
    attempt: 0,
    shuffle: NO_SHUFFLE,
    children: [],
    profile: 0,
    history: undefined,
  });
  assert.equal(table.takeNextTask(s), 0);
  table.rerun[s].push(0);
  assert.equal(table.takeNextTask(s), 0);
  assert.equal(table.allLaunched(s), false);
  assert.equal(table.takeNextTask(s), 1);
  assert.equal(table.allLaunched(s), true);
});

test('logged attempts: the logged failures run first, then the success waits its logged wait beyond the cut', () => {
  const logged = new LoggedAttempts(100, false);
  const history = { failedMs: { 0: [300, 0] }, waitMs: [250], originalMs: { 0: 900 } };
  const plan: PlannedAttempt = { runMs: 500, waitMs: 0, outcome: SUCCEEDS };
  const plans: PlannedAttempt[] = [];
  for (let i = 0; i < 3; i++) {
    plan.runMs = 500;
    logged.plan(2, 0, history, plan);
    plans.push({ ...plan });
  }
  assert.deepEqual(plans, [
    { runMs: 300, waitMs: 0, outcome: FAILS },
    { runMs: 1, waitMs: 0, outcome: FAILS },
    // Speculation off: the logged original's time (it lost a race) is not used.
    { runMs: 500, waitMs: 150, outcome: SUCCEEDS },
  ]);
  plan.runMs = 500;
  new LoggedAttempts(0, true).plan(2, 0, { originalMs: { 0: 900 } }, plan);
  assert.deepEqual(plan, { runMs: 900, waitMs: 0, outcome: SUCCEEDS });
});
