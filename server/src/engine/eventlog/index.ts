// Spark event logs → a replayable workload plus what the real cluster did. Never throws: failures are results.
import { replayFilesInDecoderThread } from './decoder-thread';
import { locateEventLog } from './locate';
import type { ReadEventLogOptions } from './log-input';
import { replaySources } from './replay';
import { addInputWarnings, replayLogInput } from './stream-replay';
import type { EventLogResult } from './types';

export type {
  EventLogReplay,
  EventLogResult,
  EventLogStats,
  ObservedExecutor,
  ObservedRun,
  ObservedStep,
} from './types';
export type { ReadEventLogOptions } from './log-input';
export { codecOf } from './decode';
export { EVENTLOG_LIMITS } from './limits';

function internalError(err: unknown): EventLogResult {
  const detail = err instanceof Error ? err.message : String(err);
  return { ok: false, error: `internal error while reading the event log: ${detail}` };
}

/**
 * Reads an event log: a file (plain, zstd, lz4, snappy or lzf, named or not by its codec, possibly .inprogress), a
 * rolled eventlog_v2_* directory, or a History Server zip (`options.app` chooses among several applications).
 */
export async function readEventLog(path: string, options: ReadEventLogOptions = {}): Promise<EventLogResult> {
  try {
    const located = await locateEventLog(path, options);
    if (!located.ok) return located;
    const input = located.input;
    // Only zips hold several applications; elsewhere the option has nothing to choose (said, not silently dropped).
    const notes =
      options.app !== undefined && input.files
        ? [`${input.name}: not a zip, so the app option (${options.app}) chooses nothing; the log is read as it is`]
        : [];
    try {
      if (input.files) {
        const threaded = await replayFilesInDecoderThread(input.files, input.name);
        if (threaded) return addInputWarnings(threaded, input, notes);
      }
      const streamed = await replayLogInput(input);
      if (streamed.ok) streamed.warnings.unshift(...notes);
      return streamed;
    } finally {
      await input.close();
    }
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
