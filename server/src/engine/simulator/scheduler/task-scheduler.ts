// A list scheduler standing in for Spark's DAGScheduler + TaskSchedulerImpl (FIFO mode): jobs start per their
// JobStart rule, a job's stages are submitted (in stage-id order) once their parents are done, and tasks go, in index
// order, to free executor slots (floor(cores / task.cpus) per executor). A freed slot takes the next task at once; a
// new executor or a newly submitted stage is offered round-robin over executors. Killed executors get no offers.
// With several resource profiles, a stage's tasks go only to executors of its profile (profile-slots.ts).
// With a ShuffleOutputs registry, map outputs lost with an executor are recomputed before a stage reading them is
// submitted (lost-output-reruns.ts); without one, nothing is lost when an executor goes.
// With a task history (a replayed log), a task first runs the attempts that failed in the log, and waits on its slot
// as long as the log shows it waited while a slot was free (logged-attempts.ts). With speculation on, slow tasks get
// a copy (speculation.ts, speculative-race.ts); copies launch only when no regular task waits.
// This file is TaskSchedulerImpl's half: offers, launches and ends on the slots (executor-slots.ts), and the public
// face the cluster simulation drives. Which stages may run is dag-scheduler.ts's (jobs: job-progress.ts; the stages,
// laid out by workload-stages.ts, in stage-table.ts); the races of speculative copies are speculative-race.ts's.
import type { ShuffleOutputs } from './shuffle-outputs';
import type { ExpandedWorkload } from '../../workload/types';
import { ExecutorSlots, KILLED, SUCCEEDS, type AttemptOutcome } from './executor-slots';
import { SlotHeap } from './heap';
import { DagScheduler } from './dag-scheduler';
import { JobProgress } from './job-progress';
import { LoggedAttempts, type PlannedAttempt } from './logged-attempts';
import { LostOutputReruns } from './lost-output-reruns';
import { ProfileQueues } from './profile-slots';
import type { JobTimer, LaunchDelay, SchedulerExtras, SchedulerListener } from './scheduler-contract';
import type { SpeculationTracker } from './speculation';
import { SpeculativeRaces } from './speculative-race';
import type { StageQueue } from './stage-queue';
import { StageTable } from './stage-table';
import { addWorkloadStages } from './workload-stages';

export type { JobTimer, LaunchDelay, SchedulerExtras, SchedulerListener } from './scheduler-contract';

export class TaskScheduler {
  private readonly stages = new StageTable();
  // The stage table's arrays, by the names the driver and tests read (internal stage index s).
  readonly stageIds = this.stages.ids;
  readonly stageTasks = this.stages.tasks;
  readonly stageCached = this.stages.cached;
  /** Stage attempt: 0, or 1, 2 … for the re-runs of lost map tasks. */
  readonly stageAttempt = this.stages.attempt;
  /** Resource profile each stage's tasks run under. */
  readonly stageProfile = this.stages.profile;
  readonly totalTasks: number;
  /** Task time (ms) of the tasks that ended, by profile (only kept with several profiles). */
  readonly busyMsByProfile = new Map<number, number>();

  private readonly jobs: JobProgress;
  private readonly dag: DagScheduler;
  private readonly slots: ExecutorSlots;
  /** Submitted stages with tasks not yet launched, one queue per profile; a head is the least (job, stage id). */
  private readonly active: ProfileQueues;
  /** The one launch queue when every stage runs under the default profile (the hot paths then skip the lookup). */
  private readonly onlyQueue: StageQueue | undefined;
  private readonly speculation: SpeculationTracker | undefined;
  private readonly races: SpeculativeRaces | undefined;
  private readonly logged: LoggedAttempts;
  private readonly reruns: LostOutputReruns | undefined;
  /** Slots by when their attempt ends. */
  private readonly ends = new SlotHeap(64);
  /** What `logged` plans for an attempt with a logged history (reused, so launching allocates nothing). */
  private readonly attempt: PlannedAttempt = { runMs: 0, waitMs: 0, outcome: SUCCEEDS };
  private busyMsTotal = 0;

