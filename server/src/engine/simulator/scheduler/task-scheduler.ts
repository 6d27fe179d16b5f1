// A list scheduler standing in for Spark's DAGScheduler + TaskSchedulerImpl (FIFO mode): jobs start per their
// JobStart rule, a job's stages are submitted (in stage-id order) once their parents are done, and tasks go, in index
// order, to free executor slots (floor(cores / task.cpus) per executor). A freed slot takes the next task at once; a
// new executor or a newly submitted stage is offered round-robin over executors. Killed executors get no offers.
// With several resource profiles, a stage's tasks go only to executors of its profile (profile-slots.ts).
// With a ShuffleOutputs registry, map outputs lost with an executor are recomputed before a stage reading them is
// submitted (shuffle-outputs.ts); without one, nothing is lost when an executor goes.
// With a task history (a replayed log), a task first runs the attempts that failed in the log, and waits on its slot
// as long as the log shows it waited while a slot was free. With speculation on, slow tasks get a copy
// (speculation.ts); copies launch only when no regular task waits.
import type { ShuffleStage } from '../executor-monitor';
import type { ShuffleOutputs } from './shuffle-outputs';
import type { ExpandedStage, ExpandedWorkload } from '../../workload/types';
import type { StageTaskHistory, TaskHistory } from '../task-history';
import { SlotHeap } from './heap';
import { ProfileQueues, slotStride, type SlotsByProfile } from './profile-slots';
import type { Running, SpeculationTracker } from './speculation';
import type { StageQueue } from './stage-queue';

/** What the scheduler reports, in the order Spark's listener bus would. Stages are internal indices. */
export interface SchedulerListener {
  jobStart(jobId: number, shuffleStages: readonly ShuffleStage[]): void;
  jobEnd(jobId: number): void;
  stageSubmitted(stage: number): void;
  stageCompleted(stage: number): void;
  taskStart(stage: number, index: number, executorId: number, speculative?: boolean): void;
  taskEnd(stage: number, index: number, executorId: number, speculative?: boolean): void;
  /** A running task was lost with its executor; it is pending again and will re-run elsewhere. */
  taskLost?(stage: number, index: number, executorId: number): void;
  /** An attempt failed (a failure the replayed log shows); the task is pending again. */
  taskFailed?(stage: number, index: number, executorId: number): void;
  /** The losing side of a speculative race was killed (`speculative`: the copy lost, else the original). */
  taskKilled?(stage: number, index: number, executorId: number, speculative: boolean): void;
  /** The task was marked for a speculative copy. */
  speculativeTaskSubmitted?(stage: number, index: number): void;
}

/** What a replayed log adds to the scheduler: the task history, speculation (absent: off). */
export interface SchedulerExtras {
  history?: TaskHistory;
  speculation?: SpeculationTracker;
  /** Task slots per executor of each resource profile other than the default (stage-level scheduling). */
  otherProfileSlots?: SlotsByProfile;
}

/** How a running attempt ends. */
const SUCCEEDS = 0;
const FAILS = 1;
const KILLED = 2;

/** The scheduler asks its driver to call `startJob(job)` at time `at` (ms). */
export type JobTimer = (at: number, job: number) => void;

/**
 * The driver's delay between submitting a stage and launching its first task (measured in a replayed log; 0 launches
 * at once). With a delay, the scheduler asks its driver to call `releaseStage(stage)` at time `at` (ms).
 */
export interface LaunchDelay {
  ms: number;
  timer: (at: number, stage: number) => void;
}

const NONE = -1;

/** What the scheduler needs to know of a stage when it is added (see `addStage`). */
interface NewStage {
  id: number;
  job: number;
  durations: Int32Array;
  cached: boolean;
  attempt: number;
  shuffle: number;
  children: number[];
  /** Resource profile of its tasks (0 unless the scheduler knows the stage's profile). */
  profile: number;
  /** What the replayed log shows of the stage's tasks (absent for re-runs and workloads without a log). */
  history: StageTaskHistory | undefined;
}

