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

test('volume-missing-mount-path, volume-missing-option: a volume without mount path or claim name → flagged on the name, fixes add the keys', () => {
  const text = confFile({ 'spark.kubernetes.executor.volumes.nfs.shared.options.path': '/export' });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('volume-missing-mount-path'), ['shared']);
  assert.deepEqual(
    r.of('volume-missing-option').map((f) => f.message.match(/needs (\S+);/)?.[1]),
    ['options.server'],
  );
  const fixed = applyFix(text, r.of('volume-missing-mount-path')[0]);
  assert.ok(fixed.endsWith('spark.kubernetes.executor.volumes.nfs.shared.mount.path /data\n'));
});

test('ondemand-pvc-incomplete: an OnDemand claim without storageClass and sizeLimit in sparkSubmitParameters → flagged, fixes add them', () => {
  const text = emrJob(GOOD_DRA, `--conf ${PVC}.options.claimName=OnDemand --conf ${PVC}.mount.path=/data`);
  const r = run('job.json', text);
  assert.deepEqual(r.spans('ondemand-pvc-incomplete'), ['OnDemand']);
  let fixed = applyFix(text, r.of('ondemand-pvc-incomplete')[0], /storageClass/);
  fixed = applyFix(fixed, run('job.json', fixed).of('ondemand-pvc-incomplete')[0], /sizeLimit/);
  assert.deepEqual(run('job.json', fixed).of('ondemand-pvc-incomplete'), []);
  assert.ok(fixed.includes(`"${PVC}.options.storageClass": "gp3"`));
});

test('pvc-reuse-old-spark: own/reuse written for Spark before 3.4 → flagged on 3.2–3.3 only', () => {
  const r = run(
    'job.json',
    emrJob({ ...GOOD_DRA, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'true' }, '', 'emr-6.6.0-latest'),
  );
  assert.deepEqual(r.spans('pvc-reuse-old-spark'), ['true']);
  assert.deepEqual(
    run(
      'job.json',
      emrJob({ ...GOOD_DRA, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'true' }, '', 'emr-6.12.0-latest'),
    ).of('pvc-reuse-old-spark'),
    [],
  );
});

test('pvc-reuse-without-own: reuse on while ownership is off (version defaults counted) → flagged', () => {
  const REUSE = 'spark.kubernetes.driver.reusePersistentVolumeClaim';
  const OWN = 'spark.kubernetes.driver.ownPersistentVolumeClaim';
  // Spark 3.3.1 (EMR 6.10): own defaults to false.
  const text = emrJob({ ...GOOD_DRA, [REUSE]: 'true', ...GOOD_PVC }, '', 'emr-6.10.0-latest');
  const r = run('job.json', text);
  const [found] = r.of('pvc-reuse-without-own');
  assert.ok(found);
  assert.equal(r.of('pvc-reuse-without-own').length, 1);
  assert.equal(found.range.start, text.indexOf(`"${REUSE}": "true"`) + REUSE.length + 5);
  assert.equal(text.slice(found.range.start, found.range.end), 'true');
  assert.match(found.message, /defaults to false on Spark 3\.3\.1/);
  const fixed = applyFix(text, found);
  assert.ok(fixed.includes(`"${OWN}": "true"`));
  assert.deepEqual(run('job.json', fixed).of('pvc-reuse-without-own'), []);

  // Spark 3.5 with own written false: reported, with the own entry as related information.
  const conf = confFile({ ...GOOD_DRA, [OWN]: 'false', [REUSE]: 'true' });
  const explicit = run('spark-defaults.conf', conf);
  assert.deepEqual(explicit.spans('pvc-reuse-without-own'), ['true']);
  const [withOwn] = explicit.of('pvc-reuse-without-own');
  assert.equal(withOwn?.range.start, conf.indexOf(`${REUSE} true`) + REUSE.length + 1);
  const related = withOwn?.related?.[0];
  assert.equal(related?.range.start, conf.indexOf(`${OWN} false`) + OWN.length + 1);
  assert.equal(conf.slice(related?.range.start, related?.range.end), 'false');
  assert.ok(applyFix(conf, withOwn).includes(`${OWN} true\n`));

  // Passing: own on (written, or by default from 3.4), reuse only by default, or a version before the keys existed.
  assert.deepEqual(
    run('job.json', emrJob({ ...GOOD_DRA, [OWN]: 'true', [REUSE]: 'true' }, '', 'emr-6.10.0-latest')).of(
      'pvc-reuse-without-own',
    ),
    [],
  );
  assert.deepEqual(
    run('job.json', emrJob({ ...GOOD_DRA, [REUSE]: 'true', ...GOOD_PVC }, '', 'emr-6.12.0-latest')).of(
      'pvc-reuse-without-own',
    ),
    [],
  );
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ ...GOOD_DRA, [OWN]: 'false' })).of('pvc-reuse-without-own'),
    [],
  );
  assert.deepEqual(run('spark-defaults.conf', confFile({ [REUSE]: 'true' }, '3.1.3')).of('pvc-reuse-without-own'), []);
});

