// What each line of the chart means, in Spark's words, shown when hovering its legend entry.
import type { ChartTheme } from './theme';

export const SERIES_HELP: Readonly<Record<keyof ChartTheme['series'], string>> = {
  running: 'Executors registered with the driver and not yet removed.',
  target:
    "The executor count Spark's allocation manager aims for: it grows while tasks wait longer than " +
    'schedulerBacklogTimeout (doubling each sustainedSchedulerBacklogTimeout), shrinks to what the pending and ' +
    'running tasks need, and stays between minExecutors and maxExecutors. Pods are requested to reach it.',
  pendingPods:
    'Executor pods asked of Kubernetes that are not running yet: waiting to be scheduled, for a node, for an image ' +
    'pull or for the container to start. Spark asks for at most allocation.batch.size more per batch.',
  livePvcs: 'PersistentVolumeClaims that exist for executor volumes (bound or waiting), whoever owns them.',
  busySlots: 'Task slots running a task (executor cores ÷ spark.task.cpus per executor).',
  pendingTasks: 'Tasks of submitted stages waiting for a free slot: the backlog that makes the target grow.',
  static: 'The executor count of the static baseline, for comparison.',
  observed: 'Executors the event log shows alive at each moment of the real run.',
};
