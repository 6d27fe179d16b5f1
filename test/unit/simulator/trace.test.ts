// Trace mode: every fixture under test/fixtures/traces runs through runTrace and must give exactly the expected
// output (or fail with the expected message); invalid traces are refused with a message naming the problem.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runTrace } from '../../../server/src/engine/simulator/trace';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'traces');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(DIR, file), 'utf8'));

describe('trace fixtures', () => {
  const names = readdirSync(DIR)
    .filter((f) => f.endsWith('.trace.json'))
    .map((f) => f.slice(0, -'.trace.json'.length))
    .sort();

  it('has the polling scenarios S5, S6 and S7', () => {
    for (const name of ['s5-polling-add', 's6-polling-remove', 's7-polling-remove-decommission']) {
      assert.ok(names.includes(name), name);
    }
  });

  for (const name of names) {
    it(name, () => {
      const expected = readJson(`${name}.expected.json`) as Record<string, unknown>;
      const result = runTrace(readJson(`${name}.trace.json`));
      if ('error' in expected) {
        assert.equal(result.ok, false, `${name} should be refused`);
        if (result.ok) return;
        for (const part of expected['error'] as string[])
          assert.ok(result.problem.message.includes(part), `${part} not in: ${result.problem.message}`);
        return;
      }
      assert.ok(result.ok, result.ok ? '' : result.problem.message);
      assert.deepEqual(result.value, expected);
    });
  }

  it('is listed in the README', () => {
    const readme = readFileSync(join(DIR, 'README.md'), 'utf8');
    for (const name of names) assert.ok(readme.includes(`${name}`), `${name} missing from README.md`);
  });
});

const base = (events: unknown[], conf: Record<string, string> = {}, extra: Record<string, unknown> = {}): unknown => ({
  sparkVersion: '3.5.1',
  conf: { 'spark.dynamicAllocation.enabled': 'true', ...conf },
  until: 5,
  events,
  ...extra,
});

function refused(input: unknown, ...parts: string[]): void {
  const result = runTrace(input);
  assert.equal(result.ok, false, 'expected the trace to be refused');
  if (result.ok) return;
  for (const part of parts)
    assert.ok(result.problem.message.includes(part), `"${part}" not in: ${result.problem.message}`);
}

