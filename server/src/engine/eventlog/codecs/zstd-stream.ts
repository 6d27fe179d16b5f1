// The pure-JavaScript zstd reader (fzstd): the fallback where libzstd's WebAssembly build is not loaded (see
// zstd-wasm.ts). Spark's zstd codec writes standard zstd frames (zstd-jni); fzstd decodes them as the bytes arrive.
import { Decompress } from 'fzstd';
import { CodecError } from './types';
import type { StreamDecoder } from './types';
import { checkZstdWindow } from './zstd-window';

export class FzstdStreamDecoder implements StreamDecoder {
  private emit: (out: Uint8Array) => void = () => undefined;
  private readonly stream = new Decompress((block) => {
    // fzstd reads the block again later (its window): receivers use it at once and must not keep or change it.
    if (block.length > 0) this.emit(block);
  });
  private sawData = false;

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    if (chunk.length === 0) return;
    if (!this.sawData) checkZstdWindow(chunk);
    this.sawData = true;
    this.emit = emit;
    this.run(() => this.stream.push(chunk, false));
  }

  end(emit: (out: Uint8Array) => void): void {
    if (!this.sawData) return;
    this.emit = emit;
    this.run(() => this.stream.push(new Uint8Array(0), true));
  }

  private run(step: () => void): void {
    try {
      step();
    } catch (err) {
      if (err instanceof CodecError || !(err instanceof Error)) throw err;
      // fzstd says "unexpected EOF" when the data stops inside a frame.
      const truncated = /EOF/i.test(err.message);
      const what = truncated ? 'not a complete zstd stream: cut off inside a frame' : 'damaged zstd stream';
      throw new CodecError(`${what} (${err.message})`, truncated);
    }
  }
}
