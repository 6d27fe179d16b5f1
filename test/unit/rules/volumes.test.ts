import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, run } from './helpers';

const PVC = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';
const GOOD_PVC = {
  [`${PVC}.options.claimName`]: 'OnDemand',
  [`${PVC}.options.storageClass`]: 'gp3',
  [`${PVC}.options.sizeLimit`]: '100Gi',
  [`${PVC}.mount.path`]: '/data',
  [`${PVC}.mount.readOnly`]: 'false',
};

test('volume-missing-mount-path and volume-missing-option: range on the volume name; fixes add the keys', () => {
  const text = confFile({ 'spark.kubernetes.executor.volumes.nfs.shared.options.path': '/export' });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('volume-missing-mount-path'), ['shared']);
  assert.deepEqual(r.of('volume-missing-option').map((f) => f.message.match(/needs (\S+);/)?.[1]), ['options.server']);
  const fixed = applyFix(text, r.of('volume-missing-mount-path')[0]);
  assert.ok(fixed.endsWith('spark.kubernetes.executor.volumes.nfs.shared.mount.path /data\n'));
});

test('ondemand-pvc-incomplete: inside sparkSubmitParameters, fixes add storageClass and sizeLimit', () => {
  const text = emrJob(GOOD_DRA, `--conf ${PVC}.options.claimName=OnDemand --conf ${PVC}.mount.path=/data`);
  const r = run('job.json', text);
  assert.deepEqual(r.spans('ondemand-pvc-incomplete'), ['OnDemand']);
  let fixed = applyFix(text, r.of('ondemand-pvc-incomplete')[0], /storageClass/);
  fixed = applyFix(fixed, run('job.json', fixed).of('ondemand-pvc-incomplete')[0], /sizeLimit/);
  assert.deepEqual(run('job.json', fixed).of('ondemand-pvc-incomplete'), []);
  assert.ok(fixed.includes(`"${PVC}.options.storageClass": "gp3"`));
});

test('pvc-reuse-old-spark: own/reuse on Spark 3.2-3.3 only', () => {
  const r = run('job.json', emrJob({ ...GOOD_DRA, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'true' }, '', 'emr-6.6.0-latest'));
  assert.deepEqual(r.spans('pvc-reuse-old-spark'), ['true']);
  assert.deepEqual(run('job.json', emrJob({ ...GOOD_DRA, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'true' }, '', 'emr-6.12.0-latest')).of('pvc-reuse-old-spark'), []);
});

test('wait-to-reuse-without-reuse', () => {
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'false', 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true' }));
  assert.deepEqual(r.spans('wait-to-reuse-without-reuse'), ['true']);
  assert.ok(applyFix(r.text, r.of('wait-to-reuse-without-reuse')[0]).includes('reusePersistentVolumeClaim true'));
  assert.deepEqual(run('spark-defaults.conf', confFile({ ...GOOD_DRA, 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true' })).of('wait-to-reuse-without-reuse'), []);
});

test('local-disk-io-without-reuse and local-disk-io-without-local-dir', () => {
  const plugin = { 'spark.shuffle.sort.io.plugin.class': 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO' };
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...plugin, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'false' }));
  assert.deepEqual(r.spans('local-disk-io-without-reuse'), ['org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO']);
  assert.equal(r.of('local-disk-io-without-local-dir').length, 1);
  const fixed = applyFix(r.text, r.of('local-disk-io-without-reuse')[0]);
  assert.ok(fixed.includes('spark.kubernetes.driver.reusePersistentVolumeClaim true'));
  const good = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...plugin, ...GOOD_PVC }));
  assert.deepEqual(good.of('local-disk-io-without-reuse'), []);
  assert.deepEqual(good.of('local-disk-io-without-local-dir'), []);
});

test('local-dir-read-only', () => {
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${PVC}.mount.readOnly`]: 'true' }));
  assert.deepEqual(r.spans('local-dir-read-only'), ['true']);
  assert.ok(applyFix(r.text, r.of('local-dir-read-only')[0]).includes('mount.readOnly false'));
});

test('duplicate-mount-path: per pod, related points at the first', () => {
  const other = 'spark.kubernetes.executor.volumes.emptyDir.scratch';
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${other}.mount.path`]: '/data/' }));
  assert.deepEqual(r.spans('duplicate-mount-path'), ['/data/']);
  const related = r.of('duplicate-mount-path')[0]?.related?.[0];
  assert.equal(r.text.slice(related?.range.start, related?.range.end), '/data');
  const driver = 'spark.kubernetes.driver.volumes.emptyDir.scratch';
  assert.deepEqual(run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${driver}.mount.path`]: '/data' })).of('duplicate-mount-path'), []);
});

test('subpath-conflict', () => {
  const v = 'spark.kubernetes.executor.volumes.emptyDir.scratch';
  const r = run('spark-defaults.conf', confFile({ [`${v}.mount.path`]: '/x', [`${v}.mount.subPath`]: 'a', [`${v}.mount.subPathExpr`]: '$(POD)' }, '4.0.0'));
  assert.deepEqual(r.spans('subpath-conflict'), [`${v}.mount.subPathExpr`]);
});

test('volumes: nothing fires on a correct PVC setup, and nothing on EMR Serverless-style platforms', () => {
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC }));
  assert.deepEqual(r.findings.map((f) => f.ruleId), []);
});
