import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseWorkload } from '../../../server/src/engine/workload';
import type { ParseWorkloadResult, Workload } from '../../../server/src/engine/workload';

function ok(json: unknown): Workload {
  const r = parseWorkload(json);
  if (!r.ok) assert.fail(`expected a valid workload, got: ${r.errors.join('; ')}`);
  return r.value;
}

function errorsOf(json: unknown): string[] {
  const r: ParseWorkloadResult = parseWorkload(json);
  if (r.ok) assert.fail('expected a validation error');
  assert.equal(r.problem.code, 'unreadable-input');
  assert.equal(r.problem.message, r.errors[0]);
  return r.errors;
}

const stage = (id: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  tasks: 4,
  duration: 10,
  ...extra,
});

test('a minimal workload gets its defaults', () => {
  const w = ok({ jobs: [{ stages: [{ id: 0, tasks: 3, duration: 5 }] }] });
  assert.equal(w.name, 'workload');
  assert.equal(w.seed, 1);
  assert.deepEqual(w.executor, {});
  assert.equal(w.jobs.length, 1);
  const job = w.jobs[0];
  assert.equal(job.id, 0);
  assert.deepEqual(job.start, { kind: 'afterPrevious', gapSeconds: 0 });
  assert.deepEqual(job.reusesShuffles, []);
  assert.deepEqual(job.stages[0], {
    id: 0,
    parents: [],
    tasks: 3,
    duration: { kind: 'constant', seconds: 5 },
    shuffleMap: false,
    cached: false,
  });
});

test('every duration form normalises', () => {
  const w = ok({
    seed: 9,
    executor: { cores: 4, taskCpus: 2 },
    jobs: [
      {
        stages: [
          { id: 0, tasks: 2, duration: [1.5, 2] },
          { id: 1, tasks: 2, duration: { kind: 'constant', seconds: 3 } },
          { id: 2, tasks: 2, duration: { kind: 'list', seconds: [4, 5] } },
          { id: 3, tasks: 2, duration: { kind: 'uniform', params: { min: 1, max: 2 } } },
          { id: 4, tasks: 2, duration: { kind: 'normal', params: { mean: 10, stddev: 2 }, seed: 5 } },
          { id: 5, tasks: 2, duration: { kind: 'lognormal', params: { median: 20, sigma: 0.3 } } },
        ],
      },
    ],
  });
  assert.deepEqual(w.executor, { cores: 4, taskCpus: 2 });
  assert.deepEqual(
    w.jobs[0].stages.map((s) => s.duration),
    [
      { kind: 'list', seconds: [1.5, 2] },
      { kind: 'constant', seconds: 3 },
      { kind: 'list', seconds: [4, 5] },
      { kind: 'uniform', params: { min: 1, max: 2 } },
      { kind: 'normal', params: { mean: 10, stddev: 2 }, seed: 5 },
      { kind: 'lognormal', params: { median: 20, sigma: 0.3 } },
    ],
  );
});

test('job start: submitAt, gapAfterPrevious, delayAfterPreviousSubmit, and not two at once', () => {
  const w = ok({
    jobs: [
      { id: 7, submitAt: 30, stages: [stage(0)] },
      { id: 8, gapAfterPrevious: 120, stages: [stage(1)] },
      { id: 9, delayAfterPreviousSubmit: 2.5, stages: [stage(2)] },
    ],
  });
  assert.deepEqual(
    w.jobs.map((j) => [j.id, j.start]),
    [
      [7, { kind: 'at', seconds: 30 }],
      [8, { kind: 'afterPrevious', gapSeconds: 120 }],
      [9, { kind: 'withPrevious', offsetSeconds: 2.5 }],
    ],
  );
  const errs = errorsOf({ jobs: [{ submitAt: 1, gapAfterPrevious: 2, stages: [stage(0)] }] });
  assert.deepEqual(errs, ['jobs[0] sets submitAt and gapAfterPrevious; give at most one of them']);
  assert.deepEqual(errorsOf({ jobs: [{ gapAfterPrevious: -1, stages: [stage(0)] }] }), [
    'jobs[0].gapAfterPrevious must be a number of seconds ≥ 0',
  ]);
});

