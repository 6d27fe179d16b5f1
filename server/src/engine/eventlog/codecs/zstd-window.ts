// A zstd frame header names the window its decoder must keep (up to 2 GiB in principle). Both zstd decoders allocate
// it before producing anything, so a hostile header is refused here, with the limit in the message.
import { EVENTLOG_LIMITS, formatBytes } from '../limits';
import { CodecError } from './types';

export const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/**
 * Throws CodecError when the frame starting at `head` asks for a window over EVENTLOG_LIMITS.maxZstdWindowBytes.
 * Only a frame at the very start is looked at (Spark writes one frame per file); libzstd applies the same limit to
 * any later frame by itself.
 */
export function checkZstdWindow(head: Uint8Array): void {
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
