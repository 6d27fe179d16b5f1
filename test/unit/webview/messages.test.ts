// Validators of the messages between the extension host and the simulation webview.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedValues,
  documentUriFromState,
  parseHostMessage,
  parseSimulationResult,
  parseWebviewMessage,
  pngBase64,
  WHAT_IF_KEYS,
} from '../../../client/webview/messages';
import { sampleResult } from '../../webview/fixtures';

const MAX = 'spark.dynamicAllocation.maxExecutors';

describe('parseWebviewMessage', () => {
  it('accepts each well-formed message and returns an equal copy', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'simulate', requestId: 0, overrides: {}, knobs: {} },
      {
        type: 'simulate',
        requestId: 7,
        overrides: { [MAX]: '40', 'spark.dynamicAllocation.executorIdleTimeout': '90s' },
        preset: 'etl-burst',
        knobs: { podStartLatencySec: 12.5 },
      },
      { type: 'apply', values: { 'spark.dynamicAllocation.shuffleTracking.enabled': 'false' } },
      { type: 'exportCsv', fileName: 'job-yaml-timeline.csv', text: 'a,b\n1,2\n' },
      { type: 'exportPng', fileName: 'job-timeline.png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
    ];
    for (const m of good) assert.deepEqual(parseWebviewMessage(m), m, JSON.stringify(m));
  });

  it('covers every what-if key', () => {
    const overrides = Object.fromEntries(WHAT_IF_KEYS.map((k) => [k, '1']));
    assert.ok(parseWebviewMessage({ type: 'simulate', requestId: 1, overrides, knobs: {} }));
  });

  it('rejects malformed messages', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'ready',
      42,
      [],
      {},
      { type: 'unknown' },
      { type: 'ready', extra: 1 },
      { type: 'simulate', requestId: 1, overrides: {} }, // knobs missing
      { type: 'simulate', requestId: -1, overrides: {}, knobs: {} },
      { type: 'simulate', requestId: 1.5, overrides: {}, knobs: {} },
      { type: 'simulate', requestId: Number.NaN, overrides: {}, knobs: {} },
      { type: 'simulate', requestId: '1', overrides: {}, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { 'spark.executor.memory': '4g' }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: JSON.parse(`{"__proto__": {"${MAX}": "1"}}`) as unknown, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { [MAX]: 40 }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { [MAX]: '' }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { [MAX]: ' 40' }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { [MAX]: '40\nspark.evil=1' }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: { [MAX]: 'x'.repeat(10_000) }, knobs: {} },
      { type: 'simulate', requestId: 1, overrides: [], knobs: {} },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: { podStartLatencySec: Number.NaN } },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: { podStartLatencySec: Number.POSITIVE_INFINITY } },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: { podStartLatencySec: -1 } },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: { podStartLatencySec: 1e9 } },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: { warp: 1 } },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: {}, preset: 'a'.repeat(500) },
      { type: 'simulate', requestId: 1, overrides: {}, knobs: {}, preset: '../etc' },
      { type: 'apply', values: {} },
      { type: 'apply', values: { 'spark.app.name': 'x' } },
      { type: 'apply' },
      { type: 'exportCsv', fileName: '../../x.csv', text: 'a' },
      { type: 'exportCsv', fileName: 'x.txt', text: 'a' },
      { type: 'exportCsv', fileName: 'x.csv', text: 5 },
      { type: 'exportPng', fileName: 'x.png', dataUrl: 'data:text/html;base64,PGgxPg==' },
      { type: 'exportPng', fileName: 'x.png', dataUrl: 'data:image/png;base64,@@@@' },
      { type: 'exportPng', fileName: 'x.png', dataUrl: 'data:image/png;base64,' },
      { type: 'exportPng', fileName: 'x.png', dataUrl: 'https://example.com/x.png' },
    ];
    for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m) ?? String(m));
  });

  it('rejects huge exports', () => {
    const text = 'x'.repeat(64 * 1024 * 1024 + 1);
    assert.equal(parseWebviewMessage({ type: 'exportCsv', fileName: 'a.csv', text }), undefined);
  });
});

