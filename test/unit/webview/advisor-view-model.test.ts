// The advisor view's pure parts: the points it lists, the differences it prints, and where chart labels go.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { placeLabels, type LabelRequest } from '../../../client/webview/advisor-labels';
import {
  advisorEntries,
  changeLines,
  costDelta,
  runtimeDelta,
  runtimeLimit,
  shortKey,
  tableEntries,
} from '../../../client/webview/advisor-points';
import { sampleAdvice } from '../../webview/fixtures';

describe('advisor points', () => {
  it('lists the named points, then the heuristics, then the frontier; the table leaves the frontier out', () => {
    const advice = sampleAdvice();
    const entries = advisorEntries(advice);
    assert.deepEqual(
      entries.map((e) => e.id),
      [
        'current',
        'recommended',
        'cheapest',
        'fastest',
        'heuristic-0',
        'heuristic-1',
        'heuristic-2',
        'heuristic-3',
        ...advice.frontier.map((_, i) => `frontier-${i}`),
      ],
    );
    assert.equal(tableEntries(entries).length, 8);
    assert.deepEqual(
      advisorEntries({ ...advice, recommended: null }).filter((e) => e.role === 'recommended'),
      [],
    );
  });

  it('prints signed differences from the file as written', () => {
    const a = sampleAdvice();
    assert.ok(a.recommended);
    assert.equal(runtimeDelta(a.recommended, a.current), '+18s (+4%)');
    assert.equal(costDelta(a.recommended, a.current), '−$0.10 (−36%)');
    assert.equal(runtimeDelta(a.fastest, a.current), '−21s (−5%)');
    assert.equal(runtimeDelta(a.current, a.current), 'same');
    assert.equal(costDelta(a.current, a.current), 'same');
    assert.equal(runtimeLimit(a), 452 * 1.05);
  });

  it('shortens keys for the table and sorts the changes', () => {
    assert.equal(shortKey('spark.dynamicAllocation.maxExecutors'), 'maxExecutors');
    assert.equal(shortKey('spark.kubernetes.allocation.batch.size'), 'allocation.batch.size');
    assert.equal(shortKey('spark.decommission.enabled'), 'decommission.enabled');
    assert.equal(shortKey('spark.'), 'spark.');
    const rec = sampleAdvice().recommended;
    assert.ok(rec);
    assert.deepEqual(
      changeLines(rec).map((l) => `${l.short}=${l.value}`),
      ['decommission.enabled=true', 'maxExecutors=24', 'storage.decommission.shuffleBlocks.enabled=true'],
    );
  });
});

describe('placeLabels', () => {
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a): boolean =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  it('puts a lone label right of its marker', () => {
    assert.deepEqual(placeLabels([{ x: 100, y: 100, r: 5, width: 40, height: 12 }], { width: 500, height: 300 }), [
      { x: 109, y: 94 },
    ]);
  });

  it('keeps crowded labels apart and off the markers, inside the plot', () => {
    // Five markers within 20 px of each other, as the file, static and a heuristic often are.
    const requests: LabelRequest[] = [
      { x: 80, y: 50, r: 6, width: 90, height: 14 },
      { x: 82, y: 55, r: 5, width: 120, height: 14 },
      { x: 70, y: 48, r: 5, width: 100, height: 14 },
      { x: 90, y: 60, r: 5, width: 80, height: 14 },
      { x: 75, y: 40, r: 5, width: 60, height: 14 },
    ];
    const area = { width: 600, height: 300 };
    const spots = placeLabels(requests, area);
    const boxes = spots.map((s, i) => ({ x: s.x, y: s.y, w: requests[i]?.width ?? 0, h: requests[i]?.height ?? 0 }));
    boxes.forEach((b, i) => {
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= area.width && b.y + b.h <= area.height, `label ${i} inside`);
      boxes.slice(i + 1).forEach((c, j) => assert.ok(!overlap(b, c), `labels ${i} and ${i + j + 1} overlap`));
      requests.forEach((m) =>
        assert.ok(!overlap(b, { x: m.x - m.r, y: m.y - m.r, w: 2 * m.r, h: 2 * m.r }), `label ${i} covers a marker`),
      );
    });
  });
});
