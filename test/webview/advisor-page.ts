// Opens the panel on a job file and shows the advisor's sample advice, as the advisor tests start.
import type { BrowserContext, Page } from 'playwright-core';
import { FILE_VALUES, sampleAdvice, sampleResult } from './fixtures';
import { send, waitForSent, type Harness } from './harness';

export const ADVISOR_DOC = 'file:///work/jobs/emr-eks-dra.json';

export type ThemeName = 'dark' | 'light' | 'high-contrast';

export async function setTheme(page: Page, theme: ThemeName): Promise<void> {
  await page.evaluate(
    (t) => (window as unknown as { __test: { setTheme(x: string): void } }).__test.setTheme(t),
    theme,
  );
}

/** The host's side of a (re)load: ready → init → the first simulation answered. */
export async function answerStart(page: Page): Promise<void> {
  await waitForSent(page, (m) => m.type === 'ready');
  await send(page, {
    type: 'init',
    documentUri: ADVISOR_DOC,
    fileName: 'emr-eks-dra.json',
    presets: ['wide-then-narrow'],
  });
  const first = await waitForSent(page, (m) => m.type === 'simulate');
  await send(page, { type: 'fileValues', values: FILE_VALUES });
  await send(page, { type: 'result', requestId: first.requestId, result: sampleResult() });
  await page.locator('#chart canvas').waitFor({ state: 'attached' });
}

export async function openAdvisorPanel(
  harness: Harness,
  contexts: BrowserContext[],
  theme: ThemeName = 'dark',
): Promise<{ page: Page; problems: string[] }> {
  const { page, context, problems } = await harness.newPage({ width: 1200, height: 1500 });
  contexts.push(context);
  if (theme !== 'dark') await setTheme(page, theme);
  await answerStart(page);
  return { page, problems };
}

export async function showAdvice(page: Page, advice = sampleAdvice()): Promise<void> {
  await send(page, { type: 'advice', advice });
  await page.locator('#advisor-chart canvas').waitFor({ state: 'visible' });
}
