import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, run, sparkApp } from './helpers';

test('operator-denied-sparkconf-key: image and service account in sparkConf → warning on each key, fix removes the line', () => {
  const text = sparkApp({
    'spark.kubernetes.container.image': 'my/spark:4.0',
    'spark.dynamicAllocation.maxExecutors': '10',
    'spark.kubernetes.authenticate.driver.serviceAccountName': 'spark',
  });
  const r = run('app.yaml', text);
  assert.deepEqual(r.spans('operator-denied-sparkconf-key'), [
    'spark.kubernetes.container.image',
    'spark.kubernetes.authenticate.driver.serviceAccountName',
  ]);
  assert.match(r.of('operator-denied-sparkconf-key')[0]?.message ?? '', /spec\.image/);
  const fixed = applyFix(text, r.of('operator-denied-sparkconf-key')[0]);
  assert.ok(!fixed.includes('container.image'));
  assert.ok(fixed.includes('    spark.dynamicAllocation.maxExecutors: "10"\n'));
  assert.equal(run('app.yaml', fixed).of('operator-denied-sparkconf-key').length, 1);
});

test('operator-denied-sparkconf-key: OAuth keys or spark.master in a kubeflow sparkConf → flagged; other keys and formats → quiet', () => {
  const r = run(
    'app.yaml',
    sparkApp({ 'spark.kubernetes.authenticate.executor.oauthTokenFile': '/t', 'spark.master': 'k8s://x' }),
  );
  assert.equal(r.of('operator-denied-sparkconf-key').length, 2);
  assert.deepEqual(
    run('app.yaml', sparkApp({ 'spark.kubernetes.executor.podNamePrefix': 'x' })).of('operator-denied-sparkconf-key'),
    [],
  );
  const elsewhere = { 'spark.kubernetes.container.image': 'my/spark:4.0' };
  assert.deepEqual(run('job.json', emrJob(elsewhere)).of('operator-denied-sparkconf-key'), []);
  assert.deepEqual(run('spark-defaults.conf', confFile(elsewhere)).of('operator-denied-sparkconf-key'), []);
});
