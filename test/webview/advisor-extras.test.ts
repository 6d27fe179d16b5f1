// The advisor view's exports, runtime limit and restore after a reload, in headless Chromium under the page CSP.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { MAX_SLOWDOWN_PCT_MAX } from '../../protocol/limits';
import { parseWebviewMessage } from '../../protocol/webview-messages';
import { answerStart, openAdvisorPanel, showAdvice } from './advisor-page';
import { sampleAdvice } from './fixtures';
import { OUTPUT, send, sent, violations, waitForSent, type SentMessage } from './harness';
import { browserSuite } from './browser-suite';

const suite = browserSuite();

/** Pixels of the decoded image within `tolerance` of the colour, in the rows from `fromY` down. */
async function pixelsOfColour(page: Page, dataUrl: string, colour: string, fromY: number): Promise<number> {
  return page.evaluate(
    async ({ url, hex, top }) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d');
      if (!ctx) return -1;
      ctx.drawImage(img, 0, 0);
      const want = [1, 3, 5].map((i) => parseInt(hex.trim().slice(i, i + 2), 16));
      const data = ctx.getImageData(0, top, c.width, c.height - top).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (want.every((w, j) => Math.abs((data[i + j] ?? 0) - (w ?? 0)) <= 6)) n++;
      }
      return n;
    },
    { url: dataUrl, hex: colour, top: fromY },
  );
}

