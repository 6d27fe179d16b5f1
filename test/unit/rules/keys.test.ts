import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, emrJob, GOOD_DRA, pyspark, run, sparkApp } from './helpers';

test('unknown-key: a typo in EMR properties → flagged with a did-you-mean fix', () => {
  const text = emrJob({ ...GOOD_DRA, 'spark.dynamicAllocation.maxExecutor': '10' });
  const r = run('job.json', text);
  assert.deepEqual(r.spans('unknown-key'), ['spark.dynamicAllocation.maxExecutor']);
  assert.match(r.of('unknown-key')[0]?.message ?? '', /Did you mean `spark\.dynamicAllocation\.maxExecutors`/);
  const fixed = applyFix(text, r.of('unknown-key')[0]);
  assert.ok(fixed.includes('"spark.dynamicAllocation.maxExecutors": "10"'));
  assert.deepEqual(run('job.json', fixed).of('unknown-key'), []);
});

test('unknown-key: a typo inside sparkSubmitParameters → flagged on the key in the string', () => {
  const text = emrJob(GOOD_DRA, '--conf spark.dynamicAllocation.minExecutor=2 --conf spark.executor.memory=4g');
  const r = run('job.json', text);
  assert.deepEqual(r.spans('unknown-key'), ['spark.dynamicAllocation.minExecutor']);
  const fixed = applyFix(text, r.of('unknown-key')[0]);
  assert.ok(fixed.includes('--conf spark.dynamicAllocation.minExecutors=2 --conf'));
});

test('unknown-key: a typo in spark-defaults.conf, YAML and PySpark → flagged in each', () => {
  const conf = run('spark-defaults.conf', confFile({ 'spark.dynamicAllocation.enabeld': 'true' }));
  assert.deepEqual(conf.spans('unknown-key'), ['spark.dynamicAllocation.enabeld']);
  const yaml = run('app.yaml', sparkApp({ 'spark.kubernetes.allocation.batch.szie': '10' }));
  assert.deepEqual(yaml.spans('unknown-key'), ['spark.kubernetes.allocation.batch.szie']);
  const py = run('job.py', pyspark({ 'spark.decommission.enable': 'true' }));
  assert.deepEqual(py.spans('unknown-key'), ['spark.decommission.enable']);
});

test('unknown-key: real uncatalogued Spark keys and keys outside our namespaces → quiet', () => {
  const r = run(
    'spark-defaults.conf',
    confFile({
      'spark.kubernetes.container.image': 'img',
      'spark.sql.shuffle.partitions': '200',
      'spark.executor.extraJavaOptions': '-Dx=1',
    }),
  );
  assert.deepEqual(r.of('unknown-key'), []);
});

test('unknown-key: an unknown volume option → flagged, suggesting the nearest suffix', () => {
  const key = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.pth';
  const text = confFile({
    [key]: '/data',
    'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName': 'claim',
  });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('unknown-key'), ['mount.pth']);
  assert.ok(applyFix(text, r.of('unknown-key')[0]).includes('persistentVolumeClaim.data.mount.path /data'));
});

test('unknown-volume-type: a misspelt volume type → flagged on the type with a did-you-mean fix', () => {
  const text = confFile({ 'spark.kubernetes.executor.volumes.persistentVolumeClam.data.mount.path': '/data' });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('unknown-volume-type'), ['persistentVolumeClam']);
  assert.equal(r.of('unknown-volume-type')[0]?.severity, 'error');
  assert.ok(applyFix(text, r.of('unknown-volume-type')[0]).includes('volumes.persistentVolumeClaim.data.mount.path'));
});

test('volume-name-with-dot: a volume name with a dot → flagged, fix renames it', () => {
  const text = confFile({ 'spark.kubernetes.executor.volumes.emptyDir.scratch.v1.mount.path': '/tmp/x' });
  const r = run('spark-defaults.conf', text);
  assert.deepEqual(r.spans('volume-name-with-dot'), ['scratch.v1']);
  assert.ok(applyFix(text, r.of('volume-name-with-dot')[0]).includes('emptyDir.scratch-v1.mount.path'));
  assert.deepEqual(r.of('unknown-key'), []);
});

