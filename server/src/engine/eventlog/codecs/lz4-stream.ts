// Spark's lz4 codec: lz4-java's LZ4BlockOutputStream. Each block is a 21-byte header — the magic "LZ4Block", a token
// (method 0x10 stored / 0x20 lz4, low nibble = log2 of the block size − 10), the compressed and decompressed lengths
// and an xxhash32 checksum (seed 0x9747b28c, top 4 bits cleared) of the decompressed bytes, all little-endian —
// then the block. close() writes an empty block as the end mark; more streams may follow it (Spark reads them on).
import { EVENTLOG_LIMITS } from '../limits';
import { ByteQueue } from './byte-queue';
import { decodeLz4Block } from './lz4-block';
import { CodecError } from './types';
import type { StreamDecoder } from './types';
import { xxhash32 } from './xxhash32';

export const LZ4_BLOCK_MAGIC = [0x4c, 0x5a, 0x34, 0x42, 0x6c, 0x6f, 0x63, 0x6b];
const HEADER = 21;
const METHOD_STORED = 0x10;
const METHOD_LZ4 = 0x20;
const CHECKSUM_SEED = 0x9747b28c;

export class Lz4BlockStreamDecoder implements StreamDecoder {
  private readonly queue = new ByteQueue();
  /** The last thing read was an end mark (or nothing was read yet). */
  private atEnd = true;

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    const q = this.queue;
    q.append(chunk);
    while (q.length >= HEADER) {
      const at = q.consumed;
      for (let i = 0; i < LZ4_BLOCK_MAGIC.length; i++) {
        if (q.at(i) !== LZ4_BLOCK_MAGIC[i]) throw new CodecError(`damaged lz4 stream: no block header at byte ${at}`);
      }
      const token = q.at(8);
      const method = token & 0xf0;
      const compressed = q.readIntLE(9);
      const size = q.readIntLE(13);
      const check = q.readIntLE(17);
      const maxSize = Math.min(2 ** (10 + (token & 0x0f)), EVENTLOG_LIMITS.maxBlockBytes);
      const consistent =
        (method === METHOD_STORED || method === METHOD_LZ4) &&
        size <= maxSize &&
        compressed <= size + (size >>> 8) + 64 &&
        (size === 0) === (compressed === 0) &&
        (method !== METHOD_STORED || size === compressed);
      if (!consistent) throw new CodecError(`damaged lz4 stream: impossible block header at byte ${at}`);
      if (size === 0) {
        if (check !== 0) throw new CodecError(`damaged lz4 stream: bad end mark at byte ${at}`);
        q.skip(HEADER);
        this.atEnd = true;
        continue;
      }
      if (q.length < HEADER + compressed) return;
      this.atEnd = false;
      q.skip(HEADER);
      const body = q.take(compressed);
      let out: Uint8Array;
      if (method === METHOD_STORED) {
        out = body.slice();
      } else {
        out = new Uint8Array(size);
        decodeLz4Block(body, out);
      }
      if ((xxhash32(out, CHECKSUM_SEED) & 0x0fffffff) !== check) {
        throw new CodecError(`damaged lz4 stream: checksum mismatch in the block at byte ${at}`);
      }
      emit(out);
    }
  }

  end(): void {
    if (this.queue.length > 0) {
      throw new CodecError(`lz4 stream cut off inside a block at byte ${this.queue.consumed}`, true);
    }
    if (!this.atEnd) throw new CodecError('lz4 stream ends without its end mark', true);
  }
}
