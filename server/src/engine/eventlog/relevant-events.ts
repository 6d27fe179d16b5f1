// The listener events the replay reads (EventCollector.handle in collect.ts acts on these and ignores the rest).
// Lines of any other event are counted but not parsed: on real logs most lines are such events (SQL plans, executor
// metrics, block updates), and JSON.parse is the larger part of reading a log. A unit test keeps this list and
// collect.ts in step.

export const RELEVANT_EVENTS: ReadonlySet<string> = new Set([
  'SparkListenerLogStart',
  'SparkListenerResourceProfileAdded',
  'SparkListenerEnvironmentUpdate',
  'SparkListenerApplicationStart',
  'SparkListenerApplicationEnd',
  'SparkListenerJobStart',
  'SparkListenerJobEnd',
  'SparkListenerStageSubmitted',
  'SparkListenerStageCompleted',
  'SparkListenerTaskStart',
  'SparkListenerTaskEnd',
  'SparkListenerExecutorAdded',
  'SparkListenerExecutorRemoved',
]);

const PREFIX = '{"Event":"';

/**
 * The index of the quote closing the event's name when the line opens with its "Event" field, the way Spark writes
 * it (first, without spaces, the name without escapes) and ends with "}"; -1 otherwise (then the line is parsed whole).
 */
export function leadingEventEnd(line: string): number {
  if (!line.startsWith(PREFIX) || line.charCodeAt(line.length - 1) !== 0x7d /* } */) return -1;
  const end = line.indexOf('"', PREFIX.length);
  if (end < 0 || end - PREFIX.length > 200) return -1;
  for (let i = PREFIX.length; i < end; i++) if (line.charCodeAt(i) === 0x5c /* \ */) return -1;
  return end;
}

/** The name of the event whose leading "Event" field closes at `end` (see leadingEventEnd). */
export function leadingEventName(line: string, end: number): string {
  return line.slice(PREFIX.length, end);
}

/** True when the replay ignores events of this name (the full class name or its last part). */
export function ignoredEvent(name: string): boolean {
  return !RELEVANT_EVENTS.has(name.slice(name.lastIndexOf('.') + 1));
}