export class TaskScheduler {
  // ---- stages (internal index s) ----
  readonly stageIds: number[] = [];
  readonly stageTasks: number[] = [];
  readonly stageCached: boolean[] = [];
  /** Stage attempt: 0, or 1, 2 … for the re-runs of lost map tasks. */
  readonly stageAttempt: number[] = [];
  /** Resource profile each stage's tasks run under. */
  readonly stageProfile: number[] = [];
  /** The shuffle each stage writes, or NONE. */
  private readonly stageShuffle: number[] = [];
  /** The shuffles each stage reads: its parents' and, for a job's source stages, the job's reused shuffles. */
  private readonly stageReads: number[][] = [];
  /** For a re-run stage: its task i is the original stage's task stageTaskIndex[s][i]. */
  private readonly stageTaskIndex = new Map<number, Int32Array>();
  /** Internal stage → how many times its lost tasks were run again. */
  private readonly reruns = new Map<number, number>();
  /** shuffle id → the internal stage that first wrote it. */
  private readonly shuffleProducer = new Map<number, number>();
  /** Map tasks run again because their output was lost, and their task time (ms). */
  recomputedTasks = 0;
  recomputedMs = 0;
  private readonly stageJob: number[] = [];
  private readonly stageDurations: Int32Array[] = [];
  private readonly stageParentsLeft: number[] = [];
  private readonly stageChildren: number[][] = [];
  private readonly nextLaunch: number[] = [];
  private readonly finished: number[] = [];
  /** Task indices of each stage to run again (their executor was lost), taken before the stage's next new index. */
  private readonly rerun: number[][] = [];
  private readonly stageHistory: Array<StageTaskHistory | undefined> = [];
  /** Per stage with failed attempts in its history: how many each task has run so far. */
  private readonly failedRun: Array<Map<number, number> | undefined> = [];
  /** Submitted stages with tasks not yet launched, one queue per profile; a head is the least (job, stage id). */
  private readonly active: ProfileQueues;

  // ---- jobs (index j in workload order) ----
  private readonly jobStages: number[][] = [];
  private readonly jobStagesLeft: number[] = [];
  private readonly jobScheduled: boolean[] = [];
  private readonly jobSubmitAt: number[] = [];
  private readonly jobEnded: boolean[] = [];
  private jobsEnded = 0;
  /** Jobs 0 … endedPrefix-1 have all ended (an afterPrevious job waits for that; a scan per job was O(jobs²)). */
  private endedPrefix = 0;
  /** Jobs whose start rule can be evaluated now but whose timer is not set yet (scanning every job was O(jobs²)). */
  private readonly readyJobs: number[] = [];

  // ---- executors (by numeric id) and slots ----
  /** Slots per executor; with several profiles, the stride of the slot arrays (the widest profile's slots). */
  private readonly slotsPerExecutor: number;
  /** Slots by profile, when stages run under more than one profile. */
  private readonly profileSlots: SlotsByProfile | undefined;
  private execProfile = new Int32Array(16);
  /** The one launch queue when every stage runs under the default profile (the hot paths then skip the lookup). */
  private readonly onlyQueue: StageQueue | undefined;
  /** Task time (ms) of the tasks that ended, by profile (only kept with several profiles). */
  readonly busyMsByProfile = new Map<number, number>();
  private alive = new Uint8Array(16);
  private killed = new Uint8Array(16);
  private freeTop = new Int32Array(16);
  private freeStack: Int32Array<ArrayBuffer>;
  private slotStage: Int32Array<ArrayBuffer>;
  private slotTask: Int32Array<ArrayBuffer>;
  /** 1 for a slot whose running task was lost with its executor: its pending end is dropped. */
  private slotLost: Uint8Array<ArrayBuffer>;
  /** How the slot's attempt ends (SUCCEEDS, FAILS, KILLED), whether it is a speculative copy, and its run time (ms). */
  private slotOutcome: Uint8Array<ArrayBuffer>;
  private slotCopy: Uint8Array<ArrayBuffer>;
  private slotRunMs: Float64Array<ArrayBuffer>;
  private readonly speculation: SpeculationTracker | undefined;
  private readonly waitCutMs: number;
  private readonly stageOrder = (a: number, b: number): number =>
    this.stageJob[a] - this.stageJob[b] || this.stageIds[a] - this.stageIds[b] || a - b;
  private readonly offerable = new Set<number>();
  private readonly ends = new SlotHeap(64);

  private pendingCount = 0;
  private busy = 0;
  private busyMsTotal = 0;
  readonly totalTasks: number;

