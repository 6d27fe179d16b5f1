import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD_DRA, emrJob, run, sparkApp } from './helpers';
import { isSpark2EmrRelease, sparkVersionForEmrRelease } from '../../../server/src/engine/version';

test('spark-version-unknown: an EMR 5.x label → warning on the label saying Spark 2 is out of scope and which version is used', () => {
  const text = emrJob(GOOD_DRA, '', 'emr-5.33.0-latest');
  const found = run('job.json', text, { defaultSparkVersion: '3.4.1' });
  assert.deepEqual(found.spans('spark-version-unknown'), ['emr-5.33.0-latest']);
  const message = found.of('spark-version-unknown')[0]?.message ?? '';
  assert.match(message, /EMR 5\.x release, which ships Spark 2\.x/);
  assert.match(message, /checks here use Spark 3\.4\.1 instead/);
  assert.equal(found.of('spark-version-unknown')[0]?.severity, 'warning');
});

test('spark-version-unknown: EMR 5.x labels are never mapped to a Spark version', () => {
  for (const label of ['emr-5.32.0-latest', 'emr-5.36.2', 'emr-5.36.0-20230101']) {
    assert.equal(sparkVersionForEmrRelease(label), undefined, label);
    assert.equal(isSpark2EmrRelease(label), true, label);
  }
  assert.equal(isSpark2EmrRelease('emr-6.10.0-latest'), false);
  assert.equal(isSpark2EmrRelease('emr-spark-8.0.0-latest'), false);
});

test('spark-version-unknown: an EMR label newer than the table → warning naming the label', () => {
  const text = emrJob(GOOD_DRA, '', 'emr-9.1.0-latest');
  const found = run('job.json', text).of('spark-version-unknown');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /does not know which Spark `emr-9\.1\.0-latest` stands for/);
});

test('spark-version-unknown: a malformed spec.sparkVersion → warning; a known label or version → quiet', () => {
  const app = sparkApp(GOOD_DRA, '', '3.x');
  assert.deepEqual(run('app.yaml', app).spans('spark-version-unknown'), ['3.x']);
  assert.deepEqual(run('app.yaml', sparkApp(GOOD_DRA)).of('spark-version-unknown'), []);
  assert.deepEqual(
    run('job.json', emrJob(GOOD_DRA, '', 'emr-6.10.0-spark-rapids-latest')).of('spark-version-unknown'),
    [],
  );
});
