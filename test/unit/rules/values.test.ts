import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, pyspark, run, sparkApp } from './helpers';

const OPERATOR_DRA = `  dynamicAllocation:
    enabled: true
    minExecutors: 1
    maxExecutors: 10
    shuffleTrackingTimeout: 600000
`;

test('invalid-value: malformed booleans, integers and doubles → flagged with the nearest valid value', () => {
  const text = confFile({
    ...GOOD_DRA,
    'spark.decommission.enabled': 'yes',
    'spark.executor.cores': '2.0',
    'spark.dynamicAllocation.executorAllocationRatio': 'half',
  });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('invalid-value'), ['yes', '2.0', 'half']);
  const [bool, int] = r.of('invalid-value');
  assert.ok(applyFix(text, bool).includes('spark.decommission.enabled true'));
  assert.ok(applyFix(text, int).includes('spark.executor.cores 2\n'));
  assert.equal(r.of('invalid-value')[2]?.fixes?.filter((f) => !/^Disable/.test(f.title)).length ?? 0, 0);
});

test('invalid-value: a fractional duration (1.5s) → flagged, fix 1500ms', () => {
  const text = confFile({ ...GOOD_DRA, 'spark.kubernetes.allocation.batch.delay': '1.5s' });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('invalid-value'), ['1.5s']);
  assert.ok(applyFix(text, r.of('invalid-value')[0]).includes('spark.kubernetes.allocation.batch.delay 1500ms'));
});

test('invalid-value: a Gi size before Spark 4.2 → flagged, fix g; on 4.2 → quiet', () => {
  const text = confFile({ 'spark.executor.memory': '4Gi' }, '3.5.1');
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('invalid-value'), ['4Gi']);
  assert.ok(applyFix(text, r.of('invalid-value')[0]).includes('spark.executor.memory 4g'));
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ 'spark.executor.memory': '4Gi' }, '4.2.0')).of('invalid-value'),
    [],
  );
});

test('invalid-value: a malformed value inside sparkSubmitParameters → flagged on the value in the string', () => {
  const text = emrJob(GOOD_DRA, '--conf spark.dynamicAllocation.minExecutors=two');
  const r = run('job.json', text);
  assert.deepEqual(r.spans('invalid-value'), ['two']);
});

test('invalid-value: a sizeLimit that is no Kubernetes quantity (500gi) → flagged, fix 500Gi', () => {
  const base = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data';
  const text = confFile({
    [`${base}.options.claimName`]: 'OnDemand',
    [`${base}.options.storageClass`]: 'gp3',
    [`${base}.options.sizeLimit`]: '500gi',
    [`${base}.mount.path`]: '/data',
  });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('invalid-value'), ['500gi']);
  assert.ok(applyFix(text, r.of('invalid-value')[0]).includes('options.sizeLimit 500Gi'));
});

test('duration-truncated: 500ms on a seconds key (read as 0) → flagged, fix rounds up to 1s', () => {
  const text = emrJob({ ...GOOD_DRA, 'spark.dynamicAllocation.executorIdleTimeout': '500ms' });
  const r = run('job.json', text);
  assert.deepEqual(r.spans('duration-truncated'), ['500ms']);
  assert.match(r.of('duration-truncated')[0]?.message ?? '', /read as 0s/);
  const fixed = applyFix(text, r.of('duration-truncated')[0]);
  assert.ok(fixed.includes('"spark.dynamicAllocation.executorIdleTimeout": "1s"'));
  assert.deepEqual(run('job.json', fixed).of('duration-truncated'), []);
  // A millisecond key reads 500ms exactly.
  assert.deepEqual(
    run('job.json', emrJob({ ...GOOD_DRA, 'spark.kubernetes.allocation.batch.delay': '500ms' })).of(
      'duration-truncated',
    ),
    [],
  );
});

test('duration-truncated: the same in PySpark and YAML → flagged in each', () => {
  const py = run(
    'job.py',
    pyspark({ ...GOOD_DRA, 'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout': '1500ms' }),
  );
  assert.deepEqual(py.spans('duration-truncated'), ['1500ms']);
  assert.ok(
    applyFix(py.text, py.of('duration-truncated')[0]).includes(
      '"spark.dynamicAllocation.sustainedSchedulerBacklogTimeout", "2s"',
    ),
  );
  const yaml = run('app.yaml', sparkApp({ 'spark.dynamicAllocation.executorIdleTimeout': '90500ms' }, OPERATOR_DRA));
  assert.deepEqual(yaml.spans('duration-truncated'), ['90500ms']);
});

test('non-string-value: an EMR JSON number or YAML boolean → flagged, fix quotes it', () => {
  const json = emrJob(GOOD_DRA).replace(
    '"spark.dynamicAllocation.maxExecutors": "10"',
    '"spark.dynamicAllocation.maxExecutors": 10',
  );
  const r = run('job.json', json);
  assert.deepEqual(r.spans('non-string-value'), ['10']);
  const fixed = applyFix(json, r.of('non-string-value')[0]);
  assert.ok(fixed.includes('"spark.dynamicAllocation.maxExecutors": "10"'));
  assert.deepEqual(run('job.json', fixed).of('non-string-value'), []);

  const yaml = sparkApp({}, OPERATOR_DRA) + '    spark.decommission.enabled: True\n';
  const y = run('app.yaml', yaml);
  assert.deepEqual(y.spans('non-string-value'), ['True']);
  assert.ok(applyFix(yaml, y.of('non-string-value')[0]).includes('spark.decommission.enabled: "true"'));
});

test('non-string-value: integer operator fields → quiet', () => {
  const r = run('app.yaml', sparkApp({ 'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min' }, OPERATOR_DRA));
  assert.deepEqual(r.of('non-string-value'), []);
});

test('volume-size-missing-unit: a size without unit → error from Spark 4.0, warning before; fix adds Gi', () => {
  const key = 'spark.kubernetes.executor.volumes.emptyDir.scratch';
  const entries = { [`${key}.mount.path`]: '/scratch', [`${key}.options.sizeLimit`]: '500' };
  const r4 = run('spark-defaults.conf', confFile(entries, '4.0.0'));
  assert.deepEqual(r4.spans('volume-size-missing-unit'), ['500']);
  assert.equal(r4.of('volume-size-missing-unit')[0]?.severity, 'error');
  assert.ok(applyFix(r4.text, r4.of('volume-size-missing-unit')[0]).includes('options.sizeLimit 500Gi'));
  const r3 = run('spark-defaults.conf', confFile(entries, '3.5.1'));
  assert.equal(r3.of('volume-size-missing-unit')[0]?.severity, 'warning');
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ ...entries, [`${key}.options.sizeLimit`]: '2048' }, '4.0.0')).of(
      'volume-size-missing-unit',
    ),
    [],
  );
});

test('values: correct values → no finding', () => {
  for (const [name, text] of [
    [
      'job.json',
      emrJob({ ...GOOD_DRA, 'spark.executor.memory': '4g', 'spark.dynamicAllocation.executorAllocationRatio': '0.5' }),
    ],
    ['spark-defaults.conf', confFile({ ...GOOD_DRA, 'spark.kubernetes.allocation.batch.delay': '2s' })],
    ['app.yaml', sparkApp({ 'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min' }, OPERATOR_DRA)],
  ] as const) {
    const r = run(name, text);
    for (const id of ['invalid-value', 'duration-truncated', 'non-string-value', 'volume-size-missing-unit'])
      assert.deepEqual(r.of(id), [], `${id} in ${name}`);
  }
});
