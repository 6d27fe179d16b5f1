import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confFile, emrJob, GOOD_DRA, run } from './helpers';

test('emr-too-many-properties: 101 properties in one classification → the 101st is flagged', () => {
  const many: Record<string, string> = { ...GOOD_DRA };
  for (let i = Object.keys(many).length; i < 101; i++) many[`spark.sql.custom.key${i}`] = 'x';
  const r = run('job.json', emrJob(many));
  assert.deepEqual(r.spans('emr-too-many-properties'), ['spark.sql.custom.key100']);
  delete many['spark.sql.custom.key100'];
  assert.deepEqual(run('job.json', emrJob(many)).of('emr-too-many-properties'), []);
});

test('emr-value-too-long: a 1,025-character value → flagged; 1,024, or the same in spark-defaults.conf → quiet', () => {
  const long = 'x'.repeat(1025);
  const r = run('job.json', emrJob({ ...GOOD_DRA, 'spark.executor.extraJavaOptions': long }));
  assert.deepEqual(r.spans('emr-value-too-long'), [long]);
  assert.deepEqual(
    run('job.json', emrJob({ ...GOOD_DRA, 'spark.executor.extraJavaOptions': 'x'.repeat(1024) })).of(
      'emr-value-too-long',
    ),
    [],
  );
  // Not an EMR job: no EMR limits.
  assert.deepEqual(
    run('spark-defaults.conf', confFile({ 'spark.executor.extraJavaOptions': long })).of('emr-value-too-long'),
    [],
  );
});

test('emr-submit-parameters-too-long: sparkSubmitParameters over 102,400 characters → the part beyond is flagged', () => {
  const submit = `--conf spark.executor.extraJavaOptions=${'y'.repeat(102_400)}`;
  const text = emrJob(GOOD_DRA, submit);
  const r = run('job.json', text);
  const f = r.of('emr-submit-parameters-too-long');
  assert.equal(f.length, 1);
  const start = text.indexOf(submit);
  assert.equal(f[0]?.range.start, start + 102_400);
  assert.equal(f[0]?.range.end, start + submit.length);
});

/** A StartJobRun request whose applicationConfiguration holds `count` classifications. */
function manyConfigurations(count: number, serverless = false): string {
  const items = [
    `      { "classification": "spark-defaults", "properties": { "spark.dynamicAllocation.enabled": "false" } }`,
  ];
  for (let i = 1; i < count; i++) items.push(`      { "classification": "custom-${i}", "properties": {} }`);
  const target = serverless
    ? `"applicationId": "00abc"`
    : `"virtualClusterId": "abc",\n  "releaseLabel": "emr-7.2.0-latest"`;
  return `{\n  ${target},\n  "configurationOverrides": {\n    "applicationConfiguration": [\n${items.join(',\n')}\n    ]\n  }\n}\n`;
}

test('emr-too-many-configurations: 101 applicationConfiguration items → the 101st is flagged', () => {
  for (const serverless of [false, true]) {
    const text = manyConfigurations(101, serverless);
    const r = run('job.json', text);
    const found = r.of('emr-too-many-configurations');
    assert.equal(found.length, 1);
    const item = '{ "classification": "custom-100", "properties": {} }';
    assert.equal(found[0]?.range.start, text.indexOf(item));
    assert.deepEqual(r.spans('emr-too-many-configurations'), [item]);
    assert.match(found[0]?.message ?? '', /holds 101 configurations/);
    assert.deepEqual(run('job.json', manyConfigurations(100, serverless)).of('emr-too-many-configurations'), []);
  }
});

test('emr-too-many-configurations: a bare configuration array of 101 items → flagged the same way', () => {
  const items = Array.from({ length: 102 }, (_, i) => `  { "Classification": "c-${i}", "Properties": {} }`);
  const text = `[\n${items.join(',\n')}\n]\n`;
  const r = run('configurations.json', text);
  assert.deepEqual(r.spans('emr-too-many-configurations'), ['{ "Classification": "c-100", "Properties": {} }']);
  assert.match(r.of('emr-too-many-configurations')[0]?.message ?? '', /holds 102 configurations/);
  const fewer = `[\n${items.slice(0, 100).join(',\n')}\n]\n`;
  assert.deepEqual(run('configurations.json', fewer).of('emr-too-many-configurations'), []);
});
