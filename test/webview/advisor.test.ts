// Browser tests of the panel's "Suggest settings" view in headless Chromium, under the real page CSP.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parseWebviewMessage } from '../../protocol/webview-messages';
import { openAdvisorPanel, showAdvice, type ThemeName } from './advisor-page';
import { sampleAdvice, sampleResult } from './fixtures';
import { OUTPUT, send, sent, violations, waitForSent, type SentMessage } from './harness';
import { browserSuite } from './browser-suite';

const suite = browserSuite();

const openPanel = (theme: ThemeName = 'dark'): Promise<{ page: Page; problems: string[] }> =>
  openAdvisorPanel(suite.harness, suite.contexts, theme);

async function previews(page: Page): Promise<SentMessage[]> {
  return (await sent(page)).filter((m) => m.type === 'advisorPreview');
}

async function pointPosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  const raw = await page.locator('#advisor-chart').getAttribute('data-positions');
  const positions = JSON.parse(raw ?? '[]') as { id: string; x: number; y: number }[];
  const found = positions.find((p) => p.id === id);
  assert.ok(found, `no position for ${id} in ${raw}`);
  return found;
}

describe('advisor view (Chromium)', { timeout: 180_000 }, () => {
  it('renders the frontier, the table, the breakdown and the verdict; previews the recommendation', async () => {
    const { page, problems } = await openPanel();
    assert.equal(await page.locator('#advisor').isVisible(), false, 'the simulation view shows first');
    await showAdvice(page);
    const advice = sampleAdvice();

    assert.equal(await page.locator('#advisor').isVisible(), true);
    assert.equal(await page.locator('#results').isVisible(), false, 'the advisor view replaces the simulation view');
    assert.equal(await page.locator('#verdict').textContent(), advice.verdict);
    assert.equal(await page.locator('#verdict').isVisible(), true);

    const chart = page.locator('#advisor-chart');
    // 7 frontier points + current, recommended, cheapest, fastest + 4 heuristics.
    assert.equal(await chart.getAttribute('data-points'), '15');
    // Frontier, 4 heuristics, fastest, cheapest, current, recommended.
    assert.equal(await chart.getAttribute('data-series'), '9');
    assert.equal(await chart.getAttribute('data-limit'), '474.6'); // 452 s + 5%
    const legend = await page.locator('#advisor-chart .u-legend .u-series').allTextContents();
    assert.ok(
      legend.some((t) => /Recommended/.test(t)) && legend.some((t) => /Static allocation/.test(t)),
      String(legend),
    );

    const rows = page.locator('#advisor tr[data-point]');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.point)), [
      'current',
      'recommended',
      'cheapest',
      'fastest',
      'heuristic-0',
      'heuristic-1',
      'heuristic-2',
      'heuristic-3',
    ]);
    const cells = async (id: string): Promise<string[]> =>
      page.locator(`#advisor tr[data-point="${id}"] td`).allTextContents();
    const recommended = await cells('recommended');
    assert.deepEqual(recommended.slice(0, 4), ['7m 50s', '$0.17', '+18s (+4%)', '−$0.10 (−36%)']);
    assert.match(recommended[4] ?? '', /maxExecutors = 24/);
    assert.match(recommended[4] ?? '', /decommission\.enabled = true/);
    assert.match(recommended[5] ?? '', /migrate/);
    assert.match(
      (await page.locator('#advisor tr[data-point="heuristic-2"] th').textContent()) ?? '',
      /slower than allowed/,
    );
    assert.match(
      (await page.locator('.advisor-headline').textContent()) ?? '',
      /^Recommended: \$0\.17 instead of \$0\.27 \(36% less\)/,
    );

    // The breakdown of the file as written: a bar segment per non-empty category and a row per category.
    const segments = page.locator('#advisor-breakdown .breakdown-segment');
    assert.deepEqual(await segments.evaluateAll((s) => s.map((x) => (x as HTMLElement).dataset.category)), [
      'busy',
      'shuffle-pinned',
      'idle-timeout',
      'floor',
      'starting',
      'decommissioning',
    ]);
    assert.deepEqual(await page.locator('#advisor-breakdown tr[data-category="shuffle-pinned"] td').allTextContents(), [
      '4,100 s',
      '24%',
    ]);
    assert.deepEqual(await page.locator('#advisor-breakdown tr[data-category="total"] td').allTextContents(), [
      '17,388 s',
      '100%',
    ]);

    // The recommendation is previewed straight away: a what-if run with exactly its changes.
    const [preview] = await previews(page);
    assert.ok(preview);
    assert.deepEqual(preview.changes, advice.recommended?.changes);
    assert.ok(parseWebviewMessage(preview), 'the preview request is a valid message');
    assert.equal(await page.locator('#advisor tr[data-point="recommended"]').getAttribute('aria-selected'), 'true');
    await send(page, { type: 'result', requestId: preview.requestId, result: sampleResult(18) });
    await page.locator('#advisor-preview canvas').waitFor({ state: 'attached' });
    assert.equal(
      await page.locator('#advisor-preview').getAttribute('data-points'),
      String(sampleResult().dra.timeline.length),
    );
    assert.match((await page.locator('.advisor-preview-status').textContent()) ?? '', /^Timeline with these settings/);
    // The preview did not replace the simulation view's own result.
    await page.locator('.view-tab[data-view="simulation"]').click();
    assert.equal(await page.locator('#results').isVisible(), true);
    assert.equal(await page.locator('[data-card="peakExecutors"] .card-value').textContent(), '24');
    await page.locator('.view-tab[data-view="advisor"]').click();

    await page.screenshot({ path: join(OUTPUT, 'advisor-dark.png'), fullPage: true });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });

  it('clicking a chart point previews it; clicking a table row selects it; Apply posts exactly its changes', async () => {
    const { page, problems } = await openPanel();
    await showAdvice(page);
    const advice = sampleAdvice();
    await waitForSent(page, (m) => m.type === 'advisorPreview');

    // The cheapest point, clicked on the chart.
    const at = await pointPosition(page, 'cheapest');
    await page.locator('#advisor-chart .u-over').click({ position: at });
    await page.waitForFunction(
      () => document.querySelector('#advisor-chart')?.getAttribute('data-selected') === 'cheapest',
    );
    const afterChart = await previews(page);
    assert.equal(afterChart.length, 2);
    assert.deepEqual(afterChart[1]?.changes, advice.cheapest.changes);
    assert.ok((afterChart[1]?.requestId as number) > (afterChart[0]?.requestId as number), 'request ids increase');
    assert.equal(await page.locator('#advisor tr[data-point="cheapest"]').getAttribute('aria-selected'), 'true');

    // A click on empty chart space picks nothing.
    await page.locator('#advisor-chart .u-over').click({ position: { x: 3, y: 3 } });
    await page.waitForTimeout(100);
    assert.equal((await previews(page)).length, 2);

    // A heuristic, picked from the table: its changes include keys the what-if controls do not have.
    await page.locator('#advisor tr[data-point="heuristic-2"]').click();
    const afterRow = await previews(page);
    assert.equal(afterRow.length, 3);
    assert.deepEqual(afterRow[2]?.changes, advice.heuristics[2]?.changes);
    // An answer to the older (cheapest) preview arrives late: it is dropped, and the simulation view keeps its result.
    await send(page, { type: 'result', requestId: afterChart[1]?.requestId, result: sampleResult(8) });
    await page.waitForTimeout(100);
    assert.equal(await page.locator('#advisor-preview canvas').count(), 0);

    await page.locator('#advisor-apply').click();
    const apply = await waitForSent(page, (m) => m.type === 'advisorApply');
    assert.deepEqual(apply, { type: 'advisorApply', changes: advice.heuristics[2]?.changes });
    assert.ok(parseWebviewMessage(apply));
    await send(page, { type: 'applied', ok: true });
    await page.waitForFunction(() => document.querySelector('#status')?.textContent === 'Applied to the file.');
    // The host re-runs after an edit: the advice now describes an older file, and says so.
    await send(page, { type: 'rerun' });
    await page.waitForFunction(() => document.querySelector('.advisor-status')?.getAttribute('data-state') === 'stale');

    // The file as written has no changes: Apply is disabled for it.
    await page.locator('#advisor tr[data-point="current"]').click();
    assert.equal(
      await page.locator('#advisor-apply').evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled),
      true,
    );
    assert.deepEqual(problems, []);
  });

  it('rejects malformed advice messages and keeps working', async () => {
    const { page, problems } = await openPanel();
    const bad: unknown[] = [
      { type: 'advice' },
      { type: 'advice', advice: { ...sampleAdvice(), frontier: 'lots' } },
      { type: 'advice', advice: { ...sampleAdvice(), current: { ...sampleAdvice().current, costUsd: -1 } } },
      {
        type: 'advice',
        advice: { ...sampleAdvice(), recommended: { ...sampleAdvice().current, changes: { 'not a key': 'x' } } },
      },
      {
        type: 'advice',
        advice: { ...sampleAdvice(), cheapest: { ...sampleAdvice().cheapest, changes: { 'spark.x': 'two\nlines' } } },
      },
      { type: 'advice', advice: { ...sampleAdvice(), breakdown: { seconds: { busy: 1 }, totalSec: 1 } } },
      { type: 'advice', advice: { ...sampleAdvice(), heuristics: [{ ...sampleAdvice().current, name: 'x' }] } },
      { type: 'adviceStatus', state: 'exploded' },
    ];
    for (const msg of bad) await send(page, msg);
    await page.waitForFunction((n) => document.body.dataset.rejected === String(n), bad.length);
    assert.equal(await page.locator('#advisor').isVisible(), false, 'nothing switched to the advisor view');
    assert.equal(await page.locator('#verdict').textContent(), sampleResult().verdict, "still the result's verdict");

    // A search that fails says why; then a good answer still renders.
    await send(page, { type: 'adviceStatus', state: 'failed', message: 'the workload preset "x" does not exist' });
    await page.waitForFunction(
      () => document.querySelector('.advisor-status')?.getAttribute('data-state') === 'failed',
    );
    assert.match((await page.locator('.advisor-status').textContent()) ?? '', /preset "x" does not exist/);
    await showAdvice(page);
    assert.equal(await page.locator('#advisor tr[data-point]').count(), 8);
    assert.deepEqual(problems, []);
  });

  it('asks the host for a search from the empty view, with the panel preset', async () => {
    const { page } = await openPanel();
    await page.locator('.view-tab[data-view="advisor"]').click();
    assert.match((await page.locator('.advisor-status').textContent()) ?? '', /^Search dynamic-allocation settings/);
    await page.locator('#advisor-search').click();
    const advise = await waitForSent(page, (m) => m.type === 'advise');
    assert.deepEqual(advise, { type: 'advise' });
    assert.equal(await page.locator('.advisor-status').getAttribute('data-state'), 'searching');
  });

  it('draws the DRA and static breakdowns and shows the verdict of a simulation result that carries them', async () => {
    const { page, problems } = await openPanel();
    const verdict = '27% of executor time is idle executors kept for shuffle files of the running job.';
    const result = {
      ...sampleResult(),
      dra: { ...sampleResult().dra, breakdown: sampleAdvice().breakdown },
      static: {
        ...sampleResult().static,
        breakdown: {
          seconds: { ...sampleAdvice().breakdown.seconds, busy: 11_800, 'shuffle-pinned': 5_000 },
          totalSec: 18_288,
        },
      },
    };
    await send(page, { type: 'result', result: { ...result, verdict } });
    await page.locator('#simulation-breakdown .breakdown-row[data-run="static"]').waitFor();
    assert.equal(await page.locator('#verdict').textContent(), verdict);
    assert.equal(await page.locator('#verdict').isVisible(), true);
    await page.locator('#simulation-breakdown').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT, 'advisor-breakdown-dark.png'), fullPage: true });
    assert.equal(await page.locator('#simulation-breakdown .breakdown-row').count(), 2);
    assert.deepEqual(
      await page.locator('#simulation-breakdown tr[data-category="shuffle-pinned"] td').allTextContents(),
      ['4,100 s', '24%', '5,000 s', '27%'],
    );
    // The next result brings its own breakdowns and verdict.
    await send(page, { type: 'result', result: sampleResult() });
    await page.waitForFunction((v) => document.querySelector('#verdict')?.textContent === v, sampleResult().verdict);
    assert.equal(await page.locator('#simulation-breakdown .breakdown-row').count(), 2);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });

  it('breakdown colours: the seven categories differ in dark, light and high-contrast themes', async () => {
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      const { page, problems } = await openPanel(theme);
      await showAdvice(page);
      const looks = await page.locator('#advisor-breakdown tbody .breakdown-swatch').evaluateAll((swatches) =>
        swatches.map((x) => {
          const style = getComputedStyle(x);
          return `${style.backgroundColor} ${style.backgroundImage}`;
        }),
      );
      assert.equal(looks.length, 7, theme);
      assert.equal(new Set(looks).size, 7, `${theme}: ${looks.join(' | ')}`);
      assert.ok(!looks.some((l) => l.startsWith('rgba(0, 0, 0, 0)')), `${theme}: a category has no colour`);
      if (theme === 'high-contrast') {
        assert.equal(await page.locator('#advisor-chart').getAttribute('data-theme'), 'high-contrast');
        await page.screenshot({ path: join(OUTPUT, 'advisor-high-contrast.png'), fullPage: true });
      }
      assert.deepEqual(problems, []);
    }
  });

  it('light theme: screenshot', async () => {
    const { page, problems } = await openPanel('light');
    await showAdvice(page);
    const [preview] = await previews(page);
    await send(page, { type: 'result', requestId: preview?.requestId, result: sampleResult(18) });
    await page.locator('#advisor-preview canvas').waitFor({ state: 'attached' });
    assert.equal(await page.locator('#advisor-chart').getAttribute('data-theme'), 'light');
    await page.screenshot({ path: join(OUTPUT, 'advisor-light.png'), fullPage: true });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });
});
