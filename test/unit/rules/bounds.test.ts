import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, pyspark, run } from './helpers';

const conf = (extra: Record<string, string>, version = '3.5.1') =>
  run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...extra }, version));

test('min-max-negative, max-executors-zero, min-greater-than-max: min −1, max 0, min 20 over max 10 → flagged on the value (related: the max); DRA off → quiet', () => {
  assert.deepEqual(conf({ 'spark.dynamicAllocation.minExecutors': '-1' }).spans('min-max-negative'), ['-1']);
  assert.deepEqual(conf({ 'spark.dynamicAllocation.maxExecutors': '0' }).spans('max-executors-zero'), ['0']);
  const r = conf({ 'spark.dynamicAllocation.minExecutors': '20' });
  assert.deepEqual(r.spans('min-greater-than-max'), ['20']);
  assert.equal(
    r.text.slice(
      r.of('min-greater-than-max')[0]?.related?.[0]?.range.start,
      r.of('min-greater-than-max')[0]?.related?.[0]?.range.end,
    ),
    '10',
  );
  // Not without dynamic allocation.
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.enabled': 'false', 'spark.dynamicAllocation.minExecutors': '20' }).of(
      'min-greater-than-max',
    ),
    [],
  );
});

test('backlog-timeout-not-positive: 500ms (read as 0 s) or 0 → flagged, fix rounds up to 1s; 2s → quiet', () => {
  const text = emrJob(GOOD_DRA, '--conf spark.dynamicAllocation.schedulerBacklogTimeout=500ms');
  const r = run('job.json', text);
  assert.deepEqual(r.spans('backlog-timeout-not-positive'), ['500ms']);
  assert.ok(applyFix(text, r.of('backlog-timeout-not-positive')[0]).includes('schedulerBacklogTimeout=1s'));
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout': '0' }).spans('backlog-timeout-not-positive'),
    ['0'],
  );
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.schedulerBacklogTimeout': '2s' }).of('backlog-timeout-not-positive'),
    [],
  );
});

test('allocation-ratio-out-of-range: 1.5 or 0 → flagged; 1.0 → quiet', () => {
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.executorAllocationRatio': '1.5' }).spans('allocation-ratio-out-of-range'),
    ['1.5'],
  );
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.executorAllocationRatio': '0' }).spans('allocation-ratio-out-of-range'),
    ['0'],
  );
  assert.deepEqual(
    conf({ 'spark.dynamicAllocation.executorAllocationRatio': '1.0' }).of('allocation-ratio-out-of-range'),
    [],
  );
});

test('initial-executors-above-max: executor.instances or initialExecutors above max → flagged, fix sets max; equal → quiet', () => {
  const text = emrJob({ ...GOOD_DRA, 'spark.executor.instances': '50' });
  const r = run('job.json', text);
  assert.deepEqual(r.spans('initial-executors-above-max'), ['50']);
  assert.ok(applyFix(text, r.of('initial-executors-above-max')[0]).includes('"spark.executor.instances": "10"'));
  assert.deepEqual(conf({ 'spark.dynamicAllocation.initialExecutors': '11' }).spans('initial-executors-above-max'), [
    '11',
  ]);
  assert.deepEqual(conf({ 'spark.executor.instances': '10' }).of('initial-executors-above-max'), []);
});

test('initial-below-min: initialExecutors 2 under minExecutors 3 → flagged; no min → quiet', () => {
  const r = conf({ 'spark.dynamicAllocation.minExecutors': '3', 'spark.dynamicAllocation.initialExecutors': '2' });
  assert.deepEqual(r.spans('initial-below-min'), ['2']);
  assert.deepEqual(conf({ 'spark.dynamicAllocation.initialExecutors': '2' }).of('initial-below-min'), []);
});

test('task-cpus-exceed-cores: 4 task CPUs on 2 cores → flagged; 2 on 4 → quiet', () => {
  const r = run('job.py', pyspark({ 'spark.executor.cores': '2', 'spark.task.cpus': '4' }));
  assert.deepEqual(r.spans('task-cpus-exceed-cores'), ['4']);
  assert.deepEqual(
    run('job.py', pyspark({ 'spark.executor.cores': '4', 'spark.task.cpus': '2' })).of('task-cpus-exceed-cores'),
    [],
  );
});

