// JSON key completion over LSP: a property name with no value yet is completed to `"key": "value"` as a snippet, and
// a volume with a name gets its options under that name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { caret, TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

const JOB = (properties: string) => `{
  "virtualClusterId": "vc",
  "releaseLabel": "emr-7.2.0-latest",
  "configurationOverrides": { "applicationConfiguration": [
    { "classification": "spark-defaults", "properties": {
      ${properties}
    } }
  ] }
}`;

describe('JSON key snippets over LSP', () => {
  it('a name without a value: the item is a snippet writing the value with a tab stop', async () => {
    const { text, position } = caret(JOB('"spark.dynamicAllocation.executorIdle|"'));
    const uri = await client.open('snippet-a.json', 'json', text);
    const items = await client.completion(uri, position);
    const item = items.find((i) => i.label === 'spark.dynamicAllocation.executorIdleTimeout');
    assert.ok(item);
    assert.equal(item.insertTextFormat, 2, 'snippet');
    const edit = item.textEdit as TextEdit;
    assert.match(edit.newText, /^spark\.dynamicAllocation\.executorIdleTimeout": "\$\{1:[^}]+\}$/);
    // The edit stays inside the quotes, so the editor filters on the typed name.
    assert.equal(edit.range.start.character, text.split('\n')[5]?.indexOf('spark.'));
  });

  it('a named volume: its options carry the real name in label and filter text', async () => {
    const { text, position } = caret(JOB('"spark.kubernetes.executor.volumes.emptyDir.scratch.|"'));
    const uri = await client.open('snippet-b.json', 'json', text);
    const items = await client.completion(uri, position);
    const item = items.find((i) => i.label === 'spark.kubernetes.executor.volumes.emptyDir.scratch.mount.path');
    assert.ok(
      item,
      items
        .filter((i) => String(i.label).includes('scratch'))
        .map((i) => i.label)
        .join(),
    );
    assert.equal(item.filterText, 'spark.kubernetes.executor.volumes.emptyDir.scratch.mount.path');
  });
});
