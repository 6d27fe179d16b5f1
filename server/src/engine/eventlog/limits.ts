// The limits that keep a damaged or hostile event log from taking the process down. One place, exported, so that
// messages, tests and docs all quote the same numbers.

import type { Problem } from '../../../../protocol/result';

const MiB = 1024 * 1024;

/** Which limit an input went over, in the shape an `over-budget` problem carries. */
export type LimitBreach = NonNullable<Problem['limit']>;

export const EVENTLOG_LIMITS = {
  /** A stage claiming more tasks than this is refused: the replay keeps one duration per task. */
  maxTasksPerStage: 5_000_000,
  /** A line (one event) longer than this many characters is refused: no Spark event comes near it; /dev/zero does. */
  maxLineLength: 64 * MiB,
  /**
   * Decompression bomb guard: once a compressed file has produced `expansionFloorBytes`, its output may be at most
   * `maxExpansionRatio` times the compressed bytes read so far. Real event logs compress about 5–55× (zstd -19 --long
   * on the shared fixtures); a bomb of 1 MiB is stopped after at most 200 MiB of output.
   */
  maxExpansionRatio: 200,
  expansionFloorBytes: 64 * MiB,
  /**
   * A zstd frame asking for a larger window (the memory its decoder needs) is refused. It is libzstd's own default
   * limit, which the zstd tool also applies unless told otherwise; Spark's writer uses a few MiB.
   */
  maxZstdWindowBytes: 128 * MiB,
  /** A single compressed block announcing more than this is damaged (Spark's codecs write blocks of 32 KiB–32 MiB). */
  maxBlockBytes: 64 * MiB,
} as const;

/** 1234567 → "1,234,567", for messages. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatBytes(n: number): string {
  return n >= MiB ? `${formatCount(n / MiB)} MiB` : `${formatCount(n)} bytes`;
}
