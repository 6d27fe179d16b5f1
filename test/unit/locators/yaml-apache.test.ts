import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile } from '../../../server/src/engine/locators/yaml';
import type { ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { analyze } from '../../../server/src/engine/rules';
import { effectiveValue } from '../../../server/src/engine/effective';

const slice = (text: string, range: Range | undefined): string => (range ? text.slice(range.start, range.end) : '');

const APACHE = `apiVersion: spark.apache.org/v1
kind: SparkApplication
metadata:
  name: pi-dra
spec:
  mainClass: "org.apache.spark.examples.SparkPi"
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.maxExecutors: "6"
    spark.authenticate: "false"
  applicationTolerations:
    restartConfig:
      restartPolicy: Never
    instanceConfig:
      initExecutors: 2
      minExecutors: 1
      maxExecutors: 6
    applicationTimeoutConfig:
      executorStartTimeoutMillis: 120000
  runtimeVersions:
    sparkVersion: "4.0.1"
`;

function only(job: JobConfig, key: string): ConfigEntry {
  const found = job.entries.filter((entry) => entry.key === key);
  assert.equal(found.length, 1, `one entry for ${key}`);
  return found[0] as ConfigEntry;
}

test('Apache operator: sparkConf entries with exact ranges, version from runtimeVersions', () => {
  const parsed = parseYamlFile(APACHE);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  assert.equal(job.kind, 'apache-spark-operator');
  assert.equal(job.facts.platform, 'kubernetes');
  assert.equal(job.facts.name, 'pi-dra');
  const max = only(job, 'spark.dynamicAllocation.maxExecutors');
  assert.equal(max.origin, 'spark-conf');
  assert.equal(max.value, '6');
  assert.equal(slice(APACHE, max.keyRange), 'spark.dynamicAllocation.maxExecutors');
  assert.equal(slice(APACHE, max.valueRange), '6');
  assert.equal(APACHE[max.valueRange.start - 1], '"');
  assert.equal(job.sparkVersion?.version, '4.0.1');
  assert.equal(job.sparkVersion?.from, 'spec.runtimeVersions.sparkVersion');
  assert.equal(slice(APACHE, job.sparkVersion?.range), '4.0.1');
  const container = job.containers.find((candidate) => candidate.kind === 'yaml-spark-conf');
  assert.ok(container);
  assert.equal(container.indent, '    ');
});

test('Apache operator: injected defaults are implied, rank below sparkConf and skip keys the job sets', () => {
  const job = parseYamlFile(APACHE).jobs[0] as JobConfig;
  const defaults = job.entries.filter((entry) => entry.origin === 'operator-default');
  assert.deepEqual(defaults.map((entry) => `${entry.key}=${entry.value}`).sort(), [
    'spark.io.encryption.enabled=true',
    'spark.kubernetes.driver.annotateExitException=true',
    'spark.kubernetes.executor.useDriverPodIP=true',
  ]);
  for (const entry of defaults) {
    assert.equal(entry.implied, true);
    assert.ok(entry.rank < 0);
    assert.equal(slice(APACHE, entry.keyRange), 'spark.apache.org/v1');
  }
  // The job sets spark.authenticate itself: the operator leaves it alone.
  assert.equal(only(job, 'spark.authenticate').value, 'false');
  // DRA is on, so executors are not left to garbage collection.
  assert.equal(
    job.entries.find((entry) => entry.key === 'spark.kubernetes.executor.deleteOnTermination'),
    undefined,
  );
});

test('Apache operator: static app that never restarts gets deleteOnTermination=false; a restarting one does not', () => {
  const staticApp = APACHE.replace('    spark.dynamicAllocation.enabled: "true"\n', '');
  const job = parseYamlFile(staticApp).jobs[0] as JobConfig;
  const entry = only(job, 'spark.kubernetes.executor.deleteOnTermination');
  assert.equal(entry.value, 'false');
  assert.equal(effectiveValue(job, entry.key, '4.0.1').value, 'false');
  const restarting = parseYamlFile(staticApp.replace('restartPolicy: Never', 'restartPolicy: Always')).jobs[0];
  assert.ok(restarting);
  assert.equal(
    restarting.entries.some((candidate) => candidate.key === entry.key),
    false,
  );
});

test('Apache operator: instanceConfig and executorStartTimeoutMillis become job facts with ranges', () => {
  const job = parseYamlFile(APACHE).jobs[0] as JobConfig;
  const facts = job.facts.apacheOperator;
  assert.ok(facts);
  assert.equal(facts.instanceConfig.initExecutors?.value, 2);
  assert.equal(facts.instanceConfig.minExecutors?.value, 1);
  assert.equal(facts.instanceConfig.maxExecutors?.value, 6);
  assert.equal(slice(APACHE, facts.instanceConfig.initExecutors?.range), '2');
  assert.equal(facts.executorStartTimeoutMillis.value, 120000);
  assert.equal(slice(APACHE, facts.executorStartTimeoutMillis.range), '120000');
  assert.equal(facts.restartPolicy, 'Never');
});

test('Apache operator: absent tolerations → no counts and the 300000 ms default timeout', () => {
  const text =
    'apiVersion: spark.apache.org/v1beta1\nkind: SparkApplication\nspec:\n  sparkConf:\n    spark.executor.cores: "2"\n';
  const job = parseYamlFile(text).jobs[0] as JobConfig;
  assert.equal(job.kind, 'apache-spark-operator');
  assert.deepEqual(job.facts.apacheOperator?.instanceConfig, {});
  assert.deepEqual(job.facts.apacheOperator?.executorStartTimeoutMillis, { value: 300000 });
  assert.equal(job.sparkVersion, undefined);
});

test('Apache operator: a count that is not a whole number is reported where it is written', () => {
  const text = APACHE.replace('initExecutors: 2', 'initExecutors: two');
  const parsed = parseYamlFile(text);
  assert.equal(parsed.syntaxErrors.length, 1);
  assert.equal(slice(text, parsed.syntaxErrors[0]?.range), 'two');
  assert.equal(parsed.jobs[0]?.facts.apacheOperator?.instanceConfig.initExecutors, undefined);
});

test('Apache operator: v1alpha1 is read, SparkCluster is not a job, kubeflow documents in the same file still are', () => {
  const text = [
    'apiVersion: spark.apache.org/v1alpha1\nkind: SparkCluster\nmetadata:\n  name: c\nspec:\n  sparkConf:\n    spark.executor.cores: "2"\n',
    APACHE.replace('spark.apache.org/v1', 'spark.apache.org/v1alpha1'),
    'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n  sparkVersion: "3.5.1"\n  sparkConf:\n    spark.executor.cores: "4"\n',
  ].join('---\n');
  const jobs = parseYamlFile(text).jobs;
  assert.deepEqual(
    jobs.map((job) => job.kind),
    ['apache-spark-operator', 'spark-operator'],
  );
  assert.equal(jobs[0]?.sparkVersion?.version, '4.0.1');
  assert.equal(jobs[1]?.sparkVersion?.version, '3.5.1');
});

test('unknown-key, duplicate-key: Apache operator injected defaults → no findings on them', () => {
  const parsed = parseYamlFile(APACHE);
  const findings = analyze({ text: APACHE, parsed });
  const onDefaults = findings.filter((finding) => slice(APACHE, finding.range) === 'spark.apache.org/v1');
  assert.deepEqual(onDefaults, []);
  assert.equal(
    findings.filter((finding) => finding.ruleId === 'unknown-key' || finding.ruleId === 'duplicate-key').length,
    0,
  );
});

test('unknown-key: typo in an Apache operator sparkConf → reported with did-you-mean', () => {
  const text = APACHE.replace('spark.dynamicAllocation.maxExecutors', 'spark.dynamicAllocation.maxExecutor');
  const findings = analyze({ text, parsed: parseYamlFile(text) }).filter((finding) => finding.ruleId === 'unknown-key');
  assert.equal(findings.length, 1);
  assert.match(findings[0]?.message ?? '', /Did you mean `spark\.dynamicAllocation\.maxExecutors`/);
});
