// textDocument/codeLens and codeLens/resolve over a real LSP connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { SimulateResponse } from '../../protocol/requests';
import { TestLspClient } from './lsp-client';

const example = (name: string): string => readFileSync(resolve(__dirname, '../../examples', name), 'utf8');

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
});
after(async () => {
  await client.stop();
});

async function lenses(uri: string): Promise<CodeLens[]> {
  return (await client.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } })) ?? [];
}

describe('code lens', () => {
  it('one lens per job, at the line each job starts; resolving gives the simulated figure and the Simulate command', async () => {
    const single = example('spark-application-dra.yaml');
    const text = `${single}---\n${single.replace('orders-rollup', 'orders-rollup-2')}`;
    const uri = await client.open('lens-two-jobs.yaml', 'yaml', text);
    const found = await lenses(uri);
    const secondStart = text.split('\n').indexOf('---') + 1;
    assert.deepEqual(
      found.map((lens) => lens.range.start.line),
      [0, secondStart],
    );
    const resolved = await client.request<CodeLens>('codeLens/resolve', found[1]);
    assert.equal(resolved.command?.command, 'sparkDra.simulate');
    assert.deepEqual(resolved.command?.arguments, [uri, 1]);
    const simulated = await client.request<SimulateResponse>('sparkDra/simulate', { uri, jobIndex: 1 });
    assert.ok(simulated.ok);
    const { dra, static: baseline } = simulated.value;
    const percent = Math.round(
      ((dra.summary.executorSeconds - baseline.summary.executorSeconds) / baseline.summary.executorSeconds) * 100,
    );
    const sign = percent === 0 ? '±0%' : percent < 0 ? `\u2212${-percent}%` : `+${percent}%`;
    assert.equal(resolved.command?.title, `Simulate · Spark 3.5.1 · DRA vs static ${sign}`);
  });

  it('a job Spark would refuse → the lens says so instead of a figure', async () => {
    const text = example('spark-defaults.conf').replace(
      /spark\.dynamicAllocation\.minExecutors\s+\d+/,
      'spark.dynamicAllocation.minExecutors 500',
    );
    assert.match(text, /minExecutors 500/);
    const uri = await client.open('lens-refused.conf', 'spark-defaults', text);
    const [lens] = await lenses(uri);
    assert.ok(lens);
    const resolved = await client.request<CodeLens>('codeLens/resolve', lens);
    assert.match(resolved.command?.title ?? '', /^Simulate · Spark 3\.5\.1 · Spark would not start$/);
  });

  it('a lens of an older document version resolves without running a simulation', async () => {
    const uri = await client.open('lens-edited.json', 'json', example('emr-eks-dra.json'));
    const [lens] = await lenses(uri);
    assert.ok(lens);
    await client.change(uri, example('emr-eks-dra.json').replace('maxExecutors": "40"', 'maxExecutors": "41"'));
    const resolved = await client.request<CodeLens>('codeLens/resolve', lens);
    assert.equal(resolved.command?.title, 'Simulate · Spark 3.5.1');
  });

  it('sparkDra.codeLens.enabled = false → no lenses', async () => {
    const quiet = await TestLspClient.start({ settings: { codeLens: { enabled: false } } });
    try {
      const uri = await quiet.open('lens-off.json', 'json', example('emr-eks-dra.json'));
      // The server asks for the settings after initialization: ask until they apply (bounded).
      let found: CodeLens[] | null = null;
      for (let attempt = 0; attempt < 50; attempt++) {
        found = await quiet.request<CodeLens[] | null>('textDocument/codeLens', { textDocument: { uri } });
        if (found?.length === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.deepEqual(found, []);
    } finally {
      await quiet.stop();
    }
  });
});
