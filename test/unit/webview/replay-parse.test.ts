// Validators of a replay's calibration and fidelity on their way to the webview.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCalibration, parseFidelity, REPLAY_LIMITS } from '../../../protocol/replay-parse';
import { parseHostMessage, parseSimulationResult } from '../../../protocol/webview-messages';
import {
  sampleCalibration,
  sampleFidelity,
  sampleObserved,
  sampleReplayResult,
  sampleResult,
} from '../../webview/fixtures';

describe('parseCalibration', () => {
  it('returns an equal copy of a valid calibration and drops unknown fields', () => {
    assert.deepEqual(parseCalibration(sampleCalibration()), sampleCalibration());
    const extra = { ...sampleCalibration(), secret: 'x', coldStart: { ...sampleCalibration().coldStart, html: '<b>' } };
    const parsed = parseCalibration(extra);
    assert.deepEqual(parsed, sampleCalibration());
    assert.equal(Object.hasOwn(parsed ?? {}, 'secret'), false);
  });

  it('refuses NaN, infinite, negative and missing values', () => {
    const c = sampleCalibration();
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, value: Number.NaN } }), undefined);
    assert.equal(parseCalibration({ ...c, addRate: { ...c.addRate, value: Number.POSITIVE_INFINITY } }), undefined);
    assert.equal(parseCalibration({ ...c, removalLag: { ...c.removalLag, value: -1 } }), undefined);
    assert.equal(parseCalibration({ ...c, appTailSec: Number.NaN }), undefined);
    assert.equal(parseCalibration({ ...c, knobs: { coldStartSec: Number.NaN } }), undefined);
    const { exitTime: _dropped, ...missing } = c;
    assert.equal(parseCalibration(missing), undefined);
    assert.equal(parseCalibration({ ...c, summary: undefined }), undefined);
    assert.equal(parseCalibration(null), undefined);
    assert.equal(parseCalibration([c]), undefined);
  });

  it('refuses wrong kinds: unknown source or unit, fractional samples, a range out of order or half given', () => {
    const c = sampleCalibration();
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, source: 'guess' } }), undefined);
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, unit: 'ms' } }), undefined);
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, samples: 1.5 } }), undefined);
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, min: 90, max: 71.3 } }), undefined);
    assert.equal(parseCalibration({ ...c, coldStart: { ...c.coldStart, max: undefined } }), undefined);
  });

  it('refuses oversized or multi-line text and too many or dangerous knob keys', () => {
    const c = sampleCalibration();
    assert.equal(parseCalibration({ ...c, summary: 'x'.repeat(REPLAY_LIMITS.summary + 1) }), undefined);
    assert.equal(parseCalibration({ ...c, summary: 'cold start\n<script>' }), undefined);
    assert.equal(
      parseCalibration({ ...c, coldStart: { ...c.coldStart, basis: 'b'.repeat(REPLAY_LIMITS.basis + 1) } }),
      undefined,
    );
    const many = Object.fromEntries(Array.from({ length: REPLAY_LIMITS.knobs + 1 }, (_, i) => [`k${i}`, i]));
    assert.equal(parseCalibration({ ...c, knobs: many }), undefined);
    assert.equal(parseCalibration({ ...c, knobs: JSON.parse('{"__proto__": 1}') as unknown }), undefined);
  });
});

describe('parseFidelity', () => {
  it('returns an equal copy of a valid report; a job without a simulated end stays without one', () => {
    const parsed = parseFidelity(sampleFidelity());
    assert.deepEqual(parsed, sampleFidelity());
    assert.deepEqual(parsed?.jobs[2], { id: 2, observedSec: 80 });
    const extra = { ...sampleFidelity(), jobWindow: { ...sampleFidelity().jobWindow, note: 'x' }, more: 1 };
    assert.deepEqual(parseFidelity(extra), sampleFidelity());
  });

  it('refuses NaN, missing windows, bad jobs and an oversized job list', () => {
    const f = sampleFidelity();
    assert.equal(parseFidelity({ ...f, meanAbsExecutorError: Number.NaN }), undefined);
    assert.equal(parseFidelity({ ...f, appWindow: { ...f.appWindow, errorPct: Number.NaN } }), undefined);
    assert.equal(parseFidelity({ ...f, jobWindow: undefined }), undefined);
    assert.equal(parseFidelity({ ...f, jobs: [{ id: -1, observedSec: 1 }] }), undefined);
    assert.equal(parseFidelity({ ...f, jobs: [{ id: 0, observedSec: 1, errorPct: Number.NaN }] }), undefined);
    assert.equal(parseFidelity({ ...f, jobs: 'none' }), undefined);
    const tooMany = Array.from({ length: REPLAY_LIMITS.jobs + 1 }, (_, id) => ({ id, observedSec: 1 }));
    assert.equal(parseFidelity({ ...f, jobs: tooMany }), undefined);
    assert.equal(parseFidelity({ ...f, summary: 's'.repeat(REPLAY_LIMITS.summary + 1) }), undefined);
  });

  it('keeps negative errors (the simulation ran shorter) but not negative durations', () => {
    const f = sampleFidelity();
    assert.equal(parseFidelity(f)?.jobs[1]?.errorSec, -45);
    assert.equal(parseFidelity({ ...f, jobs: [{ id: 0, observedSec: 10, simulatedSec: -1 }] }), undefined);
  });
});

describe('a simulation result with replay extras', () => {
  it('carries a valid calibration and fidelity through parseSimulationResult and the result message', () => {
    const parsed = parseSimulationResult(sampleReplayResult());
    assert.deepEqual(parsed?.calibration, sampleCalibration());
    assert.deepEqual(parsed?.fidelity, sampleFidelity());
    const msg = parseHostMessage({ type: 'result', result: sampleReplayResult(), observed: sampleObserved() });
    assert.equal(msg?.type, 'result');
    assert.deepEqual(msg?.type === 'result' ? msg.result.fidelity : undefined, sampleFidelity());
  });

  it('drops a malformed calibration or fidelity alone and keeps the simulation', () => {
    const bad = {
      ...sampleReplayResult(),
      calibration: { ...sampleCalibration(), appTailSec: Number.NaN },
      fidelity: { ...sampleFidelity(), jobs: null },
    };
    const parsed = parseSimulationResult(bad);
    assert.ok(parsed, 'the simulation is still shown');
    assert.equal(Object.hasOwn(parsed, 'calibration'), false);
    assert.equal(Object.hasOwn(parsed, 'fidelity'), false);
    assert.deepEqual(parsed.dra.summary, sampleResult().dra.summary);
  });

  it('a plain simulation has neither', () => {
    const parsed = parseSimulationResult(sampleResult());
    assert.ok(parsed);
    assert.equal(Object.hasOwn(parsed, 'calibration'), false);
    assert.equal(Object.hasOwn(parsed, 'fidelity'), false);
  });
});
