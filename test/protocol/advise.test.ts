// sparkDra/advise over a real LSP connection: the Advice result, work-done progress on the client's token,
// cancellation, and invalid parameters.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { MAX_SLOWDOWN_PCT_MAX } from '../../protocol/limits';
import type { AdviseResponse } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

const ROOT = resolve(__dirname, '../..');
const TEXT = readFileSync(join(ROOT, 'examples/emr-eks-dra.json'), 'utf8');

let client: TestLspClient;
let uri: string;
const progress: Array<{ token: unknown; value: { kind: string; percentage?: number } }> = [];
before(async () => {
  client = await TestLspClient.start({ settings: {} });
  client.connection.onNotification('$/progress', (params: { token: unknown; value: { kind: string } }) => {
    progress.push(params);
  });
  uri = await client.open('advise-job.json', 'json', TEXT);
  await client.nextDiagnostics(uri);
});
after(async () => {
  await client.stop();
});

describe('sparkDra/advise', () => {
  it('answers the Advice for a preset and reports progress on the work-done token', async () => {
    const answer = await client.request<AdviseResponse>('sparkDra/advise', {
      uri,
      preset: 'steady',
      maxSlowdownPct: 10,
      workDoneToken: 'advise-1',
    });
    if (!answer.ok) assert.fail(answer.problem.message);
    const advice = answer.value;
    assert.equal(advice.maxSlowdownPct, 10);
    assert.ok(advice.candidates >= 200);
    assert.ok(advice.frontier.length >= 1);
    assert.equal(advice.heuristics.length, 4);
    assert.equal(typeof advice.current.costUsd, 'number');
    const mine = progress.filter((p) => p.token === 'advise-1').map((p) => p.value.kind);
    assert.equal(mine[0], 'begin');
    assert.equal(mine[mine.length - 1], 'end');
    assert.ok(mine.includes('report'), 'at least one progress report');
  });

  it('stops a cancelled search', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest('sparkDra/advise', { uri, preset: 'wide-then-narrow' }, source.token);
    setTimeout(() => source.cancel(), 200);
    const started = Date.now();
    const outcome = await pending.then(
      (answer) => ((answer as AdviseResponse).ok ? 'ok' : (answer as { problem: { code: string } }).problem.code),
      (error: unknown) => (error instanceof Error ? 'rejected' : 'other'),
    );
    assert.ok(outcome === 'cancelled' || outcome === 'rejected', `outcome ${outcome}`);
    assert.ok(Date.now() - started < 2500, 'cancelled well before the search would end');
  });

  it('refuses a negative slowdown and a relative log path with InvalidParams', async () => {
    const slow = await client.requestError('sparkDra/advise', { uri, maxSlowdownPct: -1 });
    assert.equal(slow.code, ErrorCodes.InvalidParams);
    // The panel's field stops at MAX_SLOWDOWN_PCT_MAX; the server refuses past it too.
    const tooSlow = await client.requestError('sparkDra/advise', { uri, maxSlowdownPct: MAX_SLOWDOWN_PCT_MAX + 1 });
    assert.equal(tooSlow.code, ErrorCodes.InvalidParams);
    assert.match(tooSlow.message, new RegExp(`from 0 to ${MAX_SLOWDOWN_PCT_MAX}`));
    const path = await client.requestError('sparkDra/advise', { uri, eventLogPath: 'logs/app.zstd' });
    assert.equal(path.code, ErrorCodes.InvalidParams);
  });

  it('answers not-open for a document it does not have', async () => {
    const answer = await client.request<AdviseResponse>('sparkDra/advise', { uri: 'file:///tmp/none.json' });
    assert.equal(answer.ok ? 'ok' : answer.problem.code, 'not-open');
  });
});
