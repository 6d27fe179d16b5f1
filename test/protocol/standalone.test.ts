// The server as other editors run it: no workspace/configuration support, defaults apply, diagnostics flow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TestLspClient } from './lsp-client';

const BROKEN = `{
  "releaseLabel": "emr-7.2.0-latest",
  "jobDriver": { "sparkSubmitJobDriver": { "entryPoint": "s3://b/j.py" } },
  "configurationOverrides": { "applicationConfiguration": [
    { "classification": "spark-defaults", "properties": {
      "spark.dynamicAllocation.enabled": "true",
      "spark.dynamicAllocation.executorIdleTimout": "30s"
    } }
  ] }
}`;

describe('standalone server', () => {
  it('publishes diagnostics with default settings when the client has no configuration support', async () => {
    const client = await TestLspClient.start();
    try {
      const uri = await client.open('standalone.json', 'json', BROKEN);
      const diagnostics = await client.nextDiagnostics(uri);
      const typo = diagnostics.find((d) => d.code === 'unknown-key');
      assert.ok(typo, `unknown-key expected, got ${JSON.stringify(diagnostics.map((d) => d.code))}`);
      assert.equal(typo.range.start.line, 6);
      assert.match(typeof typo.message === 'string' ? typo.message : typo.message.value, /executorIdleTimeout/);
    } finally {
      await client.stop();
    }
  });

  it('reports JSON syntax errors only when the editor does not already show them', async () => {
    const broken = BROKEN.replace('"true",', '"true"');
    const plain = await TestLspClient.start();
    const vscodeLike = await TestLspClient.start({ initializationOptions: { editorShowsSyntaxErrors: ['json'] } });
    try {
      const a = await plain.open('syntax-a.json', 'json', broken);
      assert.ok((await plain.nextDiagnostics(a)).some((d) => d.code === 'syntax'));
      const b = await vscodeLike.open('syntax-b.json', 'json', broken);
      assert.equal(
        (await vscodeLike.nextDiagnostics(b)).some((d) => d.code === 'syntax'),
        false,
      );
    } finally {
      await plain.stop();
      await vscodeLike.stop();
    }
  });

  it('publishes nothing for JSON that is not a Spark job', async () => {
    const client = await TestLspClient.start();
    try {
      const uri = await client.open(
        'package.json',
        'json',
        '{ "name": "x", "version": "1.0.0", "scripts": { "spark.dynamicAllocation.enabled": "x" } }',
      );
      assert.deepEqual(await client.nextDiagnostics(uri), []);
      assert.deepEqual(await client.completion(uri, { line: 0, character: 10 }), []);
    } finally {
      await client.stop();
    }
  });

  it('updates diagnostics when settings turn a rule off', async () => {
    const client = await TestLspClient.start({ settings: { rules: { 'unknown-key': 'off' } } });
    try {
      const uri = await client.open('rules-off.json', 'json', BROKEN);
      const diagnostics = await client.nextDiagnostics(uri);
      assert.equal(
        diagnostics.some((d) => d.code === 'unknown-key'),
        false,
      );
    } finally {
      await client.stop();
    }
  });

  it('re-checks a document when its Spark version is overridden', async () => {
    const client = await TestLspClient.start();
    try {
      const text = '# spark-dra: sparkVersion=3.5.1\nspark.kubernetes.driver.waitToReusePersistentVolumeClaim true\n';
      const uri = await client.open('spark-defaults.conf', 'spark-defaults', text);
      assert.equal(
        (await client.nextDiagnostics(uri)).some((d) => d.code === 'key-not-in-version'),
        false,
      );
      const next = client.nextDiagnostics(uri);
      await client.connection.sendNotification('sparkDra/setVersionOverride', { uri, sparkVersion: '3.3.0' });
      assert.ok((await next).some((d) => d.code === 'key-not-in-version'));
    } finally {
      await client.stop();
    }
  });
});
