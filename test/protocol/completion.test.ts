// Completion over a real LSP connection, in every format.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { emrJobSource } from '../support/job-texts';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

async function completeAt(
  fileName: string,
  languageId: string,
  fixture: string,
): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, position } = caret(fixture);
  const uri = await client.open(fileName, languageId, text);
  return { items: await client.completion(uri, position), text };
}

function edited(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

function byLabel(items: CompletionItem[], label: string): CompletionItem {
  const item = items.find((i) => i.label === label);
  assert.ok(
    item,
    `expected completion ${label}; got ${items
      .slice(0, 10)
      .map((i) => i.label)
      .join(', ')}`,
  );
  return item;
}

const EMR = (propertiesSource: string, submitSource = '--conf spark.executor.cores=4'): string =>
  emrJobSource({ propertiesSource, submitSource });

describe('completion over LSP', () => {
  it('completes keys inside an EMR properties object, replacing the typed part', async () => {
    const { items, text } = await completeAt(
      'job-a.json',
      'json',
      EMR('"spark.dynamicAllocation.enabled": "true",\n      "spark.dynamicAllocation.minEx|": "1"'),
    );
    const item = byLabel(items, 'spark.dynamicAllocation.minExecutors');
    assert.match(edited(text, item), /"spark\.dynamicAllocation\.minExecutors": "1"/);
    assert.equal(
      items.some((i) => i.label === 'spark.dynamicAllocation.enabled'),
      false,
      'keys already present are left out',
    );
  });

  it('completes keys after --conf inside sparkSubmitParameters', async () => {
    const { items, text } = await completeAt(
      'job-b.json',
      'json',
      EMR('"spark.dynamicAllocation.enabled": "true"', '--conf spark.dynamicAllocation.executorIdle|'),
    );
    const item = byLabel(items, 'spark.dynamicAllocation.executorIdleTimeout');
    assert.match(edited(text, item), /--conf spark\.dynamicAllocation\.executorIdleTimeout=/);
  });

  it('completes values by type: booleans', async () => {
    const { items } = await completeAt(
      'job-c.json',
      'json',
      EMR('"spark.dynamicAllocation.shuffleTracking.enabled": "|"'),
    );
    assert.deepEqual(items.map((i) => i.label).sort(), ['false', 'true']);
  });

  it('completes keys in a SparkApplication sparkConf map', async () => {
    const fixture = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: x
spec:
  sparkVersion: "3.5.1"
  sparkConf:
    spark.executor.cores: "4"
    spark.dynamicAllocation.shuffleTr|
`;
    const { items } = await completeAt('app.yaml', 'yaml', fixture);
    byLabel(items, 'spark.dynamicAllocation.shuffleTracking.enabled');
    byLabel(items, 'spark.dynamicAllocation.shuffleTracking.timeout');
  });

  it('completes keys in spark-defaults.conf', async () => {
    const { items, text } = await completeAt(
      'spark-defaults.conf',
      'spark-defaults',
      'spark.executor.cores 4\nspark.dynamicAllocation.maxEx|\n',
    );
    const item = byLabel(items, 'spark.dynamicAllocation.maxExecutors');
    assert.match(edited(text, item), /^spark\.dynamicAllocation\.maxExecutors\b/m);
  });

  it('completes the first argument of .config( in PySpark', async () => {
    const fixture = `from pyspark.sql import SparkSession
spark = SparkSession.builder.config("spark.dynamicAllocation.initial|", "2").getOrCreate()
`;
    const { items } = await completeAt('job.py', 'python', fixture);
    byLabel(items, 'spark.dynamicAllocation.initialExecutors');
  });

  it('offers volume keys as snippets with the volume name as a tab stop', async () => {
    const { items } = await completeAt('job-d.json', 'json', EMR('"spark.kubernetes.executor.volumes.pers|": ""'));
    const item = items.find(
      (i) => i.label === 'spark.kubernetes.executor.volumes.persistentVolumeClaim.<name>.options.claimName',
    );
    assert.ok(item, 'claimName template offered');
    assert.equal(item.insertTextFormat, 2, 'snippet');
    assert.match((item.textEdit as TextEdit).newText, /\$\{1:spark-local-dir-1\}\.options\.claimName/);
  });

  it('completes EMR release labels inside the releaseLabel quotes, newest first, with the Spark version', async () => {
    const fixture = EMR('"spark.executor.cores": "4"').replace('"emr-7.2.0-latest"', '"emr-7.|2.0-latest"');
    const { items, text } = await completeAt('job-f.json', 'json', fixture);
    const item = byLabel(items, 'emr-7.2.0-latest');
    assert.equal(item.detail, 'Spark 3.5.1');
    assert.equal(byLabel(items, 'emr-6.12.0-latest').detail, 'Spark 3.4.0');
    assert.ok(
      items.every((i) => String(i.label).endsWith('-latest')),
      'EMR on EKS labels carry -latest',
    );
    const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
    assert.equal(sorted[0]?.label, 'emr-spark-8.0.0-latest', 'newest release first');
    assert.equal(sorted[0]?.detail, 'Spark 4.0.2');
    assert.equal(sorted[1]?.label, 'emr-7.13.0-latest');
    // The edit covers exactly the text inside the quotes.
    const edit = item.textEdit as TextEdit;
    assert.equal(edit.range.start.line, 4);
    assert.equal(text.split('\n')[4]?.slice(edit.range.start.character, edit.range.end.character), 'emr-7.2.0-latest');
    assert.match(edited(text, byLabel(items, 'emr-7.13.0-latest')), /"releaseLabel": "emr-7\.13\.0-latest",/);
  });

  it('offers plain release labels for an EMR Serverless application', async () => {
    const fixture =
      '{\n  "releaseLabel": "|",\n  "runtimeConfiguration": [{ "classification": "spark-defaults", "properties": {} }]\n}';
    const { items, text } = await completeAt('app-serverless.json', 'json', fixture);
    const item = byLabel(items, 'emr-7.2.0');
    assert.equal(item.detail, 'Spark 3.5.1');
    assert.equal(
      items.some((i) => String(i.label).endsWith('-latest')),
      false,
    );
    assert.match(edited(text, item), /"releaseLabel": "emr-7\.2\.0",/);
  });

  it('never fails on half-typed input', async () => {
    const { items } = await completeAt(
      'job-e.json',
      'json',
      '{ "releaseLabel": "emr-7.2.0", "jobDriver": { "sparkSubmitJobDriver": { "sparkSubmitParameters": "--conf spark.dyn|',
    );
    assert.ok(Array.isArray(items));
  });
});
