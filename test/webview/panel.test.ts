// Browser tests of the simulation panel in headless Chromium, under the real page CSP from html.ts.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { parseWebviewMessage } from '../../protocol/webview-messages';
import {
  FILE_VALUES,
  sampleCalibration,
  sampleFidelity,
  sampleObserved,
  sampleReplayResult,
  sampleResult,
} from './fixtures';
import { cardValue, OUTPUT, paintedPixels, send, sent, violations, waitForSent, type SentMessage } from './harness';
import { browserSuite } from './browser-suite';

const MAX_KEY = 'spark.dynamicAllocation.maxExecutors';
const TRACKING_KEY = 'spark.dynamicAllocation.shuffleTracking.enabled';
const DOC = 'file:///work/jobs/etl-job.yaml';

const suite = browserSuite();

async function openPanel(): Promise<{ page: Page; problems: string[] }> {
  const { page, context, problems } = await suite.harness.newPage();
  suite.contexts.push(context);
  await waitForSent(page, (m) => m.type === 'ready');
  await send(page, {
    type: 'init',
    documentUri: DOC,
    fileName: 'etl-job.yaml',
    presets: ['etl-burst', 'steady-stream'],
  });
  const first = await waitForSent(page, (m) => m.type === 'simulate');
  await send(page, { type: 'fileValues', values: FILE_VALUES });
  await send(page, { type: 'result', requestId: first.requestId, result: sampleResult() });
  await page.locator('#chart canvas').waitFor({ state: 'attached' });
  return { page, problems };
}

async function simulateCount(page: Page): Promise<number> {
  return (await sent(page)).filter((m) => m.type === 'simulate').length;
}

async function lastSimulate(page: Page): Promise<SentMessage> {
  const all = (await sent(page)).filter((m) => m.type === 'simulate');
  const last = all[all.length - 1];
  assert.ok(last, 'a simulate message was sent');
  return last;
}

