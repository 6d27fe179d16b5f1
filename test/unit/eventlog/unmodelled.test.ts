// What the replay cannot model is said in its notes, with its size: resources other than CPUs in a profile, lost
// executors. A log without any of them gets none of these notes. Several resource profiles are modelled, and
// speculation, failed attempts and slot waits are replayed (their notes are tested in task-history.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import { replayLoggedConfiguration } from '../../../server/src/engine/eventlog/replay-simulation';
import { lossReasons, unmodelledNotes } from '../../../server/src/engine/eventlog/unmodelled';
import { LogBuilder, tasks } from './build-log';
import { expectOk } from './logs';

const CONF = { 'spark.master': 'yarn', 'spark.executor.instances': '2', 'spark.executor.cores': '4' };

function profileEvent(id: number, cores: number, cpus: number): Record<string, unknown> {
  return {
    Event: 'SparkListenerResourceProfileAdded',
    'Resource Profile Id': id,
    'Executor Resource Requests': { cores: { 'Resource Name': 'cores', Amount: cores } },
    'Task Resource Requests': { cpus: { 'Resource Name': 'cpus', Amount: cpus } },
  };
}

test('a log with a second profile, a speculative copy, a failed attempt and a lost executor gets one sized note', () => {
  const text = new LogBuilder(CONF)
    .raw(profileEvent(0, 4, 1))
    .raw(profileEvent(1, 8, 2))
    .executor('1', 5)
    .executor('2', 6)
    .job(0, 0, 10, tasks(4, '1', 10, 20))
    .job(1, 1, 20, tasks(2, '2', 20, 50), 1)
    .attempt(1, { exec: '1', launch: 30, end: 40 }, 'TaskKilled', true)
    .attempt(0, { exec: '2', launch: 10, end: 12 }, 'ExceptionFailure')
    .removed('2', 55, 'Executor Process Lost')
    .end(60);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.deepEqual(log.profiles, [
    { id: 0, executorCores: 4, taskCpus: 1, stages: 1, tasks: 4, taskSeconds: 40 },
    { id: 1, executorCores: 8, taskCpus: 2, stages: 1, tasks: 2, taskSeconds: 60 },
  ]);
  assert.equal(log.stats.speculativeTaskSeconds, 10);
  assert.equal(log.stats.failedTaskAttempts, 2);
  assert.equal(log.stats.failedTaskSeconds, 12);
  const notes = unmodelledNotes(log);
  assert.deepEqual(notes, [
    '1 executor(s) were lost (Executor Process Lost); this simulation loses none and recomputes nothing (only the replay of the logged configuration loses them).',
  ]);
  const replay = replayLoggedConfiguration(log);
  if (!replay.ok) assert.fail(replay.problem.message);
  // The logged configuration's replay loses the executor the log lost, and says so instead.
  const replayed = unmodelledNotes(log, { lossesReplayed: true });
  assert.equal(
    replayed[0],
    '1 executor(s) were lost (Executor Process Lost); the replay loses them at the logged times and re-runs their running tasks, but recomputes no shuffle output they held.',
  );
  for (const note of replayed) assert.ok(replay.value.notes.includes(note), note);
  const whatIf = replayLoggedConfiguration(log, { conf: { 'spark.executor.cores': '4' } });
  if (!whatIf.ok) assert.fail(whatIf.problem.message);
  assert.ok(whatIf.value.notes.includes(notes[0]), 'a what-if loses nothing and says so');
});

test('a clean single-profile log gets none of these notes', () => {
  const text = new LogBuilder(CONF)
    .executor('1', 5)
    .job(0, 0, 10, tasks(4, '1', 10, 20))
    .removed('1', 40)
    .end(60);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.deepEqual(unmodelledNotes(log), []);
});

test('locality wait: slot time tasks spent waiting while slots were free is measured, and replayed (no unmodelled note)', () => {
  // One 4-core executor; a 2-task stage at 10 s: one task starts at once, the other only at 13 s.
  const text = new LogBuilder({ ...CONF, 'spark.locality.wait': '3s' })
    .executor('1', 5)
    .job(0, 0, 10, [
      { exec: '1', launch: 10, end: 20 },
      { exec: '1', launch: 13, end: 20 },
    ])
    .end(30);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.equal(log.stats.waitingWithFreeSlotSeconds, 3);
  assert.deepEqual(unmodelledNotes(log), []);
});

test('locality wait: an executor the driver is removing offers no free slot after its idle deadline', () => {
  const dra = {
    'spark.master': 'yarn',
    'spark.dynamicAllocation.enabled': 'true',
    'spark.dynamicAllocation.executorIdleTimeout': '10s',
    'spark.shuffle.service.enabled': 'true',
    'spark.executor.cores': '4',
  };
  // Executor 2 went idle at 20 s (deadline 30 s) and was logged removed only at 42 s. A task submitted at 35 s waited
  // for executor 1 (busy until 40 s): no usable slot was free meanwhile.
  const text = new LogBuilder(dra)
    .executor('1', 5)
    .executor('2', 6)
    .job(0, 0, 10, tasks(1, '2', 10, 20))
    .job(1, 1, 30, tasks(4, '1', 30, 40))
    .job(2, 2, 35, tasks(1, '1', 40, 41))
    .removed('2', 42)
    .end(50);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.equal(log.stats.waitingWithFreeSlotSeconds, 0);
});

test('a profile asking for a GPU gets a note sized by its share of the task time', () => {
  const text = new LogBuilder(CONF)
    .raw({
      Event: 'SparkListenerResourceProfileAdded',
      'Resource Profile Id': 0,
      'Executor Resource Requests': {
        cores: { 'Resource Name': 'cores', Amount: 4 },
        gpu: { 'Resource Name': 'gpu', Amount: 1 },
        memory: { 'Resource Name': 'memory', Amount: 4096 },
      },
      'Task Resource Requests': {
        cpus: { 'Resource Name': 'cpus', Amount: 1 },
        gpu: { 'Resource Name': 'gpu', Amount: 0.25 },
      },
    })
    .executor('1', 5)
    .job(0, 0, 10, tasks(4, '1', 10, 20))
    .end(30);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.deepEqual(unmodelledNotes(log), [
    'Profile 0 also asked for gpu (100% of the task time): the simulation sizes task slots by CPUs only, so where those resources allow fewer tasks per executor it packs more tasks onto each.',
  ]);
});

test('loss reasons: first lines only, YARN container ids and hosts put aside, counted, at most three', () => {
  const yarn = (n: number) =>
    `Container marked as failed: container_1538416563558_0014_01_00000${n} on host: node-${n}.example.com. Exit status: 56.\nStack trace: ExitCodeException exitCode=56:\n\tat org.apache.hadoop.util.Shell.runCommand(Shell.java:601)`;
  assert.equal(
    lossReasons([yarn(2), yarn(3), 'Executor Process Lost', yarn(4)]),
    '3 × Container marked as failed: container_… on host: … Exit status: 56.; Executor Process Lost',
  );
  assert.equal(lossReasons(['a', 'b', 'c', 'd', 'e']), 'a; b; c; 2 other reason(s)');
  assert.equal(lossReasons(['x'.repeat(300)]).length, 120);
});
