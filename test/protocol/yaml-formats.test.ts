// Completion and hover over a real LSP connection for the YAML shapes read besides kubeflow SparkApplications: the
// Apache Spark Kubernetes Operator's SparkApplication and spark-defaults text inside a ConfigMap.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { defaultSparkVersion: '3.5.1' } });
});
after(async () => {
  await client.stop();
});

const APACHE = (conf: string) => `apiVersion: spark.apache.org/v1
kind: SparkApplication
metadata:
  name: pi
spec:
  mainClass: org.apache.spark.examples.SparkPi
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
${conf}
  applicationTolerations:
    instanceConfig:
      initExecutors: 2
  runtimeVersions:
    sparkVersion: "4.0.1"
`;

const CONFIG_MAP = (body: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: spark-defaults
data:
  spark-defaults.conf: |
    spark.dynamicAllocation.enabled true
${body}
`;

// The caret is `§`: YAML block scalars use `|`.
async function completeAt(fileName: string, fixture: string): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = caret(fixture, '§');
  const uri = await client.open(fileName, 'yaml', text);
  return { items: await client.completion(uri, position), text };
}

async function hoverAt(fileName: string, fixture: string): Promise<string> {
  const { text, position } = caret(fixture, '§');
  const uri = await client.open(fileName, 'yaml', text);
  const result = await client.hover(uri, position);
  assert.ok(result, 'hover expected');
  return (result.contents as MarkupContent).value;
}

function edited(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

describe('Apache operator SparkApplication over LSP', () => {
  it('completes sparkConf keys with the defaults of the runtimeVersions Spark', async () => {
    const { items, text } = await completeAt('apache-1.yaml', APACHE('    spark.dynamicAllocation.maxExec§'));
    const item = items.find((candidate) => candidate.label === 'spark.dynamicAllocation.maxExecutors');
    assert.ok(item, 'maxExecutors offered');
    assert.match(
      edited(text, item),
      /\n {4}spark\.dynamicAllocation\.maxExecutors: "\$\{1:[^}]*\}"\n {2}applicationTolerations:/,
    );
    assert.ok(
      !items.some((candidate) => candidate.label === 'spark.dynamicAllocation.enabled'),
      'written keys left out',
    );
  });

  it('completes values after a sparkConf key', async () => {
    const { items } = await completeAt(
      'apache-2.yaml',
      APACHE('    spark.dynamicAllocation.shuffleTracking.enabled: "§"'),
    );
    assert.deepEqual(items.map((item) => item.label).sort(), ['false', 'true']);
  });

  it("hovers a sparkConf key with Spark 4.0.1's default and the effective value", async () => {
    const md = await hoverAt('apache-3.yaml', APACHE('    spark.dynamicAllocation.shuffleTracking.ena§bled: "false"'));
    assert.match(md, /\*\*spark\.dynamicAllocation\.shuffleTracking\.enabled\*\*/);
    assert.match(md, /Spark 4\.0\.1/);
    assert.match(md, /Effective value:\*\* `false` from this entry/);
  });

  it('hovers the runtimeVersions version and the operator defaults on apiVersion', async () => {
    const version = await hoverAt(
      'apache-4.yaml',
      APACHE('').replace('sparkVersion: "4.0.1"', 'sparkVersion: "4.0§.1"'),
    );
    assert.match(version, /This job declares \*\*Spark 4\.0\.1\*\*/);
    const defaults = await hoverAt('apache-5.yaml', APACHE('').replace('spark.apache.org/v1', 'spark.apache§.org/v1'));
    assert.match(defaults, /Apache Spark Kubernetes Operator/);
    assert.match(defaults, /`spark\.authenticate` = `true`/);
    assert.match(defaults, /`spark\.io\.encryption\.enabled` = `true`/);
    // DRA is on: executors are not left to garbage collection.
    assert.doesNotMatch(defaults, /deleteOnTermination/);
  });
});

describe('spark-defaults inside a ConfigMap over LSP', () => {
  it('completes keys on a body line and inserts them in spark-defaults syntax', async () => {
    const { items, text } = await completeAt('cm-1.yaml', CONFIG_MAP('    spark.dynamicAllocation.minExe§'));
    const item = items.find((candidate) => candidate.label === 'spark.dynamicAllocation.minExecutors');
    assert.ok(item, 'minExecutors offered');
    assert.match(edited(text, item), /\n {4}spark\.dynamicAllocation\.minExecutors \$\{1:[^}]*\}\n/);
  });

  it('hovers a body key with its doc and effective value', async () => {
    const md = await hoverAt('cm-2.yaml', CONFIG_MAP('    spark.dynamicAllocation.maxExec§utors 12'));
    assert.match(md, /\*\*spark\.dynamicAllocation\.maxExecutors\*\*/);
    assert.match(md, /Effective value:\*\* `12` from this entry/);
  });

  it('reports the silent DRA typo as unknown-key with did-you-mean', async () => {
    const uri = await client.open('cm-3.yaml', 'yaml', CONFIG_MAP('    spark.dynamicAllocation.enable true'));
    const diagnostics = await client.nextDiagnostics(uri);
    const unknown = diagnostics.filter((diagnostic) => diagnostic.code === 'unknown-key');
    assert.equal(unknown.length, 1);
    assert.match(String(unknown[0]?.message), /Did you mean `spark\.dynamicAllocation\.enabled`/);
    assert.deepEqual(unknown[0]?.range.start, { line: 7, character: 4 });
  });
});
