// Messages between readEventLog and the zstd decoder thread (decoder-worker.ts, bundled as dist/eventlog-decoder.js).
// The thread decompresses the parts of one log in order and sends the text as bytes in pieces that end just after a
// newline byte (except a part's last piece), so the receiver can decode each piece on its own.
//
// Back-pressure: `flow` is shared memory holding [pieces sent but not yet parsed, cancelled]. The thread waits while
// MAX_PIECES_IN_FLIGHT pieces are unparsed, so a log that decompresses faster than it parses (or a bomb) never piles
// up in memory; the main thread counts each parsed piece down, and sets `cancelled` when it stops listening.

/** Main thread → decoder thread: decompress these zstd files (the parts of one log, in order). */
export interface DecodeJob {
  id: number;
  parts: Uint8Array[];
  flow: SharedArrayBuffer;
}

export const FLOW_IN_FLIGHT = 0;
export const FLOW_CANCELLED = 1;
export const FLOW_SLOTS = 2;
export const MAX_PIECES_IN_FLIGHT = 8;

/** Decoder thread → main thread. */
export type DecoderMessage =
  | { id: number; kind: 'piece'; part: number; bytes: Uint8Array }
  | { id: number; kind: 'partEnd'; part: number }
  | { id: number; kind: 'done' }
  /**
   * The data is not a complete zstd stream, breaks a limit, or decoding failed otherwise: the main thread reads the
   * log again itself and words the error.
   */
  | { id: number; kind: 'failed' };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function isDecodeJob(v: unknown): v is DecodeJob {
  return (
    isRecord(v) &&
    typeof v.id === 'number' &&
    Array.isArray(v.parts) &&
    v.parts.every((p) => p instanceof Uint8Array) &&
    v.flow instanceof SharedArrayBuffer
  );
}

export function isDecoderMessage(v: unknown): v is DecoderMessage {
  if (!isRecord(v) || typeof v.id !== 'number') return false;
  switch (v.kind) {
    case 'piece':
      return typeof v.part === 'number' && v.bytes instanceof Uint8Array;
    case 'partEnd':
      return typeof v.part === 'number';
    case 'done':
    case 'failed':
      return true;
    default:
      return false;
  }
}
