// The result's newer parts reach the webview validated: the right-sized baseline, the cost extras, where the workload
// came from, the run's job and stage times, and an error's heading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostMessage, parseSimulationResult } from '../../../protocol/webview-messages';
import type { SimulationResult } from '../../../protocol/simulation';
import { sampleResult } from '../../webview/fixtures';

function withExtras(): SimulationResult {
  const r = sampleResult();
  r.staticRightSized = { ...r.static, executors: 24 };
  r.dra.summary.cost = { ...r.dra.summary.cost, computePriced: false, leftBehindPerMonth: 4 };
  r.workload = { ...r.workload, source: 'preset', description: 'one line' };
  Object.assign(r.dra, {
    jobs: [{ id: 0, startSec: 0, endSec: 300 }],
    stages: [
      { id: 0, startSec: 0, endSec: 200 },
      { id: 1, startSec: 200 },
    ],
    executors: [{ id: '1', profile: 0, addedSec: 8, removedSec: 260, reason: 'idle timeout' }],
  });
  return r;
}

describe('parseSimulationResult: extras', () => {
  it('keeps every well-formed extra', () => {
    const r = withExtras();
    const parsed = parseSimulationResult(JSON.parse(JSON.stringify(r)));
    assert.ok(parsed);
    assert.equal(parsed.staticRightSized?.executors, 24);
    assert.equal(parsed.dra.summary.cost.computePriced, false);
    assert.equal(parsed.dra.summary.cost.leftBehindPerMonth, 4);
    assert.deepEqual(parsed.workload, r.workload);
    assert.deepEqual(parsed.dra.stages, r.dra.stages);
    assert.deepEqual(parsed.dra.jobs, r.dra.jobs);
    assert.deepEqual(parsed.dra.executors, r.dra.executors);
  });

  it('refuses a result whose right-sized baseline, cost extras or workload source are malformed', () => {
    const bad: Array<(r: SimulationResult) => void> = [
      (r) => Object.assign(r, { staticRightSized: { executors: -1, timeline: [], summary: r.static.summary } }),
      (r) => Object.assign(r.dra.summary.cost, { computePriced: 'no' }),
      (r) => Object.assign(r.dra.summary.cost, { leftBehindPerMonth: -3 }),
      (r) => Object.assign(r.workload, { source: 'guess' }),
    ];
    for (const spoil of bad) {
      const r = withExtras();
      spoil(r);
      assert.equal(parseSimulationResult(JSON.parse(JSON.stringify(r))), undefined, spoil.toString());
    }
  });

  it('keeps the lifetime of an executor a replay lost as the log shows (every reason the engine writes)', () => {
    const r = withExtras();
    const executors = [
      { id: '1', profile: 0, addedSec: 8, removedSec: 260, reason: 'idle timeout' },
      { id: '2', profile: 0, addedSec: 8, removedSec: 90, reason: 'lost (as in the log)' },
      { id: '3', profile: 1, addedSec: 20, reason: 'alive at the end' },
    ];
    Object.assign(r.dra, { executors });
    const parsed = parseSimulationResult(JSON.parse(JSON.stringify(r)));
    assert.deepEqual(parsed?.dra.executors, executors);
    Object.assign(r.dra, { executors: [{ ...executors[0], reason: 'vanished' }] });
    assert.equal(parseSimulationResult(JSON.parse(JSON.stringify(r)))?.dra.executors, undefined);
  });

  it('drops malformed run times (no bands) but keeps the result', () => {
    const r = withExtras();
    Object.assign(r.dra, { stages: [{ id: 1, startSec: 50, endSec: 10 }] });
    const parsed = parseSimulationResult(JSON.parse(JSON.stringify(r)));
    assert.ok(parsed);
    assert.equal(parsed.dra.stages, undefined);
  });

  it('an error message carries its heading, one line and short', () => {
    assert.deepEqual(parseHostMessage({ type: 'error', message: 'm', heading: 'Spark would not start' }), {
      type: 'error',
      message: 'm',
      heading: 'Spark would not start',
    });
    assert.equal(parseHostMessage({ type: 'error', message: 'm', heading: 'a\nb' }), undefined);
    assert.equal(parseHostMessage({ type: 'error', message: 'm', heading: 'x'.repeat(101) }), undefined);
  });
});
