// The zstd benchmark's measured code, bundled by bench/zstd-decode.bench.mjs into out/bench/: decoding alone with
// each zstd decoder (libzstd in WebAssembly, or the pure-JS fzstd fallback), and the warm end-to-end replay of a log
// with each.
import { readEventLog } from '../server/src/engine/eventlog';
import { decoderFor } from '../server/src/engine/eventlog/codecs/choose';
import { loadZstdWasm, useZstdWasm } from '../server/src/engine/eventlog/codecs/zstd-wasm';
import { replayLoggedConfiguration } from '../server/src/engine/eventlog/replay-simulation';

export type DecoderChoice = 'wasm' | 'fzstd';

/** Loads libzstd's module; how long it took, ms (the first time only: it is kept). */
export async function loadWasmMs(): Promise<number> {
  const t0 = performance.now();
  if (!(await loadZstdWasm())) throw new Error('the WebAssembly zstd decoder did not load');
  return performance.now() - t0;
}

/** Decodes `bytes` pushed in pieces of `chunk` bytes, as files are read; the decoded size and the time, ms. */
export function decodeOnce(bytes: Uint8Array, choice: DecoderChoice, chunk = 64 * 1024): { out: number; ms: number } {
  useZstdWasm(choice === 'wasm');
  try {
    const t0 = performance.now();
    const decoder = decoderFor('zstd');
    let out = 0;
    const take = (b: Uint8Array): void => {
      out += b.length;
    };
    for (let at = 0; at < bytes.length; at += chunk) decoder.push(bytes.subarray(at, at + chunk), take);
    decoder.end(take);
    return { out, ms: performance.now() - t0 };
  } finally {
    useZstdWasm(true);
  }
}

/** A calibrated replay of the log under its logged configuration (read, calibrate, simulate), ms. */
export async function replayOnce(path: string, choice: DecoderChoice): Promise<number> {
  useZstdWasm(choice === 'wasm');
  try {
    const t0 = performance.now();
    const log = await readEventLog(path);
    if (!log.ok) throw new Error(log.error);
    const r = replayLoggedConfiguration(log);
    if (!r.ok) throw new Error(r.problem.message);
    return performance.now() - t0;
  } finally {
    useZstdWasm(true);
  }
}