  constructor(
    private readonly workload: ExpandedWorkload,
    slotsPerExecutor: number,
    private readonly listener: SchedulerListener,
    private readonly timer: JobTimer,
    private readonly launchDelay?: LaunchDelay,
    private readonly outputs?: ShuffleOutputs,
    extras: SchedulerExtras = {},
  ) {
    const bySlots = new Map(extras.otherProfileSlots ?? []);
    bySlots.set(0, slotsPerExecutor);
    this.profileSlots = bySlots.size > 1 ? bySlots : undefined;
    this.slotsPerExecutor = Math.max(0, this.profileSlots ? slotStride(bySlots) : slotsPerExecutor);
    const slots = 16 * Math.max(1, this.slotsPerExecutor);
    this.freeStack = new Int32Array(slots);
    this.slotStage = new Int32Array(slots);
    this.slotTask = new Int32Array(slots);
    this.slotLost = new Uint8Array(slots);
    this.slotOutcome = new Uint8Array(slots);
    this.slotCopy = new Uint8Array(slots);
    this.slotRunMs = new Float64Array(slots);
    this.speculation = extras.speculation;
    // The stage's launch delay already covers the first wave's wait; a logged wait counts beyond it.
    this.waitCutMs = launchDelay?.ms ?? 0;
    const history = extras.history?.stages;
    let total = 0;
    workload.jobs.forEach((job, j) => {
      const local = new Map<number, number>();
      const mine: number[] = [];
      for (const stage of job.stages) {
        const shuffleId = stage.shuffleMap ? (stage.shuffleId ?? stage.id) : NONE;
        const s = this.addStage({
          id: stage.id,
          job: j,
          durations: durationsMs(stage),
          cached: stage.cached,
          attempt: 0,
          shuffle: shuffleId,
          children: [],
          profile: stage.profile !== undefined && bySlots.has(stage.profile) ? stage.profile : 0,
          history: history?.[stage.id],
        });
        local.set(stage.id, s);
        mine.push(s);
        if (shuffleId !== NONE) {
          if (!this.shuffleProducer.has(shuffleId)) this.shuffleProducer.set(shuffleId, s);
          outputs?.register(shuffleId, stage.tasks);
        }
        total += stage.tasks;
      }
      for (const stage of job.stages) {
        const s = local.get(stage.id) as number;
        const reads: number[] = [];
        for (const p of new Set(stage.parents)) {
          const ps = local.get(p);
          if (ps === undefined) continue;
          this.stageParentsLeft[s]++;
          this.stageChildren[ps].push(s);
          if (this.stageShuffle[ps] !== NONE) reads.push(this.stageShuffle[ps]);
        }
        if (this.stageParentsLeft[s] === 0) reads.push(...job.reusesShuffles);
        this.stageReads[s] = reads;
      }
      this.jobStages.push(mine);
      this.jobStagesLeft.push(mine.length);
      this.jobScheduled.push(false);
      this.jobSubmitAt.push(NONE);
      this.jobEnded.push(false);
    });
    this.totalTasks = total;
    this.active = new ProfileQueues(this.stageJob, this.stageIds, this.stageProfile, bySlots.keys());
    this.onlyQueue = this.profileSlots ? undefined : this.active.main;
    // Every job's rule is known at the start except the ones waiting for the previous job's submission or end.
    workload.jobs.forEach((job, j) => {
      if (j === 0 || job.start.kind === 'at') this.readyJobs.push(j);
    });
  }

  // ---- state ----------------------------------------------------------------------------------------------------

  get done(): boolean {
    return this.jobsEnded === this.workload.jobs.length;
  }
  get runningTasks(): number {
    return this.busy;
  }
  get pendingTasks(): number {
    return this.pendingCount;
  }
  /** Sum of the durations of tasks that ended (ms). */
  get busyMs(): number {
    return this.busyMsTotal;
  }
  /** When the next task ends (ms), or Infinity. */
  nextTaskEnd(): number {
    return this.ends.peekTime();
  }

  // ---- jobs -----------------------------------------------------------------------------------------------------

  /** Schedules the jobs whose start time is known now (call once at t = 0). */
  start(now: number): void {
    this.scheduleJobs(now);
  }

