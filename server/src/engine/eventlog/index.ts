// Spark event logs → a replayable workload plus what the real cluster did. Never throws: failures are results.
import { replayInDecoderThread } from './decoder-thread';
import { decodeRawParts, readRawParts } from './read';
import { replaySources } from './replay';
import type { EventLogResult } from './types';

export type {
  EventLogReplay,
  EventLogResult,
  EventLogStats,
  ObservedExecutor,
  ObservedRun,
  ObservedStep,
} from './types';
export { codecOf } from './decode';

function internalError(err: unknown): EventLogResult {
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, error: `internal error while reading the event log: ${detail}` };
}

/** Reads an event-log file (plain, .zstd/.zst) or a rolled eventlog_v2_* directory. */
export async function readEventLog(path: string): Promise<EventLogResult> {
  try {
    const raw = await readRawParts(path);
    if (!raw.ok) return raw;
    if (raw.readError === undefined) {
      const threaded = await replayInDecoderThread(raw.parts, raw.name);
      if (threaded) return threaded;
    }
    const read = decodeRawParts(raw);
    if (!read.ok) return read;
    return replaySources(read.sources, read.name);
  } catch (err) {
    return internalError(err);
  }
}

/** Parses event-log text already in memory (JSON lines). `name` is used in messages and as the fallback workload name. */
export function parseEventLogText(text: string, name?: string): EventLogResult {
  try {
    return replaySources([{ name: name ?? '', text }], name ?? '');
  } catch (err) {
    return internalError(err);
  }
}
