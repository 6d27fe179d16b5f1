// Accumulates the facts the replayer needs from a stream of Spark listener events. Unknown events are counted and
// otherwise ignored; missing fields are tolerated (the record just lacks them).
import { arr, bool, idString, intList, isObject, num, obj, str } from './json';
import type { JsonObject } from './json';
import { LaunchWaits } from './launch-waits';
import type { OtherRun, TaskRun } from './task-run';

export type { OtherRun, TaskRun } from './task-run';

export interface StageRecord {
  id: number;
  name?: string;
  /** Largest "Number of Tasks" over the submitted attempts (a retry attempt lists only the partitions it reruns). */
  numTasks: number;
  parents: number[];
  attempts: number;
  /** First submission (epoch ms). */
  submittedMs?: number;
  /** Last completion (epoch ms). */
  completedMs?: number;
  /** The stage is the first to compute an RDD with a storage level (memory, disk or off-heap). */
  cachesRdd: boolean;
  /** A task of this stage was a ShuffleMapTask. */
  shuffleMapTasks: boolean;
  /** Successful task attempts. */
  successes: TaskRun[];
  /** Durations (s) of attempts that ended any other way. */
  otherEnds: number[];
  /** The same attempts with their index, reason and speculative flag (what task-history.ts reads). */
  otherRuns: OtherRun[];
  /** Submission time of each stage attempt (epoch ms), by attempt number. */
  attemptSubmittedMs: Map<number, number>;
  /** When the last failed attempt of each task ended (epoch ms), by "stage attempt:index"; absent until one fails. */
  failedEnds?: Map<string, number>;
  /** "Resource Profile Id" of the stage (Spark 3.1+); absent in older logs (the default profile, 0). */
  profileId?: number;
  /** Earliest launch of any of its task attempts (epoch ms). */
  firstLaunchMs?: number;
  /** When the executor that ran that earliest attempt registered (epoch ms), if the log added it. */
  firstLaunchExecutorAddedMs?: number;
  /** An attempt of the stage completed without a failure reason. */
  completedOk?: boolean;
  /** The failure reason of its last failed attempt (cancelled, aborted, fetch failure). */
  failureReason?: string;
}

/** What a SparkListenerResourceProfileAdded event asked for. */
export interface ProfileRecord {
  id: number;
  executorCores?: number;
  /** Executor heap and memory overhead the profile asked for (MiB). */
  executorMemoryMiB?: number;
  memoryOverheadMiB?: number;
  taskCpus?: number;
  /** Other resources it asked for, per executor or per task (e.g. gpu): the simulation sizes slots by CPUs only. */
  customResources?: string[];
}

export interface JobRecord {
  id: number;
  /** Epoch ms from SparkListenerJobStart; absent for a job known only from its JobEnd. */
  submitMs?: number;
  endMs?: number;
  /** Stage ids listed in the job's "Stage Infos", in logged order. */
  listedStages: number[];
  result?: string;
  hasStart: boolean;
}

export interface ExecutorRecord {
  id: string;
  addedMs: number;
  removedMs?: number;
  cores: number;
  reason?: string;
  tasks: number;
  /** When the first task attempt on this executor launched (epoch ms). */
  firstLaunchMs?: number;
  lastTaskEndMs?: number;
  /** ExecutorInfo's "Request Time" (Spark 3.4+ writes it when the cluster manager reports it). */
  requestMs?: number;
  /** ExecutorInfo's "Registration Time" (Spark 3.4+). */
  registrationMs?: number;
  /** ExecutorInfo's "Resource Profile Id" (Spark 3.1+). */
  profileId?: number;
}

/** Pending-task changes are kept per 100 ms bucket, so memory grows with the run's length, not its task count. */
export const PENDING_BUCKET_MS = 100;

/** Executor requests every profile may carry that the simulation models (memory only through cost). */
const EXECUTOR_MEMORY_AND_CORES = new Set(['cores', 'memory', 'memoryOverhead', 'offHeap', 'pyspark.memory']);

export class EventCollector {
  sparkVersion?: string;
  appId?: string;
  appName?: string;
  appStartMs?: number;
  appEndMs?: number;
  conf: Record<string, string> = {};
  minMs = Infinity;
  maxMs = -Infinity;