  /** Sets the timer of every ready job, in job order (the order the timers are pushed decides ties). */
  private scheduleJobs(now: number): void {
    if (this.readyJobs.length === 0) return;
    const ready = this.readyJobs.splice(0).sort((a, b) => a - b);
    const jobs = this.workload.jobs;
    for (const j of ready) {
      if (this.jobScheduled[j]) continue;
      const start = jobs[j].start;
      let at: number;
      if (start.kind === 'at') at = toMs(start.seconds);
      else if (start.kind === 'withPrevious')
        at = j === 0 ? toMs(start.offsetSeconds) : this.jobSubmitAt[j - 1] + toMs(start.offsetSeconds);
      else at = (j === 0 ? 0 : now) + toMs(start.gapSeconds);
      this.jobScheduled[j] = true;
      this.timer(Math.max(at, now), j);
    }
  }

  /** Submits job `j`: announces it, then submits its stages that have no parents. */
  startJob(j: number, now: number): void {
    const job = this.workload.jobs[j];
    this.jobSubmitAt[j] = now;
    const next = j + 1;
    if (next < this.workload.jobs.length && this.workload.jobs[next].start.kind === 'withPrevious')
      this.readyJobs.push(next);
    const shuffles: ShuffleStage[] = [];
    for (const stage of job.stages) {
      if (stage.shuffleMap) shuffles.push({ stageId: stage.id, shuffleId: stage.shuffleId ?? stage.id });
    }
    // Reused shuffles belong to stages Spark skips; they get stage ids no real stage has.
    for (const shuffleId of job.reusesShuffles) shuffles.push({ stageId: -1 - shuffleId, shuffleId });
    this.listener.jobStart(job.id, shuffles);
    if (this.jobStages[j].length === 0) this.endJob(j, now);
    else
      this.submit(
        this.jobStages[j].filter((s) => this.stageParentsLeft[s] === 0),
        now,
      );
    this.scheduleJobs(now);
  }

  private endJob(j: number, now: number): void {
    this.jobEnded[j] = true;
    this.jobsEnded++;
    const prefixBefore = this.endedPrefix;
    while (this.endedPrefix < this.jobEnded.length && this.jobEnded[this.endedPrefix]) this.endedPrefix++;
    const waiting = this.endedPrefix;
    if (waiting > prefixBefore && waiting < this.workload.jobs.length) {
      if (this.workload.jobs[waiting].start.kind === 'afterPrevious') this.readyJobs.push(waiting);
    }
    this.listener.jobEnd(this.workload.jobs[j].id);
    this.scheduleJobs(now);
  }

  private submit(submitted: number[], _now: number): void {
    submitted.sort((a, b) => this.stageIds[a] - this.stageIds[b]);
    const stages = this.outputs ? submitted.filter((s) => !this.waitForLostOutputs(s, _now)) : submitted;
    const delay = this.launchDelay;
    for (const s of stages) {
      this.listener.stageSubmitted(s);
      this.pendingCount += this.stageTasks[s];
      if (this.stageTasks[s] === 0) continue;
      this.speculation?.stageSubmitted(s, this.stageTasks[s]);
      // The tasks are pending (the allocation manager sees them) from submission; they launch after the delay.
      if (delay !== undefined && delay.ms > 0) delay.timer(_now + delay.ms, s);
      else this.active.push(s);
    }
    for (const s of stages) if (this.stageTasks[s] === 0) this.completeStage(s, _now);
    this.revive(_now);
  }

  /** A submitted stage's launch delay is over: its tasks are offered to free slots. */
  releaseStage(s: number, now: number): void {
    this.active.push(s);
    this.revive(now);
  }

  /**
   * Before a stage is submitted: map outputs it reads that were lost are run again first, as a new attempt of the
   * stage that wrote them; the stage waits for those as for a parent. True when it has to wait.
   */
  private waitForLostOutputs(s: number, now: number): boolean {
    const outputs = this.outputs as ShuffleOutputs;
    const reruns: number[] = [];
    for (const shuffleId of this.stageReads[s] ?? []) {
      const missing = outputs.missing(shuffleId);
      const producer = this.shuffleProducer.get(shuffleId);
      if (missing.length === 0 || producer === undefined) continue;
      reruns.push(this.addRerun(producer, shuffleId, missing, s));
    }
    if (reruns.length === 0) return false;
    this.stageParentsLeft[s] += reruns.length;
    this.submit(reruns, now);
    return true;
  }

