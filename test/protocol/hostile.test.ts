// Hostile documents over a real connection: a 1 MB line, 10,000 levels of nesting, a YAML alias bomb and 100,000
// keys. Each is checked, and hover and completion on it are answered; the server stays up. How fast is measured by
// `npm run bench` (robustness), not here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HOSTILE_DOCUMENTS } from '../support/hostile-documents';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { debounceMs: 0 } });
});
after(async () => {
  await client.stop();
});

describe('hostile documents', () => {
  for (const c of HOSTILE_DOCUMENTS) {
    it(`${c.name}: checked, and hover and completion answered (timed by npm run bench)`, async () => {
      const docUri = await client.open(c.name, c.languageId, c.text);
      await client.nextDiagnostics(docUri, 20_000);
      for (const position of [
        { line: 0, character: 5 },
        { line: 0, character: 40 },
      ]) {
        const hover = await client.hover(docUri, position);
        assert.ok(hover === null || hover.contents !== undefined, `${c.name}: hover answered`);
        const completion = await client.completion(docUri, position);
        assert.ok(Array.isArray(completion), `${c.name}: completion answered`);
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
