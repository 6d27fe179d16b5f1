// Robustness benchmark: how fast hostile input is dealt with, each in a fresh process (its peak RSS is its own).
// - Event logs a user can pick in one step: a 1 MiB zstd bomb of newlines and one of zero bytes (32 GiB decoded),
//   and /dev/zero. Target: a clear error within 10 s and under 1 GiB.
// - Hostile documents over a real LSP connection (a 1 MB line, 10,000-level nesting, a YAML alias bomb, 100,000
//   keys): time to first diagnostics, and the slowest hover/completion on each. Target: every request under 1 s.
// The unit and protocol tests check that each is refused or answered; the times are measured here, not there.
// Usage: npm run bench -- --only robustness   (or node bench/run.mjs --only robustness after npm run build)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle-entry.mjs';

export const name = 'robustness';
export const description = 'hostile event logs refused and hostile documents answered: time and peak RSS';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/bench/robustness-entry.cjs');
const LOG_TARGET_MS = 10_000;
const LOG_TARGET_MIB = 1024;
const REQUEST_TARGET_MS = 1_000;

function measure(args) {
  const run = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || line === '') throw new Error(`robustness ${args[0]} failed: ${run.stderr.slice(0, 2000)}`);
  return JSON.parse(line);
}

export async function run(options) {
  const log = options.log ?? console.log;
  await bundleEntry(join(root, 'bench/robustness-entry.ts'), bundle);
  const dir = join(tmpdir(), `spark-dra-bench-robustness-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const logs = [];
    for (const mode of ['bomb', 'zeros', ...(existsSync('/dev/zero') ? ['devzero'] : [])]) {
      const m = measure([mode, dir]);
      const met = m.refused && m.ms <= LOG_TARGET_MS && m.peakRssMiB <= LOG_TARGET_MIB;
      log(
        `${mode.padEnd(8)} refused ${m.refused} in ${m.ms} ms, peak RSS ${m.peakRssMiB} MiB${met ? '' : ' (TARGET MISSED)'}`,
      );
      logs.push({ ...m, met });
    }
    const hostile = measure(['hostile']);
    for (const d of hostile.documents) {
      const met = d.slowestRequestMs <= REQUEST_TARGET_MS;
      log(
        `${d.name.padEnd(26)} diagnostics ${d.diagnosticsMs} ms, slowest hover/completion ${d.slowestRequestMs} ms${met ? '' : ' (TARGET MISSED)'}`,
      );
    }
    return { logs, documents: hostile.documents };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