  constructor(
    workload: ExpandedWorkload,
    slotsPerExecutor: number,
    private readonly listener: SchedulerListener,
    timer: JobTimer,
    launchDelay?: LaunchDelay,
    outputs?: ShuffleOutputs,
    extras: SchedulerExtras = {},
  ) {
    const bySlots = new Map(extras.otherProfileSlots ?? []);
    bySlots.set(0, slotsPerExecutor);
    this.slots = new ExecutorSlots(bySlots);
    this.speculation = extras.speculation;
    this.races = this.speculation
      ? new SpeculativeRaces(this.speculation, this.stages, this.slots, this.ends, listener)
      : undefined;
    // The stage's launch delay already covers the first wave's wait; a logged wait counts beyond it.
    this.logged = new LoggedAttempts(launchDelay?.ms ?? 0, this.speculation !== undefined);
    const laidOut = addWorkloadStages(
      this.stages,
      workload,
      (profile) => bySlots.has(profile),
      extras.history?.stages,
      outputs,
    );
    this.totalTasks = laidOut.totalTasks;
    this.jobs = new JobProgress(workload.jobs, laidOut.jobStages, timer);
    this.reruns = outputs ? new LostOutputReruns(outputs, this.stages, this.jobs, laidOut.firstWriter) : undefined;
    this.active = new ProfileQueues(this.stages.priority, this.stages.ids, this.stages.profile, bySlots.keys());
    this.onlyQueue = this.slots.profileSlots ? undefined : this.active.main;
    this.dag = new DagScheduler({
      workload,
      stages: this.stages,
      jobs: this.jobs,
      active: this.active,
      listener,
      launchDelay,
      speculation: this.speculation,
      reruns: this.reruns,
      offer: (now) => this.revive(now),
    });
  }

  // ---- state ----------------------------------------------------------------------------------------------------

  get done(): boolean {
    return this.jobs.allEnded;
  }
  get runningTasks(): number {
    return this.slots.running;
  }
  get pendingTasks(): number {
    return this.dag.pending;
  }
  /** Sum of the durations of tasks that ended (ms). */
  get busyMs(): number {
    return this.busyMsTotal;
  }
  /** Map tasks run again because their output was lost, and their task time (ms). */
  get recomputedTasks(): number {
    return this.reruns?.recomputedTasks ?? 0;
  }
  get recomputedMs(): number {
    return this.reruns?.recomputedMs ?? 0;
  }
  /** When the next task ends (ms), or Infinity. */
  nextTaskEnd(): number {
    return this.ends.peekTime();
  }

  // ---- jobs and stages --------------------------------------------------------------------------------------------

  /** Schedules the jobs whose start time is known now (call once at t = 0). */
  start(now: number): void {
    this.jobs.scheduleReady(now);
  }

  /** Submits job `j`: announces it, then submits its stages that have no parents. */
  startJob(j: number, now: number): void {
    this.dag.startJob(j, now);
  }

  /** A submitted stage's launch delay is over: its tasks are offered to free slots. */
  releaseStage(s: number, now: number): void {
    this.dag.releaseStage(s, now);
  }

  // ---- executors ------------------------------------------------------------------------------------------------

  /** An executor of `profile` registered: its slots are free and offered at once. */
  addExecutor(id: number, now: number, profile = 0): void {
    this.slots.add(id, profile);
    this.offerExecutor(id, now);
  }

  /** The executor was told to go: it gets no more tasks. */
  markKilled(id: number): void {
    this.slots.markKilled(id);
  }

  /** The executor's shuffle files went with it (none when outputs are not tracked); returns how many map outputs. */
  loseOutputs(id: number): number {
    return this.reruns?.outputs.lose(id) ?? 0;
  }

  /** Map outputs the executor holds now (what decommissioning migrates). */
  outputsHeldBy(id: number): number {
    return this.reruns?.outputs.heldBy(id) ?? 0;
  }

  /** The executor's shuffle files moved off it before it went. */
  migrateOutputs(id: number): void {
    this.reruns?.outputs.migrate(id);
  }

  removeExecutor(id: number): void {
    this.slots.remove(id);
  }

  /**
   * The executor was lost (not killed by the allocation manager): it gets no more tasks, its running tasks are pending
   * again (reported through taskLost) and are offered to the other executors at once.
   */
  loseExecutor(id: number, now: number): void {
    const busy = this.slots.lose(id);
    if (busy === undefined) return;
    const slots = this.slots;
    for (const slot of busy) {
      const s = slots.stage[slot];
      const index = slots.task[slot];
      slots.lost[slot] = 1;
      slots.running--;
      if (this.races?.survivesLoss(slot, s, index, id)) continue;
      this.dag.runAgain(s, index);
      this.listener.taskLost?.(s, index, id);
    }
    this.revive(now);
  }

