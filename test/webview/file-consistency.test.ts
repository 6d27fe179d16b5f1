// The panel shows the inputs it simulated: when the file changes under a what-if value (Apply then Undo, or an edit),
// the what-if value is cleared, and a run that used it is redone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { FILE_VALUES, sampleResult } from './fixtures';
import { send, sent, type SentMessage } from './harness';
import { browserSuite } from './browser-suite';
import { openPanel } from './open-panel';

const MAX_KEY = 'spark.dynamicAllocation.maxExecutors';
const MAX_INPUT = '#f-spark-dynamicAllocation-maxExecutors input';
const MAX_ROW = `.field[data-key="${MAX_KEY}"]`;

const suite = browserSuite();

async function simulates(page: Page): Promise<SentMessage[]> {
  return (await sent(page)).filter((m) => m.type === 'simulate');
}

/** Waits for the n-th simulate message (1-based) and returns it. */
async function nthSimulate(page: Page, n: number): Promise<SentMessage> {
  await page.waitForFunction(
    (count) =>
      (window as unknown as { __test: { sent: { type: string }[] } }).__test.sent.filter((m) => m.type === 'simulate')
        .length >= count,
    n,
  );
  const all = await simulates(page);
  const m = all[n - 1];
  assert.ok(m);
  return m;
}

/** Answers a simulate message like the host: the file's values first (after a change), then the result. */
async function answer(page: Page, msg: SentMessage, fileValues?: Record<string, string>): Promise<void> {
  if (fileValues) await send(page, { type: 'fileValues', values: fileValues });
  await send(page, { type: 'result', requestId: msg.requestId, result: sampleResult() });
}

async function waitForValue(page: Page, value: string): Promise<void> {
  for (let i = 0; i < 100 && (await page.locator(MAX_INPUT).inputValue()) !== value; i++) await page.waitForTimeout(25);
  assert.equal(await page.locator(MAX_INPUT).inputValue(), value);
}

const isChanged = (page: Page) => page.locator(MAX_ROW).evaluate((e) => e.classList.contains('changed'));

describe('what-if values and the file (Chromium)', { timeout: 120_000 }, () => {
  it('Apply then Undo: the form shows the file again, not the applied value', { timeout: 30_000 }, async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts);
    await page.locator(MAX_INPUT).fill('50');
    const edited = await nthSimulate(page, 2);
    assert.deepEqual(edited.overrides, { [MAX_KEY]: '50' });
    await answer(page, edited);

    // Apply: the host writes the file, says so and asks for a re-run; the file now holds 50.
    await page.locator('#apply').click();
    await send(page, { type: 'applied', ok: true });
    await send(page, { type: 'rerun' });
    const afterApply = await nthSimulate(page, 3);
    assert.deepEqual(afterApply.overrides, {}, 'the file holds the value now');
    await answer(page, afterApply, { ...FILE_VALUES, [MAX_KEY]: '50' });
    assert.equal(await page.locator(MAX_INPUT).inputValue(), '50');
    assert.equal(await isChanged(page), false);

    // Undo in the editor: the file says 30 again; the host re-runs and reports the file's values.
    await send(page, { type: 'rerun' });
    const afterUndo = await nthSimulate(page, 4);
    await answer(page, afterUndo, FILE_VALUES);
    await waitForValue(page, '30');
    assert.equal(await isChanged(page), false, 'nothing is marked as a what-if');
    assert.match((await page.locator('#status').textContent()) ?? '', /file changed: what-if maxExecutors cleared/);
    assert.equal((await simulates(page)).length, 4, 'the last run already simulated the file as it is');
    const apply = await page.locator('#apply').evaluate((b) => (b as HTMLElement & { disabled: boolean }).disabled);
    assert.equal(apply, true, 'nothing left to apply');
    assert.deepEqual(problems, []);
  });

  it('an edit of the same key in the file clears the what-if value and re-runs without it', async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts);
    await page.locator(MAX_INPUT).fill('64');
    await answer(page, await nthSimulate(page, 2));
    // The user edits maxExecutors in the file to 40 while the what-if says 64.
    await send(page, { type: 'rerun' });
    const stale = await nthSimulate(page, 3);
    assert.deepEqual(stale.overrides, { [MAX_KEY]: '64' });
    await send(page, { type: 'fileValues', values: { ...FILE_VALUES, [MAX_KEY]: '40' } });
    const redo = await nthSimulate(page, 4);
    assert.deepEqual(redo.overrides, {}, 'the re-run simulates the file as it is');
    assert.ok(Number(redo.requestId) > Number(stale.requestId));
    // The stale answer arrives late and is dropped; the re-run's answer is shown.
    await send(page, { type: 'result', requestId: stale.requestId, result: sampleResult(99) });
    await send(page, { type: 'result', requestId: redo.requestId, result: sampleResult() });
    await waitForValue(page, '40');
    assert.equal(await page.locator('[data-card="peakExecutors"] .card-value').textContent(), '24');
    assert.equal(await isChanged(page), false);
    assert.deepEqual(problems, []);
  });

  it('what-if values of keys the file left alone stay and keep being simulated', async () => {
    const { page, problems } = await openPanel(suite.harness, suite.contexts);
    await page.locator(MAX_INPUT).fill('64');
    await answer(page, await nthSimulate(page, 2));
    await send(page, { type: 'rerun' });
    const rerun = await nthSimulate(page, 3);
    await answer(page, rerun, { ...FILE_VALUES, 'spark.dynamicAllocation.executorIdleTimeout': '120s' });
    assert.deepEqual(rerun.overrides, { [MAX_KEY]: '64' });
    assert.equal(await page.locator(MAX_INPUT).inputValue(), '64');
    assert.equal(await isChanged(page), true);
    assert.equal((await simulates(page)).length, 3);
    assert.deepEqual(problems, []);
  });
});
