// Work budgets: bad budgets are problems, over-budget work is refused before the run or stopped during it, and the
// message names the limit, the figure and how to raise it. The defaults leave ordinary simulations alone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_BUDGET, resolveBudget } from '../../../server/src/engine/simulator/budget';
import { simulateConf, type SimulateJobResult } from '../../../server/src/engine/simulator/simulate-job';
import type { Workload } from '../../../server/src/engine/workload/types';

const DRA: Record<string, string> = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.executor.cores': '4',
};

function oneStage(tasks: number, seconds: number): Workload {
  const stage = {
    id: 0,
    parents: [],
    tasks,
    duration: { kind: 'constant' as const, seconds },
    shuffleMap: false,
    cached: false,
  };
  return {
    name: 'one-stage',
    seed: 1,
    executor: { cores: 4 },
    jobs: [{ id: 0, start: { kind: 'at', seconds: 0 }, stages: [stage], reusesShuffles: [] }],
  };
}

/** Three bursts of work 10 minutes apart: executors idle out between them and new ones are created each time. */
function bursts(): Workload {
  const jobs: Workload['jobs'] = [0, 1, 2].map((j) => ({
    id: j,
    start: { kind: 'at', seconds: j * 600 },
    stages: [
      { id: j, parents: [], tasks: 40, duration: { kind: 'constant', seconds: 30 }, shuffleMap: false, cached: false },
    ],
    reusesShuffles: [],
  }));
  return { name: 'bursts', seed: 1, executor: { cores: 4 }, jobs };
}

function refusal(r: SimulateJobResult) {
  if (r.ok) assert.fail('expected the simulation to be refused');
  assert.equal(r.problem.code, 'over-budget', r.problem.message);
  if (r.problem.limit === undefined) assert.fail(`expected the limit, got: ${r.problem.message}`);
  return { error: r.problem.message, budget: { ...r.problem.limit, limit: r.problem.limit.name } };
}

test('resolveBudget: defaults, overrides floored, and bad values are problems that name the budget', () => {
  const none = resolveBudget(undefined);
  assert.ok(none.ok);
  assert.deepEqual(none.value, DEFAULT_BUDGET);
  const some = resolveBudget({ maxExecutors: 12.7 });
  assert.ok(some.ok);
  assert.equal(some.value.maxExecutors, 12);
  assert.equal(some.value.maxTasks, DEFAULT_BUDGET.maxTasks);
  const bad = resolveBudget({ maxWork: -1, maxTimelinePoints: 2, maxSpeed: 3 });
  assert.ok(!bad.ok);
  assert.equal(bad.problem.code, 'invalid-params');
  assert.match(bad.problem.message, /budget\.maxWork must be a number of at least 1 \(got -1\)/);
  assert.match(bad.problem.message, /budget\.maxTimelinePoints must be a number of at least 4/);
  assert.match(bad.problem.message, /budget\.maxSpeed is not a budget/);
});

test('simulate: an invalid budget option is an error, not a silent default', () => {
  const r = simulateConf(DRA, { sparkVersion: '3.5.1', workload: oneStage(8, 1), budget: { maxTasks: Number.NaN } });
  assert.ok(!r.ok);
  assert.match(r.problem.message, /budget\.maxTasks must be a number/);
});

test('budget maxTasks: a workload over it is refused before anything is expanded or run', () => {
  // A billion tasks would not fit in memory: the refusal has to come from the estimate, before the workload expands.
  const { error, budget } = refusal(simulateConf(DRA, { sparkVersion: '3.5.1', workload: oneStage(1_000_000_000, 1) }));
  assert.equal(budget.limit, 'maxTasks');
  assert.equal(budget.stage, 'before');
  assert.equal(budget.figure, 1_000_000_000);
  assert.equal(budget.allowed, DEFAULT_BUDGET.maxTasks);
  assert.match(
    error,
    /^Not simulated: the workload's task count is 1,000,000,000, over the budget of 20,000,000 tasks/,
  );
  assert.match(error, /Raise budget\.maxTasks/);
});

test('budget maxExecutors: a 10,000,000-executor static baseline is refused before the run', () => {
  const conf = { ...DRA, 'spark.dynamicAllocation.maxExecutors': '10000000' };
  const { error, budget } = refusal(simulateConf(conf, { sparkVersion: '3.5.1', preset: 'wide-then-narrow' }));
  assert.equal(budget.limit, 'maxExecutors');
  assert.equal(budget.stage, 'before');
  assert.equal(budget.figure, 10_000_000);
  assert.match(error, /spark\.dynamicAllocation\.maxExecutors/);
  assert.match(error, /10,000,000, over the budget of 100,000 executor pods in one run \(budget\.maxExecutors\)/);
});

