import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { parseYamlFile } from '../../../server/src/engine/locators/yaml';
import { isTemplateFile, maskTemplateActions } from '../../../server/src/engine/locators/yaml/template-mask';
import type { ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { analyze } from '../../../server/src/engine/rules';
import { complete } from '../../../server/src/engine/features/completion';
import { insertKeyEdit } from '../../../server/src/engine/edits/insert-key';

const slice = (text: string, range: Range | undefined): string => (range ? text.slice(range.start, range.end) : '');

const TEMPLATE = `{{- /*
Chart comment over
several lines.
*/ -}}
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
  sparkVersion: {{ .Values.sparkVersion | quote }}
  sparkConf:
    {{- if .Values.dra }}
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.maxExecutors: {{ .Values.max | quote }}
    spark.dynamicAllocation.executorIdleTimeout: "{{ .Values.idle }}"
    spark.dynamicAllocation.shuffleTracking.enable: "true"
    {{- end }}
    {{- range $key, $value := .Values.conf }}
    {{ $key }}: {{ $value | quote }}
    {{- end }}
  executor:
    cores: {{ .Values.cores }}
    memory: 4g
`;

function only(job: JobConfig, key: string): ConfigEntry {
  const found = job.entries.filter((entry) => entry.key === key);
  assert.equal(found.length, 1, `one entry for ${key}`);
  return found[0] as ConfigEntry;
}

test('Helm mask: same length and line breaks; lone and multi-line actions become spaces, inline ones underscores', () => {
  const masked = maskTemplateActions(TEMPLATE);
  assert.equal(masked.text.length, TEMPLATE.length);
  assert.deepEqual(
    [...masked.text].map((ch, index) => (ch === '\n' ? index : -1)).filter((index) => index >= 0),
    [...TEMPLATE].map((ch, index) => (ch === '\n' ? index : -1)).filter((index) => index >= 0),
  );
  const lines = masked.text.split('\n');
  assert.equal(lines.slice(0, 4).join('').trim(), '', 'the multi-line comment is blank');
  assert.equal(lines[9]?.trim(), '', 'the include on its own line is blank');
  assert.match(lines[7] ?? '', /^ {2}name: _+$/);
  assert.match(lines[11] ?? '', /^ {2}image: "_+:_+"$/);
  assert.equal(masked.spans.length, 15);
  for (const span of masked.spans)
    assert.ok(slice(TEMPLATE, span).startsWith('{{') && slice(TEMPLATE, span).endsWith('}}'));
});

test('Helm mask: braces inside quoted strings and comments do not end an action', () => {
  const text = 'a: {{ printf "}}%s" .x }}\nb: {{/* no }} here */}}\nc: plain\n';
  const masked = maskTemplateActions(text);
  assert.deepEqual(
    masked.spans.map((span) => slice(text, span)),
    ['{{ printf "}}%s" .x }}', '{{/* no }} here */}}'],
  );
  assert.equal(masked.text.split('\n')[2], 'c: plain');
});

test('Helm mask: an action never closed runs to the end of its line only', () => {
  const text = 'a: {{ .Values.x\nb: 1\n';
  const masked = maskTemplateActions(text);
  assert.deepEqual(masked.spans, [{ start: 3, end: 15 }]);
  assert.equal(masked.text.split('\n')[1], 'b: 1');
});

test('Helm template: files under templates/ or holding {{ are templates', () => {
  assert.equal(isTemplateFile('chart/templates/app.yaml', 'kind: X\n'), true);
  assert.equal(isTemplateFile('C:\\chart\\templates\\app.yaml', 'kind: X\n'), true);
  assert.equal(isTemplateFile('jobs/app.yaml', 'a: {{ .x }}\n'), true);
  assert.equal(isTemplateFile('jobs/app.yaml', 'a: b\n'), false);
});

test('Helm template: the SparkApplication is read with exact ranges and no syntax errors', () => {
  const parsed = parseFile({ fileName: 'chart/templates/app.yaml', text: TEMPLATE });
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  const enabled = only(job, 'spark.dynamicAllocation.enabled');
  assert.equal(slice(TEMPLATE, enabled.keyRange), 'spark.dynamicAllocation.enabled');
  assert.equal(enabled.templated, undefined);
  const max = only(job, 'spark.dynamicAllocation.maxExecutors');
  assert.equal(max.templated, 'value');
  assert.equal(max.value, '{{ .Values.max | quote }}');
  assert.equal(slice(TEMPLATE, max.valueRange), '{{ .Values.max | quote }}');
  const idle = only(job, 'spark.dynamicAllocation.executorIdleTimeout');
  assert.equal(idle.value, '{{ .Values.idle }}');
  const rendered = job.entries.filter((entry) => entry.templated === 'key');
  assert.deepEqual(
    rendered.map((entry) => entry.key),
    ['{{ $key }}'],
  );
  const cores = only(job, 'spark.executor.cores');
  assert.equal(cores.origin, 'operator-field');
  assert.equal(cores.templated, 'value');
  assert.equal(only(job, 'spark.executor.memory').value, '4g');
  // The version is rendered: unknown here, so the settings decide.
  assert.equal(job.sparkVersion, undefined);
});

test('syntax: Helm template whose actions break the YAML → no syntax findings, Spark keys still checked', () => {
  // A value rendered in front of a nested map: with the action masked, the map below is a YAML error.
  const broken = TEMPLATE.replace('    memory: 4g\n', '    memory: {{ .Values.memory }}\n      extra: 1\n');
  assert.ok(
    parseYamlFile(maskTemplateActions(broken).text).syntaxErrors.length > 0,
    'the masked text is not valid YAML',
  );
  const parsed = parseFile({ fileName: 'app.yaml', text: broken });
  assert.deepEqual(parsed.syntaxErrors, []);
  const findings = analyze({ text: broken, parsed });
  assert.equal(findings.filter((finding) => finding.ruleId === 'syntax').length, 0);
  const unknown = findings.filter((finding) => finding.ruleId === 'unknown-key');
  assert.equal(unknown.length, 1);
  assert.equal(slice(broken, unknown[0]?.range), 'spark.dynamicAllocation.shuffleTracking.enable');
});

test('unknown-key, invalid-value: templated keys and values → not judged', () => {
  const findings = analyze({ text: TEMPLATE, parsed: parseFile({ fileName: 'app.yaml', text: TEMPLATE }) });
  const judged = findings.filter(
    (finding) =>
      (finding.ruleId === 'unknown-key' || finding.ruleId === 'invalid-value' || finding.ruleId === 'duplicate-key') &&
      slice(TEMPLATE, finding.range).includes('{{'),
  );
  assert.deepEqual(judged, []);
  // Read as plain YAML, the same text is a long list of syntax errors.
  assert.ok(parseYamlFile(TEMPLATE, false).syntaxErrors.length >= 5);
});

test('Helm template: documents without actions in a template file keep their syntax errors', () => {
  const text = `${TEMPLATE}---\napiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec:\n  sparkConf: [\n`;
  const parsed = parseFile({ fileName: 'app.yaml', text });
  assert.ok(parsed.syntaxErrors.length > 0);
  for (const error of parsed.syntaxErrors) assert.ok(error.range.start > TEMPLATE.length);
});

test('Helm template: the Apache operator kind and a ConfigMap body read through actions', () => {
  const text = `apiVersion: spark.apache.org/v1
kind: SparkApplication
spec:
  sparkConf:
    spark.executor.cores: "{{ .Values.cores }}"
  applicationTolerations:
    instanceConfig:
      initExecutors: {{ .Values.instances }}
      minExecutors: 1
---
apiVersion: v1
kind: ConfigMap
data:
  spark-defaults.conf: |
    spark.executor.memory {{ .Values.memory }}
    {{- range $key, $value := .Values.conf }}
    {{ $key }} {{ $value }}
    {{- end }}
    spark.dynamicAllocation.enable true
`;
  const parsed = parseFile({ fileName: 'chart/templates/jobs.yaml', text });
  assert.deepEqual(parsed.syntaxErrors, [], 'no complaint that initExecutors is not a number');
  assert.deepEqual(
    parsed.jobs.map((job) => job.kind),
    ['apache-spark-operator', 'spark-defaults'],
  );
  assert.equal(parsed.jobs[0]?.facts.apacheOperator?.instanceConfig.minExecutors?.value, 1);
  assert.equal(parsed.jobs[0]?.facts.apacheOperator?.instanceConfig.initExecutors, undefined);
  const body = parsed.jobs[1] as JobConfig;
  assert.equal(only(body, 'spark.executor.memory').templated, 'value');
  const findings = analyze({ text, parsed });
  assert.deepEqual(
    findings
      .filter((finding) => finding.ruleId === 'unknown-key' || finding.ruleId === 'invalid-value')
      .map((finding) => slice(text, finding.range)),
    ['spark.dynamicAllocation.enable'],
  );
});

test('Helm template: sparkConf completion works below lines of actions, even at column 0', () => {
  const fixture = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
spec:
  sparkConf:
{{- if .Values.dra }}
    spark.dynamicAllocation.enabled: "true"
{{- end }}
    spark.dynamicAllocation.maxExe§
  driver:
    cores: 1
`;
  const offset = fixture.indexOf('§');
  const text = fixture.slice(0, offset) + fixture.slice(offset + 1);
  const file = { fileName: 'chart/templates/app.yaml', text };
  const items = complete({ file, parsed: parseFile(file), offset, sparkVersionOf: () => '3.5.1' });
  const max = items.find((item) => item.label === 'spark.dynamicAllocation.maxExecutors');
  assert.ok(max);
  assert.equal(slice(text, max.replace), 'spark.dynamicAllocation.maxExe');
});

test('Helm template: a key added by a quick fix to an Apache app without sparkConf lands under spec', () => {
  const text =
    'apiVersion: spark.apache.org/v1\nkind: SparkApplication\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  mainClass: Main\n';
  const job = parseFile({ fileName: 'app.yaml', text }).jobs[0];
  assert.ok(job);
  const edit = insertKeyEdit(text, job, 'spark.executor.cores', '4');
  assert.ok(edit);
  const after = text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
  assert.match(after, /\nspec:\n {2}sparkConf:\n {4}spark\.executor\.cores: "4"\n {2}mainClass: Main\n/);
});