test('wait-to-reuse-without-reuse: waitToReuse on with reuse off → flagged, fix turns reuse on; reuse by default → quiet', () => {
  const r = run(
    'spark-defaults.conf',
    confFile({
      ...GOOD_DRA,
      'spark.kubernetes.driver.reusePersistentVolumeClaim': 'false',
      'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true',
    }),
  );
  assert.deepEqual(r.spans('wait-to-reuse-without-reuse'), ['true']);
  assert.ok(applyFix(r.text, r.of('wait-to-reuse-without-reuse')[0]).includes('reusePersistentVolumeClaim true'));
  assert.deepEqual(
    run(
      'spark-defaults.conf',
      confFile({ ...GOOD_DRA, 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true' }),
    ).of('wait-to-reuse-without-reuse'),
    [],
  );
});

test('local-disk-io-without-reuse, local-disk-io-without-local-dir: the local-disk plugin without reuse or a spark-local-dir volume → both flagged, fix turns reuse on; full PVC setup → quiet', () => {
  const plugin = { 'spark.shuffle.sort.io.plugin.class': 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO' };
  const r = run(
    'spark-defaults.conf',
    confFile({ ...GOOD_DRA, ...plugin, 'spark.kubernetes.driver.reusePersistentVolumeClaim': 'false' }),
  );
  assert.deepEqual(r.spans('local-disk-io-without-reuse'), [
    'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO',
  ]);
  assert.equal(r.of('local-disk-io-without-local-dir').length, 1);
  const fixed = applyFix(r.text, r.of('local-disk-io-without-reuse')[0]);
  assert.ok(fixed.includes('spark.kubernetes.driver.reusePersistentVolumeClaim true'));
  const good = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...plugin, ...GOOD_PVC }));
  assert.deepEqual(good.of('local-disk-io-without-reuse'), []);
  assert.deepEqual(good.of('local-disk-io-without-local-dir'), []);
});

test('local-dir-read-only: the spark-local-dir volume mounted read-only → flagged, fix sets readOnly false', () => {
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${PVC}.mount.readOnly`]: 'true' }));
  assert.deepEqual(r.spans('local-dir-read-only'), ['true']);
  assert.ok(applyFix(r.text, r.of('local-dir-read-only')[0]).includes('mount.readOnly false'));
});

test('duplicate-mount-path: two executor volumes on /data → flagged, related at the first; driver and executor alike → quiet', () => {
  const other = 'spark.kubernetes.executor.volumes.emptyDir.scratch';
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${other}.mount.path`]: '/data/' }));
  assert.deepEqual(r.spans('duplicate-mount-path'), ['/data/']);
  const related = r.of('duplicate-mount-path')[0]?.related?.[0];
  assert.equal(r.text.slice(related?.range.start, related?.range.end), '/data');
  const driver = 'spark.kubernetes.driver.volumes.emptyDir.scratch';
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC, [`${driver}.mount.path`]: '/data' })).of(
      'duplicate-mount-path',
    ),
    [],
  );
});

test('subpath-conflict: subPath and subPathExpr on one volume → flagged on subPathExpr', () => {
  const v = 'spark.kubernetes.executor.volumes.emptyDir.scratch';
  const r = run(
    'spark-defaults.conf',
    confFile({ [`${v}.mount.path`]: '/x', [`${v}.mount.subPath`]: 'a', [`${v}.mount.subPathExpr`]: '$(POD)' }, '4.0.0'),
  );
  assert.deepEqual(r.spans('subpath-conflict'), [`${v}.mount.subPathExpr`]);
});

test('volumes: a correct PVC setup, or an EMR Serverless-style platform → no finding', () => {
  const r = run('spark-defaults.conf', confFile({ ...GOOD_DRA, ...GOOD_PVC }));
  assert.deepEqual(
    r.findings.map((f) => f.ruleId),
    [],
  );
});
