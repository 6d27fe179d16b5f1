// The webview's validator for executor-time breakdowns: clean copies only, every category present and non-negative.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseExecutorTimeBreakdown } from '../../../protocol/breakdown-parse';
import { parseSimulationResult } from '../../../protocol/webview-messages';
import { sampleResult } from '../../webview/fixtures';

const good = {
  seconds: {
    busy: 10,
    'shuffle-pinned': 5,
    'cache-held': 0,
    'idle-timeout': 2,
    floor: 1,
    starting: 8,
    decommissioning: 1,
  },
  totalSec: 27,
};

test('breakdown-parse: a full breakdown → a copy without unknown fields', () => {
  const parsed = parseExecutorTimeBreakdown({ ...good, extra: 1, seconds: { ...good.seconds, other: 3 } });
  assert.deepEqual(parsed, good);
});

test('breakdown-parse: a missing, negative or non-finite category or total → undefined', () => {
  const { busy: _busy, ...noBusy } = good.seconds;
  assert.equal(parseExecutorTimeBreakdown({ ...good, seconds: noBusy }), undefined);
  assert.equal(parseExecutorTimeBreakdown({ ...good, seconds: { ...good.seconds, floor: -1 } }), undefined);
  assert.equal(parseExecutorTimeBreakdown({ ...good, seconds: { ...good.seconds, starting: Infinity } }), undefined);
  assert.equal(parseExecutorTimeBreakdown({ ...good, totalSec: '27' }), undefined);
  assert.equal(parseExecutorTimeBreakdown(null), undefined);
});

test('breakdown-parse: a simulation result without a breakdown on either run or without a verdict → refused', () => {
  const r = sampleResult();
  assert.ok(parseSimulationResult(r));
  assert.deepEqual(parseSimulationResult(r)?.static.breakdown, r.static.breakdown);
  assert.equal(parseSimulationResult(r)?.verdict, r.verdict);
  const { breakdown: _dra, ...draWithout } = r.dra;
  assert.equal(parseSimulationResult({ ...r, dra: draWithout }), undefined);
  const { breakdown: _static, ...staticWithout } = r.static;
  assert.equal(parseSimulationResult({ ...r, static: staticWithout }), undefined);
  assert.equal(parseSimulationResult({ ...r, verdict: 42 }), undefined);
});
