// The event log's resource profiles survive the conversion to a workload: each stage keeps its "Resource Profile Id"
// (StageInfo) and the profiles they name keep what SparkListenerResourceProfileAdded asked for. The fixture
// test/fixtures/eventlogs/two-resource-profiles is written by hand in Spark's JSON-lines format (see its README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLogText } from '../../../server/src/engine/eventlog';
import { fixture } from './fixtures';
import { LogBuilder, tasks } from './build-log';
import { expectOk, load } from './logs';

export const TWO_PROFILES = fixture('two-resource-profiles');

test('two-profile log → workload declares profile 1 as the log asked and its stage names it', async () => {
  const log = await load(TWO_PROFILES);
  assert.deepEqual(log.workload.profiles, [
    { id: 1, executorCores: 8, executorMemoryMiB: 8192, memoryOverheadMiB: 1024, taskCpus: 2 },
  ]);
  const stages = log.workload.jobs.flatMap((j) => j.stages);
  assert.deepEqual(
    stages.map((s) => [s.id, s.profile ?? 0, s.tasks]),
    [
      [0, 0, 4],
      [1, 1, 8],
    ],
  );
  assert.deepEqual(
    log.observed.executors.map((e) => [e.id, e.profileId]),
    [
      ['1', 0],
      ['2', 0],
      ['3', 1],
      ['4', 1],
    ],
  );
});

test('a profile the log never described is declared bare; fractional task CPUs are left to the configuration', () => {
  const text = new LogBuilder({ 'spark.master': 'yarn', 'spark.executor.cores': '4' })
    .raw({
      Event: 'SparkListenerResourceProfileAdded',
      'Resource Profile Id': 2,
      'Executor Resource Requests': { cores: { 'Resource Name': 'cores', Amount: 4 } },
      'Task Resource Requests': { cpus: { 'Resource Name': 'cpus', Amount: 0.5 } },
    })
    .executor('1', 1)
    .job(0, 0, 2, tasks(2, '1', 2, 4), 2)
    .job(1, 1, 5, tasks(2, '1', 5, 7), 3)
    .end(10);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.deepEqual(log.workload.profiles, [{ id: 2, executorCores: 4 }, { id: 3 }]);
});

test('a single-profile log gives a workload without profiles', () => {
  const text = new LogBuilder({ 'spark.master': 'yarn' })
    .executor('1', 1)
    .job(0, 0, 2, tasks(2, '1', 2, 4), 0)
    .end(6);
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  assert.equal(log.workload.profiles, undefined);
  assert.equal(log.workload.jobs[0].stages[0].profile, undefined);
});