  /** A new stage running the `missing` tasks of `producer` again for `reader`'s job; returns its internal index. */
  private addRerun(producer: number, shuffleId: number, missing: number[], reader: number): number {
    const j = this.stageJob[reader];
    const all = this.stageDurations[producer];
    const durations = new Int32Array(missing.length);
    for (let i = 0; i < missing.length; i++) {
      durations[i] = all[missing[i]];
      this.recomputedMs += durations[i];
    }
    this.recomputedTasks += missing.length;
    const attempt = (this.reruns.get(producer) ?? 0) + 1;
    this.reruns.set(producer, attempt);
    const r = this.addStage({
      // The executor monitor knows a shuffle of another (earlier) job by the id the reading job registered for it.
      id: this.stageJob[producer] === j ? this.stageIds[producer] : -1 - shuffleId,
      job: j,
      durations,
      cached: false,
      attempt,
      shuffle: shuffleId,
      children: [reader],
      profile: this.stageProfile[producer],
      history: undefined,
    });
    this.stageReads[r] = this.stageReads[producer] ?? [];
    this.stageTaskIndex.set(r, Int32Array.from(missing));
    this.jobStagesLeft[j]++;
    return r;
  }

  /**
   * Appends a stage to every per-stage array (the one place that does, so they stay in step) and returns its internal
   * index. Its reads and parent count are filled in by the caller once its parents are known.
   */
  private addStage(stage: NewStage): number {
    const s = this.stageIds.length;
    this.stageIds.push(stage.id);
    this.stageTasks.push(stage.durations.length);
    this.stageCached.push(stage.cached);
    this.stageAttempt.push(stage.attempt);
    this.stageProfile.push(stage.profile);
    this.stageShuffle.push(stage.shuffle);
    this.stageReads.push([]);
    this.stageJob.push(stage.job);
    this.stageDurations.push(stage.durations);
    this.stageChildren.push(stage.children);
    this.stageParentsLeft.push(0);
    this.nextLaunch.push(0);
    this.finished.push(0);
    this.rerun.push([]);
    this.stageHistory.push(stage.history);
    this.failedRun.push(stage.history?.failedMs !== undefined ? new Map() : undefined);
    return s;
  }

  private completeStage(s: number, now: number): void {
    this.speculation?.stageCompleted(s);
    this.listener.stageCompleted(s);
    const ready: number[] = [];
    for (const c of this.stageChildren[s]) if (--this.stageParentsLeft[c] === 0) ready.push(c);
    if (ready.length > 0) this.submit(ready, now);
    const j = this.stageJob[s];
    if (--this.jobStagesLeft[j] === 0) this.endJob(j, now);
  }

  // ---- executors ------------------------------------------------------------------------------------------------

  private grow(id: number): void {
    if (id < this.alive.length) return;
    let cap = this.alive.length;
    while (cap <= id) cap *= 2;
    const k = Math.max(1, this.slotsPerExecutor);
    this.alive = resize8(this.alive, cap);
    this.killed = resize8(this.killed, cap);
    this.execProfile = resize32(this.execProfile, cap);
    this.freeTop = resize32(this.freeTop, cap);
    this.freeStack = resize32(this.freeStack, cap * k);
    this.slotStage = resize32(this.slotStage, cap * k);
    this.slotTask = resize32(this.slotTask, cap * k);
    this.slotLost = resize8(this.slotLost, cap * k);
    this.slotOutcome = resize8(this.slotOutcome, cap * k);
    this.slotCopy = resize8(this.slotCopy, cap * k);
    const run = new Float64Array(cap * k);
    run.set(this.slotRunMs);
    this.slotRunMs = run;
  }

  /** An executor of `profile` registered: its slots are free and offered at once. */
  addExecutor(id: number, now: number, profile = 0): void {
    this.grow(id);
    this.alive[id] = 1;
    this.execProfile[id] = profile;
    const stride = this.slotsPerExecutor;
    const k = this.slotsOf(id);
    for (let i = k - 1; i >= 0; i--) this.freeStack[id * stride + this.freeTop[id]++] = id * stride + i;
    if (k > 0) this.offerable.add(id);
    this.offerExecutor(id, now);
  }

  /** The launch queue of the executor's profile. */
  private queueOf(id: number): StageQueue {
    return this.onlyQueue ?? this.active.of(this.execProfile[id]);
  }

  /** The executor's own slots (its profile's). */
  private slotsOf(id: number): number {
    return this.profileSlots ? (this.profileSlots.get(this.execProfile[id]) ?? 0) : this.slotsPerExecutor;
  }

