// The robustness benchmark's measured code, bundled by bench/robustness.bench.mjs and run in a fresh process per
// measurement (so each peak RSS is its own). Prints one JSON line.
//   node robustness-entry.cjs bomb|zeros|devzero DIR   how long a hostile event log takes to be refused
//   node robustness-entry.cjs hostile                  each hostile document over a real LSP connection
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readEventLog } from '../server/src/engine/eventlog';
import { TestLspClient } from '../test/protocol/lsp-client';
import { BOMB_BLOCKS, zstdRleBomb } from '../test/support/bombs';
import { HOSTILE_DOCUMENTS } from '../test/support/hostile-documents';

const peakRssMiB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

async function refuseLog(mode: string, dir: string): Promise<object> {
  let path = '/dev/zero';
  if (mode !== 'devzero') {
    path = join(dir, `${mode}.zstd`);
    await writeFile(path, zstdRleBomb(BOMB_BLOCKS, mode === 'bomb' ? 0x0a : 0));
  }
  const started = performance.now();
  const result = await readEventLog(path);
  const ms = Math.round(performance.now() - started);
  return { mode, ms, peakRssMiB: peakRssMiB(), refused: !result.ok, error: result.ok ? undefined : result.error };
}

async function hostileDocuments(): Promise<object> {
  const client = await TestLspClient.start({ settings: { debounceMs: 0 } });
  const documents = [];
  try {
    for (const doc of HOSTILE_DOCUMENTS) {
      const t0 = performance.now();
      const uri = await client.open(doc.name, doc.languageId, doc.text);
      await client.nextDiagnostics(uri, 60_000);
      const diagnosticsMs = performance.now() - t0;
      let slowestMs = 0;
      for (const position of [
        { line: 0, character: 5 },
        { line: 0, character: 40 },
      ]) {
        for (const ask of [() => client.hover(uri, position), () => client.completion(uri, position)]) {
          const t = performance.now();
          await ask();
          slowestMs = Math.max(slowestMs, performance.now() - t);
        }
      }
      documents.push({
        name: doc.name,
        diagnosticsMs: Math.round(diagnosticsMs),
        slowestRequestMs: Math.round(slowestMs),
      });
    }
  } finally {
    await client.stop();
  }
  return { mode: 'hostile', documents };
}

async function main(): Promise<void> {
  const [mode = '', dir = '.'] = process.argv.slice(2);
  const out = mode === 'hostile' ? await hostileDocuments() : await refuseLog(mode, dir);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

void main();
