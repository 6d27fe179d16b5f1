// The source.fixAll.sparkDra code action over a real LSP connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client';

const mistakes = readFileSync(resolve(__dirname, '../../examples/mistakes/emr-eks-mistakes.json'), 'utf8');

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

async function sourceActions(uri: string, only: string[]): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only },
  });
}

describe('source.fixAll.sparkDra', () => {
  it('is one action with one edit that leaves none of the unambiguous problems', async () => {
    const uri = await client.open('fix-all.json', 'json', mistakes);
    const before = await client.nextDiagnostics(uri);
    for (const only of [['source.fixAll'], ['source.fixAll.sparkDra'], ['source']]) {
      // Asking for all of `source` also gets the job's other source actions (Suggest DRA settings…).
      const actions = (await sourceActions(uri, only)).filter((a) => a.kind?.startsWith('source.fixAll'));
      assert.equal(actions.length, 1, only.join());
      const [action] = actions;
      assert.equal(action?.kind, 'source.fixAll.sparkDra');
      assert.match(action?.title ?? '', /^Fix all spark-dra problems \(\d+ fixes\)$/);
      assert.equal(action?.edit?.changes?.[uri]?.length, 1);
    }
    const [action] = await sourceActions(uri, ['source.fixAll']);
    const edits = action?.edit?.changes?.[uri] ?? [];
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'json', 1, mistakes), edits);
    await client.change(uri, fixed);
    const after = await client.nextDiagnostics(uri);
    for (const gone of ['unknown-key', 'initial-executors-above-max', 'dra-without-shuffle-support']) {
      assert.ok(
        before.some((d) => d.code === gone),
        `${gone} was reported before`,
      );
      assert.ok(!after.some((d) => d.code === gone), `${gone} is still reported`);
    }
    assert.ok(
      after.some((d) => d.code === 'ondemand-pvc-incomplete'),
      'placeholder fixes are not applied',
    );
  });

  it('quick-fix requests do not get it; a file with nothing to fix gets none', async () => {
    const uri = await client.open('fix-all-quickfix.json', 'json', mistakes);
    const quick = await sourceActions(uri, ['quickfix']);
    assert.ok(!quick.some((action) => action.kind === 'source.fixAll.sparkDra'));
    const clean = await client.open(
      'fix-all-clean.json',
      'json',
      readFileSync(resolve(__dirname, '../../examples/emr-eks-dra.json'), 'utf8'),
    );
    assert.deepEqual(await sourceActions(clean, ['source.fixAll']), []);
  });
});
