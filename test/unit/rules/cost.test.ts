import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, pyspark, run, sparkApp } from './helpers';

const without = (key: string): Record<string, string> =>
  Object.fromEntries(Object.entries(GOOD_DRA).filter(([k]) => k !== key));

test('shuffle-tracking-no-timeout: tracking on without a timeout → flagged, fix adds the timeout in the properties object', () => {
  const text = emrJob(without('spark.dynamicAllocation.shuffleTracking.timeout'));
  const r = run('job.json', text);
  assert.deepEqual(r.spans('shuffle-tracking-no-timeout'), ['spark.dynamicAllocation.shuffleTracking.enabled']);
  const fixed = applyFix(text, r.of('shuffle-tracking-no-timeout')[0]);
  assert.ok(
    fixed.includes(
      '"spark.dynamicAllocation.cachedExecutorIdleTimeout": "30min",\n            "spark.dynamicAllocation.shuffleTracking.timeout": "30min"\n',
    ),
  );
  assert.deepEqual(run('job.json', fixed).of('shuffle-tracking-no-timeout'), []);
});

test('cached-idle-timeout-infinite: DRA left at the default in a job that shows no caching → quiet', () => {
  const text = confFile(without('spark.dynamicAllocation.cachedExecutorIdleTimeout'));
  assert.deepEqual(run('spark-defaults.conf', text).of('cached-idle-timeout-infinite'), []);
  const job = emrJob(without('spark.dynamicAllocation.cachedExecutorIdleTimeout'));
  assert.deepEqual(run('job.json', job).of('cached-idle-timeout-infinite'), []);
});

test('cached-idle-timeout-infinite: default timeout with a storage-fraction key → info on enabled, fix adds 30min', () => {
  const r = run(
    'spark-defaults.conf',
    confFile({
      ...without('spark.dynamicAllocation.cachedExecutorIdleTimeout'),
      'spark.memory.storageFraction': '0.6',
    }),
  );
  assert.deepEqual(r.spans('cached-idle-timeout-infinite'), ['spark.dynamicAllocation.enabled']);
  assert.equal(r.of('cached-idle-timeout-infinite')[0]?.severity, 'info');
  assert.match(r.of('cached-idle-timeout-infinite')[0]?.message ?? '', /sets spark\.memory\.storageFraction/);
  assert.ok(
    applyFix(r.text, r.of('cached-idle-timeout-infinite')[0]).endsWith(
      'spark.dynamicAllocation.cachedExecutorIdleTimeout 30min\n',
    ),
  );
});

test('cached-idle-timeout-infinite: PySpark job that calls .persist() → info naming the call; without it → quiet', () => {
  const base = pyspark(without('spark.dynamicAllocation.cachedExecutorIdleTimeout'));
  assert.deepEqual(run('job.py', base).of('cached-idle-timeout-infinite'), []);
  const caching = `${base}\ndf = spark.range(10)\ndf.persist ()\n`;
  const found = run('job.py', caching).of('cached-idle-timeout-infinite');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /calls `\.persist\(`/);
});

test('cached-idle-timeout-infinite: SQL CACHE TABLE in SparkApplication arguments → info; without it → quiet', () => {
  const conf = without('spark.dynamicAllocation.cachedExecutorIdleTimeout');
  assert.equal(
    run('app.yaml', sparkApp(conf, '  arguments: ["CACHE LAZY TABLE t"]\n')).of('cached-idle-timeout-infinite').length,
    1,
  );
  assert.deepEqual(run('app.yaml', sparkApp(conf)).of('cached-idle-timeout-infinite'), []);
});

test('cached-idle-timeout-infinite: infinite timeout written explicitly → info on the value even without caching', () => {
  const r = run(
    'spark-defaults.conf',
    confFile({ ...GOOD_DRA, 'spark.dynamicAllocation.cachedExecutorIdleTimeout': '2147483647s' }),
  );
  assert.deepEqual(r.spans('cached-idle-timeout-infinite'), ['2147483647s']);
  assert.match(r.of('cached-idle-timeout-infinite')[0]?.message ?? '', /Set a limit if the job caches data/);
});

test('max-executors-unbounded: DRA without maxExecutors → flagged on enabled; DRA off → quiet', () => {
  const r = run('spark-defaults.conf', confFile(without('spark.dynamicAllocation.maxExecutors')));
  assert.deepEqual(r.spans('max-executors-unbounded'), ['spark.dynamicAllocation.enabled']);
  assert.deepEqual(
    run(
      'spark-defaults.conf',
      confFile({ ...without('spark.dynamicAllocation.maxExecutors'), 'spark.dynamicAllocation.enabled': 'false' }),
    ).of('max-executors-unbounded'),
    [],
  );
});

test('idle-timeout-below-backlog: idle 5s under backlog 10s → flagged; default idle → quiet', () => {
  const r = run(
    'spark-defaults.conf',
    confFile({
      ...GOOD_DRA,
      'spark.dynamicAllocation.executorIdleTimeout': '5s',
      'spark.dynamicAllocation.schedulerBacklogTimeout': '10s',
    }),
  );
  assert.deepEqual(r.spans('idle-timeout-below-backlog'), ['5s']);
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ ...GOOD_DRA, 'spark.dynamicAllocation.schedulerBacklogTimeout': '10s' })).of(
      'idle-timeout-below-backlog',
    ),
    [],
  );
});

test('ramp-up-time: max 500 at batch size 5 on Spark 3.5 → flagged with the ramp time; max 10 → quiet', () => {
  const r = run('job.json', emrJob({ ...GOOD_DRA, 'spark.dynamicAllocation.maxExecutors': '500' }));
  assert.deepEqual(r.spans('ramp-up-time'), ['500']);
  assert.match(
    r.of('ramp-up-time')[0]?.message ?? '',
    /from 1 to 500 executors takes at least about 100s: Kubernetes creates at most 5 pods per batch/,
  );
  assert.deepEqual(run('job.json', emrJob(GOOD_DRA)).of('ramp-up-time'), []);
});

test('operator-dra-in-spark-conf, operator-min-executors-zero: DRA and min 0 in sparkConf → flagged; in spec.dynamicAllocation → quiet', () => {
  const r = run('app.yaml', sparkApp({ ...GOOD_DRA, 'spark.dynamicAllocation.minExecutors': '0' }));
  assert.deepEqual(r.spans('operator-dra-in-spark-conf'), ['spark.dynamicAllocation.enabled']);
  assert.deepEqual(r.spans('operator-min-executors-zero'), ['0']);
  const viaSpec = run(
    'app.yaml',
    sparkApp(
      without('spark.dynamicAllocation.enabled'),
      '  dynamicAllocation:\n    enabled: true\n    minExecutors: 0\n    maxExecutors: 10\n',
    ),
  );
  assert.deepEqual(viaSpec.of('operator-dra-in-spark-conf'), []);
  assert.deepEqual(viaSpec.of('operator-min-executors-zero'), []);
});
