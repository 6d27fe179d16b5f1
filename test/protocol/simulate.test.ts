// sparkDra/simulate over a real LSP connection.
import assert from 'node:assert/strict';
import { ErrorCodes } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SimulateResponse } from '../../protocol/requests';
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
    assert.ok(base.ok, base.ok ? '' : base.problem.message);
    const capped = await client.request<SimulateResponse>('sparkDra/simulate', {
      uri,
      preset: 'interactive-burst',
      overrides: { 'spark.dynamicAllocation.maxExecutors': '5' },
    });
    assert.ok(capped.ok);
    assert.ok(base.value.dra.summary.peakExecutors > 5);
    assert.ok(capped.value.dra.summary.peakExecutors <= 5);
    assert.ok(capped.value.dra.summary.runtimeSec > base.value.dra.summary.runtimeSec, 'fewer executors, longer run');
  });

  it('reports a configuration Spark would refuse as an error', async () => {
    const res = await client.request<SimulateResponse>('sparkDra/simulate', {
      uri,
      overrides: { 'spark.dynamicAllocation.minExecutors': '50' },
    });
    assert.equal(res.ok ? 'ok' : res.problem.code, 'spark-would-not-start');
    assert.match(res.ok ? '' : res.problem.message, /minExecutors|initial/);
  });

  it('executor counts the panel accepts (up to 10 digits) → refused with the limit named, and the server stays up', async () => {
    // Issue 12: 10,000,000 executors ran the server out of memory after 117 s; 1,000,000 froze it for 75 s.
    const keys = ['spark.dynamicAllocation.maxExecutors', 'spark.dynamicAllocation.minExecutors'];
    const simulate = (key: string, count: string) =>
      client.request<SimulateResponse>('sparkDra/simulate', {
        uri,
        overrides: { 'spark.dynamicAllocation.maxExecutors': count, [key]: count },
      });
    for (const count of ['1000000', '10000000']) {
      for (const key of keys) {
        const res = await simulate(key, count);
        assert.equal(res.ok ? 'ok' : res.problem.code, 'over-budget', `${key}=${count}`);
        assert.match(res.ok ? '' : res.problem.message, /budget\.maxExecutors/);
      }
    }
    // Ten digits is past Spark's 32-bit integer: Spark itself would not start.
    for (const key of keys) {
      const res = await simulate(key, '9999999999');
      assert.equal(res.ok ? 'ok' : res.problem.code, 'spark-would-not-start', key);
      assert.match(res.ok ? '' : res.problem.message, /32-bit integer/);
    }
    const normal = await client.request<SimulateResponse>('sparkDra/simulate', { uri, preset: 'steady' });
    assert.ok(normal.ok, normal.ok ? '' : normal.problem.message);
  });

  it('rejects malformed parameters', async () => {
    for (const params of [
      null,
      { uri: 5 },
      { uri, overrides: { 'not a key': 'x' } },
      { uri, knobs: { podStartLatencySec: 'slow' } },
      { uri, knobs: { podStartLatencySec: 601 } },
      { uri, knobs: { noSuchKnob: 1 } },
      { uri, overrides: { 'spark.dynamicAllocation.maxExecutors': 'x'.repeat(201) } },
    ]) {
      const error = await client.requestError('sparkDra/simulate', params);
      assert.equal(error.code, ErrorCodes.InvalidParams, JSON.stringify(params));
    }
    const closed = await client.request<SimulateResponse>('sparkDra/simulate', { uri: 'file:///not/open.json' });
    assert.equal(closed.ok ? 'ok' : closed.problem.code, 'not-open');
  });
});