describe('advisor exports, runtime limit and restore (Chromium)', { timeout: 180_000 }, () => {
  it('exports the advisor chart as a 2× PNG with a caption and its markers, and the frontier as CSV', async () => {
    const { page, problems } = await openAdvisorPanel(suite.harness, suite.contexts);
    assert.equal(await page.locator('#advisor-export-png').isVisible(), false, 'no export before there is advice');
    await showAdvice(page);
    const width = await page.locator('#advisor-chart .uplot').evaluate((e) => e.getBoundingClientRect().width);

    await page.locator('#advisor-export-png').click();
    const png = await waitForSent(page, (m) => m.type === 'exportPng');
    assert.ok(parseWebviewMessage(png), 'a valid exportPng message');
    assert.equal(png.fileName, 'emr-eks-dra-json-advice.png');
    const dataUrl = String(png.dataUrl);
    writeFileSync(join(OUTPUT, 'advisor-export.png'), Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
    const size = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, dataUrl);
    assert.equal(size.width, Math.round(width) * 2, 'twice the CSS width');
    assert.ok(size.height > 340 * 2, `height ${size.height} holds the 2× chart and the caption`);
    const css = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return {
        foreground: style.getPropertyValue('--vscode-editor-foreground'),
        green: style.getPropertyValue('--vscode-charts-green'),
      };
    });
    // The title and lines are drawn in the foreground colour above the chart.
    assert.ok((await pixelsOfColour(page, dataUrl, css.foreground, 0)) > 500, 'the caption has text');
    // The recommended marker (15 px across, ×2) and its label are green, below the caption and legend.
    const green = await pixelsOfColour(page, dataUrl, css.green, 150);
    assert.ok(green > 300, `the recommended marker is drawn (${green} green pixels)`);

    await page.locator('#advisor-export-csv').click();
    const csv = await waitForSent(page, (m) => m.type === 'exportCsv');
    assert.ok(parseWebviewMessage(csv), 'a valid exportCsv message');
    assert.equal(csv.fileName, 'emr-eks-dra-json-advice-frontier.csv');
    const lines = String(csv.text).trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^Point,Also,Runtime \(s\),Cost \(USD\),Executor-hours,/);
    assert.equal(lines.length, 2 + sampleAdvice().frontier.length);
    assert.match(lines[4] ?? '', /^Frontier point 3,recommended,470,0\.171,/);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });

  it('the runtime limit: checked as typed, sent with the search, shown from the answer', async () => {
    const { page, problems } = await openAdvisorPanel(suite.harness, suite.contexts);
    await page.locator('.view-tab[data-view="advisor"]').click();
    const field = page.locator('#advisor-max-slowdown');
    const input = field.locator('input');
    const search = page.locator('#advisor-search');
    const advises = async (): Promise<SentMessage[]> => (await sent(page)).filter((m) => m.type === 'advise');

    // Out of range or not a number: highlighted, the search button off, Enter sends nothing.
    for (const text of [String(MAX_SLOWDOWN_PCT_MAX + 1), '-2', 'fast']) {
      await input.fill(text);
      assert.equal(await field.evaluate((e) => (e as HTMLElement & { invalid: boolean }).invalid), true, text);
      assert.equal(await search.evaluate((e) => (e as HTMLElement & { disabled: boolean }).disabled), true, text);
      await input.press('Enter');
    }
    assert.match((await page.locator('.advisor-limit .field-hint').textContent()) ?? '', /from 0 to 1000/);
    assert.equal((await advises()).length, 0, 'nothing is searched with a bad limit');

    // A good limit: Enter searches with it, and the message passes the host's validator.
    await input.fill('12');
    assert.equal(await field.evaluate((e) => (e as HTMLElement & { invalid: boolean }).invalid), false);
    await input.press('Enter');
    const first = await waitForSent(page, (m) => m.type === 'advise');
    assert.deepEqual(parseWebviewMessage(first), { type: 'advise', maxSlowdownPct: 12 });

    // The answer used 12 %: the chart's limit line moves to 452 s × 1.12.
    await send(page, { type: 'advice', advice: { ...sampleAdvice(), maxSlowdownPct: 12 } });
    await page.locator('#advisor-chart canvas').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#advisor-chart').getAttribute('data-limit'), '506.2');
    assert.match((await page.locator('.advisor-headline').textContent()) ?? '', /^Recommended/);

    // Changing the limit after an answer says the advice is for the old one; the button searches with the new one.
    await input.fill('7.5');
    assert.match(
      (await page.locator('.advisor-status').textContent()) ?? '',
      /runtime limit is now 7\.5%: search again/,
    );
    await search.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __test: { sent: { type: string }[] } }).__test.sent.filter((m) => m.type === 'advise')
          .length === 2,
    );
    assert.deepEqual((await advises())[1], { type: 'advise', maxSlowdownPct: 7.5 });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });

  it('keeps the advice across a reload of the page, and drops a malformed one from the saved state', async () => {
    const { page, problems } = await openAdvisorPanel(suite.harness, suite.contexts);
    await showAdvice(page);
    const headline = await page.locator('.advisor-headline').textContent();
    await page.reload({ waitUntil: 'load' });
    await answerStart(page);
    assert.equal(
      await page.locator('.view-tab[data-view="advisor"]').evaluate((e) => e.classList.contains('has-advice')),
      true,
      'the advisor tab says it holds advice',
    );
    await page.locator('.view-tab[data-view="advisor"]').click();
    await page.locator('#advisor-chart canvas').waitFor({ state: 'visible' });
    assert.equal(await page.locator('#advisor-chart').getAttribute('data-points'), '15');
    assert.equal(await page.locator('.advisor-headline').textContent(), headline);
    assert.equal(await page.locator('#advisor-max-slowdown').evaluate((e) => (e as HTMLInputElement).value), '5');
    assert.match((await page.locator('.advisor-status').textContent()) ?? '', /^Restored from before the reload/);
    assert.equal(await page.locator('#advisor-search').textContent(), 'Search again');
    assert.equal(
      (await sent(page)).filter((m) => m.type === 'advisorPreview').length,
      0,
      'a restored advice asks for no preview by itself',
    );

    // A saved state whose advice does not validate: the panel starts without it and keeps the rest.
    await page.evaluate(() => {
      const saved = JSON.parse(sessionStorage.getItem('vscodeState') ?? '{}') as Record<string, unknown>;
      saved.advice = { ...(saved.advice as object), frontier: 'lots' };
      sessionStorage.setItem('vscodeState', JSON.stringify(saved));
    });
    await page.reload({ waitUntil: 'load' });
    await answerStart(page);
    assert.equal(
      await page.locator('.view-tab[data-view="advisor"]').evaluate((e) => e.classList.contains('has-advice')),
      false,
    );
    assert.equal(await page.locator('#results').isVisible(), true, 'the simulation still shows');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });
});
