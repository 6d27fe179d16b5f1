// Validators of the messages between the extension host and the simulation webview.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedValues,
  documentUriFromState,
  LIMITS,
  parseHostMessage,
  parseObservedRun,
  parseSimulationResult,
  parseWebviewMessage,
  pngBase64,
  WHAT_IF_KEYS,
} from '../../../protocol/webview-messages';
import { sampleObserved, sampleResult } from '../../webview/fixtures';

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
        result: {
          ...good,
          dra: { ...good.dra, summary: { ...good.dra.summary, cost: { ...good.dra.summary.cost, currency: 'EUR' } } },
        },
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

describe('observed part of a result message (replays)', () => {
  it('accepts a well-formed observed run and returns an equal clean copy', () => {
    const result = sampleResult();
    const good: unknown[] = [
      { type: 'result', requestId: 4, result, observed: sampleObserved() },
      {
        type: 'result',
        result,
        observed: sampleObserved({ confFrom: 'job-file', complete: false, loggedSparkVersion: 'unknown' }),
      },
      {
        type: 'result',
        result,
        observed: sampleObserved({ timeline: [], runtimeSec: 0, peakExecutors: 0, executorSeconds: 0 }),
      },
      // Equal times are allowed (two changes at the same instant); so is the longest timeline.
      {
        type: 'result',
        result,
        observed: sampleObserved({
          timeline: [
            { t: 0, running: 1 },
            { t: 0, running: 2 },
            { t: 0.5, running: 2 },
          ],
        }),
      },
      {
        type: 'result',
        result,
        observed: sampleObserved({
          timeline: Array.from({ length: LIMITS.observed }, (_, i) => ({ t: i / 10, running: i % 7 })),
        }),
      },
    ];
    for (const m of good) assert.deepEqual(parseHostMessage(m), m, JSON.stringify(m).slice(0, 120));
  });

  it('a result without observed has none; unknown fields of observed and its steps are dropped', () => {
    const plain = parseHostMessage({ type: 'result', result: sampleResult() });
    assert.ok(plain && plain.type === 'result');
    assert.equal('observed' in plain, false);

    const observed = { ...sampleObserved(), appId: 'spark-1', timeline: [{ t: 0, running: 1, extra: 'x' }] };
    const parsed = parseHostMessage({ type: 'result', result: sampleResult(), observed });
    assert.ok(parsed && parsed.type === 'result' && parsed.observed);
    assert.equal('appId' in parsed.observed, false);
    assert.deepEqual(parsed.observed.timeline, [{ t: 0, running: 1 }]);
    assert.notEqual(parsed.observed, observed, 'a copy, not the sender object');
  });

  it('rejects a result whose observed part is malformed', () => {
    const result = sampleResult();
    const good = sampleObserved();
    const withStep = (step: Record<string, unknown>): unknown => ({ ...good, timeline: [{ t: 0, running: 0 }, step] });
    const badObserved: unknown[] = [
      null,
      'observed',
      [],
      {},
      { ...good, timeline: undefined },
      { ...good, timeline: 'x' },
      { ...good, timeline: [1, 2] },
      withStep({ t: Number.NaN, running: 1 }),
      withStep({ t: Number.POSITIVE_INFINITY, running: 1 }),
      withStep({ t: -1, running: 1 }),
      withStep({ t: '5', running: 1 }),
      withStep({ t: 5 }),
      withStep({ t: 5, running: -1 }),
      withStep({ t: 5, running: 1.5 }),
      withStep({ t: 5, running: Number.NaN }),
      withStep({ t: 5, running: 2 ** 60 }),
      {
        ...good,
        timeline: [
          { t: 10, running: 1 },
          { t: 5, running: 2 },
        ],
      }, // time goes backwards
      { ...good, timeline: Array.from({ length: LIMITS.observed + 1 }, (_, i) => ({ t: i, running: 1 })) },
      { ...good, runtimeSec: -1 },
      { ...good, runtimeSec: Number.NaN },
      { ...good, runtimeSec: '780' },
      { ...good, executorSeconds: Number.POSITIVE_INFINITY },
      { ...good, executorSeconds: -0.5 },
      { ...good, peakExecutors: 2.5 },
      { ...good, peakExecutors: -1 },
      { ...good, executorsAdded: 1.5 },
      { ...good, executorsRemoved: -3 },
      { ...good, executorsRemoved: undefined },
      { ...good, complete: 'yes' },
      { ...good, complete: undefined },
      { ...good, confFrom: 'somewhere' },
      { ...good, confFrom: undefined },
      { ...good, loggedSparkVersion: 3.5 },
      { ...good, loggedSparkVersion: '3.5\n<script>' },
      { ...good, loggedSparkVersion: 'x'.repeat(51) },
    ];
    for (const observed of badObserved) {
      assert.equal(parseObservedRun(observed), undefined, (JSON.stringify(observed) ?? String(observed)).slice(0, 120));
      assert.equal(parseHostMessage({ type: 'result', result, observed }), undefined, 'the whole message is refused');
    }
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
