// The exported PNG carries the job and stage bands (and the executor lanes while the lifetime view is open): the test
// decodes the image in the page and reads the colour of the pixels where each band's times fall on the time axis.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { bandedResult } from './banded-result';
import { OUTPUT, sent, type SentMessage } from './harness';
import { browserSuite } from './browser-suite';
import { openPanel } from './open-panel';

const suite = browserSuite();

interface ExportedBands {
  left: number;
  width: number;
  rows: { kind: string; top: number; height: number; lanes: number }[];
}

type Rgb = [number, number, number];

/** Clicks Export PNG and returns the data URL of the export it sent. */
async function exportPng(page: Page): Promise<string> {
  const count = async (): Promise<SentMessage[]> => (await sent(page)).filter((m) => m.type === 'exportPng');
  const before = (await count()).length;
  await page.locator('#export-png').click();
  await page.waitForFunction(
    (n) =>
      (window as unknown as { __test: { sent: { type: string }[] } }).__test.sent.filter((m) => m.type === 'exportPng')
        .length > n,
    before,
  );
  return String((await count()).pop()?.dataUrl);
}

/** The RGB of each pixel asked for, from the decoded image. */
async function pixels(
  page: Page,
  dataUrl: string,
  at: readonly { x: number; y: number }[],
): Promise<{ width: number; height: number; colours: Rgb[] }> {
  return page.evaluate(
    async ({ url, points }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const colours = points.map((p) => {
        const d = ctx.getImageData(Math.round(p.x), Math.round(p.y), 1, 1).data;
        return [d[0] ?? 0, d[1] ?? 0, d[2] ?? 0] as [number, number, number];
      });
      return { width: img.naturalWidth, height: img.naturalHeight, colours };
    },
    { url: dataUrl, points: at },
  );
}

function hex(text: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text.trim());
  assert.ok(m, `not a hex colour: ${text}`);
  return [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)];
}

/** `colour` at `alpha` over `background`. */
function over(colour: Rgb, alpha: number, background: Rgb): Rgb {
  return colour.map((c, i) => Math.round(alpha * c + (1 - alpha) * (background[i] ?? 0))) as Rgb;
}

function near(actual: Rgb | undefined, expected: Rgb, what: string): void {
  assert.ok(actual, `${what}: no pixel`);
  const off = Math.max(...actual.map((c, i) => Math.abs(c - (expected[i] ?? 0))));
  assert.ok(off <= 8, `${what}: got rgb(${actual.join(',')}), expected about rgb(${expected.join(',')})`);
}

async function themeColours(page: Page): Promise<{ background: Rgb; blue: Rgb; purple: Rgb; green: Rgb }> {
  const vars = await page.evaluate(() =>
    ['--vscode-editor-background', '--vscode-charts-blue', '--vscode-charts-purple', '--vscode-charts-green'].map(
      (name) => getComputedStyle(document.documentElement).getPropertyValue(name),
    ),
  );
  const [background, blue, purple, green] = vars.map(hex);
  assert.ok(background && blue && purple && green);
  return { background, blue, purple, green };
}

