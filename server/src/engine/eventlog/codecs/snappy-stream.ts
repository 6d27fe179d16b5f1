// Spark's snappy codec: snappy-java's SnappyOutputStream. A 16-byte header (0x82 "SNAPPY" 0x00, then the format
// version and the oldest compatible version as big-endian ints), then blocks, each a big-endian length and one raw
// Snappy block (decoded with snappyjs). A second header may follow where a block length is expected (streams written
// one after the other); there is no end mark.
import { uncompress } from 'snappyjs';
import { EVENTLOG_LIMITS } from '../limits';
import { ByteQueue } from './byte-queue';
import { CodecError } from './types';
import type { StreamDecoder } from './types';

export const SNAPPY_JAVA_MAGIC = [0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00];
const HEADER = 16;
/** The first four magic bytes read as a big-endian int: how a block length slot announces another header. */
const MAGIC_AS_LENGTH = 0x82534e41;

export class SnappyJavaStreamDecoder implements StreamDecoder {
  private readonly queue = new ByteQueue();
  private expectHeader = true;

  push(chunk: Uint8Array, emit: (out: Uint8Array) => void): void {
    const q = this.queue;
    q.append(chunk);
    for (;;) {
      const at = q.consumed;
      if (this.expectHeader) {
        if (q.length < HEADER) return;
        for (let i = 0; i < SNAPPY_JAVA_MAGIC.length; i++) {
          if (q.at(i) !== SNAPPY_JAVA_MAGIC[i]) throw new CodecError(`damaged snappy stream: bad header at byte ${at}`);
        }
        q.skip(HEADER);
        this.expectHeader = false;
        continue;
      }
      if (q.length < 4) return;
      const length = q.readIntBE(0);
      if (length === MAGIC_AS_LENGTH) {
        this.expectHeader = true;
        continue;
      }
      if (length === 0 || length > EVENTLOG_LIMITS.maxBlockBytes) {
        throw new CodecError(`damaged snappy stream: impossible block length ${length} at byte ${at}`);
      }
      if (q.length < 4 + length) return;
      q.skip(4);
      const block = q.take(length);
      let out: Uint8Array;
      try {
        out = uncompress(block, EVENTLOG_LIMITS.maxBlockBytes);
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        throw new CodecError(`damaged snappy stream: the block at byte ${at} does not decode (${detail})`);
      }
      emit(out);
    }
  }

  end(): void {
    if (this.queue.length > 0 || this.expectHeader) {
      const where = this.queue.consumed + this.queue.length;
      throw new CodecError(`snappy stream cut off inside a block (${where} bytes read)`, true);
    }
  }
}