  /** The executor was told to go: it gets no more tasks. */
  markKilled(id: number): void {
    if (id >= this.killed.length) return;
    this.killed[id] = 1;
    this.offerable.delete(id);
  }

  /** The executor's shuffle files went with it (none when outputs are not tracked); returns how many map outputs. */
  loseOutputs(id: number): number {
    return this.outputs?.lose(id) ?? 0;
  }

  /** Map outputs the executor holds now (what decommissioning migrates). */
  outputsHeldBy(id: number): number {
    return this.outputs?.heldBy(id) ?? 0;
  }

  /** The executor's shuffle files moved off it before it went. */
  migrateOutputs(id: number): void {
    this.outputs?.migrate(id);
  }

  removeExecutor(id: number): void {
    if (id >= this.alive.length) return;
    this.alive[id] = 0;
    this.offerable.delete(id);
  }

  /**
   * The executor was lost (not killed by the allocation manager): it gets no more tasks, its running tasks are pending
   * again (reported through taskLost) and are offered to the other executors at once.
   */
  loseExecutor(id: number, now: number): void {
    if (id >= this.alive.length || !this.alive[id]) return;
    const k = this.slotsPerExecutor;
    const free = new Set<number>();
    for (let i = 0; i < this.freeTop[id]; i++) free.add(this.freeStack[id * k + i]);
    this.alive[id] = 0;
    this.offerable.delete(id);
    for (let slot = id * k; slot < id * k + this.slotsOf(id); slot++) {
      if (free.has(slot)) continue;
      const s = this.slotStage[slot];
      const index = this.slotTask[slot];
      this.slotLost[slot] = 1;
      this.busy--;
      if (this.speculation && this.raceSurvives(slot, s, index, id)) continue;
      this.pendingCount++;
      // Still in the launch queue while it has new indices or earlier re-runs; otherwise it goes back in.
      if (this.nextLaunch[s] === this.stageTasks[s] && this.rerun[s].length === 0) this.active.push(s);
      this.rerun[s].push(index);
      this.listener.taskLost?.(s, index, id);
    }
    this.revive(now);
  }

  /** Tasks running on the executor now. */
  runningOn(id: number): number {
    if (id >= this.alive.length || !this.alive[id]) return 0;
    return this.slotsOf(id) - this.freeTop[id];
  }

  /** A regular task waits, or (with speculation) a copy does. */
  private hasWork(): boolean {
    return this.active.size > 0 || (this.speculation !== undefined && this.speculation.pendingCopies > 0);
  }

  private offerExecutor(id: number, now: number): void {
    const k = this.slotsPerExecutor;
    while (this.hasWork() && this.freeTop[id] > 0) {
      if (!this.launch(this.freeStack[id * k + this.freeTop[id] - 1], now)) break;
      this.freeTop[id]--;
    }
    if (this.freeTop[id] === 0) this.offerable.delete(id);
  }

  /** Offers every executor with free slots, one task per executor per round. */
  private revive(now: number): void {
    const k = this.slotsPerExecutor;
    while (this.hasWork() && this.offerable.size > 0) {
      let launched = false;
      for (const id of [...this.offerable]) {
        if (!this.hasWork()) break;
        if (!this.launch(this.freeStack[id * k + this.freeTop[id] - 1], now)) continue;
        this.freeTop[id]--;
        launched = true;
        if (this.freeTop[id] === 0) this.offerable.delete(id);
      }
      // The free slots all belong to executors with nothing of their profile to run, or to the executors where the
      // originals of the waiting copies run.
      if (!launched) break;
    }
  }