test('errors name the path of the bad value', () => {
  const errs = errorsOf({
    jobs: [{ stages: [stage(0)] }, { stages: [{ id: 1, tasks: 0, duration: 5 }] }],
  });
  assert.deepEqual(errs, ['jobs[1].stages[0].tasks must be a positive integer']);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [{ id: 1, tasks: 2.5, duration: 5 }] }] }), [
    'jobs[0].stages[0].tasks must be a positive integer',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [{ id: -1, tasks: 2, duration: 5 }] }] }), [
    'jobs[0].stages[0].id must be a non-negative integer',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [{ id: 1, tasks: 2, duration: 0 }] }] }), [
    'jobs[0].stages[0].duration must be a number of seconds > 0',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { duration: { kind: 'poisson', params: {} } })] }] }), [
    'jobs[0].stages[0].duration.kind must be one of constant, list, uniform, normal, lognormal',
  ]);
  assert.deepEqual(
    errorsOf({ jobs: [{ stages: [stage(0, { duration: { kind: 'uniform', params: { min: 5, max: 2 } } })] }] }),
    ['jobs[0].stages[0].duration.params.max must be ≥ min (5)'],
  );
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { duration: { kind: 'normal' } })] }] }), [
    'jobs[0].stages[0].duration.params must be an object ({"mean": 20, "stddev": 4})',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { duration: [1, 2, 3] })] }] }), [
    'jobs[0].stages[0].duration has 3 durations but the stage has 4 tasks',
  ]);
  assert.deepEqual(errorsOf({ jobs: [] }), ['jobs must be a non-empty array of jobs']);
  assert.deepEqual(errorsOf('nope'), ['workload must be a JSON object with a "jobs" array']);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [] }] }), ['jobs[0].stages must be a non-empty array']);
  assert.deepEqual(errorsOf({ executor: { cores: 2, taskCpus: 4 }, jobs: [{ stages: [stage(0)] }] }), [
    'executor.taskCpus (4) must not exceed executor.cores (2)',
  ]);
});

test('several errors are all reported', () => {
  const errs = errorsOf({
    jobs: [
      {
        stages: [
          { id: 0, tasks: 0, duration: 'x' },
          { id: 'a', tasks: 1, duration: 1 },
        ],
      },
    ],
  });
  assert.equal(errs.length, 3);
  assert.match(errs[0], /^jobs\[0\]\.stages\[0\]\.tasks /);
  assert.match(errs[1], /^jobs\[0\]\.stages\[0\]\.duration /);
  assert.match(errs[2], /^jobs\[0\]\.stages\[1\]\.id /);
});

test('unknown fields are rejected so typos do not pass silently', () => {
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { task: 3 })] }] }), [
    'jobs[0].stages[0]: unknown field "task" (allowed: id, name, parents, tasks, duration, shuffleMap, cached, shuffleId, profile)',
  ]);
});

test('stages are sorted parents-first; shuffleMap is inferred from the DAG and shuffleId defaults to the stage id', () => {
  const w = ok({
    jobs: [
      { stages: [stage(3, { parents: [1, 2] }), stage(2, { parents: [1] }), stage(1), stage(4, { shuffleMap: true })] },
    ],
  });
  const stages = w.jobs[0].stages;
  assert.deepEqual(
    stages.map((s) => s.id),
    [1, 2, 3, 4],
  );
  assert.deepEqual(
    stages.map((s) => [s.id, s.shuffleMap, s.shuffleId]),
    [
      [1, true, 1],
      [2, true, 2],
      [3, false, undefined],
      [4, true, 4],
    ],
  );
});

