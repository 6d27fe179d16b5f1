// Value completion over a real LSP connection: the default for the job's version is marked in the list itself.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

it('value completion: the default value carries labelDetails "default"; the others none', async () => {
  const { text, position } = caret('# spark-dra: sparkVersion=3.5.1\nspark.dynamicAllocation.executorIdleTimeout |\n');
  const uri = await client.open('defaults-mark.conf', 'spark-defaults', text);
  const items = await client.completion(uri, position);
  assert.deepEqual(
    items.filter((item) => item.labelDetails?.description === 'default').map((item) => item.label),
    ['60s'],
  );
  assert.ok(items.length > 1);
});
