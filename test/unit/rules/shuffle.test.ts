import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, run, sparkApp } from './helpers';

const DRA_ONLY = { 'spark.dynamicAllocation.enabled': 'true', 'spark.dynamicAllocation.maxExecutors': '10' };

test('dra-without-shuffle-support: EMR 6.9 (Spark 3.3) without shuffle tracking → error, fix turns tracking on', () => {
  const text = emrJob(DRA_ONLY, '', 'emr-6.9.0-latest');
  const r = run('job.json', text);
  assert.deepEqual(r.spans('dra-without-shuffle-support'), ['spark.dynamicAllocation.enabled']);
  assert.match(r.of('dra-without-shuffle-support')[0]?.message ?? '', /before Spark 3\.4/);
  const fixed = applyFix(text, r.of('dra-without-shuffle-support')[0]);
  assert.ok(fixed.includes('"spark.dynamicAllocation.shuffleTracking.enabled": "true"'));
  assert.deepEqual(run('job.json', fixed).of('dra-without-shuffle-support'), []);
});

test('dra-without-shuffle-support: Spark 3.4+ defaults → quiet; tracking turned off → error', () => {
  assert.deepEqual(run('job.json', emrJob(DRA_ONLY, '', 'emr-6.12.0-latest')).of('dra-without-shuffle-support'), []);
  const r = run(
    'spark-defaults.conf',
    confFile({ ...DRA_ONLY, 'spark.dynamicAllocation.shuffleTracking.enabled': 'false' }),
  );
  assert.deepEqual(r.spans('dra-without-shuffle-support'), ['false']);
  assert.ok(applyFix(r.text, r.of('dra-without-shuffle-support')[0]).includes('shuffleTracking.enabled true'));
});

test('dra-without-shuffle-support: decommission with shuffle-block migration on 3.1+ → quiet', () => {
  const off = {
    ...DRA_ONLY,
    'spark.dynamicAllocation.shuffleTracking.enabled': 'false',
    'spark.decommission.enabled': 'true',
  };
  assert.deepEqual(run('spark-defaults.conf', confFile(off, '3.5.1')).of('dra-without-shuffle-support'), []);
  assert.equal(run('spark-defaults.conf', confFile(off, '3.3.0')).of('dra-without-shuffle-support').length, 1);
  const migrate = { ...off, 'spark.storage.decommission.shuffleBlocks.enabled': 'true' };
  assert.deepEqual(run('spark-defaults.conf', confFile(migrate, '3.3.0')).of('dra-without-shuffle-support'), []);
});

test('dra-without-shuffle-support: Spark 2.4 on EMR 6.0 without the external shuffle service → error', () => {
  const r = run('job.json', emrJob(DRA_ONLY, '', 'emr-6.0.0-latest'));
  assert.match(r.of('dra-without-shuffle-support')[0]?.message ?? '', /Spark 2\.4\.4 has no shuffle tracking/);
});

test('shuffle-service-on-kubernetes: the external shuffle service on Kubernetes → flagged, fix turns it off', () => {
  const text = emrJob({ ...GOOD_DRA, 'spark.shuffle.service.enabled': 'true' });
  const r = run('job.json', text);
  assert.deepEqual(r.spans('shuffle-service-on-kubernetes'), ['true']);
  assert.equal(
    r.of('shuffle-service-on-kubernetes')[0]?.range.start,
    text.indexOf('"true"', text.indexOf('spark.shuffle.service.enabled')) + 1,
  );
  assert.ok(
    applyFix(text, r.of('shuffle-service-on-kubernetes')[0]).includes('"spark.shuffle.service.enabled": "false"'),
  );
  // A spark-defaults.conf with nothing Kubernetes about it may well be YARN.
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ ...GOOD_DRA, 'spark.shuffle.service.enabled': 'true' })).of(
      'shuffle-service-on-kubernetes',
    ),
    [],
  );
  assert.equal(
    run(
      'spark-defaults.conf',
      confFile({ ...GOOD_DRA, 'spark.master': 'k8s://https://api', 'spark.shuffle.service.enabled': 'true' }),
    ).of('shuffle-service-on-kubernetes').length,
    1,
  );
});

test('shuffle-tracking-with-migration: decommission and storage decommission on, tracking on (3.4+ defaults) → flagged', () => {
  const r = run(
    'app.yaml',
    sparkApp(
      {
        'spark.decommission.enabled': 'true',
        'spark.storage.decommission.enabled': 'true',
        'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
      },
      `  dynamicAllocation:
    enabled: true
    maxExecutors: 10
    shuffleTrackingTimeout: 600000
`,
    ),
  );
  assert.deepEqual(r.spans('shuffle-tracking-with-migration'), ['true']);
  assert.equal(
    r.of('shuffle-tracking-with-migration')[0]?.range.start,
    r.text.indexOf('"true"', r.text.indexOf('spark.decommission.enabled')) + 1,
  );
  assert.deepEqual(run('spark-defaults.conf', confFile(GOOD_DRA)).of('shuffle-tracking-with-migration'), []);
});

const DECOMMISSION_ONLY = { ...GOOD_DRA, 'spark.decommission.enabled': 'true' };

test('shuffle-tracking-with-migration: spark.decommission.enabled alone migrates nothing → no advice to drop tracking', () => {
  for (const version of ['3.4.1', '3.5.1', '4.0.0']) {
    const r = run('spark-defaults.conf', confFile(DECOMMISSION_ONLY, version));
    assert.deepEqual(r.of('shuffle-tracking-with-migration'), [], version);
    assert.ok(!r.findings.some((f) => f.fixes?.some((fix) => /Turn off shuffle tracking/.test(fix.title))), version);
  }
  const migrating = confFile({ ...DECOMMISSION_ONLY, 'spark.storage.decommission.enabled': 'true' }, '3.5.1');
  assert.equal(run('spark-defaults.conf', migrating).of('shuffle-tracking-with-migration').length, 1);
});

test('shuffle-tracking-with-migration: storage decommission with shuffle blocks off (3.3 default) → quiet (nothing migrates)', () => {
  const text = confFile({ ...DECOMMISSION_ONLY, 'spark.storage.decommission.enabled': 'true' }, '3.3.2');
  assert.deepEqual(run('spark-defaults.conf', text).of('shuffle-tracking-with-migration'), []);
});

test('shuffle-tracking-with-migration: on a kubeflow app → the fix edits spec.dynamicAllocation, not sparkConf', () => {
  const text = sparkApp(
    { 'spark.decommission.enabled': 'true', 'spark.storage.decommission.enabled': 'true' },
    `  dynamicAllocation:
    enabled: true
    maxExecutors: 10
`,
  );
  const r = run('app.yaml', text);
  const fixed = applyFix(text, r.of('shuffle-tracking-with-migration')[0]);
  assert.ok(fixed.includes('    enabled: true\n    shuffleTrackingEnabled: false\n    maxExecutors: 10'), fixed);
  assert.deepEqual(run('app.yaml', fixed).of('shuffle-tracking-with-migration'), []);
  assert.ok(run('app.yaml', fixed).of('dra-without-shuffle-support').length === 0);
});

test('dra-without-shuffle-support: decommission alone → quiet (the start-up check reads only shuffleBlocks)', () => {
  const text = confFile(
    { ...DRA_ONLY, 'spark.dynamicAllocation.shuffleTracking.enabled': 'false', 'spark.decommission.enabled': 'true' },
    '3.5.1',
  );
  assert.deepEqual(run('spark-defaults.conf', text).of('dra-without-shuffle-support'), []);
});
