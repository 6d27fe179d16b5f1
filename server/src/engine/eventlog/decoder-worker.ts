// The zstd decoder thread (bundled as dist/eventlog-decoder.js; see decoder-protocol.ts for the messages). It stays
// up between logs; the main thread parses each piece while the next one is being decompressed.
import { parentPort } from 'node:worker_threads';
import { decoderFor } from './codecs/choose';
import { loadZstdWasm } from './codecs/zstd-wasm';
import { FLOW_CANCELLED, FLOW_IN_FLIGHT, isDecodeJob, MAX_PIECES_IN_FLIGHT } from './decoder-protocol';
import type { DecoderMessage } from './decoder-protocol';
import { EVENTLOG_LIMITS } from './limits';

/** The compressed part is handed to the decoder in slices of this size (its output is bounded per call). */
const INPUT_SLICE = 1024 * 1024;
/** The first piece is small so that parsing starts early; later ones are larger, for fewer messages. */
const FIRST_PIECE = 64 * 1024;
const PIECE = 512 * 1024;
const NEWLINE = 0x0a;

/** Ends a job early: a limit was passed, or the main thread stopped listening. */
class StopDecoding extends Error {}

/** Collects decompressed blocks and hands out pieces that end just after a newline. */
class Pieces {
  private buf = new Uint8Array(FIRST_PIECE * 2);
  private len = 0;
  /** Index of the last newline in the buffer, or -1. */
  private lastNewline = -1;
  private target = FIRST_PIECE;

  constructor(private readonly send: (piece: Uint8Array) => void) {}

  add(data: Uint8Array): void {
    if (this.len + data.length > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.len + data.length));
      bigger.set(this.buf.subarray(0, this.len));
      this.buf = bigger;
    }
    this.buf.set(data, this.len);
    const nl = data.lastIndexOf(NEWLINE);
    if (nl >= 0) this.lastNewline = this.len + nl;
    this.len += data.length;
    // Without a newline yet (a very long line), the buffer grows until one comes, up to the line limit.
    if (this.len >= this.target && this.lastNewline >= 0) this.cut();
    if (this.len > EVENTLOG_LIMITS.maxLineLength) throw new StopDecoding();
  }

  /** Sends everything up to the last newline; keeps the rest. */
  private cut(): void {
    const end = this.lastNewline + 1;
    const piece = this.buf.subarray(0, end);
    const rest = this.buf.subarray(end, this.len);
    this.target = PIECE;
    this.buf = new Uint8Array(Math.max(PIECE * 2, rest.length * 2));
    this.buf.set(rest);
    this.len = rest.length;
    this.lastNewline = -1;
    this.send(piece);
  }

  /** Sends what is left (the part's last line when the text does not end with a newline). */
  flush(): void {
    if (this.len === 0) return;
    const piece = this.buf.subarray(0, this.len);
    this.buf = new Uint8Array(0);
    this.len = 0;
    this.lastNewline = -1;
    this.send(piece);
  }
}

/** Waits until the main thread has parsed enough pieces for one more to be sent. */
function waitForRoom(flow: Int32Array): void {
  for (;;) {
    if (Atomics.load(flow, FLOW_CANCELLED) !== 0) throw new StopDecoding();
    const inFlight = Atomics.load(flow, FLOW_IN_FLIGHT);
    if (inFlight < MAX_PIECES_IN_FLIGHT) return;
    Atomics.wait(flow, FLOW_IN_FLIGHT, inFlight, 1000);
  }
}

function run(port: NonNullable<typeof parentPort>, id: number, parts: readonly Uint8Array[], flow: Int32Array): void {
  const post = (m: DecoderMessage, transfer?: ArrayBuffer[]): void => port.postMessage(m, transfer);
  try {
    for (let part = 0; part < parts.length; part++) {
      const pieces = new Pieces((bytes) => {
        waitForRoom(flow);
        Atomics.add(flow, FLOW_IN_FLIGHT, 1);
        post({ id, kind: 'piece', part, bytes }, [bytes.buffer as ArrayBuffer]);
      });
      // The bomb guard of part-stream.ts, with the whole compressed part as the input read.
      const { expansionFloorBytes, maxExpansionRatio } = EVENTLOG_LIMITS;
      const maxOutput = Math.max(expansionFloorBytes, maxExpansionRatio * parts[part].length);
      let output = 0;
      // Decoded bytes are views the decoder reuses: Pieces copies them, they are never transferred.
      const take = (block: Uint8Array): void => {
        output += block.length;
        if (output > maxOutput) throw new StopDecoding();
        pieces.add(block);
      };
      const decoder = decoderFor('zstd');
      const bytes = parts[part];
      for (let at = 0; at < bytes.length; at += INPUT_SLICE) decoder.push(bytes.subarray(at, at + INPUT_SLICE), take);
      decoder.end(take);
      pieces.flush();
      post({ id, kind: 'partEnd', part });
    }
    post({ id, kind: 'done' });
  } catch {
    // The main thread decodes the log again itself and reports the error in the usual words.
    post({ id, kind: 'failed' });
  }
}

const port = parentPort;
if (port) {
  // Jobs run one at a time, in order, each after libzstd's module has loaded (once).
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (job: unknown) => {
    if (!isDecodeJob(job)) return;
    queue = queue.then(loadZstdWasm).then(() => run(port, job.id, job.parts, new Int32Array(job.flow)));
  });
}