describe('simulation webview (Chromium)', { timeout: 120_000 }, () => {
  it('draws every series on the chart and fills the cards, with no CSP violations', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel();
    const first = (await sent(page)).find((m) => m.type === 'simulate');
    assert.deepEqual(first, { type: 'simulate', requestId: 1, overrides: {}, knobs: {} });
    assert.ok(parseWebviewMessage(first), 'the first re-run request is a valid message');

    const chart = page.locator('#chart');
    assert.equal(await chart.getAttribute('data-series'), '7'); // running, target, pods, PVCs, busy, pending, static
    assert.equal(await chart.getAttribute('data-points'), String(sampleResult().dra.timeline.length));
    assert.equal(await page.locator('#chart .u-legend .u-series').count(), 8); // x + 7
    assert.ok((await paintedPixels(page)) > 5_000, 'the chart canvas has drawn pixels');

    assert.equal(await cardValue(page, 'runtime'), '10m 10s');
    assert.equal(await cardValue(page, 'peakExecutors'), '24');
    assert.equal(await cardValue(page, 'executorHours'), '2.5');
    assert.equal(await cardValue(page, 'cost'), '$1.66');
    assert.equal(await cardValue(page, 'draVsStatic'), 'Saves $0.74');
    assert.match((await page.locator('#workload').textContent()) ?? '', /etl-burst · 3 jobs/);
    assert.equal(await page.locator('#error').isHidden(), true);
    assert.equal(await page.locator('[data-card="observed"]').count(), 0, 'a plain simulation has no observed card');
    assert.equal(await chart.getAttribute('data-observed-points'), null);
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });

  it(
    'a replay result draws the observed executors as one more series and shows the observed card',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel();
      const chart = page.locator('#chart');
      const observed = sampleObserved();
      await send(page, { type: 'result', result: sampleResult(), observed });
      await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-series') === '8');
      assert.equal(await chart.getAttribute('data-observed-points'), String(observed.timeline.length));
      assert.equal(await chart.getAttribute('data-points'), String(sampleResult().dra.timeline.length));
      const legend = page.locator('#chart .u-legend .u-series');
      assert.equal(await legend.count(), 9); // x + 7 simulated + observed
      assert.match((await legend.nth(8).textContent()) ?? '', /Observed executors/);
      // The x axis covers both timelines: the simulation ends at 10:00, the observed run at 13:00.
      assert.equal(await chart.getAttribute('data-x-min'), '0');
      assert.equal(await chart.getAttribute('data-x-max'), '780');

      const card = page.locator('[data-card="observed"]');
      assert.equal(await card.isVisible(), true);
      assert.equal(await card.locator('.card-label').textContent(), 'Observed (from the log)');
      const cells = async (row: string): Promise<string[]> =>
        card.locator(`tr[data-row="${row}"] td`).allTextContents();
      assert.deepEqual(await cells('runtime'), ['13m 00s', '10m 10s', '−2m 50s (−22%)']);
      assert.deepEqual(await cells('peakExecutors'), ['22', '24', '+2']);
      assert.deepEqual(await cells('executorHours'), ['2.48', '2.5', '+0.02 (+1%)']);
      assert.match(
        (await card.locator('.observed-caption').textContent()) ?? '',
        /^Simulated with the event log's own configuration as Spark 3\.5\.1; the log ran Spark 3\.5\.1-amzn-0\.$/,
      );
      assert.equal(
        await page.locator('[data-card]').first().getAttribute('data-card'),
        'observed',
        'the observed card leads',
      );
      // The summary cards of the simulation are still there.
      assert.equal(await cardValue(page, 'peakExecutors'), '24');
      await page.screenshot({ path: join(OUTPUT, 'panel-replay-dark.png'), fullPage: true });

      // The observed series has pixels of its own: hiding it (legend click) removes them.
      const shown = await paintedPixels(page);
      await legend.nth(8).locator('th').click();
      await page.waitForFunction(() => document.querySelectorAll('#chart .u-legend .u-series.u-off').length === 1);
      const hidden = await paintedPixels(page);
      assert.ok(shown - hidden > 300, `observed series pixels: ${shown} shown, ${hidden} hidden`);
      await legend.nth(8).locator('th').click();

      // The simulation from the job file's configuration says so.
      await send(page, {
        type: 'result',
        result: sampleResult(),
        observed: sampleObserved({ confFrom: 'job-file', complete: false }),
      });
      await page.waitForFunction(
        () => document.querySelector('.observed-caption')?.getAttribute('data-conf-from') === 'job-file',
      );
      assert.match((await card.locator('.observed-caption').textContent()) ?? '', /the job file's configuration/);
      assert.match((await card.locator('.observed-warning').textContent()) ?? '', /no application end/);

      // A malformed observed part is refused as a whole; the last good result stays.
      await send(page, {
        type: 'result',
        result: sampleResult(40),
        observed: {
          ...observed,
          timeline: [
            { t: 5, running: 1 },
            { t: 1, running: 1 },
          ],
        },
      });
      await page.waitForFunction(() => document.body.dataset.rejected === '1');
      assert.equal(await cardValue(page, 'peakExecutors'), '24');

      // A plain result afterwards: no observed series, no card.
      await send(page, { type: 'result', result: sampleResult() });
      await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-series') === '7');
      assert.equal(await page.locator('[data-card="observed"]').count(), 0);
      assert.equal(await chart.getAttribute('data-observed-points'), null);
      assert.equal(await chart.getAttribute('data-x-max'), '600');
      assert.equal(await legend.count(), 8);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    },
  );

  it(
    'a replay of the logged configuration shows the calibration and fidelity lines; a simulation shows neither',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel();
      assert.equal(await page.locator('[data-card="calibration"], [data-card="fidelity"]').count(), 0);

      await send(page, { type: 'result', result: sampleReplayResult(), observed: sampleObserved() });
      const calibration = page.locator('[data-card="calibration"]');
      const fidelity = page.locator('[data-card="fidelity"]');
      await calibration.waitFor({ state: 'visible' });
      assert.equal(await calibration.locator('.replay-line').textContent(), sampleCalibration().summary);
      assert.equal(await fidelity.locator('.replay-line').textContent(), sampleFidelity().summary);
      assert.deepEqual(await fidelity.locator('tr[data-row="appWindow"] td').allTextContents(), [
        '2.73',
        '2.5',
        '−8.5%',
      ]);
      assert.match((await fidelity.locator('.fidelity-jobs').textContent()) ?? '', /largest gap job 1/);
      assert.deepEqual(
        await page
          .locator('[data-card]')
          .evaluateAll((cards) => cards.slice(0, 3).map((c) => (c as HTMLElement).dataset.card)),
        ['observed', 'fidelity', 'calibration'],
      );
      // The estimates open on demand, each with its samples, source and (as a tooltip) how it was found.
      await calibration.locator('summary').click();
      const cold = calibration.locator('tr[data-row="coldStart"]');
      await cold.waitFor({ state: 'visible' });
      assert.deepEqual(await cold.locator('td').allTextContents(), ['71.3 s (71.3–90 s)', '10', 'measured in the log']);
      assert.equal(await cold.getAttribute('title'), sampleCalibration().coldStart.basis);
      await page.screenshot({ path: join(OUTPUT, 'panel-replay-calibration.png'), fullPage: true });

      // Markup in the data stays text (strict CSP, textContent only).
      const marked = { ...sampleCalibration(), summary: '<img src=x onerror=alert(1)> cold start 1 s' };
      await send(page, {
        type: 'result',
        result: { ...sampleReplayResult(), calibration: marked },
        observed: sampleObserved(),
      });
      await page.waitForFunction(() =>
        document.querySelector('.calibration .replay-line')?.textContent?.startsWith('<img'),
      );
      assert.equal(await page.locator('#cards img').count(), 0);

      // A replay with a job file's configuration has a calibration but no fidelity.
      const withJob = sampleReplayResult();
      delete withJob.fidelity;
      await send(page, { type: 'result', result: withJob, observed: sampleObserved({ confFrom: 'job-file' }) });
      await page.waitForFunction(() => document.querySelector('[data-card="fidelity"]') === null);
      assert.equal(await calibration.count(), 1);

      // A malformed fidelity is dropped alone: the replay and its calibration still show.
      await send(page, {
        type: 'result',
        result: { ...sampleReplayResult(), fidelity: { ...sampleFidelity(), meanAbsExecutorError: 'NaN' } },
        observed: sampleObserved(),
      });
      await page.waitForFunction(
        () => document.querySelector('.observed-caption')?.getAttribute('data-conf-from') === 'event-log',
      );
      assert.equal(await fidelity.count(), 0);
      assert.equal(await calibration.count(), 1);

      // A plain simulation (even one carrying the extras without an observed run) shows neither.
      await send(page, { type: 'result', result: sampleReplayResult() });
      await page.waitForFunction(() => document.querySelector('[data-card="observed"]') === null);
      assert.equal(await page.locator('[data-card="calibration"], [data-card="fidelity"]').count(), 0);
      assert.equal(await page.locator('body').getAttribute('data-rejected'), null);
      assert.deepEqual(await violations(page), []);
      assert.deepEqual(problems, []);
    },
  );

  it(
    'a restored replay panel shows what the log observed, the fidelity and the calibration again',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel();
      await send(page, { type: 'result', result: sampleReplayResult(), observed: sampleObserved() });
      await page.locator('[data-card="observed"]').waitFor({ state: 'visible' });
      await page.reload({ waitUntil: 'load' });
      await page.locator('[data-card="observed"]').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#chart').getAttribute('data-series'), '8');
      assert.equal(
        await page.locator('[data-card="calibration"] .replay-line').textContent(),
        sampleCalibration().summary,
      );
      assert.equal(await page.locator('[data-card="fidelity"] .replay-line').textContent(), sampleFidelity().summary);
      assert.deepEqual(problems, []);
    },
  );

  it(
    'a control change re-runs once (debounced), and a newer result re-renders the cards',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel();
      const before = await simulateCount(page);
      // Two edits in one task, as fast typing produces them: the debounce must fold them into one request. (Typing
      // through the keyboard with delays made this depend on machine load.)
      await page.evaluate(() => {
        const field = document.querySelector('#f-spark-dynamicAllocation-maxExecutors') as HTMLElement & {
          value: string;
        };
        for (const value of ['4', '48']) {
          field.value = value;
          field.dispatchEvent(new Event('input'));
        }
      });
      await page.waitForTimeout(400);
      assert.equal(await simulateCount(page), before + 1, 'typing two characters sends one request');
      const req = await lastSimulate(page);
      assert.deepEqual(req.overrides, { [MAX_KEY]: '48' });
      assert.ok(parseWebviewMessage(req));
      assert.equal(await page.locator(`.field.changed[data-key="${MAX_KEY}"]`).count(), 1);

      await send(page, { type: 'result', requestId: req.requestId, result: sampleResult(40, 1.2) });
      await page.waitForFunction(
        () => document.querySelector('[data-card="peakExecutors"] .card-value')?.textContent === '40',
      );
      assert.equal(await cardValue(page, 'draVsStatic'), 'Costs $0.46 more');

      // An answer to an older request is ignored.
      await send(page, { type: 'result', requestId: 1, result: sampleResult(12) });
      await page.waitForTimeout(100);
      assert.equal(await cardValue(page, 'peakExecutors'), '40');

      // The knob and the preset go in the same request shape.
      await page.locator('#f-podStartLatencySec input').fill('12');
      const knobReq = await waitForSent(
        page,
        (m) => m.type === 'simulate' && JSON.stringify(m.knobs) === '{"podStartLatencySec":12}',
      );
      assert.deepEqual(knobReq.overrides, { [MAX_KEY]: '48' });
      assert.ok(parseWebviewMessage(knobReq));
      assert.deepEqual(problems, []);
    },
  );

  it('Apply sends one valid message with only the changed values', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel();
    const apply = page.locator('#apply');
    assert.equal(
      await apply.evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled),
      true,
      'nothing to apply yet',
    );

    await page.locator('#f-spark-dynamicAllocation-maxExecutors input').fill('30'); // same as the file
    await page.locator('#f-spark-dynamicAllocation-executorIdleTimeout input').fill('90s');
    await page.locator('#f-spark-dynamicAllocation-shuffleTracking-enabled').click();
    await page.waitForTimeout(250);
    await apply.click();
    const msg = await waitForSent(page, (m) => m.type === 'apply');
    assert.deepEqual(msg, {
      type: 'apply',
      values: { 'spark.dynamicAllocation.executorIdleTimeout': '90s', [TRACKING_KEY]: 'false' },
    });
    assert.deepEqual(parseWebviewMessage(msg), msg);
    assert.equal((await sent(page)).filter((m) => m.type === 'apply').length, 1);

    await send(page, { type: 'applied', ok: true });
    await page.waitForFunction(() => (document.querySelector('#apply') as unknown as { disabled: boolean }).disabled);
    assert.match((await page.locator('#status').textContent()) ?? '', /Applied/);
    assert.deepEqual(problems, []);
  });

  it(
    'rejects malformed host messages without crashing and shows host errors clearly',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel();
      const good = sampleResult();
      const nanTimeline = sampleResult();
      (nanTimeline.dra.timeline[3] as { running: number }).running = Number.NaN;
      const bad: unknown[] = [
        null,
        'result',
        42,
        [],
        { type: 'bogus' },
        { type: 'result' },
        { type: 'result', result: { ...good, dra: { timeline: 'x', summary: good.dra.summary } } },
        { type: 'result', requestId: -1, result: good },
        { type: 'result', result: nanTimeline },
        {
          type: 'result',
          result: { ...good, static: { ...good.static, summary: { ...good.static.summary, cost: null } } },
        },
        { type: 'error', message: 'x'.repeat(100_000) },
        { type: 'error', message: 7 },
        { type: 'init', documentUri: DOC, fileName: 'a', presets: [1, 2] },
        { type: 'applied', ok: 'yes' },
        { type: 'fileValues', values: 'nope' },
      ];
      for (const m of bad) await send(page, m);
      await page.waitForFunction((n) => document.body.dataset.rejected === String(n), bad.length);
      assert.equal(await cardValue(page, 'peakExecutors'), '24', 'the last good result stays');
      assert.equal(await page.locator('#error').isHidden(), true);

      await send(page, { type: 'error', message: 'spark.dynamicAllocation.minExecutors must be <= maxExecutors' });
      await page.locator('#error').waitFor({ state: 'visible' });
      assert.match((await page.locator('#error-message').textContent()) ?? '', /minExecutors must be/);
      assert.equal(await page.locator('#results').isHidden(), true);
      await page.screenshot({ path: join(OUTPUT, 'panel-error.png'), fullPage: true });

      await send(page, { type: 'result', result: good });
      await page.locator('#results').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#error').isHidden(), true);

      // Valid but unusual results render without trouble.
      await send(page, { type: 'result', result: { ...good, dra: { ...good.dra, timeline: [] } } });
      await page.locator('.chart-empty').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#chart').getAttribute('data-series'), '0');
      const single = {
        ...good,
        dra: {
          ...good.dra,
          timeline: [{ t: 0, running: 0, target: 0, pendingPods: 0, busySlots: 0, pendingTasks: 0, livePvcs: 0 }],
        },
      };
      await send(page, { type: 'result', result: single });
      await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-series') === '7');
      const huge = sampleResult();
      huge.dra.summary = {
        ...huge.dra.summary,
        runtimeSec: 1e12,
        executorSeconds: 1e300,
        peakExecutors: 2_147_483_647,
      };
      await send(page, { type: 'result', result: huge });
      await page.waitForFunction(
        // Int.MaxValue executors is Spark's "no limit": shown as ∞.
        () => document.querySelector('[data-card="peakExecutors"] .card-value')?.textContent === '∞',
      );
      assert.deepEqual(problems, []);
    },
  );

  it('the CSP blocks a script injected into the DOM', { timeout: 30_000 }, async () => {
    const { page } = await openPanel();
    assert.deepEqual(await violations(page), []);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true;';
      document.body.append(s);
      const img = document.createElement('img');
      img.src = 'https://example.invalid/pixel.png';
      document.body.append(img);
    });
    await page.waitForFunction(
      () => (window as unknown as { __test: { violations: unknown[] } }).__test.violations.length >= 2,
    );
    assert.equal(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected), undefined);
    const seen = await violations(page);
    assert.ok(
      seen.some((v) => v.directive.startsWith('script-src')),
      JSON.stringify(seen),
    );
    assert.ok(
      seen.some((v) => v.directive.startsWith('img-src')),
      JSON.stringify(seen),
    );
  });

  it('exports the timeline as CSV text and the chart as a PNG data URL', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel();
    await page.locator('#export-csv').click();
    const csv = await waitForSent(page, (m) => m.type === 'exportCsv');
    assert.ok(parseWebviewMessage(csv));
    assert.equal(csv.fileName, 'etl-job-yaml-timeline.csv');
    const lines = String(csv.text).trim().split('\n');
    assert.equal(
      lines[0],
      'Allocation,Time (s),Running executors,Target executors,Pending pods,Busy task slots,Pending tasks,Live PVCs',
    );
    assert.equal(lines.length, 1 + sampleResult().dra.timeline.length + sampleResult().static.timeline.length);

    await page.locator('#export-png').click();
    const png = await waitForSent(page, (m) => m.type === 'exportPng');
    assert.ok(parseWebviewMessage(png), 'valid PNG export message');
    assert.ok(String(png.dataUrl).length > 5_000);
    assert.deepEqual(problems, []);
  });

  it('restores values and the last result from the saved state after a reload', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel();
    await page.locator('#f-spark-dynamicAllocation-maxExecutors input').fill('64');
    await waitForSent(page, (m) => m.type === 'simulate' && JSON.stringify(m.overrides).includes('64'));
    await page.reload({ waitUntil: 'load' });
    // Before the host says anything, the restored state is on screen.
    await page.locator('#chart canvas').waitFor({ state: 'attached' });
    assert.equal(await cardValue(page, 'peakExecutors'), '24');
    assert.equal(await page.locator('#f-spark-dynamicAllocation-maxExecutors input').inputValue(), '64');
    const state = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('vscodeState') ?? '{}') as { documentUri?: string },
    );
    assert.equal(state.documentUri, DOC);
    // After init the restored override is re-sent.
    await send(page, { type: 'init', documentUri: DOC, fileName: 'etl-job.yaml', presets: [] });
    const req = await waitForSent(page, (m) => m.type === 'simulate');
    assert.deepEqual(req.overrides, { [MAX_KEY]: '64' });
    assert.deepEqual(problems, []);
  });

  it('follows theme changes and writes dark and light screenshots', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel();
    const chart = page.locator('#chart');
    assert.equal(await chart.getAttribute('data-theme'), 'dark');
    await page.screenshot({ path: join(OUTPUT, 'panel-basic-dark.png'), fullPage: true });
    const darkAxis = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await page.evaluate(() =>
      (window as unknown as { __test: { setTheme(n: string): void } }).__test.setTheme('light'),
    );
    await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-theme') === 'light');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), darkAxis);
    assert.equal(await chart.getAttribute('data-series'), '7');
    assert.ok((await paintedPixels(page)) > 5_000);
    await page.screenshot({ path: join(OUTPUT, 'panel-basic-light.png'), fullPage: true });
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(problems, []);
  });
});