describe('parseHostMessage', () => {
  it('accepts well-formed messages', () => {
    const result = sampleResult();
    const good: unknown[] = [
      { type: 'init', documentUri: 'file:///a/job.yaml', fileName: 'job.yaml', presets: ['etl-burst'] },
      { type: 'result', requestId: 3, result },
      { type: 'result', result },
      { type: 'fileValues', values: { [MAX]: '30' } },
      { type: 'error', message: 'minExecutors must be <= maxExecutors' },
      { type: 'error', requestId: 2, message: 'boom' },
      { type: 'applied', ok: true },
      { type: 'applied', ok: false, message: 'file changed' },
      { type: 'rerun' },
    ];
    for (const m of good) assert.deepEqual(parseHostMessage(m), m, JSON.stringify(m).slice(0, 80));
  });

  it('drops unknown fields of a result and keeps a clean copy', () => {
    const result = { ...sampleResult(), secret: 1 };
    const parsed = parseHostMessage({ type: 'result', result, extra: true });
    assert.ok(parsed && parsed.type === 'result');
    assert.equal('secret' in parsed.result, false);
    assert.equal('extra' in parsed, false);
  });

  it('keeps only what-if keys of file values', () => {
    const parsed = parseHostMessage({ type: 'fileValues', values: { [MAX]: ' 30 ', 'spark.executor.cores': '4' } });
    assert.deepEqual(parsed, { type: 'fileValues', values: { [MAX]: '30' } });
  });

  it('rejects malformed messages', () => {
    const good = sampleResult();
    const withPoint = (patch: Record<string, unknown>): unknown => ({
      ...good,
      dra: { ...good.dra, timeline: [{ ...good.dra.timeline[0], ...patch }] },
    });
    const bad: unknown[] = [
      null,
      [],
      'result',
      { type: 'result' },
      { type: 'result', result: {} },
      { type: 'result', requestId: -2, result: good },
      { type: 'result', result: withPoint({ running: Number.NaN }) },
      { type: 'result', result: withPoint({ t: Number.POSITIVE_INFINITY }) },
      { type: 'result', result: withPoint({ target: '3' }) },
      { type: 'result', result: withPoint({ livePvcs: -1 }) },
      { type: 'result', result: { ...good, dra: { ...good.dra, timeline: [...good.dra.timeline].reverse() } } },
      { type: 'result', result: { ...good, notes: [1] } },
      { type: 'result', result: { ...good, inputs: { a: 1 } } },
      { type: 'result', result: { ...good, workload: null } },
      { type: 'result', result: { ...good, sparkVersion: 3.5 } },
      { type: 'result', result: { ...good, static: { ...good.static, executors: Number.NaN } } },
      {
        type: 'result',
        result: { ...good, dra: { ...good.dra, summary: { ...good.dra.summary, cost: { ...good.dra.summary.cost, currency: 'EUR' } } } },
      },
      { type: 'error', message: 'x'.repeat(1_000_000) },
      { type: 'error' },
      { type: 'init', documentUri: '', fileName: 'a', presets: [] },
      { type: 'init', documentUri: 'file:///a', fileName: 'a', presets: 'x' },
      { type: 'applied' },
      { type: 'fileValues', values: { [MAX]: 30 } },
      { type: 'nope' },
    ];
    for (const m of bad) assert.equal(parseHostMessage(m), undefined, (JSON.stringify(m) ?? String(m)).slice(0, 120));
  });

  it('never throws on odd input', () => {
    const cyclic: Record<string, unknown> = { type: 'result' };
    cyclic.result = cyclic;
    const odd: unknown[] = [cyclic, Object.create(null), new Date(), () => 1, Symbol('x'), 10n];
    for (const m of odd) assert.doesNotThrow(() => parseHostMessage(m));
  });

  it('accepts an empty timeline', () => {
    const r = sampleResult();
    assert.ok(parseSimulationResult({ ...r, dra: { ...r.dra, timeline: [] } }));
  });
});

describe('helpers', () => {
  it('changedValues keeps only differing keys', () => {
    assert.deepEqual(changedValues({ [MAX]: '30', 'spark.dynamicAllocation.minExecutors': '2' }, { [MAX]: '30' }), {
      'spark.dynamicAllocation.minExecutors': '2',
    });
  });

  it('documentUriFromState reads the saved document', () => {
    assert.equal(documentUriFromState({ version: 1, documentUri: 'file:///a.yaml' }), 'file:///a.yaml');
    assert.equal(documentUriFromState(undefined), undefined);
    assert.equal(documentUriFromState({ documentUri: 5 }), undefined);
    assert.equal(documentUriFromState({ documentUri: 'a\nb' }), undefined);
  });

  it('pngBase64 strips the prefix', () => {
    assert.equal(pngBase64('data:image/png;base64,AAAA'), 'AAAA');
    assert.equal(pngBase64('nope'), '');
  });
});