describe('Export PNG with the bands (Chromium)', { timeout: 180_000 }, () => {
  it('draws the job and stage bands under the plot where their times fall, and the lifetimes once open', async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts, bandedResult());
    const colours = await themeColours(page);
    const chart = page.locator('#chart');
    const xMin = Number(await chart.getAttribute('data-x-min'));
    const xMax = Number(await chart.getAttribute('data-x-max'));
    assert.ok(xMax > xMin, `x range ${xMin}..${xMax}`);

    const first = await exportPng(page);
    const layout = JSON.parse((await chart.getAttribute('data-export-bands')) ?? 'null') as ExportedBands | null;
    assert.ok(layout, 'the export says where it drew the bands');
    assert.deepEqual(
      layout.rows.map((r) => r.kind),
      ['jobs', 'stages'],
      'the lifetime view is closed: no executor lanes',
    );
    const xAt = (sec: number): number => layout.left + ((sec - xMin) / (xMax - xMin)) * layout.width;
    const laneMiddle = (kind: string, lane: number): number => {
      const row = layout.rows.find((r) => r.kind === kind);
      assert.ok(row, `no ${kind} row`);
      const laneHeight = row.height / Math.max(1, row.lanes);
      return row.top + lane * laneHeight + (laneHeight - 4) / 2; // boxes leave a 2 px (×2) gap under each lane
    };
    const probes = [
      {
        what: 'job 0 at 1:45',
        x: xAt(105),
        y: laneMiddle('jobs', 0),
        expect: over(colours.blue, 0.75, colours.background),
      },
      {
        what: 'job 1 at 5:15',
        x: xAt(315),
        y: laneMiddle('jobs', 0),
        expect: over(colours.blue, 0.5, colours.background),
      },
      { what: 'no job at 3:25', x: xAt(205), y: laneMiddle('jobs', 0), expect: colours.background },
      {
        what: 'stage 0 at 1:40',
        x: xAt(100),
        y: laneMiddle('stages', 0),
        expect: over(colours.purple, 0.75, colours.background),
      },
      // Stage 2 runs beside stage 1, in the second lane.
      {
        what: 'stage 2 at 5:20',
        x: xAt(320),
        y: laneMiddle('stages', 1),
        expect: over(colours.purple, 0.75, colours.background),
      },
      { what: 'second stage lane empty at 1:40', x: xAt(100), y: laneMiddle('stages', 1), expect: colours.background },
    ];
    const read = await pixels(page, first, probes);
    probes.forEach((p, i) => near(read.colours[i], p.expect, p.what));
    const plotWidth = await page.locator('#chart .uplot').evaluate((e) => e.getBoundingClientRect().width);
    assert.equal(read.width, Math.round(plotWidth) * 2, 'still twice the chart width');
    const lastRow = layout.rows[layout.rows.length - 1];
    assert.ok(lastRow && lastRow.top + lastRow.height <= read.height, 'the bands fit in the image');
    writeFileSync(join(OUTPUT, 'export-bands.png'), Buffer.from(first.split(',')[1] ?? '', 'base64'));

    await page.locator('#chart details.lifetimes summary').click();
    const second = await exportPng(page);
    assert.notEqual(second, first);
    const withLifetimes = JSON.parse((await chart.getAttribute('data-export-bands')) ?? 'null') as ExportedBands;
    assert.deepEqual(
      withLifetimes.rows.map((r) => [r.kind, r.lanes]),
      [
        ['jobs', 1],
        ['stages', 2],
        ['executors', 6],
      ],
    );
    const row = withLifetimes.rows[2];
    assert.ok(row);
    const lane = (n: number): number => row.top + n * (row.height / 6) + 2;
    const x = (sec: number): number => withLifetimes.left + ((sec - xMin) / (xMax - xMin)) * withLifetimes.width;
    const green = [
      // Executor 1 lives 0:15 → 5:20 (lane 0), executor 2 0:20 → 5:40 (lane 1, drawn lighter).
      { what: 'executor 1 at 1:40', x: x(100), y: lane(0), expect: over(colours.green, 0.75, colours.background) },
      { what: 'executor 1 gone at 6:40', x: x(400), y: lane(0), expect: colours.background },
      { what: 'executor 2 at 1:40', x: x(100), y: lane(1), expect: over(colours.green, 0.5, colours.background) },
    ];
    const read2 = await pixels(page, second, green);
    green.forEach((p, i) => near(read2.colours[i], p.expect, p.what));
    assert.ok(read2.height > read.height, `${read2.height} px tall with the lanes, ${read.height} without`);
    writeFileSync(join(OUTPUT, 'export-lifetimes.png'), Buffer.from(second.split(',')[1] ?? '', 'base64'));
    assert.deepEqual(problems, []);
  });
});
