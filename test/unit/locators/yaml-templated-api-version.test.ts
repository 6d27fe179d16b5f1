// A Helm template that renders a SparkApplication's apiVersion: the kind and the spec still say which operator it is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import type { Range } from '../../../server/src/engine/model';
import { analyze } from '../../../server/src/engine/rules';

const slice = (text: string, range: Range | undefined): string => (range ? text.slice(range.start, range.end) : '');

const KUBEFLOW = `apiVersion: {{ .Values.sparkOperator.apiVersion | default "sparkoperator.k8s.io/v1beta2" }}
kind: SparkApplication
metadata:
  name: {{ .Release.Name }}
spec:
  type: Scala
  sparkVersion: "3.5.1"
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.maxExecutor: "10"
`;

const APACHE = `apiVersion: "{{ .Values.apiVersion }}"
kind: SparkApplication
metadata:
  name: {{ .Release.Name }}
spec:
  mainClass: org.example.Main
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.maxExecutors: "10"
  applicationTolerations:
    instanceConfig:
      initExecutors: 4
  runtimeVersions:
    sparkVersion: "4.0.1"
`;

test('templated apiVersion: a kubeflow-shaped SparkApplication is read as the kubeflow kind, typo reported', () => {
  const parsed = parseFile({ fileName: 'chart/templates/app.yaml', text: KUBEFLOW });
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0];
  assert.equal(job?.kind, 'spark-operator');
  assert.equal(job?.sparkVersion?.version, '3.5.1');
  const unknown = analyze({ text: KUBEFLOW, parsed }).filter((f) => f.ruleId === 'unknown-key');
  assert.deepEqual(
    unknown.map((f) => slice(KUBEFLOW, f.range)),
    ['spark.dynamicAllocation.maxExecutor'],
  );
});

test('templated apiVersion: a spec with runtimeVersions / applicationTolerations is read as the Apache kind', () => {
  const parsed = parseFile({ fileName: 'chart/templates/app.yaml', text: APACHE });
  assert.deepEqual(parsed.syntaxErrors, []);
  const job = parsed.jobs[0];
  assert.equal(job?.kind, 'apache-spark-operator');
  assert.equal(job?.sparkVersion?.version, '4.0.1');
  assert.equal(job?.facts.apacheOperator?.instanceConfig.initExecutors?.value, 4);
  const rule = analyze({ text: APACHE, parsed }).filter((f) => f.ruleId === 'apache-operator-init-unreachable');
  assert.equal(rule.length, 1);
});

test('a written apiVersion of another group is still not ours; a partly templated version keeps its group', () => {
  const other = KUBEFLOW.replace(/^apiVersion: .*$/m, 'apiVersion: spark.stackable.tech/v1alpha1');
  assert.deepEqual(parseFile({ fileName: 'chart/templates/app.yaml', text: other }).jobs, []);
  const partly = KUBEFLOW.replace(/^apiVersion: .*$/m, 'apiVersion: spark.apache.org/{{ .Values.version }}');
  assert.equal(
    parseFile({ fileName: 'chart/templates/app.yaml', text: partly }).jobs[0]?.kind,
    'apache-spark-operator',
  );
});
