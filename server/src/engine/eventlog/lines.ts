// Splitting event-log text into events, one JSON object per line, with line numbers for errors.
//
// Policy for damaged input:
// - a line that is not valid JSON, or is JSON but not an object with a string "Event" field, is an error naming its
//   line number;
// - exception: the final line of the final part, when the text does not end with a newline and at least one event
//   was read before it, is dropped with a warning: that is what a log still being written looks like;
// - blank lines are skipped;
// - a line longer than EVENTLOG_LIMITS.maxLineLength, and a stage claiming more than EVENTLOG_LIMITS.maxTasksPerStage
//   tasks, are errors (what a damaged or hostile file looks like; reading on would exhaust memory).
// Events the replay does not use (see relevant-events.ts) are recognised by their leading "Event" field and skipped
// without JSON.parse: a damaged line among them goes unnoticed unless it is the last one. Likewise TaskStart and
// TaskEnd lines are read by the field extractor (extract-fields.ts), which checks the fields the replay reads and the
// line's last character, not the validity of the metrics after them.
import { compileEvent, extractFields } from './extract-fields';
import { isObject, num, obj } from './json';
import type { JsonObject } from './json';
import { EVENTLOG_LIMITS, formatCount, type LimitBreach } from './limits';
import { EXTRACTED_EVENTS } from './read-fields';
import { EventRoutes, leadingEventEnd } from './relevant-events';
import { SPARK_LAYOUTS } from './spark-layouts';

const ROUTES = new EventRoutes(
  new Map([...EXTRACTED_EVENTS].map(([name, tree]) => [name, compileEvent(tree, SPARK_LAYOUTS.get(name))])),
);

export interface TextSource {
  /** Shown in messages ("events_2_app.zstd: line 7: …"); empty for anonymous text. */
  name: string;
  text: string;
}

export type LinesResult =
  { ok: true; events: number; warnings: string[] } | { ok: false; error: string; limit?: LimitBreach };

function where(source: { readonly name: string }, line: number): string {
  return source.name ? `${source.name}: line ${line}` : `line ${line}`;
}

/**
 * Splits text that arrives in pieces (one part of a log, in order) into events. A line may be split across pieces.
 * `mayBeTruncated` allows the incomplete-last-line exception (true for the last part of a log). `eventsBefore` is how
 * many events earlier parts held. After the first error, further text is ignored.
 */
export class LineReader {
  private carry = '';
  private lineNo = 0;
  private events = 0;
  private stopped = false;
  private error: string | undefined;
  /** Set when the error is a limit the input went over (rather than damaged input). */
  private breach: LimitBreach | undefined;
  private readonly warnings: string[] = [];

  constructor(
    private readonly source: { readonly name: string },
    private readonly mayBeTruncated: boolean,
    private readonly eventsBefore: number,
    private readonly onEvent: (event: JsonObject, eventName: string) => void,
  ) {}

  /** True once an error stopped the reader. */
  get failed(): boolean {
    return this.error !== undefined;
  }

  push(text: string): void {
    if (this.stopped || text.length === 0) return;
    let pos = 0;
    if (this.carry !== '') {
      const nl = text.indexOf('\n');
      if (nl === -1) {
        this.carry += text;
        this.checkCarry();
        return;
      }
      const line = this.carry + text.slice(0, nl);
      this.carry = '';
      if (!this.line(line, false)) return;
      pos = nl + 1;
    }
    while (pos < text.length) {
      // Blank lines in bulk (a flood of them is what a decompression bomb of newlines gives) cost one step each.
      if (text.charCodeAt(pos) === 0x0a) {
        this.lineNo++;
        pos++;
        continue;
      }
      const nl = text.indexOf('\n', pos);
      if (nl === -1) {
        this.carry = text.slice(pos);
        this.checkCarry();
        return;
      }
      if (!this.line(text.slice(pos, nl), false)) return;
      pos = nl + 1;
    }
  }

  /** The outcome, once all the part's text was pushed: the text after the last newline is the last line. */
  end(): LinesResult {
    if (!this.stopped && this.carry !== '') this.line(this.carry, true);
    this.carry = '';
    this.stopped = true;
    if (this.error === undefined) return { ok: true, events: this.events, warnings: this.warnings };
    return this.breach ? { ok: false, error: this.error, limit: this.breach } : { ok: false, error: this.error };
  }

  /** An unfinished line may not grow past the limit. */
  private checkCarry(): void {
    const max = EVENTLOG_LIMITS.maxLineLength;
    if (this.carry.length <= max) return;
    this.carry = '';
    this.stopped = true;
    this.error =
      `${where(this.source, this.lineNo + 1)}: no line break in the first ${formatCount(max)} characters ` +
      `(limit EVENTLOG_LIMITS.maxLineLength): not a Spark event log, or a damaged one`;
  }

  /** A stage whose task count the replay cannot hold: the message and the limit, else undefined. */
  private tooManyTasks(value: JsonObject, name: string): { message: string; limit: LimitBreach } | undefined {
    if (name !== 'SparkListenerStageSubmitted') return undefined;
    const info = obj(value, 'Stage Info');
    const tasks = info ? num(info, 'Number of Tasks') : undefined;
    const max = EVENTLOG_LIMITS.maxTasksPerStage;
    if (tasks === undefined || tasks <= max) return undefined;
    const stage = info ? num(info, 'Stage ID') : undefined;
    const message =
      `${where(this.source, this.lineNo)}: stage ${stage ?? '?'} claims ${formatCount(tasks)} tasks; the replay ` +
      `takes at most ${formatCount(max)} per stage (EVENTLOG_LIMITS.maxTasksPerStage)`;
    return {
      message,
      limit: { name: 'EVENTLOG_LIMITS.maxTasksPerStage', figure: tasks, allowed: max, stage: 'during' },
    };
  }

  /** One line; false when reading stops here (an error, or the tolerated unfinished last line). */
  private line(raw: string, isLast: boolean): boolean {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') return true;
    // The last line is parsed whole: skipping or extracting could hide that it was cut short.
    const nameEnd = isLast ? -1 : leadingEventEnd(line);
    if (nameEnd >= 0) {
      const { name, ignored, reading } = ROUTES.route(line, nameEnd);
      if (ignored) {
        this.events++;
        return true;
      }
      const fields = reading && extractFields(line, nameEnd + 1, name, reading);
      if (fields) {
        this.events++;
        this.onEvent(fields, name);
        return true;
      }
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      this.stopped = true;
      if (isLast && this.mayBeTruncated && this.eventsBefore + this.events > 0) {
        this.warnings.push(
          `${where(this.source, this.lineNo)}: incomplete last line ignored (the log may still be being written)`,
        );
      } else {
        // Never quote the line: the file named may be anything readable (a key, a password file), not a log.
        this.error = `${where(this.source, this.lineNo)}: not valid JSON (an event log holds one JSON object per line)`;
      }
      return false;
    }
    if (!isObject(value) || typeof value.Event !== 'string') {
      this.stopped = true;
      this.error = `${where(this.source, this.lineNo)}: not a Spark listener event (no "Event" field)`;
      return false;
    }
    const tooMany = this.tooManyTasks(value, value.Event);
    if (tooMany !== undefined) {
      this.stopped = true;
      this.error = tooMany.message;
      this.breach = tooMany.limit;
      return false;
    }
    this.events++;
    // Some events are logged under their class's full name (org.apache.spark.sql.execution.ui.…); keep the last part.
    const name = value.Event;
    this.onEvent(value, name.slice(name.lastIndexOf('.') + 1));
    return true;
  }
}
