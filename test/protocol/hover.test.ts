// Hover over a real LSP connection: docs, per-version defaults and effective values.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { defaultSparkVersion: '3.5.1' } });
});
after(async () => {
  await client.stop();
});

async function hoverText(fileName: string, languageId: string, fixture: string): Promise<string> {
  const { text, position } = caret(fixture);
  const uri = await client.open(fileName, languageId, text);
  const result = await client.hover(uri, position);
  assert.ok(result, 'hover expected');
  return (result.contents as MarkupContent).value;
}

const job = (release: string, props: string, submit = '--conf spark.executor.cores=2') => `{
  "releaseLabel": "${release}",
  "jobDriver": { "sparkSubmitJobDriver": { "entryPoint": "s3://b/j.py", "sparkSubmitParameters": "${submit}" } },
  "configurationOverrides": { "applicationConfiguration": [
    { "classification": "spark-defaults", "properties": { ${props} } }
  ] }
}`;

describe('hover over LSP', () => {
  it("shows the default for the job's Spark version and that it changed", async () => {
    const md = await hoverText(
      'h1.json',
      'json',
      job('emr-6.9.0', '"spark.dynamicAllocation.shuffleTracking.ena|bled": "true"'),
    );
    assert.match(md, /spark\.dynamicAllocation\.shuffleTracking\.enabled/);
    assert.match(md, /Default in Spark 3\.3\.0:\*\* `false`/);
    assert.match(md, /becomes `true` in 3\.4\.0/);
    assert.match(md, /Effective value:\*\* `true` from this entry/);
  });

  it('flags a key newer than the job', async () => {
    const md = await hoverText(
      'h2.json',
      'json',
      job('emr-6.6.0', '"spark.kubernetes.driver.waitToReuse|PersistentVolumeClaim": "true"'),
    );
    assert.match(md, /Since:\*\* Spark 3\.4\.0 ⚠ newer than this job's Spark 3\.2\.0/);
  });

  it('says when a later --conf overrides a property', async () => {
    const md = await hoverText(
      'h3.json',
      'json',
      job(
        'emr-7.2.0-latest',
        '"spark.dynamicAllocation.maxExec|utors": "10"',
        '--conf spark.dynamicAllocation.maxExecutors=50',
      ),
    );
    assert.match(md, /Overridden:\*\* Spark uses `50` from `--conf` in sparkSubmitParameters/);
  });

  it('shows batch size defaults per version in a SparkApplication', async () => {
    const md = await hoverText(
      'h4.yaml',
      'yaml',
      `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: x
spec:
  sparkVersion: "4.0.1"
  sparkConf:
    spark.kubernetes.allocation.batch.si|ze: "5"
`,
    );
    assert.match(md, /Default in Spark 4\.0\.1:\*\* `10`/);
  });

  it('explains how a duration value is read, including truncation', async () => {
    const md = await hoverText(
      'spark-defaults.conf',
      'spark-defaults',
      'spark.dynamicAllocation.schedulerBacklogTimeout 50|0ms\n',
    );
    assert.match(md, /as \*\*0 s\*\*/);
  });

  it('shows the Spark version an EMR release ships when hovering the release label', async () => {
    const md = await hoverText('h5.json', 'json', job('emr-6.12|.0-latest', '"spark.executor.cores": "4"'));
    assert.match(md, /Spark 3\.4\.0/);
  });

  it('hovers keys in PySpark .config calls', async () => {
    const md = await hoverText(
      'h6.py',
      'python',
      '# spark-dra: sparkVersion=3.3.2\nb.config("spark.dynamicAllocation.shuffleTracking.enab|led", "true")\n',
    );
    assert.match(md, /Default in Spark 3\.3\.2:\*\* `false`/);
  });
});