test('key-not-in-version: a 3.4 key on EMR 6.9 (Spark 3.3.0) → flagged', () => {
  const text = emrJob(
    { ...GOOD_DRA, 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true' },
    '',
    'emr-6.9.0-latest',
  );
  const r = run('job.json', text);
  assert.deepEqual(r.spans('key-not-in-version'), ['spark.kubernetes.driver.waitToReusePersistentVolumeClaim']);
  assert.match(r.of('key-not-in-version')[0]?.message ?? '', /Spark 3\.4\.0.*3\.3\.0/);
  const ok = run(
    'job.json',
    emrJob(
      { ...GOOD_DRA, 'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': 'true' },
      '',
      'emr-6.12.0-latest',
    ),
  );
  assert.deepEqual(ok.of('key-not-in-version'), []);
});

test('key-not-in-version: subPathExpr (4.0) on an older Spark → flagged', () => {
  const r = run(
    'spark-defaults.conf',
    confFile(
      {
        'spark.kubernetes.executor.volumes.emptyDir.scratch.mount.path': '/x',
        'spark.kubernetes.executor.volumes.emptyDir.scratch.mount.subPathExpr': '$(POD)',
      },
      '3.5.1',
    ),
  );
  assert.deepEqual(r.spans('key-not-in-version'), [
    'spark.kubernetes.executor.volumes.emptyDir.scratch.mount.subPathExpr',
  ]);
});

test('duplicate-key: a key set twice → flagged, naming the value that wins and pointing at it', () => {
  const text = emrJob({ ...GOOD_DRA }, '--conf spark.dynamicAllocation.maxExecutors=50');
  const r = run('job.json', text);
  const dup = r.of('duplicate-key');
  assert.equal(dup.length, 1);
  const loser = dup[0];
  assert.ok(loser);
  const winnerAt = text.indexOf('spark.dynamicAllocation.maxExecutors=50');
  const loserAt = text.indexOf('"spark.dynamicAllocation.maxExecutors"') + 1;
  // Whichever the locator ranks higher wins; the finding is on the other one and names the winner's value.
  const ranges = [loser.range.start, loser.related?.[0]?.range.start].sort();
  assert.deepEqual(ranges, [winnerAt, loserAt].sort());
  assert.equal(loser.severity, 'warning');
  assert.deepEqual(loser.tags, ['unnecessary']);
  assert.match(loser.message, /is set twice: this value \(\d+\) is ignored and \d+ from line \d+ is used, because /);
});

test('duplicate-key: a key twice in spark-defaults.conf → flagged (later wins); identical values → hint', () => {
  const text =
    '# spark-dra: sparkVersion=3.5.1\nspark.executor.cores 2\nspark.executor.cores 4\nspark.task.cpus 1\nspark.task.cpus 1\n';
  const r = run('spark-defaults.conf', text);
  const dup = r.of('duplicate-key');
  assert.equal(dup.length, 2);
  assert.equal(dup[0]?.range.start, text.indexOf('spark.executor.cores 2'));
  assert.equal(dup[0]?.related?.[0]?.range.start, text.indexOf('spark.executor.cores 4'));
  assert.match(dup[0]?.message ?? '', /ignored and 4 from line 3 is used, because the later setting wins/);
  assert.equal(dup[1]?.severity, 'hint');
});

test('keys: a correct job in any format → no finding', () => {
  for (const [name, text] of [
    ['job.json', emrJob(GOOD_DRA)],
    ['spark-defaults.conf', confFile(GOOD_DRA)],
    ['job.py', pyspark(GOOD_DRA)],
  ] as const) {
    const r = run(name, text);
    for (const id of [
      'unknown-key',
      'unknown-volume-type',
      'volume-name-with-dot',
      'key-not-in-version',
      'duplicate-key',
    ]) {
      assert.deepEqual(r.of(id), [], `${id} in ${name}`);
    }
  }
});

test('key-not-in-version: keys read by Celeborn or EMR on any Spark → quiet', () => {
  const r = run(
    'spark-defaults.conf',
    confFile(
      { 'spark.celeborn.master.endpoints': 'celeborn:9097', 'spark.kubernetes.executor.useDriverPodIP': 'true' },
      '2.3.0',
    ),
  );
  assert.deepEqual(r.spans('key-not-in-version'), ['spark.kubernetes.executor.useDriverPodIP']);
});
