// Spark's lzf codec: ning compress-lzf's LZFOutputStream. A sequence of chunks, each "ZV" then a type byte: 0 = stored
// (big-endian u16 length, then the bytes), 1 = compressed (u16 compressed length, u16 decompressed length, then one
// LZF block). No npm package reads this and the block format is small, so the decoder is written here.
import { ByteQueue } from './byte-queue';
import { CodecError } from './types';
import type { StreamDecoder } from './types';

export const LZF_MAGIC = [0x5a, 0x56];
const STORED = 0;
const COMPRESSED = 1;

function fail(what: string): never {
  throw new CodecError(`damaged lzf block (${what})`);
}

/** One LZF block: control byte < 32 = that many plus one literal bytes; else a back reference (length, distance). */
export function decodeLzfBlock(src: Uint8Array, dst: Uint8Array): void {
  let s = 0;
  let d = 0;
  while (s < src.length) {
    const ctrl = src[s++];
    if (ctrl < 32) {
      const n = ctrl + 1;
      if (s + n > src.length || d + n > dst.length) fail('literals run past the block');
      dst.set(src.subarray(s, s + n), d);
      s += n;
      d += n;
      continue;
    }
    let len = ctrl >>> 5;
    if (len === 7) {
      if (s >= src.length) fail('length runs past the block');
      len += src[s++];
    }
    len += 2;
    if (s >= src.length) fail('distance runs past the block');
    let from = d - ((ctrl & 0x1f) << 8) - src[s++] - 1;
    if (from < 0) fail('reference points before the start');
    if (d + len > dst.length) fail('reference runs past the decompressed size');
    for (const end = d + len; d < end;) dst[d++] = dst[from++];
  }
  if (d !== dst.length) fail(`gave ${d} bytes where the header announced ${dst.length}`);
}

export class LzfStreamDecoder implements StreamDecoder {
  private readonly queue = new ByteQueue();

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    const q = this.queue;
    q.append(chunk);
    while (q.length >= 5) {
      const at = q.consumed;
      const type = q.at(2);
      if (q.at(0) !== LZF_MAGIC[0] || q.at(1) !== LZF_MAGIC[1] || (type !== STORED && type !== COMPRESSED)) {
        throw new CodecError(`damaged lzf stream: no chunk header at byte ${at}`);
      }
      const length = (q.at(3) << 8) | q.at(4);
      if (type === STORED) {
        if (q.length < 5 + length) return;
        q.skip(5);
        emit(q.take(length).slice());
        continue;
      }
      if (q.length < 7 + length) return;
      const size = (q.at(5) << 8) | q.at(6);
      q.skip(7);
      const out = new Uint8Array(size);
      try {
        decodeLzfBlock(q.take(length), out);
      } catch (err) {
        throw new CodecError(`${err instanceof Error ? err.message : String(err)} in the chunk at byte ${at}`);
      }
      emit(out);
    }
  }

  end(): void {
    if (this.queue.length > 0) {
      throw new CodecError(`lzf stream cut off inside a chunk at byte ${this.queue.consumed}`, true);
    }
  }
}
