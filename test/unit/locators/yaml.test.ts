import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile } from '../../../server/src/engine/locators/yaml';
import type { ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { APP } from './yaml-fixtures';

const slice = (text: string, range: Range): string => text.slice(range.start, range.end);

function entry(job: JobConfig, key: string, origin?: ConfigEntry['origin']): ConfigEntry {
  const found = job.entries.filter((e) => e.key === key && (origin === undefined || e.origin === origin));
  assert.equal(found.length, 1, `expected exactly one entry for ${key}`);
  return found[0] as ConfigEntry;
}

test('SparkApplication: sparkConf entries with exact ranges and non-string values', () => {
  const parsed = parseYamlFile(APP);
  assert.equal(parsed.format, 'yaml');
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  assert.equal(job.kind, 'spark-operator');
  assert.equal(job.facts.platform, 'kubernetes');
  assert.equal(job.facts.name, 'spark-pi');
  assert.equal(job.facts.applicationType, 'Scala');
  assert.deepEqual(job.range, { start: 0, end: APP.length });

  const max = entry(job, 'spark.dynamicAllocation.maxExecutors', 'spark-conf');
  assert.equal(max.value, '20');
  assert.equal(slice(APP, max.keyRange), 'spark.dynamicAllocation.maxExecutors');
  assert.equal(slice(APP, max.valueRange), '20');
  assert.equal(APP[max.valueRange.start - 1], '"');
  assert.equal(max.nonStringValue, undefined);

  const cores = entry(job, 'spark.executor.cores', 'spark-conf');
  assert.equal(cores.value, '4');
  assert.equal(cores.nonStringValue, true);
  assert.equal(slice(APP, cores.valueRange), '4');

  const enabled = entry(job, 'spark.dynamicAllocation.enabled', 'spark-conf');
  assert.equal(slice(APP, enabled.keyRange), 'spark.dynamicAllocation.enabled');
  assert.equal(APP[enabled.keyRange.start - 1], "'");
  assert.equal(enabled.value, 'true');
  assert.equal(enabled.nonStringValue, true);
  assert.equal(slice(APP, enabled.valueRange), 'true');

  const confRanks = job.entries.filter((e) => e.origin === 'spark-conf').map((e) => e.rank);
  assert.deepEqual(confRanks, [0, 1, 2, 3]);
});

test('SparkApplication: operator fields map to the Spark keys they write and outrank sparkConf', () => {
  const job = parseYamlFile(APP).jobs[0] as JobConfig;
  const expected: [string, string, string, string][] = [
    ['spark.executor.cores', 'cores', '2', 'spec.executor.cores'],
    ['spark.executor.instances', 'instances', '3', 'spec.executor.instances'],
    ['spark.executor.memory', 'memory', '4g', 'spec.executor.memory'],
    ['spark.kubernetes.executor.request.cores', 'coreRequest', '1500m', 'spec.executor.coreRequest'],
    ['spark.kubernetes.executor.limit.cores', 'coreLimit', '2', 'spec.executor.coreLimit'],
    ['spark.executor.memoryOverhead', 'memoryOverhead', '1g', 'spec.executor.memoryOverhead'],
    ['spark.dynamicAllocation.enabled', 'enabled', 'true', 'spec.dynamicAllocation.enabled'],
    ['spark.dynamicAllocation.initialExecutors', 'initialExecutors', '2', 'spec.dynamicAllocation.initialExecutors'],
    ['spark.dynamicAllocation.minExecutors', 'minExecutors', '2', 'spec.dynamicAllocation.minExecutors'],
    ['spark.dynamicAllocation.maxExecutors', 'maxExecutors', '10', 'spec.dynamicAllocation.maxExecutors'],
    [
      'spark.dynamicAllocation.shuffleTracking.timeout',
      'shuffleTrackingTimeout',
      '60000',
      'spec.dynamicAllocation.shuffleTrackingTimeout',
    ],
  ];
  const maxConfRank = Math.max(...job.entries.filter((e) => e.origin === 'spark-conf').map((e) => e.rank));
  for (const [key, field, value, writtenAs] of expected) {
    const found = entry(job, key, 'operator-field');
    assert.equal(slice(APP, found.keyRange), field, key);
    assert.equal(found.value, value, key);
    assert.equal(slice(APP, found.valueRange), value, key);
    assert.equal(found.writtenAs, writtenAs);
    assert.ok(found.rank > maxConfRank, `${key} must outrank sparkConf`);
  }
  // Same key in sparkConf and as an operator field: the operator's one wins.
  const byRank = job.entries
    .filter((e) => e.key === 'spark.dynamicAllocation.minExecutors')
    .sort((a, b) => b.rank - a.rank);
  assert.equal(byRank[0]?.origin, 'operator-field');
  assert.equal(byRank[0]?.value, '2');
  // Entries are in document order.
  const starts = job.entries.map((e) => e.keyRange.start);
  assert.deepEqual(
    starts,
    [...starts].sort((a, b) => a - b),
  );
});

test('SparkApplication: enabled dynamic allocation implies shuffle tracking, pointing at `enabled`', () => {
  const job = parseYamlFile(APP).jobs[0] as JobConfig;
  const tracking = entry(job, 'spark.dynamicAllocation.shuffleTracking.enabled');
  assert.equal(tracking.value, 'true');
  assert.equal(tracking.implied, true);
  assert.equal(tracking.origin, 'operator-field');
  assert.equal(slice(APP, tracking.keyRange), 'enabled');
  assert.equal(slice(APP, tracking.valueRange), 'true');
  assert.equal(job.facts.operatorDynamicAllocation?.enabled, true);
  assert.equal(slice(APP, job.facts.operatorDynamicAllocation?.range ?? { start: 0, end: 0 }), 'enabled: true');
});

test('SparkApplication: explicit shuffleTrackingEnabled replaces the implied entry', () => {
  const text = APP.replace('    maxExecutors: 10\n', '    maxExecutors: 10\n    shuffleTrackingEnabled: false\n');
  const job = parseYamlFile(text).jobs[0] as JobConfig;
  const tracking = entry(job, 'spark.dynamicAllocation.shuffleTracking.enabled');
  assert.equal(tracking.value, 'false');
  assert.equal(tracking.implied, undefined);
  assert.equal(slice(text, tracking.keyRange), 'shuffleTrackingEnabled');
});

test('SparkApplication: a disabled dynamicAllocation block writes nothing but is recorded', () => {
  const text = APP.replace('    enabled: true\n', '    enabled: false\n');
  const job = parseYamlFile(text).jobs[0] as JobConfig;
  assert.equal(job.facts.operatorDynamicAllocation?.enabled, false);
  assert.equal(slice(text, job.facts.operatorDynamicAllocation?.range ?? { start: 0, end: 0 }), 'enabled: false');
  assert.equal(job.entries.filter((e) => e.writtenAs?.includes('dynamicAllocation')).length, 0);
  // sparkConf entries are unaffected.
  assert.equal(entry(job, 'spark.dynamicAllocation.maxExecutors').value, '20');

  const absent = APP.replace('    enabled: true\n', '');
  const job2 = parseYamlFile(absent).jobs[0] as JobConfig;
  assert.equal(job2.facts.operatorDynamicAllocation?.enabled, false);
  assert.equal(slice(absent, job2.facts.operatorDynamicAllocation?.range ?? { start: 0, end: 0 }), 'dynamicAllocation');
});

test('SparkApplication: spec.sparkVersion, and a version comment overriding it', () => {
  const job = parseYamlFile(APP).jobs[0] as JobConfig;
  assert.equal(job.sparkVersion?.version, '3.4.1');
  assert.equal(job.sparkVersion?.from, 'spec.sparkVersion');
  assert.equal(slice(APP, job.sparkVersion?.range ?? { start: 0, end: 0 }), '3.4.1');

  const commented = APP.replace('  sparkConf:\n', '  # spark-dra: sparkVersion=3.5\n  sparkConf:\n');
  const job2 = parseYamlFile(commented).jobs[0] as JobConfig;
  assert.equal(job2.sparkVersion?.version, '3.5.0');
  assert.equal(job2.sparkVersion?.from, 'comment');
  assert.equal(job2.sparkVersion?.raw, '3.5');
  assert.equal(slice(commented, job2.sparkVersion?.range ?? { start: 0, end: 0 }), '3.5');

  const bad = APP.replace('"3.4.1"', '"latest"');
  const job3 = parseYamlFile(bad).jobs[0] as JobConfig;
  assert.equal(job3.sparkVersion?.unresolved, true);
  assert.equal(job3.sparkVersion?.raw, 'latest');
});

test('SparkApplication: the sparkConf container and its indentation', () => {
  const job = parseYamlFile(APP).jobs[0] as JobConfig;
  assert.equal(job.containers.length, 1);
  const container = job.containers[0];
  assert.equal(container?.kind, 'yaml-spark-conf');
  assert.equal(container?.indent, '    ');
  const body = slice(APP, container?.range ?? { start: 0, end: 0 });
  assert.ok(body.startsWith('"spark.dynamicAllocation.maxExecutors": "20"'));
  assert.ok(body.endsWith('spark.dynamicAllocation.minExecutors: "1"'));

  const without = APP.replace(/ {2}sparkConf:\n( {4}.*\n)+/, '');
  const job2 = parseYamlFile(without).jobs[0] as JobConfig;
  assert.deepEqual(job2.containers, []);
  assert.equal(job2.entries.filter((e) => e.origin === 'spark-conf').length, 0);

  const flow = 'kind: SparkApplication\nspec:\n  sparkConf: { "a.b": "1" }\n';
  const flowJob = parseYamlFile(flow).jobs[0] as JobConfig;
  assert.equal(slice(flow, flowJob.containers[0]?.range ?? { start: 0, end: 0 }), ' "a.b": "1" ');
  assert.equal(slice(flow, entry(flowJob, 'a.b').valueRange), '1');
});

test('ScheduledSparkApplication reads spec.template', () => {
  const text = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: ScheduledSparkApplication
metadata:
  name: nightly
spec:
  schedule: "@every 1h"
  template:
    type: Python
    sparkVersion: 3.5.1
    sparkConf:
      spark.dynamicAllocation.executorIdleTimeout: "30s"
    dynamicAllocation:
      enabled: true
      maxExecutors: 8
`;
  const parsed = parseYamlFile(text);
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  assert.equal(job.facts.name, 'nightly');
  assert.equal(job.facts.applicationType, 'Python');
  assert.equal(job.sparkVersion?.version, '3.5.1');
  assert.equal(job.containers[0]?.indent, '      ');
  const idle = entry(job, 'spark.dynamicAllocation.executorIdleTimeout');
  assert.equal(slice(text, idle.valueRange), '30s');
  const max = entry(job, 'spark.dynamicAllocation.maxExecutors');
  assert.equal(max.writtenAs, 'spec.template.dynamicAllocation.maxExecutors');
  assert.equal(slice(text, max.valueRange), '8');
  assert.equal(entry(job, 'spark.dynamicAllocation.shuffleTracking.enabled').implied, true);
});

test('multi-document file: SparkApplication, StorageClass, ConfigMap', () => {
  const app = 'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n  sparkConf:\n    a.b: "1"\n';
  const sc = `---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: gp3-wait
provisioner: ebs.csi.aws.com
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
allowVolumeExpansion: true
parameters:
  type: gp3
  iops: 3000
`;
  const cm =
    '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spark-conf\ndata:\n  spark.executor.cores: "4"\n';
  const text = app + sc + cm;
  const parsed = parseYamlFile(text);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 1);
  assert.deepEqual(parsed.jobs[0]?.range, { start: 0, end: app.length });
  assert.equal(parsed.storageClasses.length, 1);
  const info = parsed.storageClasses[0];
  assert.equal(info?.name, 'gp3-wait');
  assert.equal(slice(text, info?.nameRange ?? { start: 0, end: 0 }), 'gp3-wait');
  assert.deepEqual(info?.range, { start: app.length, end: app.length + sc.length });
  assert.equal(info?.provisioner, 'ebs.csi.aws.com');
  assert.equal(info?.reclaimPolicy?.value, 'Delete');
  assert.equal(slice(text, info?.reclaimPolicy?.range ?? { start: 0, end: 0 }), 'Delete');
  assert.equal(info?.volumeBindingMode?.value, 'WaitForFirstConsumer');
  assert.equal(slice(text, info?.volumeBindingMode?.range ?? { start: 0, end: 0 }), 'WaitForFirstConsumer');
  assert.equal(info?.allowVolumeExpansion, true);
  assert.deepEqual(info?.parameters, { type: 'gp3', iops: '3000' });
});

test('a broken middle document hides neither neighbour, and its errors are not ours to report', () => {
  const app = 'kind: SparkApplication\napiVersion: sparkoperator.k8s.io/v1beta2\nspec:\n  sparkConf:\n    a.b: "1"\n';
  const broken = '---\nkind: ConfigMap\ndata:\n  x: "never closed\n  y: [1, 2\n';
  const sc = '---\nkind: StorageClass\napiVersion: storage.k8s.io/v1\nmetadata:\n  name: fast\nprovisioner: x\n';
  const text = app + broken + sc;
  const parsed = parseYamlFile(text);
  assert.equal(parsed.jobs.length, 1);
  assert.equal(parsed.storageClasses.length, 1);
  assert.equal(parsed.storageClasses[0]?.name, 'fast');
  assert.deepEqual(parsed.syntaxErrors, []);
});

test('syntax errors in a SparkApplication are reported with tight ranges, and its entries still read', () => {
  const text = [
    'apiVersion: sparkoperator.k8s.io/v1beta2',
    'kind: SparkApplication',
    'spec:',
    '  sparkConf:',
    '    spark.a: "1"',
    '    spark.dyn',
    '---',
    'kind: StorageClass',
    'metadata:',
    '  name: ok',
    '',
  ].join('\n');
  const parsed = parseYamlFile(text);
  assert.equal(parsed.syntaxErrors.length, 1);
  assert.equal(slice(text, parsed.syntaxErrors[0]?.range ?? { start: 0, end: 0 }), 'spark.dyn');
  const job = parsed.jobs[0] as JobConfig;
  const half = entry(job, 'spark.dyn');
  assert.equal(half.value, '');
  assert.equal(half.valueRange.start, half.valueRange.end);
  assert.equal(slice(text, half.keyRange), 'spark.dyn');
  assert.equal(parsed.storageClasses.length, 1);
});

test('a SparkApplication whose tree is unreadable still has its syntax errors reported', () => {
  const text = 'kind: SparkApplication\nspec: [unclosed\n  sparkConf: x\n';
  const parsed = parseYamlFile(text);
  assert.ok(parsed.syntaxErrors.length > 0);
  for (const problem of parsed.syntaxErrors) {
    assert.ok(problem.range.start >= 0 && problem.range.end <= text.length && problem.range.start <= problem.range.end);
    assert.ok(problem.range.end - problem.range.start < text.length);
  }
});

test('other YAML yields nothing: docker-compose, a workflow with errors, a Deployment, a foreign apiVersion', () => {
  const compose = `version: "3.8"
services:
  spark:
    image: bitnami/spark:3.5
    environment:
      - SPARK_MODE=master
    ports: ["8080:8080"]
`;
  const workflow = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [\n';
  const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  sparkConf:\n    a: b\n';
  const foreign = 'apiVersion: example.com/v1\nkind: SparkApplication\nspec:\n  sparkConf:\n    a: b\n';
  for (const text of [compose, workflow, deployment, foreign, '', '---\n', '# just a comment\n']) {
    const parsed = parseYamlFile(text);
    assert.deepEqual(parsed.jobs, [], text);
    assert.deepEqual(parsed.storageClasses, [], text);
    assert.deepEqual(parsed.syntaxErrors, [], text);
    assert.deepEqual(parsed.suppressions, [], text);
  }
});

test('suppression comments in a SparkApplication', () => {
  const text = [
    'kind: SparkApplication',
    'spec:',
    '  sparkConf:',
    '    # spark-dra-disable-next-line rule-a, rule-b -- known and accepted',
    '    spark.a: "1"',
    '    spark.b: "2" # spark-dra-disable-line',
    '',
  ].join('\n');
  const parsed = parseYamlFile(text);
  assert.equal(parsed.suppressions.length, 2);
  const [next, same] = parsed.suppressions;
  assert.deepEqual(next?.rules, ['rule-a', 'rule-b']);
  assert.equal(slice(text, next?.appliesTo ?? { start: 0, end: 0 }), '    spark.a: "1"');
  assert.equal(
    slice(text, next?.range ?? { start: 0, end: 0 }),
    '# spark-dra-disable-next-line rule-a, rule-b -- known and accepted',
  );
  assert.deepEqual(same?.rules, []);
  assert.equal(slice(text, same?.appliesTo ?? { start: 0, end: 0 }), '    spark.b: "2" # spark-dra-disable-line');
});

test('a # inside a quoted value is not a comment', () => {
  const text = 'kind: SparkApplication\nspec:\n  sparkConf:\n    spark.a: "x # spark-dra-disable-line"\n';
  const parsed = parseYamlFile(text);
  assert.deepEqual(parsed.suppressions, []);
  assert.equal(parsed.jobs[0]?.entries[0]?.value, 'x # spark-dra-disable-line');
});

test('an empty sparkConf still offers a container, indented below its key', () => {
  const text = 'kind: SparkApplication\nspec:\n  sparkConf:\n  type: Scala\n';
  const job = parseYamlFile(text).jobs[0] as JobConfig;
  assert.equal(job.containers[0]?.indent, '    ');
  assert.equal(job.containers[0]?.range.start, job.containers[0]?.range.end);
  assert.equal(job.entries.length, 0);
});

test('CRLF line endings keep ranges exact', () => {
  const text = 'kind: SparkApplication\r\nspec:\r\n  sparkConf:\r\n    "spark.a": "1"\r\n    spark.b: two\r\n';
  const job = parseYamlFile(text).jobs[0] as JobConfig;
  assert.equal(slice(text, entry(job, 'spark.a').valueRange), '1');
  assert.equal(slice(text, entry(job, 'spark.b').valueRange), 'two');
});
