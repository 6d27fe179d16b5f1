// Aligning the simulated timeline and an event log's observed steps on one x axis (no browser).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { alignTimelines } from '../../../client/webview/chart-data';
import { observedCardContent } from '../../../client/webview/observed-card';
import { sampleObserved, sampleResult } from '../../webview/fixtures';

describe('alignTimelines', () => {
  it('merges both sample times, holds each step, and leaves gaps outside each timeline', () => {
    const sim = [{ t: 0 }, { t: 10 }, { t: 20 }];
    const a = alignTimelines(
      sim,
      [
        { t: 5, running: 2 },
        { t: 10, running: 4 },
      ],
      30,
    );
    assert.deepEqual(a.xs, [0, 5, 10, 20, 30]);
    assert.deepEqual(a.sim, [0, 0, 1, 2, -1]);
    assert.deepEqual(a.observed, [null, 2, 4, 4, 4]);
  });

  it('covers the longer of the two: a simulation that outlasts the observed run', () => {
    const a = alignTimelines(
      [{ t: 0 }, { t: 100 }],
      [
        { t: 0, running: 1 },
        { t: 40, running: 0 },
      ],
      40,
    );
    assert.deepEqual(a.xs, [0, 40, 100]);
    assert.deepEqual(a.sim, [0, 0, 1]);
    assert.deepEqual(a.observed, [1, 0, null]);
  });

  it('keeps repeated times of either timeline as separate rows', () => {
    const a = alignTimelines(
      [{ t: 0 }, { t: 5 }, { t: 5 }],
      [
        { t: 5, running: 1 },
        { t: 5, running: 3 },
      ],
      0,
    );
    assert.deepEqual(a.xs, [0, 5, 5]);
    assert.deepEqual(a.sim, [0, 1, 2]);
    assert.deepEqual(a.observed, [null, 1, 3]);
  });

  it('handles empty timelines', () => {
    assert.deepEqual(alignTimelines([], [], 50), { xs: [], sim: [], observed: [] });
    assert.deepEqual(alignTimelines([{ t: 0 }], [], 50), { xs: [0], sim: [0], observed: [null] });
    assert.deepEqual(alignTimelines([], [{ t: 2, running: 3 }], 4), { xs: [2, 4], sim: [-1, -1], observed: [3, 3] });
  });

  it('aligns long timelines point for point (its speed is in npm run bench)', () => {
    const sim = Array.from({ length: 500_000 }, (_, i) => ({ t: i * 2 }));
    const obs = Array.from({ length: 100_001 }, (_, i) => ({ t: i * 3 + 0.5, running: i % 9 }));
    const a = alignTimelines(sim, obs, 0);
    assert.equal(a.xs.length, 600_001);
  });
});

describe('observed card content', () => {
  it('compares the observed run with the simulation and says whose configuration was simulated', () => {
    const c = observedCardContent(sampleResult(), sampleObserved());
    assert.deepEqual(
      c.rows.map((r) => [r.id, r.observed, r.simulated, r.difference]),
      [
        ['runtime', '13m 00s', '10m 10s', '−2m 50s (−22%)'],
        ['peakExecutors', '22', '24', '+2'],
        ['executorHours', '2.48', '2.5', '+0.02 (+1%)'],
      ],
    );
    assert.equal(
      c.caption,
      "Simulated with the event log's own configuration as Spark 3.5.1; the log ran Spark 3.5.1-amzn-0.",
    );
    assert.equal(c.warning, undefined);
    const fromJob = observedCardContent(
      sampleResult(),
      sampleObserved({ confFrom: 'job-file', loggedSparkVersion: 'unknown', complete: false }),
    );
    assert.match(
      fromJob.caption,
      /^Simulated with the job file's configuration as Spark 3\.5\.1; the log does not say which Spark version ran\.$/,
    );
    assert.match(fromJob.warning ?? '', /no application end/);
  });
});
