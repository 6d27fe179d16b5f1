// Zstd decoding: MB/s of decoded output with libzstd (WebAssembly, what event logs are read with) and with fzstd (the
// pure-JS fallback), on the shared zstd logs and on large logs made here with the zstd tool from the 8,630-task log
// (level 3, level 19, frames of 4 MiB as a writer that flushes often makes, and --long); then the warm end-to-end
// replay of the shared 8,630-task log with each decoder (issue 13's target: ≤ 200 ms).
// Usage: node bench/zstd-decode.mjs after `npm run build` (or through bench/run.mjs). Needs the zstd tool for the
// generated logs (skipped without it). Generated files are kept in out/bench/zstd/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle-entry.mjs';

export const name = 'zstd-decode';
export const description = 'zstd decode MB/s (libzstd WebAssembly vs fzstd) and the warm replay of the 8,630-task log';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/bench/zstd-decode-entry.cjs');
const work = join(root, 'out/bench/zstd');
const LOGS = resolve(root, '../shared/eventlogs');
const BIG = join(LOGS, 'tasks_executors_fail_compressed_eventlog.zstd');
const SHARED = ['eventlog_4nodes_8cores_dynamic_alloc.zstd', 'tasks_executors_fail_compressed_eventlog.zstd'];

async function load() {
  await bundleEntry(join(root, 'bench/zstd-decode-entry.ts'), bundle);
  return createRequire(import.meta.url)(bundle);
}

function zstdTool(args, input) {
  const r = spawnSync('zstd', args, { input, maxBuffer: 1024 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`zstd ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Large logs made from the 8,630-task log's text (× 5 for 183 MB); kept between runs. */
function generated(log) {
  if (spawnSync('zstd', ['--version']).status !== 0) {
    log('(the zstd tool is not installed: generated logs skipped)');
    return [];
  }
  mkdirSync(work, { recursive: true });
  const text = zstdTool(['-q', '-d', '-c', BIG]);
  const five = Buffer.concat([text, text, text, text, text]);
  const makers = [
    ['x5.level3.zst', () => zstdTool(['-q', '-c', '-3'], five)],
    ['x1.level19.zst', () => zstdTool(['-q', '-c', '-19'], text)],
    [
      'x5.frames-4MiB.zst',
      () => {
        const frames = [];
        for (let at = 0; at < five.length; at += 4 * 1024 * 1024)
          frames.push(zstdTool(['-q', '-c', '-3'], five.subarray(at, at + 4 * 1024 * 1024)));
        return Buffer.concat(frames);
      },
    ],
    ['x5.long27.zst', () => zstdTool(['-q', '-c', '-3', '--long=27'], five)],
  ];
  return makers.map(([file, make]) => {
    const path = join(work, file);
    if (!existsSync(path)) writeFileSync(path, make());
    return path;
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const m = await load();
  log(
    `load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  log(`libzstd WebAssembly module loaded in ${(await m.loadWasmMs()).toFixed(1)} ms (once per thread)`);
  const files = [...SHARED.map((f) => join(LOGS, f)).filter((p) => existsSync(p)), ...generated(log)];
  const decode = [];
  log('\ndecode only (pieces of 64 KiB, median of runs)');
  for (const path of files) {
    const bytes = new Uint8Array(readFileSync(path));
    const row = { file: basename(path), compressedBytes: bytes.length };
    // fzstd keeps a --long window by copying it over and over: it takes minutes on that file, so it is left out.
    const choices = basename(path).includes('long') ? ['wasm'] : ['wasm', 'fzstd'];
    for (const choice of choices) {
      // fzstd takes seconds on the large logs: one run of it there.
      const runs = options.repeat ?? (bytes.length < 2e6 ? 7 : choice === 'wasm' ? 3 : 1);
      const times = [];
      let out = 0;
      for (let i = 0; i < runs; i++) {
        const r = m.decodeOnce(bytes, choice);
        times.push(r.ms);
        out = r.out;
      }
      const ms = median(times);
      row.decodedBytes = out;
      row[choice] = { ms: Math.round(ms * 10) / 10, mbPerSec: Math.round(out / 1e6 / (ms / 1000)) };
    }
    if (row.fzstd) row.speedup = Math.round((row.fzstd.ms / row.wasm.ms) * 10) / 10;
    decode.push(row);
    const fzstd = row.fzstd
      ? `fzstd ${String(row.fzstd.mbPerSec).padStart(4)} MB/s (${row.fzstd.ms} ms)   ×${row.speedup}`
      : 'fzstd not run (minutes on a --long window)';
    log(
      `  ${row.file.padEnd(46)} ${(row.decodedBytes / 1e6).toFixed(1).padStart(6)} MB   ` +
        `wasm ${String(row.wasm.mbPerSec).padStart(5)} MB/s (${row.wasm.ms} ms)   ${fzstd}`,
    );
  }
  const replay = {};
  if (existsSync(BIG)) {
    log(`\nwarm calibrated replay of ${basename(BIG)} (read + calibrate + simulate, in this thread, median of 7)`);
    // The two decoders alternate, so that load and garbage collection weigh on both alike.
    const times = { wasm: [], fzstd: [] };
    for (const choice of ['wasm', 'fzstd']) await m.replayOnce(BIG, choice);
    for (let i = 0; i < (options.repeat ?? 7); i++) {
      for (const choice of ['wasm', 'fzstd']) times[choice].push(await m.replayOnce(BIG, choice));
    }
    for (const choice of ['wasm', 'fzstd']) {
      replay[choice] = Math.round(median(times[choice]) * 10) / 10;
      log(`  ${choice.padEnd(6)} ${replay[choice]} ms   (target ≤ 200 ms)`);
    }
  }
  return { loadavg: loadavg(), decode, warmReplayMs: replay };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
