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
 * True when the line is, by its first field, a whole event the replay ignores: Spark writes the "Event" field first
 * and without spaces. Anything unusual (spaces, escapes, no closing brace) is left to the full parse.
 */
export function skippableEvent(line: string): boolean {
  if (!line.startsWith(PREFIX) || line.charCodeAt(line.length - 1) !== 0x7d /* } */) return false;
  const end = line.indexOf('"', PREFIX.length);
  if (end < 0 || end - PREFIX.length > 200) return false;
  const name = line.slice(PREFIX.length, end);
  if (name.includes('\\')) return false;
  return !RELEVANT_EVENTS.has(name.slice(name.lastIndexOf('.') + 1));
}
