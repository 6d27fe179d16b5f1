// The one declaration of which fields the replay reads from its most frequent events, TaskStart and TaskEnd (one of
// each per task attempt: on large logs they are nearly every byte the replay does not skip). The field extractor
// (extract-fields.ts) reads exactly these from a line without parsing the rest of it, and EventCollector (collect.ts)
// reads nothing else of these events: a unit test records every field collect.ts reads and fails when one is
// missing here.

/** Object members by key: `true` for a value read as it is, a nested tree for an object read member by member. */
export interface FieldTree {
  readonly [key: string]: true | FieldTree;
}

export const TASK_START_FIELDS: FieldTree = {
  'Task Info': { 'Launch Time': true },
};

export const TASK_END_FIELDS: FieldTree = {
  'Stage ID': true,
  'Stage Attempt ID': true,
  'Task Type': true,
  'Task End Reason': { Reason: true },
  'Task Info': {
    Index: true,
    'Launch Time': true,
    'Executor ID': true,
    Speculative: true,
    'Finish Time': true,
    Failed: true,
    Killed: true,
  },
};

/** The events read through the extractor, by the name their "Event" field gives. */
export const EXTRACTED_EVENTS: ReadonlyMap<string, FieldTree> = new Map([
  ['SparkListenerTaskStart', TASK_START_FIELDS],
  ['SparkListenerTaskEnd', TASK_END_FIELDS],
]);