test('batch-delay-too-small: bare 1 (1 ms) or 100ms on 4.0 → flagged, fix 1s; 3.5.1 or 101ms → quiet', () => {
  const r = conf({ 'spark.kubernetes.allocation.batch.delay': '1' }, '4.0.0');
  assert.deepEqual(r.spans('batch-delay-too-small'), ['1']);
  assert.match(r.of('batch-delay-too-small')[0]?.message ?? '', /means 1 ms/);
  assert.ok(applyFix(r.text, r.of('batch-delay-too-small')[0]).includes('batch.delay 1s'));
  assert.deepEqual(
    conf({ 'spark.kubernetes.allocation.batch.delay': '100ms' }, '4.0.0').spans('batch-delay-too-small'),
    ['100ms'],
  );
  assert.deepEqual(conf({ 'spark.kubernetes.allocation.batch.delay': '1' }, '3.5.1').of('batch-delay-too-small'), []);
  assert.deepEqual(
    conf({ 'spark.kubernetes.allocation.batch.delay': '101ms' }, '4.0.0').of('batch-delay-too-small'),
    [],
  );
});

test('value-out-of-range: batch size 0 or idle timeout −1s → flagged; idle timeout 0 → quiet', () => {
  assert.deepEqual(conf({ 'spark.kubernetes.allocation.batch.size': '0' }).spans('value-out-of-range'), ['0']);
  assert.deepEqual(conf({ 'spark.dynamicAllocation.executorIdleTimeout': '-1s' }).spans('value-out-of-range'), ['-1s']);
  assert.deepEqual(conf({ 'spark.dynamicAllocation.executorIdleTimeout': '0' }).of('value-out-of-range'), []);
});

test('allocation-maximum-too-low: maximum 10 with max 10 executors (N allows N−1 pods) → flagged; 11 → quiet', () => {
  const r = conf({ 'spark.kubernetes.allocation.maximum': '10' }, '4.1.0');
  assert.deepEqual(r.spans('allocation-maximum-too-low'), ['10']);
  assert.deepEqual(conf({ 'spark.kubernetes.allocation.maximum': '11' }, '4.1.0').of('allocation-maximum-too-low'), []);
});

test('max-pending-per-rp-exceeds-total: per-profile 8 over total 5 → flagged, fix lowers it to 5; equal → quiet', () => {
  const r = conf(
    { 'spark.kubernetes.allocation.maxPendingPods': '5', 'spark.kubernetes.allocation.maxPendingPodsPerRp': '8' },
    '4.1.0',
  );
  assert.deepEqual(r.spans('max-pending-per-rp-exceeds-total'), ['8']);
  assert.ok(applyFix(r.text, r.of('max-pending-per-rp-exceeds-total')[0]).includes('maxPendingPodsPerRp 5'));
  assert.deepEqual(
    conf(
      { 'spark.kubernetes.allocation.maxPendingPods': '5', 'spark.kubernetes.allocation.maxPendingPodsPerRp': '5' },
      '4.1.0',
    ).of('max-pending-per-rp-exceeds-total'),
    [],
  );
});

test('deployment-allocator-needs-deletion-cost: deployment allocator without podDeletionCost → flagged; with it → quiet', () => {
  const r = conf({ 'spark.kubernetes.allocation.pods.allocator': 'deployment' }, '4.2.0');
  assert.deepEqual(r.spans('deployment-allocator-needs-deletion-cost'), ['deployment']);
  assert.deepEqual(
    conf(
      {
        'spark.kubernetes.allocation.pods.allocator': 'deployment',
        'spark.kubernetes.executor.podDeletionCost': '-100',
      },
      '4.2.0',
    ).of('deployment-allocator-needs-deletion-cost'),
    [],
  );
});

test('bounds: a correct job → no finding', () => {
  const r = conf({ 'spark.executor.cores': '4', 'spark.task.cpus': '2', 'spark.executor.instances': '2' });
  const ids = r.findings.map((f) => f.ruleId);
  assert.deepEqual(ids, []);
});
