// The listener events the replay reads (EventCollector.handle in collect.ts acts on these and ignores the rest).
// Lines of any other event are counted but not parsed: on real logs most lines are such events (SQL plans, executor
// metrics, block updates), and JSON.parse is the larger part of reading a log. A unit test keeps this list and
// collect.ts in step.
import { cutMembers, type CutRule } from './cut-members';

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

// What the replay never reads of a TaskEnd (EventCollector.onTaskEnd reads the end reason, the stage ids, the task
// type and a few Task Info fields). On real logs the metrics and the accumulator updates are most of each TaskEnd
// line, so they are cut from the text before JSON.parse rather than parsed and dropped.
const TASK_END_PREFIX = '{"Event":"SparkListenerTaskEnd",';

export const TASK_END_UNREAD: CutRule = {
  drop: new Set(['Task Metrics', 'Task Executor Metrics']),
  inside: new Map([['Task Info', { drop: new Set(['Accumulables']) }]]),
};

// Cutting costs about what parsing the cut text would, plus a copy of the rest: it pays off when the TaskEnd carries
// accumulator updates (real logs: most of the line), not for metrics alone (small objects of numbers, which JSON.parse
// reads about as fast as they can be skipped; measured on the eventlog bench's generated log).
const ACCUMULATOR_UPDATES = '"Accumulables":[{';

/** The line to parse: a compact TaskEnd with accumulator updates without the parts the replay never reads, else the line. */
export function withoutUnreadParts(line: string): string {
  if (!line.startsWith(TASK_END_PREFIX) || !line.includes(ACCUMULATOR_UPDATES)) return line;
  return cutMembers(line, TASK_END_UNREAD) ?? line;
}