test('DAG problems: cycles, self-parents, unknown parents, duplicate ids', () => {
  assert.deepEqual(
    errorsOf({
      jobs: [{ stages: [stage(0, { parents: [2] }), stage(1, { parents: [0] }), stage(2, { parents: [1] })] }],
    }),
    ['jobs[0].stages contain a cycle: 0 → 1 → 2 → 0'],
  );
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { parents: [0] })] }] }), [
    'jobs[0].stages[0].parents[0] names the stage itself',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { parents: [5] })] }] }), [
    'jobs[0].stages[0].parents[0] (5) is not a stage of this job',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0), stage(0)] }] }), [
    'jobs[0].stages[1].id (0) is used by another stage of this job',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0)] }, { stages: [stage(0)] }] }), [
    'jobs[1].stages[0].id (0) is already used in jobs[0]',
  ]);
  assert.deepEqual(
    errorsOf({
      jobs: [
        { id: 3, stages: [stage(0)] },
        { id: 3, stages: [stage(1)] },
      ],
    }),
    ['jobs[1].id (3) is already used by jobs[0]'],
  );
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { shuffleMap: false }), stage(1, { parents: [0] })] }] }), [
    'jobs[0].stages[0].shuffleMap is false, but another stage reads this stage, so it must write shuffle output',
  ]);
  assert.deepEqual(errorsOf({ jobs: [{ stages: [stage(0, { shuffleId: 4 })] }] }), [
    'jobs[0].stages[0].shuffleId is set on a stage that writes no shuffle output (shuffleMap is false)',
  ]);
});

test('reusesShuffles must name shuffles written by earlier jobs', () => {
  const w = ok({
    jobs: [
      { stages: [stage(0, { shuffleId: 10 }), stage(1, { parents: [0] })] },
      { reusesShuffles: [10], stages: [stage(2)] },
    ],
  });
  assert.deepEqual(w.jobs[1].reusesShuffles, [10]);
  assert.deepEqual(errorsOf({ jobs: [{ reusesShuffles: [0], stages: [stage(0, { shuffleMap: true })] }] }), [
    'jobs[0].reusesShuffles[0] (0) is not written by an earlier job',
  ]);
});

test('the example in docs/workload-format.md is valid', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile('docs/workload-format.md', 'utf8');
  const block = /```json\n([\s\S]*?)\n```/.exec(doc);
  assert.ok(block, 'the doc has a json example');
  const w = ok(JSON.parse(block[1]));
  assert.ok(w.jobs.length >= 2);
});

test('profiles: declared profiles and stage profile ids are kept; profile 0 stays implicit', () => {
  const w = ok({
    profiles: [
      { id: 2, executorCores: 8, taskCpus: 2, executorMemoryMiB: 16384, memoryOverheadMiB: 2048 },
      { id: 1, executorCores: 1 },
    ],
    jobs: [{ stages: [stage(0), stage(1, { parents: [0], profile: 2 }), stage(2, { profile: 0 })] }],
  });
  assert.deepEqual(w.profiles, [
    { id: 1, executorCores: 1 },
    { id: 2, executorCores: 8, taskCpus: 2, executorMemoryMiB: 16384, memoryOverheadMiB: 2048 },
  ]);
  const byId = new Map(w.jobs[0].stages.map((s) => [s.id, s]));
  assert.equal(byId.get(0)?.profile, undefined);
  assert.equal(byId.get(1)?.profile, 2);
  assert.equal(byId.get(2)?.profile, undefined, 'profile 0 is the default and is not stored');
});

test('profiles: a workload without profiles has no profiles field', () => {
  assert.equal(ok({ jobs: [{ stages: [stage(0)] }] }).profiles, undefined);
});

test('profiles: undeclared, duplicate, default-id and oversized declarations are errors with their paths', () => {
  const errors = errorsOf({
    profiles: [{ id: 0 }, { id: 3, executorCores: 2, taskCpus: 4 }, { id: 3 }, { id: 5, gpus: 1 }],
    jobs: [{ stages: [stage(0, { profile: 7 }), stage(1, { profile: -1 })] }],
  });
  assert.ok(errors.includes('profiles[0].id must be a positive integer'), errors.join('\n'));
  assert.ok(errors.includes('profiles[1].taskCpus (4) must not exceed executorCores (2)'), errors.join('\n'));
  assert.ok(errors.includes('profiles[2].id (3) is declared twice'), errors.join('\n'));
  assert.ok(
    errors.some((e) => e.startsWith('profiles[3]: unknown field "gpus"')),
    errors.join('\n'),
  );
  assert.ok(errors.includes('jobs[0].stages[1].profile must be a non-negative integer'), errors.join('\n'));
  const undeclared = errorsOf({ jobs: [{ stages: [stage(0, { profile: 7 })] }] });
  assert.deepEqual(undeclared, ['jobs[0] stage 0: profile (7) is not declared in "profiles"']);
});
