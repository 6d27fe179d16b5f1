// Splitting event-log text into events, one JSON object per line, with line numbers for errors.
//
// Policy for damaged input:
// - a line that is not valid JSON, or is JSON but not an object with a string "Event" field, is an error naming its
//   line number;
// - exception: the final line of the final part, when the text does not end with a newline and at least one event
//   was read before it, is dropped with a warning: that is what a log still being written looks like;
// - blank lines are skipped.
import { isObject } from './json';
import type { JsonObject } from './json';

export interface TextSource {
  /** Shown in messages ("events_2_app.zstd: line 7: …"); empty for anonymous text. */
  name: string;
  text: string;
}

export type LinesResult = { ok: true; events: number; warnings: string[] } | { ok: false; error: string };

function where(source: TextSource, line: number): string {
  return source.name ? `${source.name}: line ${line}` : `line ${line}`;
}

/** A short, printable preview of a bad line, so the message shows what was found. */
function preview(line: string): string {
  const printable = line.slice(0, 40).replace(/[^\x20-\x7e]/g, '?');
  return line.length > 40 ? `${printable}…` : printable;
}

/**
 * Calls `onEvent` for every event of `source`, in order. `mayBeTruncated` allows the incomplete-last-line exception
 * (true for the last part of a log). `eventsBefore` is how many events earlier parts held.
 */
export function readLines(
  source: TextSource,
  mayBeTruncated: boolean,
  eventsBefore: number,
  onEvent: (event: JsonObject, eventName: string) => void,
): LinesResult {
  const { text } = source;
  const warnings: string[] = [];
  let events = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    lineNo++;
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    let line = text.slice(pos, end);
    pos = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const isLast = nl === -1;
      if (isLast && mayBeTruncated && eventsBefore + events > 0) {
        warnings.push(`${where(source, lineNo)}: incomplete last line ignored (the log may still be being written)`);
        break;
      }
      return { ok: false, error: `${where(source, lineNo)}: not valid JSON (starts with "${preview(line)}")` };
    }
    if (!isObject(value) || typeof value.Event !== 'string') {
      return { ok: false, error: `${where(source, lineNo)}: not a Spark listener event (no "Event" field)` };
    }
    events++;
    // Some events are logged under their class's full name (org.apache.spark.sql.execution.ui.…); keep the last part.
    const name = value.Event;
    onEvent(value, name.slice(name.lastIndexOf('.') + 1));
  }
  return { ok: true, events, warnings };
}
