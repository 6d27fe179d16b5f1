// sparkDra/simulate over a real LSP connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulateResponse } from '../../server/src/protocol';
import { TestLspClient } from './lsp-client';

let client: TestLspClient;
let uri: string;
before(async () => {
  client = await TestLspClient.start({ settings: {} });
  uri = await client.open(
    'sim-job.json',
    'json',
    readFileSync(resolve(__dirname, '../../examples/emr-eks-dra.json'), 'utf8'),
  );
});
after(async () => {
  await client.stop();
});

describe('sparkDra/simulate', () => {
  it('simulates the open job with what-if overrides', async () => {
    const base = await client.request<SimulateResponse>('sparkDra/simulate', { uri, preset: 'interactive-burst' });
    assert.ok(base.ok, base.ok ? '' : base.error);
    const capped = await client.request<SimulateResponse>('sparkDra/simulate', {
      uri,
      preset: 'interactive-burst',
      overrides: { 'spark.dynamicAllocation.maxExecutors': '5' },
    });
    assert.ok(capped.ok);
    assert.ok(base.result.dra.summary.peakExecutors > 5);
    assert.ok(capped.result.dra.summary.peakExecutors <= 5);
    assert.ok(capped.result.dra.summary.runtimeSec > base.result.dra.summary.runtimeSec, 'fewer executors, longer run');
  });

  it('reports a configuration Spark would refuse as an error', async () => {
    const res = await client.request<SimulateResponse>('sparkDra/simulate', {
      uri,
      overrides: { 'spark.dynamicAllocation.minExecutors': '50' },
    });
    assert.equal(res.ok, false);
    assert.match(res.ok ? '' : res.error, /minExecutors|initial/);
  });

  it('rejects malformed parameters', async () => {
    for (const params of [
      null,
      { uri: 5 },
      { uri, overrides: { 'not a key': 'x' } },
      { uri, knobs: { podStartLatencySec: 'slow' } },
      { uri: 'file:///not/open.json' },
    ]) {
      const res = await client.request<SimulateResponse>('sparkDra/simulate', params);
      assert.equal(res.ok, false, JSON.stringify(params));
    }
  });
});
