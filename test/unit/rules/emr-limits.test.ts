import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confFile, emrJob, GOOD_DRA, run } from './helpers';

test('emr-too-many-properties: the 101st property is flagged', () => {
  const many: Record<string, string> = { ...GOOD_DRA };
  for (let i = Object.keys(many).length; i < 101; i++) many[`spark.sql.custom.key${i}`] = 'x';
  const r = run('job.json', emrJob(many));
  assert.deepEqual(r.spans('emr-too-many-properties'), ['spark.sql.custom.key100']);
  delete many['spark.sql.custom.key100'];
  assert.deepEqual(run('job.json', emrJob(many)).of('emr-too-many-properties'), []);
});

test('emr-value-too-long', () => {
  const long = 'x'.repeat(1025);
  const r = run('job.json', emrJob({ ...GOOD_DRA, 'spark.executor.extraJavaOptions': long }));
  assert.deepEqual(r.spans('emr-value-too-long'), [long]);
  assert.deepEqual(run('job.json', emrJob({ ...GOOD_DRA, 'spark.executor.extraJavaOptions': 'x'.repeat(1024) })).of('emr-value-too-long'), []);
  // Not an EMR job: no EMR limits.
  assert.deepEqual(run('spark-defaults.conf', confFile({ 'spark.executor.extraJavaOptions': long })).of('emr-value-too-long'), []);
});

test('emr-submit-parameters-too-long: the part beyond 102,400 characters', () => {
  const submit = `--conf spark.executor.extraJavaOptions=${'y'.repeat(102_400)}`;
  const text = emrJob(GOOD_DRA, submit);
  const r = run('job.json', text);
  const f = r.of('emr-submit-parameters-too-long');
  assert.equal(f.length, 1);
  const start = text.indexOf(submit);
  assert.equal(f[0]?.range.start, start + 102_400);
  assert.equal(f[0]?.range.end, start + submit.length);
});
