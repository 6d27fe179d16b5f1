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

/** Events frequent in real logs that the replay ignores, known by name so that their lines are skipped sooner. */
const FREQUENT_IGNORED = [
  'SparkListenerBlockUpdated',
  'SparkListenerExecutorMetricsUpdate',
  'SparkListenerStageExecutorMetrics',
  'SparkListenerTaskGettingResult',
  'SparkListenerUnpersistRDD',
  'SparkListenerBlockManagerAdded',
  'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart',
  'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd',
  'org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates',
  'org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate',
  'org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveSQLMetricUpdates',
];

/** What the reader does with a line, by its event's name; `reading` is what it reads such a line with, if anything. */
export interface EventRoute<T> {
  readonly name: string;
  readonly ignored: boolean;
  readonly reading: T | undefined;
}

/**
 * The route of each line by the name in its leading "Event" field. The names of the events the replay reads and of
 * frequent ignored ones are compared in place, so that no copy of the name is made per line; others are looked up.
 */
export class EventRoutes<T> {
  private readonly byLength = new Map<number, EventRoute<T>[]>();

  constructor(readings: ReadonlyMap<string, T>) {
    for (const name of new Set([...RELEVANT_EVENTS, ...FREQUENT_IGNORED, ...readings.keys()])) {
      const route: EventRoute<T> = { name, ignored: ignoredEvent(name), reading: readings.get(name) };
      const same = this.byLength.get(name.length);
      if (same) same.push(route);
      else this.byLength.set(name.length, [route]);
    }
  }

  /** The route of the line whose leading "Event" field closes at `end` (see leadingEventEnd). */
  route(line: string, end: number): EventRoute<T> {
    const known = this.byLength.get(end - PREFIX.length);
    if (known) for (const route of known) if (line.startsWith(route.name, PREFIX.length)) return route;
    const name = leadingEventName(line, end);
    return { name, ignored: ignoredEvent(name), reading: undefined };
  }
}

/** True when the replay ignores events of this name (the full class name or its last part). */
export function ignoredEvent(name: string): boolean {
  return !RELEVANT_EVENTS.has(name.slice(name.lastIndexOf('.') + 1));
}
