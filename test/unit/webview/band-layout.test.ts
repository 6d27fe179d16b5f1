// Bands under the chart: overlapping spans get their own lanes, open spans reach the run's end, each names itself.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { executorBands, jobBands, stageBands } from '../../../client/webview/band-layout';

describe('band layout', () => {
  it('puts overlapping stages in separate lanes and reuses a lane once it is free', () => {
    const b = stageBands(
      [
        { id: 2, startSec: 20, endSec: 40 },
        { id: 1, startSec: 0, endSec: 30 },
        { id: 3, startSec: 35, endSec: 50 },
      ],
      60,
    );
    assert.deepEqual(
      b.spans.map((s) => [s.title.split(':')[0], s.lane]),
      [
        ['Stage 1', 0],
        ['Stage 2', 1],
        ['Stage 3', 0],
      ],
    );
    assert.equal(b.lanes, 2);
  });

  it('draws a job still running when the run stopped up to the run end, and says so', () => {
    const b = jobBands([{ id: 7, startSec: 30 }], 90);
    assert.deepEqual(b.spans[0], {
      startSec: 30,
      endSec: 90,
      lane: 0,
      open: true,
      title: 'Job 7: 0:30 → still running at 1:30',
    });
  });

  it('gives each executor its own lane in the order added, up to the cap', () => {
    const b = executorBands(
      [
        { id: '2', profile: 0, addedSec: 20, removedSec: 80, reason: 'idle timeout' },
        { id: '1', profile: 0, addedSec: 10, reason: 'alive at the end' },
        { id: '3', profile: 0, addedSec: 30, removedSec: 50, reason: 'idle timeout' },
      ],
      100,
      2,
    );
    assert.equal(b.lanes, 2);
    assert.deepEqual(
      b.spans.map((s) => s.title),
      ['Executor 1: 0:10 → still running at 1:40', 'Executor 2: 0:20 → 1:20 (1m 00s), removed after idle timeout'],
    );
  });
});