describe('trace validation', () => {
  it('refuses an unknown event type', () => {
    refused(base([{ t: 0, type: 'stageStarted', stage: 0 }]), 'events[0]', 'unknown event type "stageStarted"');
  });

  it('refuses a task of a stage never submitted', () => {
    refused(
      base([
        { t: 0, type: 'executorAdded', executor: '1' },
        { t: 1, type: 'taskStart', stage: 3, index: 0, executor: '1' },
      ]),
      'events[1]',
      'stage 3 was never submitted',
    );
  });

  it('refuses a task end that matches no running task', () => {
    refused(
      base([
        { t: 0, type: 'stageSubmitted', stage: 0, tasks: 2 },
        { t: 0, type: 'executorAdded', executor: '1' },
        { t: 1, type: 'taskEnd', stage: 0, index: 0, executor: '1', reason: 'success' },
      ]),
      'events[2]',
      'no task 0 of stage 0 is running on executor "1"',
    );
  });

  it('refuses a task on an executor that never registered', () => {
    refused(
      base([
        { t: 0, type: 'stageSubmitted', stage: 0, tasks: 2 },
        { t: 1, type: 'taskStart', stage: 0, index: 0, executor: '9' },
      ]),
      'executor "9" is not registered',
    );
  });

  it('refuses a task index beyond the stage', () => {
    refused(
      base([
        { t: 0, type: 'stageSubmitted', stage: 0, tasks: 2 },
        { t: 0, type: 'executorAdded', executor: '1' },
        { t: 1, type: 'taskStart', stage: 0, index: 2, executor: '1' },
      ]),
      'index 2 does not exist',
    );
  });

  it('refuses bad field types, missing and unexpected fields', () => {
    refused(base([{ t: 0, type: 'stageSubmitted', stage: '0', tasks: 1 }]), '"stage" must be a whole number');
    refused(base([{ t: 0, type: 'executorAdded', executor: 1 }]), '"executor" must be a non-empty string');
    refused(base([{ t: 0, type: 'stageSubmitted', stage: 0 }]), 'missing field "tasks"');
    refused(base([{ t: 0, type: 'stageCompleted', stage: 0, tasks: 1 }]), 'unexpected field "tasks"');
    refused(
      base([
        { t: 0, type: 'stageSubmitted', stage: 0, tasks: 1 },
        { t: 0, type: 'executorAdded', executor: '1' },
        { t: 0, type: 'taskStart', stage: 0, index: 0, executor: '1' },
        { t: 1, type: 'taskEnd', stage: 0, index: 0, executor: '1', reason: 'lost' },
      ]),
      '"reason" must be "success", "failed" or "killed"',
    );
    refused(base([{ t: 0, type: 'unschedulable', stage: 0, on: 'yes' }]), '"on" must be true or false');
    refused(base([], { 'spark.dynamicAllocation.maxExecutors': 5 as unknown as string }), 'must be a string');
    refused(
      base([{ t: 0, type: 'jobStart', job: 0, stages: [1], shuffles: { '2': 0 } }]),
      'not among the job\'s "stages"',
    );
    refused('nope', 'JSON object');
  });

  it('refuses times that are not whole milliseconds, out of order or after until', () => {
    refused(base([{ t: 0.0005, type: 'executorAdded', executor: '1' }]), 'finer than a millisecond');
    refused(
      base([
        { t: 2, type: 'executorAdded', executor: '1' },
        { t: 1, type: 'executorAdded', executor: '2' },
      ]),
      'time order',
    );
    refused(base([{ t: 6, type: 'executorAdded', executor: '1' }]), 'after "until"');
  });

  it('refuses configurations Spark rejects at start-up, with the condition Spark checks', () => {
    refused(base([], { 'spark.dynamicAllocation.maxExecutors': '0' }), '[V2]', 'maxExecutors == 0');
    refused(
      base([], { 'spark.dynamicAllocation.minExecutors': '5', 'spark.dynamicAllocation.maxExecutors': '2' }),
      '[V3]',
      'minExecutors > maxExecutors',
    );
    refused(base([], { 'spark.dynamicAllocation.schedulerBacklogTimeout': '500ms' }), '[V4]');
    refused(base([], { 'spark.dynamicAllocation.executorAllocationRatio': '1.5' }), '[V8]');
    refused(
      base([], { 'spark.executor.instances': '20', 'spark.dynamicAllocation.maxExecutors': '10' }),
      '[initial-range]',
    );
    refused(base([], { 'spark.task.cpus': '2' }), '[task-cpus]', 'spark.executor.cores < spark.task.cpus');
    refused(
      base([], { 'spark.dynamicAllocation.minExecutors': 'two' }),
      '[parse]',
      'spark.dynamicAllocation.minExecutors',
    );
  });

  it('refuses a trace with dynamic allocation off or a bad version', () => {
    refused({ sparkVersion: '3.5.1', conf: {}, until: 1, events: [] }, 'spark.dynamicAllocation.enabled');
    refused(base([], {}, { sparkVersion: 'banana' }), '"banana" is not a Spark version');
  });
});

describe('trace output', () => {
  const input = base(
    [
      { t: 0, type: 'stageSubmitted', stage: 0, tasks: 100 },
      { t: 0.5, type: 'executorAdded', executor: '1' },
    ],
    { 'spark.dynamicAllocation.maxExecutors': '10' },
    { until: 4 },
  );

  it('is byte-identical for the same input, with a stable key order', () => {
    const a = JSON.stringify(runTrace(input));
    const b = JSON.stringify(runTrace(JSON.parse(JSON.stringify(input))));
    assert.equal(a, b);
    assert.equal(
      a,
      // 1 s: max(0, 1 executor) + 1 = 2 (delta 2 is not the planned 1, so the step stays 1); then 3, 5, 9.
      '{"ok":true,"value":{"decisions":[{"t":1,"target":2,"delta":2},{"t":2,"target":3,"delta":1},' +
        '{"t":3,"target":5,"delta":2},{"t":4,"target":9,"delta":4}],"removals":[],' +
        '"final":{"target":9,"pendingRemoval":[],"decommissioning":[]}}}',
    );
  });

  it('does not tick when the test polling thread is switched off', () => {
    const result = runTrace(
      base([{ t: 0, type: 'stageSubmitted', stage: 0, tasks: 100 }], {
        'spark.dynamicAllocation.testing': 'true',
        'spark.testing.dynamicAllocation.schedule.enabled': 'false',
      }),
    );
    assert.ok(result.ok);
    if (result.ok) assert.deepEqual(result.value.decisions, []);
  });
});
