// Advice kept in the webview's persisted state: restored when valid, dropped (and nothing else) when not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseState, persistable } from '../../../client/webview/state';
import { sampleAdvice, sampleResult } from '../../webview/fixtures';

function saved(advice: unknown): Record<string, unknown> {
  return {
    version: 1,
    documentUri: 'file:///work/jobs/emr-eks-dra.json',
    fileName: 'emr-eks-dra.json',
    presets: ['wide-then-narrow'],
    edits: {},
    knobs: {},
    fileValues: {},
    lastResult: sampleResult(),
    nextRequestId: 7,
    advice,
  };
}

describe('persisted advice', () => {
  it('a saved advice comes back equal, and persistable keeps it', () => {
    const state = parseState(JSON.parse(JSON.stringify(saved(sampleAdvice()))));
    assert.deepEqual(state.advice, sampleAdvice());
    assert.equal(state.nextRequestId, 7);
    assert.deepEqual(persistable(state).advice, sampleAdvice());
  });

  it('a malformed advice is dropped and the rest of the state is kept', () => {
    for (const bad of [
      { ...sampleAdvice(), frontier: 'many' },
      { ...sampleAdvice(), maxSlowdownPct: -5 },
      { ...sampleAdvice(), current: null },
      'advice',
      42,
    ]) {
      const state = parseState(saved(bad));
      assert.equal(state.advice, undefined, JSON.stringify(bad).slice(0, 60));
      assert.equal(state.fileName, 'emr-eks-dra.json');
      assert.ok(state.lastResult, 'the simulation result survives a bad advice');
    }
  });

  it('no advice saved: none restored', () => {
    const state = parseState(saved(undefined));
    assert.equal('advice' in state, false);
  });
});
