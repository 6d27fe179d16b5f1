// libzstd's decoder compiled to WebAssembly, from the zstddec package, which embeds the module in its JavaScript: the
// build copies that one file into dist/ (nothing fetched at install or run time). It decodes event logs 5–25× faster
// than the pure-JavaScript fzstd. It loads asynchronously, once per thread: `loadZstdWasm` before
// reading a zstd log; a decoder made before it is ready, or where WebAssembly cannot run (node --jitless), uses fzstd.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Zstddec from 'zstddec/stream';

/**
 * The zstddec module the build copies beside the bundles (scripts/build.mjs): one copy for the server, the CLI and
 * the worker threads, rather than one inside each (the .vsix has a size limit).
 */
export const ZSTDDEC_FILE = 'zstddec-stream.mjs';

/** The libzstd functions (and memory) the streaming decoder drives; pointers and sizes are 32-bit. */
export interface ZstdWasm {
  /** The module's memory; its buffer is replaced when the memory grows, so it is read again after each call. */
  memory: { readonly buffer: ArrayBuffer };
  malloc(size: number): number;
  free(pointer: number): void;
  ZSTD_createDCtx(): number;
  ZSTD_freeDCtx(context: number): number;
  /** Returns 0 at the end of a frame, a positive size hint mid-frame, or minus a zstd error code (a size_t error). */
  ZSTD_decompressStream(context: number, output: number, input: number): number;
}

const NEEDED = ['malloc', 'free', 'ZSTD_createDCtx', 'ZSTD_freeDCtx', 'ZSTD_decompressStream'] as const;

function isZstdWasm(exports: unknown): exports is ZstdWasm {
  if (typeof exports !== 'object' || exports === null) return false;
  const table = exports as Record<string, unknown>;
  const memory = table.memory as { buffer?: unknown } | undefined;
  return memory?.buffer instanceof ArrayBuffer && NEEDED.every((name) => typeof table[name] === 'function');
}

let ready: ZstdWasm | undefined;
let loading: Promise<ZstdWasm | undefined> | undefined;
let disabled = false;

type ZstddecModule = typeof Zstddec;

/** The copy beside the running bundle when there is one (dist/); else the package (tests run the sources). */
function importZstddec(): Promise<ZstddecModule> {
  // __dirname is the directory of the running bundle (dist/) or of this source file.
  const beside = typeof __dirname === 'string' ? join(__dirname, ZSTDDEC_FILE) : undefined;
  if (beside !== undefined && existsSync(beside)) return import(pathToFileURL(beside).href) as Promise<ZstddecModule>;
  return import('zstddec/stream');
}

async function load(): Promise<ZstdWasm | undefined> {
  try {
    // The server's types leave WebAssembly out (no DOM library); node --jitless has no WebAssembly at all.
    if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'object') return undefined;
    const { ZSTDDecoder } = await importZstddec();
    /** The instance's exports, as zstddec hands them to `_init`. */
    let grabbed: unknown;
    /**
     * zstddec instantiates the module and passes the instance to its `_init` (declared public in its types, and
     * called without `this`): the exports are taken there. Its own decodeStreaming is not used: it neither reports
     * libzstd's errors nor lets the caller push input piece by piece.
     */
    class ExportsGrabber extends ZSTDDecoder {
      override _init(result: unknown): void {
        const instance = (result as { instance?: { exports?: unknown } } | undefined)?.instance;
        grabbed = instance?.exports;
        super._init(result as Parameters<ZstddecModule['ZSTDDecoder']['prototype']['_init']>[0]);
      }
    }
    await new ExportsGrabber().init();
    return isZstdWasm(grabbed) ? grabbed : undefined;
  } catch {
    return undefined;
  }
}

/** Loads the module once (later calls share the first); undefined where it cannot run. Never rejects. */
export function loadZstdWasm(): Promise<ZstdWasm | undefined> {
  if (disabled) return Promise.resolve(undefined);
  loading ??= load().then((wasm) => (ready = wasm));
  return loading;
}

/** The module if it has loaded (and is not disabled), for code that cannot wait. */
export function zstdWasmNow(): ZstdWasm | undefined {
  return disabled ? undefined : ready;
}

/** For tests and the benchmark: false makes every zstd decoder use fzstd, as where WebAssembly cannot run. */
export function useZstdWasm(enabled: boolean): void {
  disabled = !enabled;
}
