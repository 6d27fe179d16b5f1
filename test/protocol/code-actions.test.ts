// textDocument/codeAction over a real LSP connection: the "Suggest DRA settings…" command action on a job, with the
// file's URI and the job's index as the command's arguments, filtered by the kinds the client asks for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, InitializeResult } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { defaultSparkVersion: '3.5.1' } });
});
after(async () => {
  await client.stop();
});

const TEXT = readFileSync(resolve(__dirname, '../../examples/emr-eks-dra.json'), 'utf8');

async function actionsAt(needle: string, only?: string[]): Promise<{ uri: string; actions: CodeAction[] }> {
  const uri = await client.open(`code-actions-${needle.length}-${only?.join('-') ?? 'all'}.json`, 'json', TEXT);
  const doc = TextDocument.create(uri, 'json', 1, TEXT);
  const offset = TEXT.indexOf(needle);
  assert.ok(offset >= 0);
  const position = doc.positionAt(offset);
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: position, end: position },
    context: { diagnostics: [], ...(only ? { only } : {}) },
  });
  return { uri, actions };
}

describe('code actions: Suggest DRA settings…', () => {
  it('suggest-settings: on maxExecutors of the EMR on EKS example → a refactor running sparkDra.suggestSettings(uri, 0)', async () => {
    const { uri, actions } = await actionsAt('spark.dynamicAllocation.maxExecutors');
    const suggest = actions.filter((a) => a.command?.command === 'sparkDra.suggestSettings');
    assert.equal(suggest.length, 1, JSON.stringify(actions));
    assert.equal(suggest[0]?.title, 'Suggest DRA settings…');
    assert.equal(suggest[0]?.kind, 'refactor');
    assert.deepEqual(suggest[0]?.command?.arguments, [uri, 0]);
    assert.equal(suggest[0]?.edit, undefined, 'a command action edits nothing itself');
  });

  it('suggest-settings: only quick fixes asked for → not offered; only source asked for elsewhere → offered', async () => {
    const quickfix = await actionsAt('spark.dynamicAllocation.maxExecutors', ['quickfix']);
    assert.deepEqual(
      quickfix.actions.filter((a) => a.command !== undefined),
      [],
    );
    const source = await actionsAt('executionRoleArn', ['source']);
    assert.deepEqual(
      source.actions.filter((a) => a.command !== undefined).map((a) => [a.kind, a.command?.command]),
      [['source', 'sparkDra.suggestSettings']],
    );
  });

  it('the server declares the refactor and source kinds it offers', async () => {
    const probe = await TestLspClient.start();
    try {
      const result = await probe.request<InitializeResult>('initialize', {
        processId: null,
        rootUri: null,
        capabilities: {},
      });
      const provider = result.capabilities.codeActionProvider;
      assert.ok(typeof provider === 'object' && provider !== null);
      assert.deepEqual(provider.codeActionKinds, ['quickfix', 'refactor', 'source', 'source.fixAll.sparkDra']);
    } finally {
      await probe.stop();
    }
  });
});
