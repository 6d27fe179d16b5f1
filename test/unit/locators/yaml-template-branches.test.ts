// Settings in different branches of one Helm conditional are alternatives: duplicate-key stays quiet on them and
// still reports keys both rendered. Fixture shapes from docs/survey-real-files.md, written anew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { analyze } from '../../../server/src/engine/rules';
import {
  branchAt,
  exclusiveBranches,
  templateBranches,
} from '../../../server/src/engine/locators/yaml/template-branches';
import { maskTemplateActions } from '../../../server/src/engine/locators/yaml/template-mask';

const configMap = (body: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Release.Name }}-spark
data:
  spark-defaults.conf: |
${body}`;

function duplicates(text: string): string[] {
  const parsed = parseFile({ fileName: 'chart/templates/configmap.yaml', text });
  return analyze({ text, parsed })
    .filter((f) => f.ruleId === 'duplicate-key')
    .map((f) => text.slice(f.range.start, f.range.end));
}

test('duplicate-key: the same key in the if and else branches of one conditional → quiet', () => {
  const text = configMap(`    {{- if .Values.history.enabled }}
    spark.eventLog.enabled true
    {{- else if .Values.history.legacy }}
    spark.eventLog.enabled true
    {{- else }}
    spark.eventLog.enabled false
    {{- end }}
`);
  assert.deepEqual(duplicates(text), []);
});

test('duplicate-key: the same key in two separate conditionals, or once outside → still reported', () => {
  const twoIfs = configMap(`    {{- if .Values.a }}
    spark.eventLog.enabled true
    {{- end }}
    {{- if .Values.b }}
    spark.eventLog.enabled false
    {{- end }}
`);
  assert.deepEqual(duplicates(twoIfs), ['spark.eventLog.enabled']);
  const outside = configMap(`    spark.eventLog.enabled true
    {{- if .Values.a }}
    {{- else }}
    spark.eventLog.enabled false
    {{- end }}
`);
  assert.deepEqual(duplicates(outside), ['spark.eventLog.enabled']);
});

test('template branches: an else of a nested conditional does not make the outer settings exclusive', () => {
  const text = `{{ if .a }}
x: 1
{{ if .b }}{{ else }}{{ end }}
x: 2
{{ else }}
x: 3
{{ end }}
`;
  const marks = templateBranches(text, maskTemplateActions(text).spans);
  const at = (needle: string) => branchAt(marks, text.indexOf(needle));
  assert.equal(exclusiveBranches(at('x: 1'), at('x: 2')), false);
  assert.equal(exclusiveBranches(at('x: 1'), at('x: 3')), true);
  assert.equal(exclusiveBranches(at('x: 2'), at('x: 3')), true);
  assert.equal(branchAt(marks, 0), '');
});
