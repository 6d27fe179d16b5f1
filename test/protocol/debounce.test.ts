// Validation is debounced on both edges: an edit after a quiet spell is checked at once, and a burst of edits is
// checked once more after the last of them, with the findings of the final text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client';

/** Long enough that a check this test sees before it can only be the leading edge, under any load. */
const DEBOUNCE_MS = 2000;

const conf = (cores: string, max: string): string =>
  `spark.executor.cores ${cores}\nspark.dynamicAllocation.enabled true\nspark.dynamicAllocation.maxExecutors ${max}\n`;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const codes = (list: readonly Diagnostic[]): string[] => list.map((d) => `${String(d.code)}@${d.range.start.line}`);

/** Waits until the document has had no check for longer than the delay (the settings pulled at start re-check it). */
async function quietSpell(uri: string): Promise<void> {
  for (let seen = -1; client.published(uri).length !== seen;) {
    seen = client.published(uri).length;
    await sleep(DEBOUNCE_MS + 300);
  }
}

let client: TestLspClient;
before(async () => {
  client = await TestLspClient.start({ settings: { debounceMs: DEBOUNCE_MS } });
});
after(async () => {
  await client.stop();
});

describe('debounced validation', () => {
  it('one edit after a quiet spell → checked at once, long before the debounce delay', async () => {
    const uri = await client.open('debounce/single.spark-defaults.conf', 'spark-defaults', conf('4', '10'));
    await client.nextDiagnostics(uri, 20_000);
    await quietSpell(uri);
    const typed = client.nextDiagnostics(uri, 20_000);
    const sent = performance.now();
    await client.change(uri, conf('4x', '10'));
    const diagnostics = await typed;
    assert.ok(performance.now() - sent < DEBOUNCE_MS / 2, 'published before the debounce delay ran out');
    assert.ok(
      diagnostics.some((d) => d.code === 'invalid-value'),
      `the edit's finding: ${codes(diagnostics).join(', ')}`,
    );
  });

  it('a burst of edits → the first checked at once, then one check of the final text after the delay', async () => {
    const finalText = conf('3', 'ten');
    const uri = await client.open('debounce/burst.spark-defaults.conf', 'spark-defaults', conf('4', '10'));
    await client.nextDiagnostics(uri, 20_000);
    await quietSpell(uri);
    const opened = client.published(uri).length;
    for (const [cores, max] of [
      ['4x', '10'],
      ['4', '1'],
      ['4', '1y'],
      ['3', 'te'],
    ]) {
      await client.change(uri, conf(cores ?? '', max ?? ''));
      await sleep(150);
    }
    await client.change(uri, finalText);
    const finalVersion = 6;
    // Wait for the trailing check, then a little longer to see that nothing else comes.
    for (let waited = 0; client.published(uri).at(-1)?.version !== finalVersion && waited < 30_000; waited += 100) {
      await sleep(100);
    }
    await sleep(500);
    const checks = client.published(uri).slice(opened);
    assert.equal(checks.length, 2, `versions published: ${checks.map((p) => p.version).join(', ')}`);
    assert.equal(checks[0]?.version, 2, 'the first edit of the burst is checked at once');
    assert.equal(checks[1]?.version, finalVersion);
    const freshUri = await client.open('debounce/fresh.spark-defaults.conf', 'spark-defaults', finalText);
    const fresh = await client.nextDiagnostics(freshUri, 20_000);
    assert.deepEqual(codes(checks[1]?.diagnostics ?? []), codes(fresh));
    assert.ok(
      codes(fresh).some((c) => c.startsWith('invalid-value@2')),
      codes(fresh).join(', '),
    );
  });
});
