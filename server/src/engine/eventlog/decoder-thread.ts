// Decompressing a large zstd log in a second thread while this one parses it: the two halves of reading a log take
// about as long as each other, so together they take little more than the longer one. The decoder thread is the
// bundle dist/eventlog-decoder.js next to the running bundle; it is started on first use and then kept (without
// holding the process open). Without it (tests run the sources), or when it fails, logs are decoded in this thread.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { isZstdPayload, LinePiecesDecoder } from './decode';
import { FLOW_CANCELLED, FLOW_IN_FLIGHT, FLOW_SLOTS, isDecoderMessage } from './decoder-protocol';
import type { DecodeJob, DecoderMessage } from './decoder-protocol';
import type { RawPart } from './read';
import { LogReplay } from './replay';
import type { EventLogResult } from './types';

export const DECODER_BUNDLE = 'eventlog-decoder.js';

/** Below this many compressed bytes, decoding in this thread is quicker than handing the work over. */
const DEFAULT_MIN_BYTES = 512 * 1024;
/**
 * The compressed files are read whole and copied to the thread (so twice in memory); above this size the log is
 * streamed in this thread instead, in flat memory.
 */
const MAX_HANDOVER_BYTES = 64 * 1024 * 1024;

interface Settings {
  /** The decoder bundle; null: never use a decoder thread. */
  path: string | null;
  minBytes: number;
}

let settings: Settings | undefined;

function defaultPath(): string | null {
  // __dirname is the directory of the running bundle (dist/); it is undefined in an ES module.
  const dir = typeof __dirname === 'string' ? __dirname : undefined;
  if (dir === undefined) return null;
  const path = join(dir, DECODER_BUNDLE);
  return existsSync(path) ? path : null;
}

function current(): Settings {
  settings ??= { path: defaultPath(), minBytes: DEFAULT_MIN_BYTES };
  return settings;
}

/**
 * Chooses the decoder bundle (null: decode in this thread) and the size from which it is used. For tests and the
 * benchmark; omitted fields keep their defaults.
 */
export function configureDecoderThread(options: { path?: string | null; minBytes?: number }): void {
  const base = current();
  settings = {
    path: options.path === undefined ? base.path : options.path,
    minBytes: options.minBytes ?? base.minBytes,
  };
  thread?.stop();
  thread = undefined;
  broken = false;
}

interface JobHandlers {
  message(m: DecoderMessage): void;
  /** The thread went away before the job finished. */
  lost(): void;
}

class DecoderThread {
  private readonly worker: Worker;
  private readonly jobs = new Map<number, JobHandlers>();
  private nextId = 1;

  constructor(path: string, onBroken: () => void) {
    // The bundle is plain JavaScript: none of this process's Node options (a TypeScript loader in tests) are needed.
    this.worker = new Worker(path, { execArgv: [] });
    this.worker.unref();
    this.worker.on('message', (m: unknown) => {
      if (isDecoderMessage(m)) this.jobs.get(m.id)?.message(m);
    });
    const fail = (): void => {
      onBroken();
      this.loseJobs();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', fail);
  }

  /** Starts a job; returns its id, for `end`. The thread holds the process open while it has jobs. */
  start(parts: Uint8Array[], flow: SharedArrayBuffer, handlers: JobHandlers): number {
    const id = this.nextId++;
    if (this.jobs.size === 0) this.worker.ref();
    this.jobs.set(id, handlers);
    const job: DecodeJob = { id, parts, flow };
    this.worker.postMessage(job);
    return id;
  }

  end(id: number): void {
    if (this.jobs.delete(id) && this.jobs.size === 0) this.worker.unref();
  }

  stop(): void {
    this.worker.removeAllListeners();
    void this.worker.terminate();
    this.loseJobs();
  }

  private loseJobs(): void {
    const pending = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of pending) job.lost();
  }
}

let thread: DecoderThread | undefined;
/** Set once a decoder thread failed: from then on this process decodes in its own thread. */
let broken = false;