test('budget maxExecutors: a fixed executor count and a DRA minimum over it are refused, each named', () => {
  const fixed = refusal(
    simulateConf(
      { 'spark.executor.instances': '50', 'spark.executor.cores': '4' },
      { sparkVersion: '3.5.1', workload: oneStage(8, 1), budget: { maxExecutors: 20 } },
    ),
  );
  assert.match(fixed.error, /the fixed executor count is 50, over the budget of 20/);
  const floor = refusal(
    simulateConf(
      { ...DRA, 'spark.dynamicAllocation.minExecutors': '30', 'spark.dynamicAllocation.maxExecutors': '40' },
      { sparkVersion: '3.5.1', workload: oneStage(8, 1), budget: { maxExecutors: 20 } },
    ),
  );
  assert.match(floor.error, /spark\.dynamicAllocation\.minExecutors is 30, over the budget of 20/);
});

test('budget maxExecutors: executors created again and again during a run stop it, with the count so far', () => {
  // Each burst needs 10 executors; they idle out in between, so the DRA run creates 10 more per burst.
  const conf = { ...DRA, 'spark.dynamicAllocation.executorIdleTimeout': '30s' };
  const within = simulateConf(conf, { sparkVersion: '3.5.1', workload: bursts() });
  if (!within.ok) assert.fail(within.problem.message);
  assert.ok(within.value.dra.summary.podsCreated > 15, `pods created: ${within.value.dra.summary.podsCreated}`);
  const { error, budget } = refusal(
    simulateConf(conf, { sparkVersion: '3.5.1', workload: bursts(), budget: { maxExecutors: 15 } }),
  );
  assert.equal(budget.limit, 'maxExecutors');
  assert.equal(budget.stage, 'during');
  // The allocator creates no pod beyond the budget: the figure is the one it held back.
  assert.equal(budget.figure, 16);
  assert.ok(within.value.dra.summary.podsCreated >= 16);
  assert.match(
    error,
    /^The DRA run was stopped at [\d.]+ s of simulated time: the number of executor pods the run needed \(at least\) is 16, over the budget of 15/,
  );
});

test('budget maxExecutors: one allocation round asking for far more pods than the budget creates none beyond it', () => {
  // maxExecutors is huge for DRA (the static baseline uses spark.executor.instances) and one round may create up to
  // a million pods: 100,000 pending tasks want 25,000 executors, the budget allows 1,000.
  const conf = {
    ...DRA,
    'spark.dynamicAllocation.maxExecutors': '10000000',
    'spark.executor.instances': '10',
    'spark.kubernetes.allocation.batch.size': '1000000',
  };
  const { error, budget } = refusal(
    simulateConf(conf, { sparkVersion: '3.5.1', workload: oneStage(100_000, 60), budget: { maxExecutors: 1000 } }),
  );
  assert.equal(budget.limit, 'maxExecutors');
  assert.equal(budget.stage, 'during');
  assert.equal(budget.figure, 1001);
  assert.match(error, /^The DRA run was stopped at/);
});

test('budget maxWork: a run that needs more work units is stopped during the run, naming maxWork', () => {
  const options = { sparkVersion: '3.5.1', workload: oneStage(2000, 5) };
  const full = simulateConf(DRA, options);
  if (!full.ok) assert.fail(full.problem.message);
  const { error, budget } = refusal(simulateConf(DRA, { ...options, budget: { maxWork: 500 } }));
  assert.equal(budget.limit, 'maxWork');
  assert.equal(budget.stage, 'during');
  assert.equal(budget.allowed, 500);
  assert.ok(budget.figure > 500);
  assert.match(
    error,
    /^The DRA run was stopped at [\d.]+ s of simulated time: the work done so far is [\d,]+, over the budget of 500 work units/,
  );
  assert.match(error, /Raise budget\.maxWork in the simulation options/);
});

test('budget maxWork: a run without DRA (a fixed executor count) is checked the same way', () => {
  const conf = { 'spark.executor.instances': '10', 'spark.executor.cores': '4' };
  const { error, budget } = refusal(
    simulateConf(conf, { sparkVersion: '3.5.1', workload: oneStage(4000, 5), budget: { maxWork: 300 } }),
  );
  assert.equal(budget.limit, 'maxWork');
  assert.match(error, /^The run was stopped at/);
});
