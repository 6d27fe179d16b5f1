// The panel's figures are honest at a glance: savings against a right-sized static run, the monthly cost of volumes
// Retain leaves behind, unpriced nodes said as such, the workload named, ∞ for no-limit values, refusals as refusals.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { SimulationResult } from '../../protocol/simulation';
import { FILE_VALUES, sampleResult } from './fixtures';
import { cardValue, OUTPUT, send, waitForSent } from './harness';
import { browserSuite } from './browser-suite';
import { openPanel } from './open-panel';

const suite = browserSuite();

/** A DRA run peaking at 24 against maxExecutors 100, with Retain volumes left behind and no node price. */
function honestResult(): SimulationResult {
  const r = sampleResult();
  r.dra.summary.pvcGiBLeftBehind = 1200;
  r.dra.summary.cost = { ...r.dra.summary.cost, computePriced: false, leftBehindPerMonth: 96 };
  r.static = {
    ...r.static,
    executors: 100,
    summary: { ...r.static.summary, cost: { ...r.static.summary.cost, total: 9.5 } },
  };
  r.staticRightSized = {
    executors: 24,
    timeline: r.static.timeline,
    breakdown: r.static.breakdown,
    summary: { ...r.static.summary, cost: { ...r.static.summary.cost, total: 2.0 } },
  };
  r.workload = {
    ...r.workload,
    name: 'wide-then-narrow',
    source: 'preset',
    description: 'A wide map stage then a narrow reduce.',
  };
  r.inputs = { ...r.inputs, 'spark.dynamicAllocation.shuffleTracking.timeout': '9223372036854775807ms' };
  return r;
}

const text = async (page: Page, sel: string): Promise<string> => (await page.locator(sel).first().textContent()) ?? '';

describe('honest figures (Chromium)', { timeout: 120_000 }, () => {
  it(
    'quotes savings against static at the DRA peak, beside the maxExecutors baseline',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel(suite.harness, suite.contexts, honestResult());
      assert.equal(await cardValue(page, 'draVsRightSized'), 'Saves $0.34');
      assert.match(
        await text(page, '[data-card="draVsRightSized"] .card-label'),
        /right-sized static \(24 executors\)/,
      );
      assert.equal(await cardValue(page, 'draVsStatic'), 'Saves $7.84');
      assert.match(
        await text(page, '[data-card="draVsStatic"] .card-label'),
        /static at maxExecutors \(100 executors\)/,
      );
      const order = await page
        .locator('.card')
        .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.card));
      assert.ok(order.indexOf('draVsRightSized') < order.indexOf('draVsStatic'), 'the fair comparison comes first');
      assert.deepEqual(problems, []);
    },
  );

  it('prices what Retain leaves behind per month and says nodes are not priced', { timeout: 30_000 }, async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, honestResult());
    assert.match(await text(page, '[data-card="cost"] .card-warning'), /\+ \$96\.00 every month for 1,200 GiB/);
    const detail = await text(page, '[data-card="cost"] .card-detail');
    assert.match(detail, /nodes not priced — set sparkDra\.simulation\.instanceVcpuHourUsd/);
    assert.doesNotMatch(detail, /compute \$0\.00/);
    // With a node price the compute share is shown.
    const priced = honestResult();
    priced.dra.summary.cost = { ...priced.dra.summary.cost, computePriced: true };
    await send(page, { type: 'result', result: priced });
    await page.waitForFunction(() =>
      /compute \$1\.18/.test(document.querySelector('[data-card="cost"] .card-detail')?.textContent ?? ''),
    );
  });

  it('names the synthetic workload, its description and how to choose another', { timeout: 30_000 }, async () => {
    const { page } = await openPanel(suite.harness, suite.contexts, honestResult());
    const banner = await text(page, '#workload-banner');
    assert.match(banner, /Synthetic workload wide-then-narrow: A wide map stage then a narrow reduce\./);
    assert.match(banner, /pick another preset.*workload file.*Replay Event Log/);
    const replay = honestResult();
    replay.workload = { ...replay.workload, name: 'app-1', source: 'event log' };
    delete replay.workload.description;
    await send(page, { type: 'result', result: replay });
    await page.waitForFunction(() =>
      /from the event log/.test(document.querySelector('#workload-banner')?.textContent ?? ''),
    );
  });

  it(
    'shows no-limit values as ∞ in the form and the inputs, and keeps them the file value',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel(suite.harness, suite.contexts, honestResult());
      await send(page, {
        type: 'fileValues',
        values: { ...FILE_VALUES, 'spark.dynamicAllocation.shuffleTracking.timeout': '9223372036854775807ms' },
      });
      const field = page.locator('#f-spark-dynamicAllocation-shuffleTracking-timeout input');
      for (let i = 0; i < 40 && (await field.inputValue()) !== '∞'; i++) await page.waitForTimeout(25);
      assert.equal(await field.inputValue(), '∞');
      const row = page.locator('.field[data-key="spark.dynamicAllocation.shuffleTracking.timeout"]');
      assert.equal(await row.locator('.field-hint').textContent(), 'file: ∞');
      assert.equal(await row.evaluate((e) => e.classList.contains('changed')), false);
      await page.locator('details.inputs summary').click();
      const cell = page.locator('td.input-key', { hasText: 'shuffleTracking.timeout' }).locator('xpath=../td[2]');
      assert.equal(await cell.textContent(), '∞');
      assert.doesNotMatch((await page.locator('body').textContent()) ?? '', /9223372036854775807|2147483647/);
      assert.deepEqual(problems, []);
    },
  );

  it(
    'shows a refusal under "Spark would not start" with the key to fix, a failure as a failure',
    { timeout: 30_000 },
    async () => {
      const { page, problems } = await openPanel(suite.harness, suite.contexts);
      await page.locator('#f-spark-dynamicAllocation-minExecutors input').fill('50');
      const req = await waitForSent(page, (m) => m.type === 'simulate' && JSON.stringify(m.overrides).includes('50'));
      await send(page, {
        type: 'error',
        requestId: req.requestId,
        heading: 'Spark would not start',
        message:
          'spark.dynamicAllocation.minExecutors (50) must not be greater than spark.dynamicAllocation.maxExecutors (30).',
      });
      await page.locator('#error').waitFor({ state: 'visible' });
      assert.equal(await text(page, '#error-heading'), 'Spark would not start');
      assert.equal(
        await text(page, '#error-keys'),
        'Keys to fix: spark.dynamicAllocation.minExecutors, spark.dynamicAllocation.maxExecutors',
      );
      assert.match(await text(page, '#status'), /Spark would not start/);
      await page.screenshot({ path: join(OUTPUT, 'panel-refusal.png'), fullPage: true });

      await send(page, { type: 'error', message: 'The simulator failed: boom' });
      await page.waitForFunction(() => document.querySelector('#error-heading')?.textContent === 'Simulation failed');
      assert.equal(await page.locator('#error-keys').isHidden(), true);
      assert.deepEqual(problems, []);
    },
  );
});
