// The chart in Spark's vocabulary: job and stage bands under the executor lines, an executor lifetime view, legend
// entries that explain Target and Pending pods, a 2× PNG with a title and figures, a CSV with readable columns; and
// screenshots in the light, dark and high-contrast themes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { bandedResult } from './banded-result';
import { OUTPUT, paintedPixels, waitForSent } from './harness';
import { browserSuite } from './browser-suite';
import { openPanel } from './open-panel';

const suite = browserSuite();

async function boxes(page: Page, kind: string): Promise<{ left: number; width: number; title: string }[]> {
  return page.locator(`#chart .band.band-${kind}`).evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, width: r.width, title: (e as HTMLElement).title };
    }),
  );
}

describe('chart bands, lifetimes, legend help and exports (Chromium)', { timeout: 180_000 }, () => {
  it('draws a band per job and per stage, lined up with the time axis, and names each on hover', async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts, bandedResult());
    const jobs = await boxes(page, 'jobs');
    assert.equal(jobs.length, 3);
    assert.equal(jobs[0]?.title, 'Job 0: 0:10 → 3:20 (3m 10s)');
    assert.match(jobs[2]?.title ?? '', /^Job 2: 7:10 → still running at 10:00$/);
    const stages = await boxes(page, 'stages');
    assert.equal(stages.length, 4);
    // Stages 1 and 2 overlap: they get two lanes.
    const tops = await page
      .locator('#chart .band.band-stages')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).style.top));
    assert.deepEqual(tops, ['0px', '0px', '8px', '0px']);
    // A band starts where the chart puts its start time: job 1 at 210 s lies at 210/600 of the plot's width.
    const over = await page.locator('#chart .u-over').evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, width: r.width };
    });
    const expected = over.left + (210 / 600) * over.width;
    assert.ok(Math.abs((jobs[1]?.left ?? 0) - expected) <= 2, `job 1 at ${jobs[1]?.left}, axis ${expected}`);
    assert.deepEqual(problems, []);
  });

  it('opens an executor lifetime view, one lane per executor', async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, bandedResult());
    const details = page.locator('#chart details.lifetimes');
    assert.equal(await details.locator('summary').textContent(), 'Executor lifetimes (6)');
    await details.locator('summary').click();
    const execs = await boxes(page, 'executors');
    assert.equal(execs.length, 6);
    assert.ok(
      execs.every((b) => b.width >= 1),
      'every lifetime is drawn once the view is open',
    );
    assert.match(execs[0]?.title ?? '', /^Executor 1: 0:15 → 5:20 \(5m 05s\), removed after idle timeout$/);
    assert.match(execs[5]?.title ?? '', /^Executor 6: 0:40 → still running/);
    await page.screenshot({ path: join(OUTPUT, 'panel-lifetimes.png'), fullPage: true });
  });

  it('explains Target and Pending pods on their legend entries', async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, bandedResult());
    const title = (label: string) =>
      page.locator('#chart .u-legend .u-series', { hasText: label }).first().getAttribute('title');
    assert.match((await title('Target')) ?? '', /allocation manager aims for.*schedulerBacklogTimeout/);
    assert.match((await title('Pending pods')) ?? '', /not running yet/);
  });

  it('exports a PNG at twice the chart size with a title, the file name and the figures', async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, bandedResult());
    const chartWidth = await page.locator('#chart .u-over').evaluate(() => {
      const root = document.querySelector('#chart .uplot') as HTMLElement;
      return root.getBoundingClientRect().width;
    });
    await page.locator('#export-png').click();
    const png = await waitForSent(page, (m) => m.type === 'exportPng');
    const dataUrl = String(png.dataUrl);
    const size = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, dataUrl);
    assert.equal(size.width, Math.round(chartWidth) * 2, 'twice the CSS width');
    assert.ok(size.height > 340 * 2, `height ${size.height} holds the 2× plot and the caption`);
    writeFileSync(join(OUTPUT, 'export.png'), Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
    // The caption is drawn pixels (its words are held by export-caption.test.ts): the band above the plot is not empty.
    const inked = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = 60;
      const ctx = c.getContext('2d');
      if (!ctx) return 0;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const bg = `${data[0]},${data[1]},${data[2]}`;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (`${data[i]},${data[i + 1]},${data[i + 2]}` !== bg) n++;
      return n;
    }, dataUrl);
    assert.ok(inked > 500, `the title row has text (${inked} pixels)`);
  });

  it('exports a CSV whose columns read as words, with every baseline named', async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, bandedResult());
    await page.locator('#export-csv').click();
    const csv = await waitForSent(page, (m) => m.type === 'exportCsv');
    const lines = String(csv.text).trim().split('\n');
    assert.equal(
      lines[0],
      'Allocation,Time (s),Running executors,Target executors,Pending pods,Busy task slots,Pending tasks,Live PVCs',
    );
    const kinds = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    assert.deepEqual([...kinds], ['Dynamic allocation', 'Static (20 executors)', 'Static at DRA peak (24 executors)']);
  });

  it('writes light, dark and high-contrast screenshots with bands and distinct series colours', async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts, bandedResult());
    for (const theme of ['light', 'dark', 'high-contrast']) {
      await page.evaluate(
        (name) => (window as unknown as { __test: { setTheme(n: string): void } }).__test.setTheme(name),
        theme,
      );
      const kind = theme === 'high-contrast' ? 'high-contrast' : theme;
      await page.waitForFunction((k) => document.querySelector('#chart')?.getAttribute('data-theme') === k, kind);
      assert.ok((await paintedPixels(page)) > 5_000, `${theme}: the chart is drawn`);
      const colours = await page
        .locator('#chart .u-legend .u-series .u-marker')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).borderColor));
      const simulated = colours.slice(0, 6);
      assert.equal(new Set(simulated).size, simulated.length, `${theme}: ${simulated.join(' ')}`);
      await page.screenshot({ path: join(OUTPUT, `panel-${theme}.png`), fullPage: true });
    }
    assert.deepEqual(problems, []);
  });
});
