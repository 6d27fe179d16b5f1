// Zstd through libzstd's streaming decoder (WebAssembly, see zstd-wasm.ts): input is copied into the module's memory
// in slices, and each call fills at most one output buffer, handed on before the next call. So output comes in
// pieces of at most OUTPUT_BYTES however much the data expands, and the bomb guard downstream sees every piece.
import { CodecError } from './types';
import type { StreamDecoder } from './types';
import { checkZstdWindow } from './zstd-window';
import type { ZstdWasm } from './zstd-wasm';

const INPUT_BYTES = 128 * 1024;
const OUTPUT_BYTES = 256 * 1024;
/** A ZSTD_inBuffer or ZSTD_outBuffer: pointer, size, position (three 32-bit words). */
const BUFFER_STRUCT_BYTES = 12;
/** libzstd reports an error itself after a few calls without progress; this stops a loop even if it did not. */
const MAX_IDLE_CALLS = 8;

/** What libzstd's error codes (zstd_errors.h) mean, for the few a damaged or hostile log can produce. */
const ERROR_MEANINGS: Record<number, string> = {
  1: 'decoding failed',
  10: 'unknown frame header (not zstd data)',
  12: 'unsupported zstd format version',
  14: 'unsupported frame parameter',
  16: 'the frame needs a larger window than the decoder allows (128 MiB)',
  20: 'corrupted data',
  22: 'checksum mismatch',
  24: 'corrupted literals header',
  32: 'the frame needs a dictionary',
  64: 'out of memory',
};

function describeError(code: number): string {
  return `${ERROR_MEANINGS[code] ?? 'decoding failed'}, libzstd error ${code}`;
}

/** The module memory one decoder holds: freed when it ends, fails, or is dropped unfinished. */
interface Allocation {
  wasm: ZstdWasm;
  context: number;
  /** Input bytes, output bytes, then the two buffer structs. */
  block: number;
}

function release(a: Allocation): void {
  a.wasm.ZSTD_freeDCtx(a.context);
  a.wasm.free(a.block);
}

/** A decoder dropped before its end (a replay that stopped early) gives its memory back when collected. */
const dropped = new FinalizationRegistry<Allocation>(release);

export class WasmZstdStreamDecoder implements StreamDecoder {
  private allocation: Allocation | undefined;
  private readonly input: number;
  private readonly output: number;
  private readonly inStruct: number;
  private readonly outStruct: number;
  private sawData = false;
  /** The last call left a frame unfinished: the stream must go on. */
  private midFrame = false;

  constructor(private readonly wasm: ZstdWasm) {
    const block = wasm.malloc(INPUT_BYTES + OUTPUT_BYTES + 2 * BUFFER_STRUCT_BYTES);
    const context = wasm.ZSTD_createDCtx();
    if (block === 0 || context === 0) {
      if (block !== 0) wasm.free(block);
      if (context !== 0) wasm.ZSTD_freeDCtx(context);
      throw new CodecError('cannot start the zstd decoder: out of memory');
    }
    this.input = block;
    this.output = block + INPUT_BYTES;
    this.inStruct = this.output + OUTPUT_BYTES;
    this.outStruct = this.inStruct + BUFFER_STRUCT_BYTES;
    this.allocation = { wasm, context, block };
    dropped.register(this, this.allocation, this);
  }

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    if (chunk.length === 0) return;
    if (!this.sawData) checkZstdWindowOrFree(this, chunk);
    this.sawData = true;
    for (let at = 0; at < chunk.length; at += INPUT_BYTES) {
      this.guarded(() => this.decodeSlice(chunk.subarray(at, at + INPUT_BYTES), emit));
    }
  }

  end(): void {
    const unfinished = this.sawData && this.midFrame;
    this.free();
    if (unfinished) throw new CodecError('not a complete zstd stream: cut off inside a frame', true);
  }

  /** Frees the module memory now; the decoder cannot be used afterwards. */
  free(): void {
    if (!this.allocation) return;
    dropped.unregister(this);
    release(this.allocation);
    this.allocation = undefined;
  }

  private guarded(step: () => void): void {
    try {
      step();
    } catch (err) {
      this.free();
      throw err;
    }
  }

  private decodeSlice(slice: Uint8Array, emit: (out: Uint8Array) => void): void {
    const a = this.allocation;
    if (!a) throw new CodecError('the zstd decoder was used after it ended');
    const { memory } = this.wasm;
    new Uint8Array(memory.buffer).set(slice, this.input);
    writeStruct(memory, this.inStruct, this.input, slice.length);
    let idle = 0;
    for (;;) {
      writeStruct(memory, this.outStruct, this.output, OUTPUT_BYTES);
      const before = readPosition(memory, this.inStruct);
      const result = this.wasm.ZSTD_decompressStream(a.context, this.outStruct, this.inStruct);
      if (result < 0) throw new CodecError(`damaged zstd stream (${describeError(-result)})`);
      this.midFrame = result !== 0;
      const produced = readPosition(memory, this.outStruct);
      const consumed = readPosition(memory, this.inStruct);
      // A view of the module's memory: the receiver uses it at once (the next call overwrites it).
      if (produced > 0) emit(new Uint8Array(memory.buffer, this.output, produced));
      if (consumed >= slice.length && produced < OUTPUT_BYTES) return;
      idle = produced === 0 && consumed === before ? idle + 1 : 0;
      if (idle >= MAX_IDLE_CALLS) throw new CodecError('damaged zstd stream (the decoder made no progress)');
    }
  }
}

/** The window check, freeing the decoder's memory when it refuses the frame. */
function checkZstdWindowOrFree(decoder: WasmZstdStreamDecoder, head: Uint8Array): void {
  try {
    checkZstdWindow(head);
  } catch (err) {
    decoder.free();
    throw err;
  }
}

function writeStruct(memory: ZstdWasm['memory'], at: number, pointer: number, size: number): void {
  const view = new DataView(memory.buffer);
  view.setUint32(at, pointer, true);
  view.setUint32(at + 4, size, true);
  view.setUint32(at + 8, 0, true);
}

function readPosition(memory: ZstdWasm['memory'], struct: number): number {
  return new DataView(memory.buffer).getUint32(struct + 8, true);
}