  /**
   * Starts the next task of the executor's profile on `slot` (a regular one, else a speculative copy); `onTop` when
   * the slot is the heap's top entry (its previous task just ended). False when nothing could start on it.
   */
  private launch(slot: number, now: number, onTop = false): boolean {
    const exec = (slot / this.slotsPerExecutor) | 0;
    const queue = this.queueOf(exec);
    if (queue.size === 0) return this.launchCopy(slot, now, onTop);
    const s = queue.peek();
    const again = this.rerun[s];
    const index = again.length > 0 ? (again.shift() as number) : this.nextLaunch[s]++;
    if (this.nextLaunch[s] === this.stageTasks[s] && again.length === 0) queue.pop();
    this.pendingCount--;
    this.busy++;
    this.slotStage[slot] = s;
    this.slotTask[slot] = index;
    this.slotCopy[slot] = 0;
    let run = this.stageDurations[s][index];
    let wait = 0;
    let outcome = SUCCEEDS;
    const history = this.stageHistory[s];
    if (history !== undefined) {
      const failed = history.failedMs?.[index];
      const done = this.failedRun[s]?.get(index) ?? 0;
      if (failed !== undefined && done < failed.length) {
        (this.failedRun[s] as Map<number, number>).set(index, done + 1);
        run = Math.max(1, failed[done]);
        outcome = FAILS;
      } else {
        const original = history.originalMs?.[index];
        if (original !== undefined && this.speculation) run = Math.max(1, original);
        wait = Math.max(0, (history.waitMs?.[index] ?? 0) - this.waitCutMs);
      }
    }
    this.slotOutcome[slot] = outcome;
    this.slotRunMs[slot] = run;
    const end = now + wait + run;
    if (onTop) this.ends.replaceTop(slot, end);
    else this.ends.push(slot, end);
    if (outcome === SUCCEEDS) this.speculation?.originalStarted(s, index, slot, exec, now + wait, end);
    this.listener.taskStart(s, index, exec);
    return true;
  }

  /**
   * Starts a waiting speculative copy on `slot`, if one may run on its executor. The race is settled at once: the
   * copy runs the logged copy's time (a replayed log) or the stage's median successful time; whichever attempt would
   * end first succeeds, and the other is killed at that instant (on a tie the original wins).
   */
  private launchCopy(slot: number, now: number, onTop: boolean): boolean {
    const exec = (slot / this.slotsPerExecutor) | 0;
    // With several profiles, a copy runs only on an executor of its stage's profile, like its original.
    const sameProfile = this.profileSlots
      ? (s: number): boolean => this.stageProfile[s] === this.execProfile[exec]
      : undefined;
    const picked = this.speculation?.takeCopy(exec, this.stageOrder, sameProfile);
    if (picked === undefined) return false;
    const [s, index] = picked;
    const spec = this.speculation as SpeculationTracker;
    const original = spec.original(s, index) as Running;
    const ownRun = Math.max(
      1,
      Math.round(this.stageHistory[s]?.copyMs?.[index] ?? spec.medianMs(s) ?? this.stageDurations[s][index]),
    );
    const copyEnd = now + ownRun;
    const copyWins = copyEnd < original.endMs;
    const end = copyWins ? copyEnd : original.endMs;
    this.busy++;
    this.slotStage[slot] = s;
    this.slotTask[slot] = index;
    this.slotCopy[slot] = 1;
    this.slotOutcome[slot] = copyWins ? SUCCEEDS : KILLED;
    this.slotRunMs[slot] = end - now;
    // The copy's entry first: `onTop` refers to the heap's current top, which moving the original could change.
    if (onTop) this.ends.replaceTop(slot, end);
    else this.ends.push(slot, end);
    original.copySlot = slot;
    original.copyNaturalEndMs = copyEnd;
    if (copyWins) this.endEarly(original, copyEnd);
    this.listener.taskStart(s, index, exec, true);
    return true;
  }

  /** The original will be killed at `at`, when its copy succeeds. */
  private endEarly(original: Running, at: number): void {
    original.endMs = at;
    this.slotOutcome[original.slot] = KILLED;
    this.slotRunMs[original.slot] = Math.max(0, at - original.startMs);
    this.ends.retime(original.slot, at);
  }

  /**
   * An attempt in a speculative race was lost with its executor: the other attempt now runs to its own end and
   * succeeds. True when the lost attempt was part of a race (so the task is not pending again).
   */
  private raceSurvives(slot: number, s: number, index: number, executor: number): boolean {
    const spec = this.speculation as SpeculationTracker;
    const original = spec.original(s, index);
    if (original === undefined || original.copySlot === undefined) {
      if (original !== undefined && original.slot === slot) spec.originalStopped(s, index);
      return false;
    }
    const copySlot = original.copySlot;
    const lostCopy = this.slotCopy[slot] === 1;
    this.listener.taskKilled?.(s, index, executor, lostCopy);
    const survivor = lostCopy ? original.slot : copySlot;
    const survivorEnd = lostCopy ? original.naturalEndMs : (original.copyNaturalEndMs as number);
    this.slotOutcome[survivor] = SUCCEEDS;
    this.slotRunMs[survivor] += survivorEnd - original.endMs;
    original.endMs = survivorEnd;
    original.copySlot = undefined;
    this.ends.retime(survivor, survivorEnd);
    if (!lostCopy) {
      // The copy carries the task now: it is the one that succeeds.
      original.slot = copySlot;
      original.executor = (copySlot / this.slotsPerExecutor) | 0;
    }
    return true;
  }

