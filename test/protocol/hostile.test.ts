// Hostile documents over a real connection: a 1 MB line, 10,000 levels of nesting, a YAML alias bomb and 100,000
// keys. Each is checked, and hover and completion on it are answered within a second; the server stays up.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { debounceMs: 0 } });
});
after(async () => {
  await client.stop();
});

function aliasBomb(levels: number): string {
  const lines = ['apiVersion: sparkoperator.k8s.io/v1beta2', 'kind: SparkApplication', 'a0: &a0 ["lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  lines.push('spec:', '  sparkConf:', `    spark.dynamicAllocation.enabled: "true"`, '');
  return lines.join('\n');
}

const CASES: { name: string; languageId: string; text: string }[] = [
  {
    name: 'long-line.json',
    languageId: 'json',
    text: `{"releaseLabel":"emr-7.2.0-latest","configurationOverrides":{"applicationConfiguration":[{"classification":"spark-defaults","properties":{"spark.executor.extraJavaOptions":"${'x'.repeat(1_000_000)}","spark.dynamicAllocation.enabled":"true"}}]}}`,
  },
  { name: 'nested.json', languageId: 'json', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}` },
  { name: 'nested.yaml', languageId: 'yaml', text: `${'- '.repeat(10_000)}x\n` },
  { name: 'alias-bomb.yaml', languageId: 'yaml', text: aliasBomb(10) },
  {
    name: 'many.spark-defaults.conf',
    languageId: 'spark-defaults',
    text: Array.from({ length: 100_000 }, (_, i) => `spark.custom.key${i} ${i}`).join('\n'),
  },
];

describe('hostile documents', () => {
  for (const c of CASES) {
    it(`${c.name}: checked, and hover and completion answered within a second`, async () => {
      const docUri = await client.open(c.name, c.languageId, c.text);
      await client.nextDiagnostics(docUri, 20_000);
      for (const position of [
        { line: 0, character: 5 },
        { line: 0, character: 40 },
      ]) {
        let t = Date.now();
        await client.hover(docUri, position);
        assert.ok(Date.now() - t < 1000, `${c.name}: hover took ${Date.now() - t} ms`);
        t = Date.now();
        await client.completion(docUri, position);
        assert.ok(Date.now() - t < 1000, `${c.name}: completion took ${Date.now() - t} ms`);
      }
    });
  }

  it('the server is still answering after all of them', async () => {
    const uri = await client.open(
      'after.spark-defaults.conf',
      'spark-defaults',
      'spark.dynamicAllocation.enabled true\n',
    );
    const found = await client.nextDiagnostics(uri, 10_000);
    assert.ok(Array.isArray(found));
  });
});