  readonly stages = new Map<number, StageRecord>();
  /** Stage ids in first-submission order. */
  readonly stageOrder: number[] = [];
  readonly jobs = new Map<number, JobRecord>();
  /** Job ids in the order their first event (start, or end for an end-only job) appeared. */
  readonly jobOrder: number[] = [];
  readonly executors: ExecutorRecord[] = [];
  private readonly liveExecutors = new Map<string, ExecutorRecord>();
  private readonly persistedRdds = new Set<number>();

  readonly warnings: string[] = [];
  stageSubmissions = 0;
  taskEnds = 0;
  successfulTasks = 0;
  speculativeTasks = 0;
  readonly taskEndReasons: Record<string, number> = {};
  readonly profiles = new Map<number, ProfileRecord>();
  /** Run time (s) of successful, speculative, and failed or killed task attempts. */
  successSeconds = 0;
  speculativeSeconds = 0;
  failedAttempts = 0;
  failedSeconds = 0;
  jobStarts = 0;
  jobEnds = 0;
  jobEndsWithoutStart = 0;
  executorsAdded = 0;
  executorsRemoved = 0;
  private tasksOfUnknownStages = 0;
  /** Every attempt by executor, to measure how long each waited while a slot was free (launch-waits.ts). */
  readonly slotWaits = new LaunchWaits();
  /**
   * Change of the number of tasks waiting for a slot, per PENDING_BUCKET_MS bucket of epoch time: + the task count of
   * each submitted stage attempt, − 1 for each non-speculative task attempt launched.
   */
  readonly pendingDelta = new Map<number, number>();

  /** Change of busy task slots (task attempts running), per bucket like pendingDelta. */
  readonly busyDelta = new Map<number, number>();

  private addPending(ms: number, delta: number): void {
    addTo(this.pendingDelta, ms, delta);
  }

  private seen(ms: number | undefined): number | undefined {
    if (ms === undefined || ms <= 0) return undefined;
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
    return ms;
  }

  handle(e: JsonObject, name: string): void {
    switch (name) {
      case 'SparkListenerLogStart':
        this.sparkVersion = str(e, 'Spark Version') ?? this.sparkVersion;
        return;
      case 'SparkListenerEnvironmentUpdate':
        this.onEnvironment(e);
        return;
      case 'SparkListenerApplicationStart':
        this.appStartMs = this.seen(num(e, 'Timestamp')) ?? this.appStartMs;
        this.appId = str(e, 'App ID') ?? this.appId;
        this.appName = str(e, 'App Name') ?? this.appName;
        return;
      case 'SparkListenerApplicationEnd':
        this.appEndMs = this.seen(num(e, 'Timestamp')) ?? this.appEndMs;
        return;
      case 'SparkListenerJobStart':
        this.onJobStart(e);
        return;
      case 'SparkListenerJobEnd':
        this.onJobEnd(e);
        return;
      case 'SparkListenerStageSubmitted':
        this.onStageSubmitted(e);
        return;
      case 'SparkListenerStageCompleted':
        this.onStageCompleted(e);
        return;
      case 'SparkListenerTaskStart':
        this.seen(num(obj(e, 'Task Info') ?? {}, 'Launch Time'));
        return;
      case 'SparkListenerTaskEnd':
        this.onTaskEnd(e);
        return;
      case 'SparkListenerExecutorAdded':
        this.onExecutorAdded(e);
        return;
      case 'SparkListenerExecutorRemoved':
        this.onExecutorRemoved(e);
        return;
      case 'SparkListenerResourceProfileAdded':
        this.onProfileAdded(e);
        return;
      default:
        return;
    }
  }

