// Opens the panel the way the host does: ready → init → the first simulate answered with the file's values and a result.
import type { BrowserContext, Page } from 'playwright-core';
import type { SimulationResult } from '../../protocol/simulation';
import { FILE_VALUES, sampleResult } from './fixtures';
import { send, waitForSent, type Harness } from './harness';

export const DOC = 'file:///work/jobs/etl-job.yaml';

export async function openPanel(
  harness: Harness,
  contexts: BrowserContext[],
  result: SimulationResult = sampleResult(),
): Promise<{ page: Page; problems: string[] }> {
  const { page, context, problems } = await harness.newPage();
  contexts.push(context);
  await waitForSent(page, (m) => m.type === 'ready');
  await send(page, { type: 'init', documentUri: DOC, fileName: 'etl-job.yaml', presets: ['etl-burst'] });
  const first = await waitForSent(page, (m) => m.type === 'simulate');
  await send(page, { type: 'fileValues', values: FILE_VALUES });
  await send(page, { type: 'result', requestId: first.requestId, result });
  await page.locator('#chart canvas').waitFor({ state: 'attached' });
  return { page, problems };
}
