// Replaying a located log: each part streamed through its codec into the line reader, one piece at a time.
import type { LogInput } from './log-input';
import { streamPart } from './part-stream';
import { LogReplay } from './replay';
import type { EventLogResult } from './types';

/** Warnings that depend on how the log was stored rather than on its events. */
export function addInputWarnings(result: EventLogResult, input: LogInput, readWarnings: string[]): EventLogResult {
  const whole =
    input.partOfRolled === undefined
      ? undefined
      : `${input.name} is one part of the rolled event log ${input.partOfRolled}; give that directory to read the ` +
        'whole application';
  if (!result.ok) return whole === undefined ? result : { ok: false, error: `${result.error} (${whole})` };
  result.warnings.unshift(...readWarnings);
  if (whole !== undefined) result.warnings.unshift(whole);
  if (input.inProgress && result.observed.appEnd === undefined) {
    result.warnings.push(
      `${input.name}: the log is still being written (.inprogress) and has no application end yet; ` +
        `the run is measured to its last event`,
    );
  }
  return result;
}

export async function replayLogInput(input: LogInput): Promise<EventLogResult> {
  const replay = new LogReplay(input.name);
  const warnings: string[] = [];
  for (let i = 0; i < input.parts.length; i++) {
    const part = input.parts[i];
    const isLast = i === input.parts.length - 1;
    replay.beginPart(part.name, isLast);
    const read = await streamPart(part, {
      onText: (text) => replay.push(text),
      shouldStop: () => replay.failed,
      mayEndEarly: isLast && input.inProgress,
    });
    if (!read.ok) {
      if (!replay.failed) return { ok: false, error: read.error };
      // A parse error met before the codec error came first in the file: report that one.
      replay.endPart();
      return replay.finish();
    }
    warnings.push(...read.warnings);
    replay.endPart();
    if (read.stopped) break;
  }
  return addInputWarnings(replay.finish(), input, warnings);
}
