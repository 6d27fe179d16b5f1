// What reading a Spark event log gives: the workload to replay, the logged configuration, what the real cluster did,
// and counts. Times in `observed` are seconds from SparkListenerApplicationStart unless the field says epoch.
import type { Workload } from '../workload/types';
import type { LimitBreach } from './limits';
import type { TaskHistory } from '../simulator/task-history';

/** One executor as the log saw it. */
export interface ObservedExecutor {
  id: string;
  /** Seconds from application start (SparkListenerExecutorAdded's Timestamp). */
  addedAt: number;
  /** Seconds from application start; absent when the executor was still alive when the log ended. */
  removedAt?: number;
  cores: number;
  /** The logged removal reason, e.g. "Executor killed by driver.". */
  reason?: string;
  /** Task attempts that ended on this executor. */
  tasks: number;
  /** When the last task attempt on this executor ended (seconds from application start). */
  lastTaskEndAt?: number;
  /** When the executor was requested from the cluster manager (ExecutorInfo "Request Time", Spark 3.4+). */
  requestedAt?: number;
  /** The resource profile it was started for (ExecutorInfo "Resource Profile Id"). */
  profileId?: number;
}

/** A job as the log saw it (seconds from application start); only jobs with both a start and an end. */
export interface ObservedJob {
  id: number;
  submittedAt: number;
  endedAt: number;
  /**
   * The job did not succeed in the log: its JobEnd gives another result than JobSucceeded (failed, cancelled, stopped
   * with the application), or it has none (still running when the log ends; `endedAt` is then the log's end).
   */
  failed?: true;
}

/** A span during which tasks were submitted but waiting for a slot (what starts Spark's backlog timer). */
export interface ObservedBacklog {
  from: number;
  to: number;
  /** Most tasks waiting at once during the span. */
  peakPending: number;
}

/** A step of the observed executor count: from `t` on, `running` executors were alive. */
export interface ObservedStep {
  t: number;
  running: number;
}

/** Executors that registered, before any left, beyond the most tasks the log had pending or running (start-burst.ts). */
export interface StartBurst {
  /** How many had registered by then. */
  executors: number;
  /** When the last of them registered (seconds from application start). */
  at: number;
  /** The most tasks pending or running up to then. */
  mostTasks: number;
}

export interface ObservedRun {
  executors: ObservedExecutor[];
  /** Step points, in time order, starting at t = 0 and ending at the end of the application (or of the log). */
  timeline: ObservedStep[];
  /** Epoch milliseconds of SparkListenerApplicationStart (the earliest timestamp seen if that event is missing). */
  appStart: number;
  /** Epoch milliseconds of SparkListenerApplicationEnd; absent when the log has none (still running or truncated). */
  appEnd?: number;
  /** Seconds from application start to its end (or to the last timestamp in the log). */
  runtimeSec: number;
  peakExecutors: number;
  /** Sum of executor lifetimes; executors never removed count until the application end (or last timestamp). */
  executorSeconds: number;
  /** Jobs with a logged start, by submission time. */
  jobs: ObservedJob[];
  /** Spans with tasks waiting for a slot, in time order (100 ms resolution). */
  backlogs: ObservedBacklog[];
  /** Per submitted stage with a launched task, in submission order: stage submission → its first task launch (s). */
  launchDelays: number[];
  /** Absent when no more executors registered than the application had tasks for. */
  startBurst?: StartBurst;
}

export interface EventLogStats {
  /** Events (lines) read. */
  events: number;
  /** SparkListenerTaskEnd events (task attempts that ended, any outcome). */
  tasks: number;
  /** Task attempts that ended with reason Success. */
  successfulTasks: number;
  /** Count of task ends per `Task End Reason.Reason` (Success, Resubmitted, FetchFailed, TaskKilled, …). */
  taskEndReasons: Record<string, number>;
  /** Speculative task attempts that ended. */
  speculativeTasks: number;
  /** SparkListenerStageSubmitted events (stage attempts). */
  stages: number;
  /** Stages listed by a job but never submitted (Spark skipped them: their output already existed). */
  skippedStages: number;
  /** Jobs in the resulting workload. */
  jobs: number;
  jobStarts: number;
  jobEnds: number;
  /** SparkListenerJobEnd events whose SparkListenerJobStart is missing from the log. */
  jobEndsWithoutStart: number;
  executorsAdded: number;
  executorsRemoved: number;
  /** Run time of successful task attempts (s). */
  successfulTaskSeconds: number;
  /** Run time of speculative task attempts, whatever their outcome (s). */
  speculativeTaskSeconds: number;
  /** Task attempts that failed or were killed (not counting "Resubmitted" ends), and their run time (s). */
  failedTaskAttempts: number;
  failedTaskSeconds: number;
  /** Slot-seconds tasks spent waiting while executors had free slots (locality wait and other launch delays). */
  waitingWithFreeSlotSeconds: number;
}

/** How much of the log's work ran under one resource profile. */
export interface ProfileUsage {
  id: number;
  /** Executor cores and CPUs per task the profile asked for, when the log says. */
  executorCores?: number;
  taskCpus?: number;
  /** Other resources it asked for (e.g. gpu), which the simulation does not size slots by. */
  customResources?: string[];
  stages: number;
  /** Successful task attempts and their run time (s). */
  tasks: number;
  taskSeconds: number;
}

export interface EventLogReplay {
  workload: Workload;
  /** From SparkListenerLogStart; "unknown" when absent. */
  sparkVersion: string;
  appId?: string;
  appName?: string;
  /** Spark Properties of SparkListenerEnvironmentUpdate. */
  conf: Record<string, string>;
  observed: ObservedRun;
  stats: EventLogStats;
  /** Resource profiles that stages ran under, by id (profile 0 is Spark's default). */
  profiles: ProfileUsage[];
  /** Things the reader tolerated or guessed (a truncated last line, tasks with no successful attempt, …). */
  warnings: string[];
  /** Per task of the workload: failed attempts, speculative races and slot waits the log shows. */
  taskHistory: TaskHistory;
}

/** A failure names the limit when the log went over one (rather than being damaged or unreadable). */
export type EventLogResult = ({ ok: true } & EventLogReplay) | { ok: false; error: string; limit?: LimitBreach };