  /** Tasks running on the executor now. */
  runningOn(id: number): number {
    return this.slots.runningOn(id);
  }

  // ---- offers, launches and ends ------------------------------------------------------------------------------------

  /** A regular task waits, or (with speculation) a copy does. */
  private hasWork(): boolean {
    return this.active.size > 0 || (this.races !== undefined && this.races.pendingCopies > 0);
  }

  private offerExecutor(id: number, now: number): void {
    const slots = this.slots;
    while (this.hasWork() && slots.freeTop[id] > 0) {
      if (!this.launch(slots.nextFree(id), now)) break;
      slots.useFree(id);
    }
    slots.retireIfFull(id);
  }

  /** Offers every executor with free slots, one task per executor per round. */
  private revive(now: number): void {
    const slots = this.slots;
    while (this.hasWork() && slots.offerable.size > 0) {
      let launched = false;
      for (const id of [...slots.offerable]) {
        if (!this.hasWork()) break;
        if (!this.launch(slots.nextFree(id), now)) continue;
        slots.useFree(id);
        launched = true;
        slots.retireIfFull(id);
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
    const slots = this.slots;
    const table = this.stages;
    const exec = slots.executorOf(slot);
    const queue = this.onlyQueue ?? this.active.of(slots.profile[exec]);
    if (queue.size === 0) return this.races !== undefined && this.races.launchCopy(slot, now, onTop);
    const s = queue.peek();
    const index = table.takeNextTask(s);
    if (table.allLaunched(s)) queue.pop();
    this.dag.pending--;
    let runMs = table.durations[s][index];
    let waitMs = 0;
    let outcome: AttemptOutcome = SUCCEEDS;
    const history = table.history[s];
    if (history !== undefined) {
      const attempt = this.attempt;
      attempt.runMs = runMs;
      this.logged.plan(s, index, history, attempt);
      ({ runMs, waitMs, outcome } = attempt);
    }
    slots.start(slot, s, index, false, outcome, runMs);
    const end = now + waitMs + runMs;
    if (onTop) this.ends.replaceTop(slot, end);
    else this.ends.push(slot, end);
    if (outcome === SUCCEEDS) this.speculation?.originalStarted(s, index, slot, exec, now + waitMs, end);
    this.listener.taskStart(s, index, exec);
    return true;
  }

  /** A failed attempt puts its task back first in its stage's line; a killed one (a race's loser) just stops. */
  private endUnsuccessful(slot: number, s: number, index: number, exec: number): void {
    if (this.slots.outcome[slot] === KILLED) {
      this.listener.taskKilled?.(s, index, exec, this.slots.copy[slot] === 1);
      return;
    }
    this.dag.runAgain(s, index);
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
    const slots = this.slots;
    const table = this.stages;
    const ends = this.ends;
    while (ends.peekTime() === now) {
      // The slot stays at the top while its end is processed: anything pushed meanwhile ends later.
      const slot = ends.peekId();
      if (slots.lost[slot]) {
        slots.lost[slot] = 0;
        ends.pop();
        continue;
      }
      const s = slots.stage[slot];
      const index = slots.task[slot];
      const exec = slots.executorOf(slot);
      const runMs = slots.runMs[slot];
      slots.running--;
      this.busyMsTotal += runMs;
      if (slots.profileSlots) addTo(this.busyMsByProfile, table.profile[s], runMs);
      if (slots.outcome[slot] !== SUCCEEDS) this.endUnsuccessful(slot, s, index, exec);
      else if (this.speculation && !this.speculation.succeeded(s, index, runMs)) {
        this.listener.taskKilled?.(s, index, exec, slots.copy[slot] === 1);
      } else {
        this.reruns?.recordOutput(s, index, exec);
        this.listener.taskEnd(s, index, exec, slots.copy[slot] === 1);
        if (++table.finished[s] === table.tasks[s]) this.dag.completeStage(s, now);
      }
      if (slots.takesTasks(exec) && this.hasWork() && this.launch(slot, now, true)) continue;
      ends.pop();
      if (slots.takesTasks(exec)) slots.release(exec, slot);
    }
  }
}

function addTo(map: Map<number, number>, key: number, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}