  /** A failed attempt puts its task back first in its stage's line; a killed one (a race's loser) just stops. */
  private endUnsuccessful(slot: number, s: number, index: number, exec: number): void {
    if (this.slotOutcome[slot] === KILLED) {
      this.listener.taskKilled?.(s, index, exec, this.slotCopy[slot] === 1);
      return;
    }
    this.pendingCount++;
    if (this.nextLaunch[s] === this.stageTasks[s] && this.rerun[s].length === 0) this.active.push(s);
    this.rerun[s].push(index);
    this.listener.taskFailed?.(s, index, exec);
  }

  /** The periodic speculation check (spark.speculation.interval): marks slow tasks and offers their copies. */
  checkSpeculation(now: number): void {
    const spec = this.speculation;
    if (!spec) return;
    const marked = spec.check(now);
    for (const [s, index] of marked) this.listener.speculativeTaskSubmitted?.(s, index);
    if (marked.length > 0) this.revive(now);
  }

  /** Ends every task due at `now` (they must be the earliest), reusing each freed slot at once. */
  finishTasksAt(now: number): void {
    const k = this.slotsPerExecutor;
    const ends = this.ends;
    while (ends.peekTime() === now) {
      // The slot stays at the top while its end is processed: anything pushed meanwhile ends later.
      const slot = ends.peekId();
      if (this.slotLost[slot]) {
        this.slotLost[slot] = 0;
        ends.pop();
        continue;
      }
      const s = this.slotStage[slot];
      const index = this.slotTask[slot];
      const exec = (slot / k) | 0;
      this.busy--;
      this.busyMsTotal += this.slotRunMs[slot];
      if (this.profileSlots) addTo(this.busyMsByProfile, this.stageProfile[s], this.slotRunMs[slot]);
      if (this.slotOutcome[slot] !== SUCCEEDS) this.endUnsuccessful(slot, s, index, exec);
      else if (this.speculation && !this.speculation.succeeded(s, index, this.slotRunMs[slot])) {
        this.listener.taskKilled?.(s, index, exec, this.slotCopy[slot] === 1);
      } else {
        if (this.outputs && this.stageShuffle[s] !== NONE)
          this.outputs.record(this.stageShuffle[s], this.stageTaskIndex.get(s)?.[index] ?? index, exec);
        this.listener.taskEnd(s, index, exec, this.slotCopy[slot] === 1);
        if (++this.finished[s] === this.stageTasks[s]) this.completeStage(s, now);
      }
      if (this.alive[exec] && !this.killed[exec] && this.hasWork() && this.launch(slot, now, true)) continue;
      ends.pop();
      if (!this.alive[exec] || this.killed[exec]) continue;
      this.freeStack[exec * k + this.freeTop[exec]++] = slot;
      this.offerable.add(exec);
    }
  }
}

/**
 * Task durations in ms, per expanded stage. Cached because the DRA run and the static baseline schedule the same
 * expanded workload (a million conversions each on the largest workloads); the arrays are only read.
 */
const DURATIONS = new WeakMap<ExpandedStage, Int32Array<ArrayBuffer>>();

function durationsMs(stage: ExpandedStage): Int32Array<ArrayBuffer> {
  let ms = DURATIONS.get(stage);
  if (ms === undefined || ms.length !== stage.tasks) {
    ms = new Int32Array(stage.tasks);
    for (let i = 0; i < stage.tasks; i++) ms[i] = Math.max(1, Math.round((stage.taskSeconds[i] ?? 0) * 1000));
    DURATIONS.set(stage, ms);
  }
  return ms;
}

function addTo(map: Map<number, number>, key: number, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function toMs(seconds: number): number {
  return Math.max(0, Math.round(seconds * 1000));
}

function resize8(a: Uint8Array<ArrayBuffer>, cap: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(cap);
  b.set(a);
  return b;
}

function resize32(a: Int32Array<ArrayBuffer>, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}
