// CSV export text, persisted state parsing and number formatting of the webview (no browser).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CSV_HEADER, exportStem, timelineCsv } from '../../../client/webview/csv';
import { countOf, formatDuration, formatUsd, percent, signed } from '../../../client/webview/format';
import { parseState, persistable } from '../../../client/webview/state';
import { sampleObserved, sampleResult, timeline } from '../../webview/fixtures';

describe('csv', () => {
  it('writes a header, DRA rows, then static rows', () => {
    const r = sampleResult();
    const lines = timelineCsv(r).trimEnd().split('\n');
    assert.equal(lines[0], CSV_HEADER);
    assert.equal(lines.length, 1 + r.dra.timeline.length + r.static.timeline.length);
    const p = r.dra.timeline[0];
    assert.ok(p);
    assert.equal(
      lines[1],
      `Dynamic allocation,${p.t},${p.running},${p.target},${p.pendingPods},${p.busySlots},${p.pendingTasks},${p.livePvcs}`,
    );
    assert.match(lines[lines.length - 1] ?? '', /^Static \(20 executors\),/);
  });

  it('makes safe export names', () => {
    assert.equal(exportStem('job.yaml'), 'job-yaml');
    assert.equal(exportStem('/a/b/../spark defaults.conf'), 'spark-defaults-conf');
    assert.equal(exportStem('...'), 'simulation');
    assert.equal(exportStem(''), 'simulation');
  });
});

describe('state', () => {
  it('falls back to defaults for junk', () => {
    for (const junk of [undefined, null, 5, 'x', { version: 2 }]) {
      const s = parseState(junk);
      assert.deepEqual(s.edits, {});
      assert.equal(s.nextRequestId, 1);
    }
  });

  it('keeps valid parts and drops invalid ones', () => {
    const s = parseState({
      version: 1,
      documentUri: 'file:///a.yaml',
      edits: { 'spark.dynamicAllocation.maxExecutors': '40' },
      knobs: { podStartLatencySec: Number.NaN },
      lastResult: { nope: true },
      nextRequestId: 12,
    });
    assert.equal(s.documentUri, 'file:///a.yaml');
    assert.deepEqual(s.edits, { 'spark.dynamicAllocation.maxExecutors': '40' });
    assert.deepEqual(s.knobs, {});
    assert.equal(s.lastResult, undefined);
    assert.equal(s.nextRequestId, 12);
  });

  it('does not persist huge results', () => {
    const r = sampleResult();
    r.dra.timeline = timeline(10, 200_000, 5);
    const s = parseState({ version: 1, lastResult: r });
    assert.ok(s.lastResult);
    assert.equal(persistable(s).lastResult, undefined);
  });
});

describe('state of a replay', () => {
  it('restores what the log observed with its result, and only with one', () => {
    const observed = sampleObserved();
    const s = parseState({ version: 1, lastResult: sampleResult(), lastObserved: observed });
    assert.deepEqual(s.lastObserved, observed);
    assert.equal(parseState({ version: 1, lastObserved: observed }).lastObserved, undefined, 'no result, no observed');
    assert.equal(
      parseState({ version: 1, lastResult: sampleResult(), lastObserved: { ...observed, peakExecutors: -1 } })
        .lastObserved,
      undefined,
    );
  });

  it('does not persist a result whose observed timeline makes it too large', () => {
    const steps = Array.from({ length: 30_000 }, (_, i) => ({ t: i, running: i % 5 }));
    const s = parseState({ version: 1, lastResult: sampleResult(), lastObserved: sampleObserved({ timeline: steps }) });
    assert.ok(s.lastResult && s.lastObserved);
    const kept = persistable(s);
    assert.equal(kept.lastResult, undefined);
    assert.equal(kept.lastObserved, undefined);
    const small = parseState({ version: 1, lastResult: sampleResult(), lastObserved: sampleObserved() });
    assert.equal(persistable(small), small);
  });
});

describe('format', () => {
  it('formats durations, money and signs', () => {
    assert.equal(formatDuration(45), '45s');
    assert.equal(formatDuration(610), '10m 10s');
    assert.equal(formatDuration(3_900), '1h 05m');
    assert.equal(formatUsd(1.656), '$1.66');
    assert.equal(formatUsd(0.004), '$0.0040');
    assert.equal(formatUsd(-2), '−$2.00');
    assert.equal(percent(-0.74, 2.4), '−31%');
    assert.equal(percent(1, 0), undefined);
    assert.equal(signed(-0.5, 2), '−0.5');
    assert.equal(signed(0, 2), '0');
  });
});

describe('countOf', () => {
  it('says "1 job" for one and the plural otherwise, with thousands separators', () => {
    assert.equal(countOf(1, 'job'), '1 job');
    assert.equal(countOf(0, 'stage'), '0 stages');
    assert.equal(countOf(2050, 'task'), '2,050 tasks');
  });
});
