// The task scheduler's listener as the cluster driver wires it: each job, stage and task event goes to the run's
// records, the executor time ledger and the attempt counts, and (DRA runs) to the allocation manager and executor
// monitor, marking the manager's next tick as one that may matter.
import type { AllocationManager } from '../allocation-manager';
import type { WorkMeter } from '../budget';
import type { Clock } from '../clock';
import type { ExecutorMonitor } from '../executor-monitor';
import type { SchedulerListener } from '../scheduler/scheduler-contract';
import type { TaskScheduler } from '../scheduler/task-scheduler';
import type { ExecutorTimeLedger } from '../time-ledger';
import type { ExecutorRoster } from './executor-roster';
import type { ManagerTicks } from './manager-ticks';
import type { RunRecords } from './run-records';

/** Task attempts counted while the run goes: re-runs after losses, failures, speculative copies launched and won. */
export interface AttemptCounts {
  tasksRerun: number;
  failed: number;
  copies: number;
  copiesWon: number;
}

export interface ListenerWiring {
  /** The scheduler the listener hears from (it is built with the listener, so it is read when events come). */
  scheduler: () => TaskScheduler;
  clock: Clock;
  records: RunRecords;
  ledger: ExecutorTimeLedger;
  counts: AttemptCounts;
  roster: ExecutorRoster;
  ticks: ManagerTicks;
  meter: WorkMeter;
  manager: AllocationManager | undefined;
  monitor: ExecutorMonitor | undefined;
}

export function schedulerListener(w: ListenerWiring): SchedulerListener {
  const { scheduler: sch, clock, records, ledger, counts } = w;
  if (!w.manager || !w.monitor) {
    return {
      jobStart: (jobId) => records.jobStarted(jobId, clock.now()),
      jobEnd: (jobId) => records.jobEnded(jobId, clock.now()),
      stageSubmitted: (s) => records.stageStarted(sch().stageIds[s], clock.now()),
      stageCompleted: (s) => records.stageEnded(sch().stageIds[s], clock.now()),
      taskStart: (_s, _index, exec) => ledger.taskStarted(exec, clock.now()),
      taskEnd: (_s, _index, exec) => ledger.taskEnded(exec, clock.now()),
      taskLost: (_s, _index, exec) => {
        counts.tasksRerun++;
        ledger.taskEnded(exec, clock.now());
      },
      taskFailed: (_s, _index, exec) => {
        counts.failed++;
        ledger.taskEnded(exec, clock.now());
      },
      taskKilled: (_s, _index, exec) => ledger.taskEnded(exec, clock.now()),
    };
  }
  return dynamicAllocationListener(w, w.manager, w.monitor);
}

function dynamicAllocationListener(
  w: ListenerWiring,
  manager: AllocationManager,
  monitor: ExecutorMonitor,
): SchedulerListener {
  const { scheduler: sch, clock, records, ledger, counts, roster, ticks, meter } = w;
  // One stage reference per stage index, as the manager keys its stage maps by it.
  const refs: Array<{ stageId: number; attempt: number }> = [];
  const ref = (s: number): { stageId: number; attempt: number } => {
    let r = refs[s];
    if (r === undefined) {
      r = { stageId: sch().stageIds[s], attempt: sch().stageAttempt[s] };
      refs[s] = r;
    }
    return r;
  };
  // A lost or failed attempt: the task is pending again, as Spark's listener sees a failed task end.
  const attemptFailed = (s: number, index: number, exec: number): void => {
    manager.onTaskEnd(ref(s), index, 'failed');
    monitor.onTaskEnd(roster.name(exec), sch().stageIds[s], false);
    ledger.taskEnded(exec, clock.now());
  };
  return {
    jobStart: (jobId, shuffles) => {
      records.jobStarted(jobId, clock.now());
      ticks.dirty = true;
      meter.spend(roster.running); // the monitor visits every executor
      monitor.onJobStart(jobId, shuffles);
    },
    jobEnd: (jobId) => {
      records.jobEnded(jobId, clock.now());
      ticks.dirty = true;
      meter.spend(roster.running);
      monitor.onJobEnd(jobId);
    },
    stageSubmitted: (s) => {
      records.stageStarted(sch().stageIds[s], clock.now());
      ticks.dirty = true;
      manager.onStageSubmitted(ref(s), sch().stageTasks[s], sch().stageProfile[s]);
    },
    stageCompleted: (s) => {
      records.stageEnded(sch().stageIds[s], clock.now());
      ticks.dirty = true;
      manager.onStageCompleted(ref(s));
    },
    taskStart: (s, index, exec, speculative) => {
      ticks.dirty = true;
      if (speculative) counts.copies++;
      manager.onTaskStart(ref(s), index, speculative === true);
      monitor.onTaskStart(roster.name(exec));
      ledger.taskStarted(exec, clock.now());
    },
    taskEnd: (s, index, exec, speculative) => {
      ticks.dirty = true;
      const id = roster.name(exec);
      if (speculative) counts.copiesWon++;
      manager.onTaskEnd(ref(s), index, 'success', speculative === true);
      monitor.onTaskEnd(id, sch().stageIds[s], true);
      if (sch().stageCached[s]) monitor.onBlockUpdated(id, sch().stageIds[s], true);
      ledger.taskEnded(exec, clock.now());
    },
    taskLost: (s, index, exec) => {
      ticks.dirty = true;
      counts.tasksRerun++;
      attemptFailed(s, index, exec);
    },
    taskFailed: (s, index, exec) => {
      ticks.dirty = true;
      counts.failed++;
      attemptFailed(s, index, exec);
    },
    taskKilled: (s, index, exec, speculative) => {
      ticks.dirty = true;
      manager.onTaskEnd(ref(s), index, 'killed', speculative);
      monitor.onTaskEnd(roster.name(exec), sch().stageIds[s], false);
      ledger.taskEnded(exec, clock.now());
    },
    speculativeTaskSubmitted: (s, index) => {
      ticks.dirty = true;
      manager.onSpeculativeTaskSubmitted(ref(s), index);
    },
  };
}
