// The replay's task history read from a log (failed attempts, speculative races, slot waits, by task in the
// workload's order) and what the replay does with it: the logged configuration keeps it, a what-if scales the waits
// to its spark.locality.wait and gives copies the median, and the notes say so with sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import { localityWaitScale } from '../../../server/src/engine/eventlog/locality-scale';
import { LogBuilder } from './build-log';
import { expectOk } from './logs';

const CONF = { 'spark.master': 'yarn', 'spark.executor.instances': '1', 'spark.executor.cores': '4' };
const TWO_CORES = { ...CONF, 'spark.executor.cores': '2' };

test('task history: a failed attempt goes to its task by index; one lost with its executor is left to the losses', () => {
  // Two slots: the failed attempt and the lost one hold both from 10 s, so neither success waited.
  const text = new LogBuilder(TWO_CORES)
    .executor('1', 5, 2)
    .job(0, 0, 10, [
      { exec: '1', launch: 11, end: 13 },
      { exec: '1', launch: 13, end: 20 },
    ])
    .attempt(0, { exec: '1', launch: 10, end: 13 }, 'ExceptionFailure', false, 1)
    .attempt(0, { exec: '1', launch: 10, end: 11 }, 'ExecutorLostFailure', false, 0)
    .end(30);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.deepEqual(log.taskHistory.stages[0], { failedMs: { 1: [3000] } });
});

test('task history: race losers give the copy and original run times, in the workload task order', () => {
  // Task 1 (launched 10 s) beat its copy (15–20 s, killed); task 0's original (10–18 s) lost to its copy (14–18 s).
  // Successes by launch time: task 1 (10 s) is the workload's task 0, task 0's copy (14 s) its task 1.
  const text = new LogBuilder({ ...CONF, 'spark.speculation': 'true' })
    .executor('1', 5)
    .executor('2', 5)
    .job(0, 0, 10, [
      { exec: '2', launch: 14, end: 18, speculative: true },
      { exec: '1', launch: 10, end: 20 },
    ])
    .attempt(0, { exec: '2', launch: 15, end: 20 }, 'TaskKilled', true, 1)
    .attempt(0, { exec: '1', launch: 10, end: 18 }, 'TaskKilled', false, 0)
    .end(30);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  const h = log.taskHistory.stages[0];
  assert.deepEqual(h.copyMs, { 0: 5000, 1: 4000 });
  assert.deepEqual(h.originalMs, { 1: 8000 });
  assert.equal(h.failedMs, undefined, 'a race loser is not a failed attempt');
});

/** One 4-core executor; a 2-task stage at 10 s: a 2 s task starts at once, the 7 s one only at 13 s. */
function waitLog(wait: string): string {
  return new LogBuilder({ ...CONF, 'spark.locality.wait': wait })
    .executor('1', 5)
    .job(0, 0, 10, [
      { exec: '1', launch: 10, end: 12 },
      { exec: '1', launch: 13, end: 20 },
    ])
    .end(30);
}

function jobSeconds(r: ReturnType<typeof replayLoggedConfiguration>): number {
  if (!r.ok) assert.fail(r.problem.message);
  const job = r.value.dra.jobs?.[0];
  assert.ok(job?.endSec !== undefined);
  return Math.round((job.endSec - job.startSec) * 1000) / 1000;
}

test('locality wait: the logged wait is replayed per task, scaled by a what-if spark.locality.wait, dropped at 0', () => {
  const log = expectOk(parseEventLogText(waitLog('3s'), 'hand-built'));
  assert.deepEqual(log.taskHistory.stages[0].waitMs, [0, 3000]);
  // The 7 s task waits 3 s on its free slot: the job takes 10 s as logged (7 s without the wait).
  const logged = replayLoggedConfiguration(log);
  assert.equal(jobSeconds(logged), 10);
  if (!logged.ok) return;
  assert.ok(
    logged.value.notes.includes(
      "1 task(s) wait for their slot as long as in the log although one is free (3.0 s in all; locality wait and the scheduler's launch latency).",
    ),
    logged.value.notes.join('\n'),
  );
  assert.equal(jobSeconds(replayLoggedConfiguration(log, { conf: { 'spark.locality.wait': '1500ms' } })), 8.5);
  const none = replayLoggedConfiguration(log, { conf: { 'spark.locality.wait': '0' } });
  assert.equal(jobSeconds(none), 7);
  if (none.ok)
    assert.ok(
      none.value.notes.includes(
        '1 task(s) waited for a slot in the log although one was free (3.0 s); with spark.locality.wait at 0 here they launch as soon as a slot is free.',
      ),
    );
});

