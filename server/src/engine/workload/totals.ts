// Counting a workload's jobs, stages and tasks (the simulation result shows these), and its total task time.
import { expandWorkload } from './expand';
import type { Workload } from './types';

export interface WorkloadTotals {
  jobs: number;
  stages: number;
  tasks: number;
  /** Sum of every task's duration after drawing (seconds): the work at one task per slot. */
  taskSeconds: number;
}

export function workloadTotals(workload: Workload): WorkloadTotals {
  let stages = 0;
  let tasks = 0;
  let taskSeconds = 0;
  for (const job of expandWorkload(workload).jobs) {
    for (const stage of job.stages) {
      stages++;
      tasks += stage.tasks;
      for (const s of stage.taskSeconds) taskSeconds += s;
    }
  }
  return { jobs: workload.jobs.length, stages, tasks, taskSeconds: Math.round(taskSeconds * 1000) / 1000 };
}
