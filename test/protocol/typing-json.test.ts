// Typing in a large one-job JSON file: the server re-checks only what each edit can change and reuses diagnostics it
// built for findings before the edit. Every list it publishes must equal the list for the same text opened afresh.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { TestLspClient } from './lsp-client';

const ROOT = join(import.meta.dirname, '../..');

/** The diagnostics with the document's own URI left out of related locations, to compare two documents' lists. */
function withoutUri(list: Diagnostic[], uri: string): unknown {
  return JSON.parse(JSON.stringify(list).split(JSON.stringify(uri).slice(1, -1)).join('<doc>'));
}

/** Offsets just inside the values of Spark keys, `count` of them spread through the text. */
function valueOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const pattern = /"spark\.[A-Za-z.]+"\s*:\s*"/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) all.push(m.index + m[0].length);
  return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)] ?? 0);
}

test('typing in values of a large EMR JSON file publishes what a fresh open of the same text gets', async () => {
  const generator = pathToFileURL(join(ROOT, 'bench/generate.mjs')).href;
  const { generateEmrJson } = (await import(generator)) as { generateEmrJson: (lines: number) => string };
  const client = await TestLspClient.start({ settings: { debounceMs: 0 } });
  try {
    let text = generateEmrJson(1500);
    const uri = await client.open('typing.json', 'json', text);
    const opened = await client.nextDiagnostics(uri, 20_000);
    assert.ok(
      opened.some((d) => d.code === 'duplicate-key' && d.relatedInformation),
      'the file has duplicate keys',
    );
    const offsets = valueOffsets(text, 12);
    for (let i = 0; i < offsets.length; i++) {
      // Digits typed and characters deleted, so durations, numbers and duplicate values change.
      const at = (offsets[i] ?? 0) + (i % 3);
      text = i % 4 === 3 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}${i % 10}${text.slice(at)}`;
      const typed = client.nextDiagnostics(uri, 20_000);
      await client.change(uri, text);
      const published = await typed;
      const freshUri = await client.open(`fresh-${i}.json`, 'json', text);
      const fresh = await client.nextDiagnostics(freshUri, 20_000);
      assert.deepEqual(withoutUri(published, uri), withoutUri(fresh, freshUri), `after edit ${i + 1}`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: freshUri } });
    }
  } finally {
    await client.stop();
  }
});