function decoderThread(): DecoderThread | undefined {
  const { path } = current();
  if (thread || broken || path === null) return thread;
  try {
    const started = new DecoderThread(path, () => {
      broken = true;
      if (thread === started) thread = undefined;
    });
    thread = started;
  } catch {
    broken = true;
  }
  return thread;
}

/** Whether this log should be decoded in the decoder thread: large enough, and every part a zstd stream. */
function worthAThread(parts: readonly RawPart[]): boolean {
  const total = parts.reduce((n, p) => n + p.bytes.length, 0);
  return total >= current().minBytes && parts.every((p) => isZstdPayload(p.bytes, p.name));
}

/**
 * Replays a log whose parts were all read, decoding in the decoder thread and parsing here as the text arrives.
 * Undefined when there is no decoder thread for it, or decoding there failed: the caller then decodes in this thread
 * (which also words any decoding error exactly as usual).
 */
export function replayInDecoderThread(parts: readonly RawPart[], name: string): Promise<EventLogResult | undefined> {
  if (parts.length === 0 || !worthAThread(parts)) return Promise.resolve(undefined);
  const t = decoderThread();
  if (!t) return Promise.resolve(undefined);
  return new Promise<EventLogResult | undefined>((resolve, reject) => {
    const replay = new LogReplay(name);
    const flow = new Int32Array(new SharedArrayBuffer(FLOW_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    let part = -1;
    let text = new LinePiecesDecoder();
    let id = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      Atomics.store(flow, FLOW_CANCELLED, 1);
      Atomics.notify(flow, FLOW_IN_FLIGHT);
      t.end(id);
      outcome();
    };
    /** Starts the parts up to `index` (a part that decodes to nothing sends no piece). */
    const reach = (index: number): void => {
      while (part < index) {
        if (part >= 0) replay.endPart();
        part++;
        text = new LinePiecesDecoder();
        replay.beginPart(parts[part].name, part === parts.length - 1);
      }
    };
    id = t.start(
      parts.map((p) => p.bytes),
      flow.buffer as SharedArrayBuffer,
      {
        message(m) {
          if (settled) return;
          try {
            switch (m.kind) {
              case 'piece':
                reach(m.part);
                replay.push(text.decode(m.bytes));
                Atomics.sub(flow, FLOW_IN_FLIGHT, 1);
                Atomics.notify(flow, FLOW_IN_FLIGHT);
                // A parse error: the rest of the log would be ignored, so stop decoding it.
                if (replay.failed) {
                  replay.endPart();
                  settle(() => resolve(replay.finish()));
                }
                return;
              case 'partEnd':
                reach(m.part);
                return;
              case 'done':
                reach(parts.length - 1);
                replay.endPart();
                settle(() => resolve(replay.finish()));
                return;
              case 'failed':
                settle(() => resolve(undefined));
                return;
            }
          } catch (err) {
            settle(() => reject(err));
          }
        },
        lost() {
          settle(() => resolve(undefined));
        },
      },
    );
  });
}

/**
 * Replays a log whose parts are these files, in the decoder thread, when it is worth it: every file a zstd stream and
 * the total between the thread's minimum and MAX_HANDOVER_BYTES. Undefined otherwise (or when decoding there failed):
 * the caller streams the log in this thread.
 */
export async function replayFilesInDecoderThread(
  files: readonly string[],
  name: string,
): Promise<EventLogResult | undefined> {
  if (current().path === null || broken || files.length === 0) return undefined;
  let total = 0;
  try {
    for (const file of files) total += (await stat(file)).size;
  } catch {
    return undefined;
  }
  if (total < current().minBytes || total > MAX_HANDOVER_BYTES) return undefined;
  const parts: RawPart[] = [];
  try {
    for (const file of files) parts.push({ name: basename(file), bytes: await readFile(file) });
  } catch {
    return undefined;
  }
  return replayInDecoderThread(parts, name);
}