test('locality wait: a log that ran with a wait of 0 keeps its waits in any what-if (the scheduler is not locality)', () => {
  assert.equal(localityWaitScale({ 'spark.locality.wait': '0s' }, { 'spark.locality.wait': '3s' }), 1);
  assert.equal(localityWaitScale({}, {}), 1, 'both the 3s default');
  assert.equal(localityWaitScale({}, { 'spark.locality.wait': '6s' }), 2);
  const log = expectOk(parseEventLogText(waitLog('0s'), 'hand-built'));
  assert.equal(jobSeconds(replayLoggedConfiguration(log, { conf: { 'spark.locality.wait': '0s' } })), 10);
});

/** Events in the order Spark writes them (task ends by finish time), at seconds from the application start. */
function retryLog(): string {
  const at = (sec: number): number => 1_700_000_000_000 + sec * 1000;
  const end = (index: number, launch: number, finish: number, reason: string): Record<string, unknown> => ({
    Event: 'SparkListenerTaskEnd',
    'Stage ID': 0,
    'Stage Attempt ID': 0,
    'Task Type': 'ResultTask',
    'Task End Reason': { Reason: reason },
    'Task Info': { Index: index, 'Launch Time': at(launch), 'Finish Time': at(finish), 'Executor ID': '1' },
  });
  return new LogBuilder(TWO_CORES)
    .executor('1', 5, 2)
    .raw({ Event: 'SparkListenerJobStart', 'Job ID': 0, 'Submission Time': at(10), 'Stage Infos': [{ 'Stage ID': 0 }] })
    .raw({
      Event: 'SparkListenerStageSubmitted',
      'Stage Info': { 'Stage ID': 0, 'Number of Tasks': 2, 'Submission Time': at(10), 'Parent IDs': [] },
    })
    .raw(end(0, 10, 12, 'Success'))
    .raw(end(1, 10, 13, 'ExceptionFailure'))
    .raw(end(1, 13, 20, 'Success'))
    .raw({ Event: 'SparkListenerStageCompleted', 'Stage Info': { 'Stage ID': 0, 'Completion Time': at(20) } })
    .raw({
      Event: 'SparkListenerJobEnd',
      'Job ID': 0,
      'Completion Time': at(20),
      'Job Result': { Result: 'JobSucceeded' },
    })
    .end(30);
}

test('failed attempts: the replay runs them before the success, and says so with their size', () => {
  // Task 1 failed after 3 s (10–13 s) and ran again at once, 13–20 s (pending again only from 13 s: no wait).
  const log = expectOk(parseEventLogText(retryLog(), 'hand-built'));
  assert.deepEqual(log.taskHistory.stages[0], { failedMs: { 1: [3000] } });
  const r = replayLoggedConfiguration(log);
  assert.equal(jobSeconds(r), 10, 'the failed 3 s and the successful 7 s, one after the other');
  if (!r.ok) return;
  assert.ok(
    r.value.notes.includes(
      '1 task attempt(s) failed in the log (3.0 s); each fails again here, on a slot, before its task succeeds: a failed attempt is part of the workload, so what-ifs keep it.',
    ),
    r.value.notes.join('\n'),
  );
  assert.equal(jobSeconds(replayLoggedConfiguration(log, { conf: { 'spark.executor.cores': '2' } })), 10);
  const noHistory = replayLoggedConfiguration({ ...log, taskHistory: { stages: {} } });
  assert.equal(jobSeconds(noHistory), 7, 'each task once: the old replay');
});
