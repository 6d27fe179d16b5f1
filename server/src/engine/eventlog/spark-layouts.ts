// The order in which Spark's JsonProtocol writes the first members of a TaskStart and a TaskEnd (Spark 2.x–4.x:
// "Partition ID" since 3.3, "Task Executor Metrics" and the rest after these). extract-fields.ts turns a layout into
// one sticky regular expression that reads a whole line head in one match; a line laid out any other way is walked
// member by member instead, with the same result.

export type LayoutValue = 'int' | 'string' | 'bool' | Layout;

export interface LayoutMember {
  readonly key: string;
  readonly value: LayoutValue;
  /** Written by some Spark versions only (never a member the replay reads). */
  readonly optional?: boolean;
}

export type Layout = readonly LayoutMember[];

/** Task Info up to its accumulator updates. */
const TASK_INFO: Layout = [
  { key: 'Task ID', value: 'int' },
  { key: 'Index', value: 'int' },
  { key: 'Attempt', value: 'int' },
  { key: 'Partition ID', value: 'int', optional: true },
  { key: 'Launch Time', value: 'int' },
  { key: 'Executor ID', value: 'string' },
  { key: 'Host', value: 'string' },
  { key: 'Locality', value: 'string' },
  { key: 'Speculative', value: 'bool' },
  { key: 'Getting Result Time', value: 'int' },
  { key: 'Finish Time', value: 'int' },
  { key: 'Failed', value: 'bool' },
  { key: 'Killed', value: 'bool' },
];

export const SPARK_LAYOUTS: ReadonlyMap<string, Layout> = new Map([
  [
    'SparkListenerTaskStart',
    [
      { key: 'Stage ID', value: 'int' },
      { key: 'Stage Attempt ID', value: 'int' },
      { key: 'Task Info', value: TASK_INFO },
    ],
  ],
  [
    'SparkListenerTaskEnd',
    [
      { key: 'Stage ID', value: 'int' },
      { key: 'Stage Attempt ID', value: 'int' },
      { key: 'Task Type', value: 'string' },
      // A successful task's reason; other reasons carry more members, and their lines are walked.
      { key: 'Task End Reason', value: [{ key: 'Reason', value: 'string' }] },
      { key: 'Task Info', value: TASK_INFO },
    ],
  ],
]);