  private onEnvironment(e: JsonObject): void {
    const props = e['Spark Properties'];
    if (isObject(props)) {
      for (const [k, v] of Object.entries(props)) if (typeof v === 'string') this.conf[k] = v;
    } else if (Array.isArray(props)) {
      // Older writers used a list of [key, value] pairs.
      for (const pair of props) {
        if (Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string')
          this.conf[pair[0]] = pair[1];
      }
    }
  }

  private job(id: number): JobRecord {
    let job = this.jobs.get(id);
    if (!job) {
      job = { id, listedStages: [], hasStart: false };
      this.jobs.set(id, job);
      this.jobOrder.push(id);
    }
    return job;
  }

  private onJobStart(e: JsonObject): void {
    const id = num(e, 'Job ID');
    if (id === undefined) return;
    this.jobStarts++;
    const job = this.job(id);
    job.hasStart = true;
    job.submitMs = this.seen(num(e, 'Submission Time'));
    for (const info of arr(e, 'Stage Infos')) {
      if (!isObject(info)) continue;
      const sid = num(info, 'Stage ID');
      if (sid !== undefined && !job.listedStages.includes(sid)) job.listedStages.push(sid);
    }
    if (job.listedStages.length === 0) {
      for (const sid of intList(e, 'Stage IDs')) if (!job.listedStages.includes(sid)) job.listedStages.push(sid);
    }
  }

  private onJobEnd(e: JsonObject): void {
    const id = num(e, 'Job ID');
    if (id === undefined) return;
    this.jobEnds++;
    const known = this.jobs.get(id);
    if (!known || !known.hasStart) this.jobEndsWithoutStart++;
    const job = this.job(id);
    job.endMs = this.seen(num(e, 'Completion Time'));
    job.result = str(obj(e, 'Job Result') ?? {}, 'Result');
  }

  private onStageSubmitted(e: JsonObject): void {
    const info = obj(e, 'Stage Info');
    const id = info ? num(info, 'Stage ID') : undefined;
    if (!info || id === undefined) return;
    this.stageSubmissions++;
    let stage = this.stages.get(id);
    if (!stage) {
      stage = {
        id,
        numTasks: 0,
        parents: intList(info, 'Parent IDs'),
        attempts: 0,
        cachesRdd: false,
        shuffleMapTasks: false,
        successes: [],
        otherEnds: [],
        otherRuns: [],
        attemptSubmittedMs: new Map(),
      };
      const name = str(info, 'Stage Name');
      if (name !== undefined) stage.name = name;
      const profile = num(info, 'Resource Profile Id');
      if (profile !== undefined) stage.profileId = profile;
      this.stages.set(id, stage);
      this.stageOrder.push(id);
    }
    stage.attempts++;
    stage.numTasks = Math.max(stage.numTasks, num(info, 'Number of Tasks') ?? 0);
    const submitted = this.seen(num(info, 'Submission Time'));
    if (submitted !== undefined && (stage.submittedMs === undefined || submitted < stage.submittedMs)) {
      stage.submittedMs = submitted;
    }
    const attemptId = num(info, 'Stage Attempt ID') ?? 0;
    if (submitted !== undefined && !stage.attemptSubmittedMs.has(attemptId))
      stage.attemptSubmittedMs.set(attemptId, submitted);
    const attemptTasks = num(info, 'Number of Tasks') ?? 0;
    if (submitted !== undefined && attemptTasks > 0) this.addPending(submitted, attemptTasks);
    for (const rdd of arr(info, 'RDD Info')) {
      if (!isObject(rdd)) continue;
      const rddId = num(rdd, 'RDD ID');
      const level = obj(rdd, 'Storage Level');
      if (rddId === undefined || !level) continue;
      const persisted = bool(level, 'Use Memory') || bool(level, 'Use Disk') || bool(level, 'Use Off Heap');
      if (persisted && !this.persistedRdds.has(rddId)) {
        this.persistedRdds.add(rddId);
        stage.cachesRdd = true;
      }
    }
  }

  private onStageCompleted(e: JsonObject): void {
    const info = obj(e, 'Stage Info');
    const id = info ? num(info, 'Stage ID') : undefined;
    if (!info || id === undefined) return;
    const stage = this.stages.get(id);
    const done = this.seen(num(info, 'Completion Time'));
    if (stage && done !== undefined) stage.completedMs = Math.max(stage.completedMs ?? 0, done);
    const failure = str(info, 'Failure Reason');
    if (stage && failure !== undefined) stage.failureReason = failure;
    else if (stage && done !== undefined) stage.completedOk = true;
  }

  private onTaskEnd(e: JsonObject): void {
    this.taskEnds++;
    const reason = str(obj(e, 'Task End Reason') ?? {}, 'Reason') ?? 'Unknown';
    this.taskEndReasons[reason] = (this.taskEndReasons[reason] ?? 0) + 1;
    const info = obj(e, 'Task Info') ?? {};
    const launch = this.seen(num(info, 'Launch Time'));
    const finish = this.seen(num(info, 'Finish Time'));
    if (launch !== undefined && finish !== undefined && reason !== 'Resubmitted') {
      addTo(this.busyDelta, launch, 1);
      addTo(this.busyDelta, Math.max(launch, finish), -1);
    }
    if (bool(info, 'Speculative')) this.speculativeTasks++;
    else if (launch !== undefined && reason !== 'Resubmitted') this.addPending(launch, -1);
    const success = reason === 'Success' && !bool(info, 'Failed') && !bool(info, 'Killed');
    if (success) this.successfulTasks++;
    const executorId = idString(info, 'Executor ID');
    const executor = executorId === undefined ? undefined : this.liveExecutors.get(executorId);
    if (executor) {
      executor.tasks++;
      if (launch !== undefined) executor.firstLaunchMs = Math.min(executor.firstLaunchMs ?? launch, launch);
      if (finish !== undefined) executor.lastTaskEndMs = Math.max(executor.lastTaskEndMs ?? 0, finish);
    }
    const stageId = num(e, 'Stage ID');
    const stage = stageId === undefined ? undefined : this.stages.get(stageId);
    if (!stage) {
      this.tasksOfUnknownStages++;
      return;
    }
    if (str(e, 'Task Type') === 'ShuffleMapTask') stage.shuffleMapTasks = true;
    if (launch !== undefined && (stage.firstLaunchMs === undefined || launch < stage.firstLaunchMs)) {
      stage.firstLaunchMs = launch;
      stage.firstLaunchExecutorAddedMs = executor?.addedMs;
    }
    // "Resubmitted" ends repeat an earlier successful attempt; they carry no new run time.
    if (launch === undefined || finish === undefined || reason === 'Resubmitted') return;
    const seconds = Math.max(0, finish - launch) / 1000;
    const speculative = bool(info, 'Speculative');
    if (speculative) this.speculativeSeconds += seconds;
    const run: TaskRun = { launchMs: launch, seconds };
    const index = num(info, 'Index');
    if (index !== undefined) run.index = index;
    run.stageAttempt = num(e, 'Stage Attempt ID') ?? 0;
    if (speculative) run.speculative = true;
    // A retried task is pending again from its failed attempt's end, not from the stage's submission.
    const key = `${run.stageAttempt}:${index ?? -1}`;
    const failedEnd = stage.failedEnds?.get(key);
    const submittedAt = stage.attemptSubmittedMs.get(run.stageAttempt) ?? stage.submittedMs ?? launch;
    const pendingSince =
      failedEnd !== undefined && failedEnd <= launch ? Math.max(submittedAt, failedEnd) : submittedAt;
    if (!success && !speculative) (stage.failedEnds ??= new Map()).set(key, finish);
    if (executorId !== undefined) this.slotWaits.attempt(executorId, run, pendingSince);
    if (success) {
      stage.successes.push(run);
      this.successSeconds += seconds;
    } else {
      stage.otherEnds.push(seconds);
      (run as OtherRun).reason = reason;
      stage.otherRuns.push(run as OtherRun);
      this.failedAttempts++;
      this.failedSeconds += seconds;
    }
  }

  private onExecutorAdded(e: JsonObject): void {
    const id = idString(e, 'Executor ID');
    // Not yet counted in the log's time span: a registration after tasks already ran on the executor is corrected
    // (settleExecutorTimes) before it can stretch the span.
    const at = positive(num(e, 'Timestamp'));
    if (id === undefined || at === undefined) return;
    this.executorsAdded++;
    if (this.liveExecutors.has(id))
      this.warnings.push(`executor ${id} was added twice; the second addition starts a new lifetime`);
    const info = obj(e, 'Executor Info') ?? {};
    const record: ExecutorRecord = { id, addedMs: at, cores: num(info, 'Total Cores') ?? 0, tasks: 0 };
    const requested = num(info, 'Request Time');
    const registered = num(info, 'Registration Time');
    const profile = num(info, 'Resource Profile Id');
    if (requested !== undefined && requested > 0) record.requestMs = requested;
    if (registered !== undefined && registered > 0) record.registrationMs = registered;
    if (profile !== undefined) record.profileId = profile;
    this.executors.push(record);
    this.liveExecutors.set(id, record);
    this.slotWaits.executorAdded(id, at, record.cores);
  }

  private onExecutorRemoved(e: JsonObject): void {
    const id = idString(e, 'Executor ID');
    const at = this.seen(num(e, 'Timestamp'));
    if (id === undefined || at === undefined) return;
    this.executorsRemoved++;
    const record = this.liveExecutors.get(id);
    if (!record || record.removedMs !== undefined) {
      this.warnings.push(`executor ${id} was removed ${record ? 'twice' : 'but never added'}; ignored`);
      return;
    }
    record.removedMs = at;
    const reason = str(e, 'Removed Reason');
    if (reason !== undefined) record.reason = reason;
  }

  private onProfileAdded(e: JsonObject): void {
    const id = num(e, 'Resource Profile Id');
    if (id === undefined) return;
    const record: ProfileRecord = { id };
    // Each request is {"Resource Name", "Amount", …} under its resource name (cores, memory, memoryOverhead, cpus).
    const executorAsks = obj(e, 'Executor Resource Requests') ?? {};
    const amount = (asks: JsonObject, name: string): number | undefined => num(obj(asks, name) ?? {}, 'Amount');
    const cores = amount(executorAsks, 'cores');
    const memory = amount(executorAsks, 'memory');
    const overhead = amount(executorAsks, 'memoryOverhead');
    const cpus = amount(obj(e, 'Task Resource Requests') ?? {}, 'cpus');
    if (cores !== undefined) record.executorCores = cores;
    if (memory !== undefined) record.executorMemoryMiB = memory;
    if (overhead !== undefined) record.memoryOverheadMiB = overhead;
    if (cpus !== undefined) record.taskCpus = cpus;
    const custom = new Set<string>();
    for (const name of Object.keys(executorAsks)) if (!EXECUTOR_MEMORY_AND_CORES.has(name)) custom.add(name);
    for (const name of Object.keys(obj(e, 'Task Resource Requests') ?? {})) if (name !== 'cpus') custom.add(name);
    if (custom.size > 0) record.customResources = [...custom].sort();
    this.profiles.set(id, record);
  }

  /**
   * An executor runs tasks only once registered: one whose first task launched more than a second before its logged
   * registration has timestamps that disagree (an edited or merged log), and counts from that first launch. Every
   * registration then joins the log's time span.
   */
  private settleExecutorTimes(): void {
    for (const r of this.executors) {
      if (r.firstLaunchMs !== undefined && r.firstLaunchMs < r.addedMs - 1000) {
        this.warnings.push(
          `executor ${r.id}: registered ${Math.round((r.addedMs - r.firstLaunchMs) / 1000)} s after its first task ` +
            'launched, which cannot be; its timestamps disagree, so it counts from that first launch',
        );
        r.addedMs = r.firstLaunchMs;
      }
      this.seen(r.addedMs);
    }
  }

  /** Settles what needs the whole log (executor registration times, summary warnings); call once, at the end. */
  finish(): void {
    this.settleExecutorTimes();
    if (this.tasksOfUnknownStages > 0) {
      this.warnings.push(`${this.tasksOfUnknownStages} task ends belong to stages that were never submitted; ignored`);
    }
  }
}

/** A timestamp Spark could have written (epoch ms after 1970), else undefined. */
function positive(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 ? ms : undefined;
}

function addTo(map: Map<number, number>, ms: number, delta: number): void {
  const bucket = Math.floor(ms / PENDING_BUCKET_MS);
  map.set(bucket, (map.get(bucket) ?? 0) + delta);
}
