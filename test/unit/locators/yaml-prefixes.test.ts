import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile, yamlCompletionContext } from '../../../server/src/engine/locators/yaml';
import type { ParsedFile, Range } from '../../../server/src/engine/model';

const SAMPLE = `# spark-dra: sparkVersion=3.4.1
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: "pi"
spec:
  type: Python
  sparkVersion: '3.5.1'
  sparkConf:
    # spark-dra-disable-next-line some-rule
    "spark.dynamicAllocation.enabled": "true"
    spark.executor.cores: 4
    'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.claimName': OnDemand
    spark.x: { a: 1 }
  executor:
    cores: 2
    memory: "4g"
  dynamicAllocation:
    enabled: true
    maxExecutors: 10
---
kind: StorageClass
apiVersion: storage.k8s.io/v1
metadata: { name: gp3 }
reclaimPolicy: Retain
parameters:
  type: gp3
...
---
kind: ScheduledSparkApplication
spec:
  template:
    sparkConf:
      spark.a: "é😀"
`;

function assertInside(text: string, range: Range, what: string): void {
  assert.ok(
    Number.isInteger(range.start) &&
      Number.isInteger(range.end) &&
      range.start >= 0 &&
      range.start <= range.end &&
      range.end <= text.length,
    `${what} ${JSON.stringify(range)} outside text of length ${text.length}`,
  );
}

function assertRanges(text: string, parsed: ParsedFile): void {
  for (const job of parsed.jobs) {
    assertInside(text, job.range, 'job');
    for (const entry of job.entries) {
      assertInside(text, entry.keyRange, `key of ${entry.key}`);
      assertInside(text, entry.valueRange, `value of ${entry.key}`);
    }
    for (const container of job.containers) assertInside(text, container.range, 'container');
    if (job.sparkVersion?.range) assertInside(text, job.sparkVersion.range, 'version');
    if (job.facts.operatorDynamicAllocation) assertInside(text, job.facts.operatorDynamicAllocation.range, 'da');
  }
  for (const sc of parsed.storageClasses) {
    assertInside(text, sc.range, 'storage class');
    assertInside(text, sc.nameRange, 'storage class name');
    if (sc.reclaimPolicy) assertInside(text, sc.reclaimPolicy.range, 'reclaimPolicy');
  }
  for (const problem of parsed.syntaxErrors) assertInside(text, problem.range, 'syntax error');
  for (const suppression of parsed.suppressions) {
    assertInside(text, suppression.range, 'suppression');
    assertInside(text, suppression.appliesTo, 'suppression target');
  }
}

test('the sample itself reads fully', () => {
  const parsed = parseYamlFile(SAMPLE);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 2);
  assert.equal(parsed.storageClasses.length, 1);
  assert.equal(parsed.jobs[1]?.entries[0]?.value, 'é😀');
  assert.equal(parsed.suppressions.length, 1);
});

test('every prefix of the sample parses without throwing and keeps ranges inside the text', () => {
  for (let length = 0; length <= SAMPLE.length; length++) {
    const text = SAMPLE.slice(0, length);
    const parsed = parseYamlFile(text);
    assertRanges(text, parsed);
    const context = yamlCompletionContext(text, parsed, length);
    if (context) {
      assertInside(text, context.replace, 'completion replace');
      assert.ok(context.replace.start <= length);
    }
  }
});

test('completion at every offset of the full sample never throws and stays inside the text', () => {
  const parsed = parseYamlFile(SAMPLE);
  for (let offset = 0; offset <= SAMPLE.length; offset++) {
    const context = yamlCompletionContext(SAMPLE, parsed, offset);
    if (!context) continue;
    assertInside(SAMPLE, context.replace, 'completion replace');
    assert.ok((context.replace.start <= offset && offset <= context.replace.end) || context.replace.start === offset);
  }
});
