// Validators of the advisor's answer and of the advisor view's messages, both directions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAdvice, parseBreakdown } from '../../../protocol/advice-parse';
import { MAX_SLOWDOWN_PCT_MAX, VALUES_MAX } from '../../../protocol/limits';
import { parseHostMessage, parseWebviewMessage } from '../../../protocol/webview-messages';
import { sampleAdvice } from '../../webview/fixtures';

const MAX = 'spark.dynamicAllocation.maxExecutors';

describe('parseAdvice', () => {
  it('returns an equal copy of a well-formed advice, also with no recommendation', () => {
    const advice = sampleAdvice();
    assert.deepEqual(parseAdvice(advice), advice);
    assert.deepEqual(parseAdvice({ ...advice, recommended: null }), { ...advice, recommended: null });
  });

  it('drops unknown fields everywhere', () => {
    const advice = sampleAdvice();
    const parsed = parseAdvice({ ...advice, extra: 1, current: { ...advice.current, colour: 'red' } });
    assert.deepEqual(parsed, advice);
  });

  it('rejects each malformed part', () => {
    const a = sampleAdvice();
    const bad: unknown[] = [
      null,
      [],
      { ...a, recommended: undefined },
      { ...a, current: { ...a.current, runtimeSec: -1 } },
      { ...a, current: { ...a.current, costUsd: Number.NaN } },
      { ...a, fastest: { ...a.fastest, changes: { 'spark.x': '' } } },
      { ...a, fastest: { ...a.fastest, changes: { 'spark.x': ' padded ' } } },
      { ...a, fastest: { ...a.fastest, changes: { 'not.spark': '1' } } },
      {
        ...a,
        fastest: {
          ...a.fastest,
          changes: Object.fromEntries(Array.from({ length: VALUES_MAX + 1 }, (_, i) => [`spark.k${i}`, '1'])),
        },
      },
      { ...a, cheapest: { ...a.cheapest, risks: [1] } },
      { ...a, frontier: [a.current, 'point'] },
      { ...a, heuristics: [{ ...a.current, name: 'h', meetsConstraint: 'yes' }] },
      { ...a, heuristics: [{ ...a.current, name: '', meetsConstraint: true }] },
      { ...a, heuristics: [{ ...a.current, name: 'two\nlines', meetsConstraint: true }] },
      { ...a, breakdown: { ...a.breakdown, seconds: { ...a.breakdown.seconds, floor: -1 } } },
      { ...a, verdict: 42 },
      { ...a, maxSlowdownPct: -5 },
      { ...a, candidates: 2.5 },
      { ...a, workload: { ...a.workload, tasks: -1 } },
      { ...a, notes: 'none' },
    ];
    bad.forEach((x, i) => assert.equal(parseAdvice(x), undefined, `case ${i} should be rejected`));
  });
});

describe('breakdowns', () => {
  it('parseBreakdown needs every category', () => {
    const b = sampleAdvice().breakdown;
    assert.deepEqual(parseBreakdown(b), b);
    const { starting: _dropped, ...missing } = b.seconds;
    assert.equal(parseBreakdown({ ...b, seconds: missing }), undefined);
  });
});

describe('advisor messages', () => {
  it('host → webview: advice and status messages pass; malformed ones do not', () => {
    const advice = sampleAdvice();
    assert.deepEqual(parseHostMessage({ type: 'advice', advice }), { type: 'advice', advice });
    assert.deepEqual(parseHostMessage({ type: 'adviceStatus', state: 'searching' }), {
      type: 'adviceStatus',
      state: 'searching',
    });
    assert.deepEqual(parseHostMessage({ type: 'adviceStatus', state: 'failed', message: 'no job' }), {
      type: 'adviceStatus',
      state: 'failed',
      message: 'no job',
    });
    for (const bad of [
      { type: 'advice' },
      { type: 'advice', advice: { ...advice, frontier: null } },
      { type: 'adviceStatus', state: 'done' },
      { type: 'adviceStatus', state: 'failed', message: 7 },
    ])
      assert.equal(parseHostMessage(bad), undefined, JSON.stringify(bad).slice(0, 80));
  });

  it('webview → host: advise, preview and apply are strict', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'advise' }), { type: 'advise' });
    assert.deepEqual(parseWebviewMessage({ type: 'advise', preset: 'wide-then-narrow' }), {
      type: 'advise',
      preset: 'wide-then-narrow',
    });
    const changes = { [MAX]: '24', 'spark.decommission.enabled': 'true' };
    assert.deepEqual(parseWebviewMessage({ type: 'advisorPreview', requestId: 4, changes }), {
      type: 'advisorPreview',
      requestId: 4,
      changes,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'advisorPreview', requestId: 5, changes: {} }), {
      type: 'advisorPreview',
      requestId: 5,
      changes: {},
    });
    assert.deepEqual(parseWebviewMessage({ type: 'advisorApply', changes }), { type: 'advisorApply', changes });
    for (const bad of [
      { type: 'advise', preset: '' },
      { type: 'advise', preset: 'a\nb' },
      { type: 'advise', extra: true },
      { type: 'advisorPreview', requestId: -1, changes },
      { type: 'advisorPreview', requestId: 1 },
      { type: 'advisorPreview', requestId: 1, changes, more: 1 },
      { type: 'advisorApply', changes: {} },
      { type: 'advisorApply', changes: { 'spark.x': 'a\u2028b' } },
      JSON.parse('{"type":"advisorApply","changes":{"__proto__":"1"}}') as unknown,
    ])
      assert.equal(parseWebviewMessage(bad), undefined, JSON.stringify(bad));
  });

  it('webview → host: advise carries a runtime limit from 0 to MAX_SLOWDOWN_PCT_MAX, nothing else', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'advise', preset: 'steady', maxSlowdownPct: 12.5 }), {
      type: 'advise',
      preset: 'steady',
      maxSlowdownPct: 12.5,
    });
    assert.deepEqual(parseWebviewMessage({ type: 'advise', maxSlowdownPct: 0 }), { type: 'advise', maxSlowdownPct: 0 });
    assert.deepEqual(parseWebviewMessage({ type: 'advise', maxSlowdownPct: MAX_SLOWDOWN_PCT_MAX }), {
      type: 'advise',
      maxSlowdownPct: MAX_SLOWDOWN_PCT_MAX,
    });
    for (const pct of [-1, MAX_SLOWDOWN_PCT_MAX + 0.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null])
      assert.equal(parseWebviewMessage({ type: 'advise', maxSlowdownPct: pct }), undefined, String(pct));
  });
});
