// One Chromium harness per test file: started before the file's tests, closed after them together with every browser
// context a test opened, so that a failed assertion never leaves a browser running.
import { mkdirSync } from 'node:fs';
import { after, before } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { OUTPUT, startHarness, type Harness } from './harness';

export interface BrowserSuite {
  /** The running harness; read it only inside tests (it starts in the file's `before` hook). */
  readonly harness: Harness;
  /** Contexts the tests opened; each is closed after the file's tests. */
  readonly contexts: BrowserContext[];
}

export function browserSuite(): BrowserSuite {
  let started: Harness | undefined;
  const contexts: BrowserContext[] = [];
  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    started = await startHarness();
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await started?.close();
  });
  return {
    get harness(): Harness {
      if (!started) throw new Error('the browser harness has not started (read it inside a test)');
      return started;
    },
    contexts,
  };
}
