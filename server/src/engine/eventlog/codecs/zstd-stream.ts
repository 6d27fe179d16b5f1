// Spark's zstd codec writes standard zstd frames (zstd-jni); fzstd decodes them as the bytes arrive.
import { Decompress } from 'fzstd';
import { EVENTLOG_LIMITS, formatBytes } from '../limits';
import { CodecError } from './types';
import type { StreamDecoder } from './types';

export const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export class ZstdStreamDecoder implements StreamDecoder {
  private emit: (out: Uint8Array) => void = () => undefined;
  private readonly stream = new Decompress((block) => {
    // fzstd reads the block again later (its window): receivers use it at once and must not keep or change it.
    if (block.length > 0) this.emit(block);
  });
  private sawData = false;

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    if (chunk.length === 0) return;
    if (!this.sawData) checkWindow(chunk);
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

/**
 * The decoder allocates the window the frame header asks for (up to 2 GiB) before any output: a hostile header is
 * refused here. Only the first frame is checked; Spark writes a single frame per file.
 */
function checkWindow(head: Uint8Array): void {
  if (head.length < 6 || ZSTD_MAGIC.some((b, i) => head[i] !== b)) return;
  const descriptor = head[4];
  const singleSegment = (descriptor >> 5) & 1;
  let window: number;
  if (singleSegment) {
    // The window is the content size, which follows (1, 2, 4 or 8 bytes, little-endian).
    const sizeBytes = [1, 2, 4, 8][descriptor >> 6];
    const at = 5 + [0, 1, 2, 4][descriptor & 3];
    if (head.length < at + sizeBytes) return;
    window = 0;
    for (let i = sizeBytes - 1; i >= 0; i--) window = window * 256 + head[at + i];
    if (sizeBytes === 2) window += 256;
  } else {
    const base = 2 ** (10 + (head[5] >> 3));
    window = base + (base / 8) * (head[5] & 7);
  }
  if (window > EVENTLOG_LIMITS.maxZstdWindowBytes) {
    throw new CodecError(
      `the zstd frame asks for a ${formatBytes(window)} window, more than the ` +
        `${formatBytes(EVENTLOG_LIMITS.maxZstdWindowBytes)} allowed (EVENTLOG_LIMITS.maxZstdWindowBytes)`,
    );
  }
}
