// The simulation driver: one integer-millisecond clock moving from event to event. It runs the allocation manager's
// schedule every 100 ms (skipping ticks that provably change nothing), the pod allocator every batch.delay, pods
// through the latency model, executors registering and exiting, and the task scheduler feeding the listener events.
// With resource profiles besides the default (DRA runs only), targets, pods, executors and slots are per profile.
import { TICK_MS } from '../spark-constants';
import type { ExpandedWorkload } from '../workload/types';
import { AllocationManager, type AllocationClient } from './allocation-manager';
import { DEFAULT_BUDGET, WorkMeter, type BudgetExceeded, type RunBudget } from './budget';
import { ManualClock } from './clock';
import type { AllocationConfig } from './config';
import { ExecutorMonitor } from './executor-monitor';
import { StartPlanner, type CalibratedStart } from './k8s/calibrated-start';
import { podStartMs, type PodLatency } from './k8s/latency';
import { PodAllocator } from './k8s/pod-allocator';
import { PodStore } from './k8s/pod-store';
import type { PodAllocatorSettings } from './k8s/settings';
import { PvcManager, type PvcSettings, type PvcTotals } from './pvc/pvc-manager';
import type { OnDemandVolume } from './pvc/volumes';
import type { TimelinePoint } from '../../../../protocol/simulation';
import { EventHeap } from './scheduler/heap';
import { TaskScheduler, type SchedulerListener } from './scheduler/task-scheduler';
import { TimelineRecorder } from './timeline';
import { ExecutorTimeLedger, type ExecutorTimeSplit } from './time-ledger';
import type { ShuffleLoss, ShuffleLossTotals } from './shuffle-loss';
import { ShuffleOutputs } from './scheduler/shuffle-outputs';
import { ProfileTally, type ProfileRunFigures, type ProfileSlots } from './profile-tally';
import { SpeculationTracker } from './scheduler/speculation';
import type { SpeculationSettings } from './scheduler/speculation-settings';
import type { TaskHistory } from './task-history';
import { YarnAllocator, type YarnAllocatorSettings } from './yarn/container-allocator';

export { TICK_MS };

export type AllocationMode = { kind: 'dra'; config: AllocationConfig } | { kind: 'static'; executors: number };

export interface ClusterLimits {
  /** Simulated time after which the run stops (ms). */
  maxSimMs: number;
  /** Loop iterations after which the run stops. */
  maxSteps: number;
}

export const DEFAULT_LIMITS: ClusterLimits = { maxSimMs: 72 * 3_600_000, maxSteps: 20_000_000 };

export interface ClusterRunSpec {
  workload: ExpandedWorkload;
  mode: AllocationMode;
  tasksPerExecutor: number;
  pods: PodAllocatorSettings;
  latency: PodLatency;
  volumes: readonly OnDemandVolume[];
  pvc: PvcSettings;
  limits?: ClusterLimits;
  /** Measured start-up and removal times from a replayed log (see k8s/calibrated-start.ts). */
  calibrated?: CalibratedStart;
  /** Keep running this long after the last job ends (the driver's time before the application ends), in ms. */
  appTailMs?: number;
  /** Work, executor and timeline budgets checked while the run goes (defaults: DEFAULT_BUDGET). */
  budget?: RunBudget;
  /** Stage submission → first task launch, as a replayed log measured it (ms; absent or 0: at once). */
  launchDelayMs?: number;
  /** Executors lost at given times, as a replayed log shows them (see ExecutorLoss). */
  losses?: readonly ExecutorLoss[];
  /** What removing an executor does to its shuffle output (absent: nothing is lost or moved). */
  shuffleLoss?: ShuffleLoss;
  /**
   * Resource profiles other than the default that stages name, with their task slots per executor. A DRA run keeps
   * targets, pods and executors per profile; a fixed-count run has default-profile executors only (every stage runs
   * on them).
   */
  profiles?: readonly ProfileSlots[];
  /** Failed attempts, speculative races and slot waits a replayed log shows, per task (see task-history.ts). */
  history?: TaskHistory;
  /** Spark's speculative execution (absent: off). */
  speculation?: SpeculationSettings;
  /** Run YARN's container allocator with these settings instead of the Kubernetes pod allocator (no pods, no PVCs). */
  yarn?: YarnAllocatorSettings;
}

/** The `ordinal`-th executor to register (from 1) is lost at `atMs`, unless it is gone by then. */
export interface ExecutorLoss {
  atMs: number;
  ordinal: number;
}

/** A job's simulated submission and end (ms). */
export interface SimulatedJobTimes {
  id: number;
  startMs: number;
  endMs?: number;
}

/** A stage's simulated submission and completion (ms), by stage id. */
export interface SimulatedStageTimes {
  id: number;
  startMs: number;
  endMs?: number;
}

/** One executor's simulated lifetime (ms); `removedMs` is absent when it was alive when the run stopped. */
export interface SimulatedExecutorLife {
  id: number;
  addedMs: number;
  removedMs?: number;
  /** Why it went: `idle` (killed by the allocation manager) or `lost` (a loss the replayed log shows). */
  reason?: 'idle' | 'lost';
  /** The resource profile it was started for (0: the default). */
  profile: number;
}

export interface ClusterRunOutput {
  timeline: TimelinePoint[];
  /** When the last job ended, or when the run was cut off (ms). */
  endMs: number;
  completed: boolean;
  /** When the last job ended (ms); equals endMs unless the run went on to the application end. */
  jobsEndMs: number;
  jobs: SimulatedJobTimes[];
  stages: SimulatedStageTimes[];
  executors: SimulatedExecutorLife[];
  /** Registered-executor lifetime summed (ms). */
  executorMs: number;
  /** Pod time from Running until gone, summed (ms): what compute is billed on. */
  podRunningMs: number;
  /** Sum of task durations that ran (ms). */
  busyTaskMs: number;
  peakExecutors: number;
  podsCreated: number;
  executorsRemoved: number;
  pvc: PvcTotals;
  tasks: number;
  notes: string[];
  /** Samples taken for the timeline; more than timeline.length when it was thinned. */
  timelineSamples: number;
  timelineThinned: boolean;
  /** Work units the run spent (see SimulationBudget.maxWork). */
  work: number;
  /** Set when the run stopped because it went over a budget (its other figures then cover a part only). */
  budgetExceeded?: BudgetExceeded;
  /** Where the executor time went: registered time (executorMs) plus pod start-up time, split by category. */
  timeSplit: ExecutorTimeSplit;
  /** Of spec.losses: executors lost, losses that found their executor already gone, tasks that ran again. */
  losses?: { applied: number; missed: number; tasksRerun: number };
  /** Shuffle output lost, recomputed or migrated because executors were removed. */
  shuffleLoss: ShuffleLossTotals;
  /** Per resource profile, by id, when the run kept executors of more than one profile. */
  profiles?: ProfileRunFigures[];
  /** Task attempts beyond one success per task: failed ones run, speculative copies launched and won. */
  attempts?: { failed: number; copies: number; copiesWon: number };
}

type SimEvent =
  | { kind: 'visible'; id: number }
  | { kind: 'running'; id: number }
  | { kind: 'register'; id: number }
  | { kind: 'exit'; id: number }
  | { kind: 'job'; job: number }
  | { kind: 'release'; stage: number }
  | { kind: 'lose'; ordinal: number }
  | { kind: 'speculate' }
  | { kind: 'allocate' }
  | { kind: 'poll' };

const ALLOCATE: SimEvent = { kind: 'allocate' };
const SPECULATE: SimEvent = { kind: 'speculate' };

class ClusterSim {
  private readonly clock = new ManualClock(0);
  private readonly events = new EventHeap<SimEvent>();
  private readonly store = new PodStore();
  private readonly pvcs: PvcManager;
  private readonly allocator: PodAllocator | YarnAllocator;
  /** The allocator when it is YARN's (the replay of a YARN log); undefined for the Kubernetes pod allocator. */
  private readonly yarn: YarnAllocator | undefined;
  /** YARN container requests → when the executor each brings registers (ms), planned at the request. */
  private readonly plannedRegistration = new Map<number, number>();
  private readonly scheduler: TaskScheduler;
  private readonly monitor: ExecutorMonitor | undefined;
  private readonly manager: AllocationManager | undefined;
  private readonly notes: string[] = [];
  private readonly planner: StartPlanner | undefined;
  private readonly jobTimes: SimulatedJobTimes[] = [];
  private readonly jobIndex = new Map<number, SimulatedJobTimes>();
  private readonly stageTimes: SimulatedStageTimes[] = [];
  private readonly stageIndex = new Map<number, SimulatedStageTimes>();
  private readonly lives: SimulatedExecutorLife[] = [];
  private readonly lifeOf = new Map<number, SimulatedExecutorLife>();

  private now = 0;
  private dirty = true;
  private nextTick = 0;
  private lastTick = -TICK_MS;
  private nextAllocate = 0;

  // executors (by numeric id)
  private readonly idText: string[] = [];
  private readonly registeredAt = new Map<number, number>();
  private readonly runningSince = new Map<number, number>();
  private readonly killed = new Set<number>();
  /** Executor ids in registration order (what an ExecutorLoss's ordinal counts). */
  private readonly registrationOrder: number[] = [];
  private readonly lossCount = { applied: 0, missed: 0, tasksRerun: 0 };
  private executorMs = 0;
  private podRunningMs = 0;
  private running = 0;
  private peak = 0;
  private removed = 0;
  private staticTarget = 0;

  // timeline
  private readonly timeline: TimelineRecorder;
  private lastBucket = -1;

  private readonly meter: WorkMeter;
  private readonly ledger: ExecutorTimeLedger;
  private readonly loss = { lostOutputs: 0, migratedOutputs: 0 };
  /** Per-profile figures; undefined unless this run keeps several profiles. */
  private readonly tally: ProfileTally | undefined;
  private readonly attempts = { failed: 0, copies: 0, copiesWon: 0 };
  /** A speculation check is queued (checks run on the interval's grid while tasks run). */
  private speculationArmed = false;

  constructor(private readonly spec: ClusterRunSpec) {
    if (spec.calibrated) this.planner = new StartPlanner(spec.calibrated, spec.latency.registerMs);
    const budget = spec.budget ?? DEFAULT_BUDGET;
    this.meter = new WorkMeter(budget);
    this.timeline = new TimelineRecorder(budget.maxTimelinePoints);
    this.pvcs = new PvcManager(spec.volumes, spec.pvc);
    this.yarn = spec.yarn
      ? new YarnAllocator(spec.yarn, {
          requested: (request, now) => this.planRegistration(request, now),
          launch: (id, now, profile, request) => this.launchContainer(id, now, profile, request),
        })
      : undefined;
    this.allocator =
      this.yarn ??
      new PodAllocator(
        spec.pods,
        this.store,
        {
          createPod: (id, now, profile) => this.createPod(id, now, profile),
          deletePod: (id, now) => this.deletePod(id, now),
        },
        this.pvcs,
      );
    this.allocator.creationBudget = budget.maxExecutors;
    if (spec.mode.kind === 'dra') {
      this.monitor = new ExecutorMonitor(spec.mode.config, this.clock);
      this.manager = new AllocationManager(spec.mode.config, this.monitor, this.clock, this.client());
      if (!spec.mode.config.pollingEnabled) this.nextTick = Infinity;
      const monitor = this.monitor;
      this.ledger = new ExecutorTimeLedger((id, into) => monitor.readHold(this.text(id), into), spec.mode.config);
      monitor.onPinChange = (id) => this.ledger.touch(Number(id), this.now);
    } else {
      this.ledger = new ExecutorTimeLedger();
      this.nextTick = Infinity;
      this.staticTarget = spec.mode.executors;
    }
    // After the manager and monitor exist: the listener forwards to them.
    for (const loss of spec.losses ?? []) this.events.push(loss.atMs, { kind: 'lose', ordinal: loss.ordinal });
    const delay = spec.launchDelayMs ?? 0;
    const profiles = this.manager ? (spec.profiles ?? []) : [];
    for (const p of profiles) this.manager?.defineProfile(p.id, p.slots);
    if (profiles.length > 0) this.tally = new ProfileTally(profiles);
    this.scheduler = new TaskScheduler(
      spec.workload,
      spec.tasksPerExecutor,
      this.listener(),
      (at, job) => this.events.push(at, { kind: 'job', job }),
      delay > 0 ? { ms: delay, timer: (at, stage) => this.events.push(at, { kind: 'release', stage }) } : undefined,
      spec.shuffleLoss ? new ShuffleOutputs() : undefined,
      {
        ...(profiles.length > 0 ? { otherProfileSlots: new Map(profiles.map((p) => [p.id, p.slots])) } : {}),
        ...(spec.history ? { history: spec.history } : {}),
        ...(spec.speculation ? { speculation: new SpeculationTracker(spec.speculation) } : {}),
      },
    );
    if (spec.profiles && spec.profiles.length > 0 && !this.manager) {
      this.notes.push(
        `With a fixed executor count there are only default-profile executors: the stages of resource profile(s) ${spec.profiles.map((p) => p.id).join(', ')} ran on them, with the default profile's task slots. Spark itself allows that only for task-only profiles (3.4+ standalone, 3.5.1+ Kubernetes); a profile asking for other executors needs dynamic allocation.`,
      );
    }
  }

  private text(id: number): string {
    let t = this.idText[id];
    if (t === undefined) {
      t = String(id);
      this.idText[id] = t;
    }
    return t;
  }

  private listener(): SchedulerListener {
    const sch = (): TaskScheduler => this.scheduler;
    const refs: Array<{ stageId: number; attempt: number }> = [];
    const ref = (s: number): { stageId: number; attempt: number } => {
      let r = refs[s];
      if (r === undefined) {
        r = { stageId: sch().stageIds[s], attempt: sch().stageAttempt[s] };
        refs[s] = r;
      }
      return r;
    };
    if (!this.manager || !this.monitor) {
      return {
        jobStart: (jobId) => this.jobStarted(jobId),
        jobEnd: (jobId) => this.jobEnded(jobId),
        stageSubmitted: (s) => this.stageStarted(sch().stageIds[s]),
        stageCompleted: (s) => this.stageEnded(sch().stageIds[s]),
        taskStart: (_s, _index, exec) => this.ledger.taskStarted(exec, this.now),
        taskEnd: (_s, _index, exec) => this.ledger.taskEnded(exec, this.now),
        taskLost: (_s, _index, exec) => {
          this.lossCount.tasksRerun++;
          this.ledger.taskEnded(exec, this.now);
        },
        taskFailed: (_s, _index, exec) => {
          this.attempts.failed++;
          this.ledger.taskEnded(exec, this.now);
        },
        taskKilled: (_s, _index, exec) => this.ledger.taskEnded(exec, this.now),
      };
    }
    const manager = this.manager;
    const monitor = this.monitor;
    return {
      jobStart: (jobId, shuffles) => {
        this.jobStarted(jobId);
        this.dirty = true;
        this.meter.spend(this.running); // the monitor visits every executor
        monitor.onJobStart(jobId, shuffles);
      },
      jobEnd: (jobId) => {
        this.jobEnded(jobId);
        this.dirty = true;
        this.meter.spend(this.running);
        monitor.onJobEnd(jobId);
      },
      stageSubmitted: (s) => {
        this.stageStarted(sch().stageIds[s]);
        this.dirty = true;
        manager.onStageSubmitted(ref(s), sch().stageTasks[s], sch().stageProfile[s]);
      },
      stageCompleted: (s) => {
        this.stageEnded(sch().stageIds[s]);
        this.dirty = true;
        manager.onStageCompleted(ref(s));
      },
      taskStart: (s, index, exec, speculative) => {
        this.dirty = true;
        if (speculative) this.attempts.copies++;
        manager.onTaskStart(ref(s), index, speculative === true);
        monitor.onTaskStart(this.text(exec));
        this.ledger.taskStarted(exec, this.now);
      },
      taskEnd: (s, index, exec, speculative) => {
        this.dirty = true;
        const id = this.text(exec);
        if (speculative) this.attempts.copiesWon++;
        manager.onTaskEnd(ref(s), index, 'success', speculative === true);
        monitor.onTaskEnd(id, sch().stageIds[s], true);
        if (sch().stageCached[s]) monitor.onBlockUpdated(id, sch().stageIds[s], true);
        this.ledger.taskEnded(exec, this.now);
      },
      taskLost: (s, index, exec) => {
        this.dirty = true;
        this.lossCount.tasksRerun++;
        manager.onTaskEnd(ref(s), index, 'failed');
        monitor.onTaskEnd(this.text(exec), sch().stageIds[s], false);
        this.ledger.taskEnded(exec, this.now);
      },
      taskFailed: (s, index, exec) => {
        this.dirty = true;
        this.attempts.failed++;
        manager.onTaskEnd(ref(s), index, 'failed');
        monitor.onTaskEnd(this.text(exec), sch().stageIds[s], false);
        this.ledger.taskEnded(exec, this.now);
      },
      taskKilled: (s, index, exec, speculative) => {
        this.dirty = true;
        manager.onTaskEnd(ref(s), index, 'killed', speculative);
        monitor.onTaskEnd(this.text(exec), sch().stageIds[s], false);
        this.ledger.taskEnded(exec, this.now);
      },
      speculativeTaskSubmitted: (s, index) => {
        this.dirty = true;
        manager.onSpeculativeTaskSubmitted(ref(s), index);
      },
    };
  }

  private jobStarted(id: number): void {
    const times: SimulatedJobTimes = { id, startMs: this.now };
    this.jobTimes.push(times);
    this.jobIndex.set(id, times);
  }

  private stageStarted(id: number): void {
    const times: SimulatedStageTimes = { id, startMs: this.now };
    this.stageTimes.push(times);
    this.stageIndex.set(id, times);
  }

  private stageEnded(id: number): void {
    const times = this.stageIndex.get(id);
    if (times) times.endMs = this.now;
  }

  private jobEnded(id: number): void {
    const times = this.jobIndex.get(id);
    if (times) times.endMs = this.now;
  }

  private client(): AllocationClient {
    const kill = (ids: readonly string[]): string[] => {
      const out: string[] = [];
      for (const text of ids) {
        const id = Number(text);
        if (!this.registeredAt.has(id) || this.killed.has(id)) continue;
        if (this.scheduler.runningOn(id) > 0) continue; // Spark does not kill busy executors unless forced
        this.killed.add(id);
        this.yarn?.killExecutor(id);
        this.ledger.leaving(id, this.now);
        this.scheduler.markKilled(id);
        const lag = this.spec.calibrated?.removalLagMs;
        const delay =
          (lag ?? Math.min(this.spec.latency.exitMs, this.spec.pods.deleteGracePeriodMs)) + this.migrationMs(id);
        const life = this.lifeOf.get(id);
        if (life) life.reason = 'idle';
        this.events.push(this.now + Math.max(0, delay), { kind: 'exit', id });
        out.push(text);
      }
      return out;
    };
    return {
      requestTotalExecutors: (targets) => {
        if (this.allocator.setTargets(targets)) this.wakeAllocator();
        return true;
      },
      killExecutors: kill,
      decommissionExecutors: kill,
    };
  }

  /** Storage decommissioning moves the executor's shuffle output before it exits: time per map output held. */
  private migrationMs(id: number): number {
    if (this.spec.shuffleLoss?.mode !== 'migrated') return 0;
    const held = this.scheduler.outputsHeldBy(id);
    this.loss.migratedOutputs += held;
    return Math.round(held * this.spec.shuffleLoss.migrationMsPerOutput);
  }

  private setTarget(total: number): void {
    if (this.allocator.setTotalExpectedExecutors(total)) this.wakeAllocator();
  }

  /** A new target reached the allocator: the pod allocator runs at once, YARN's thread as wakeAt says. */
  private wakeAllocator(): void {
    if (this.yarn) this.nextAllocate = Math.min(this.nextAllocate, this.yarn.wakeAt(this.now));
    else this.events.push(this.now, ALLOCATE);
  }

  // ---- YARN containers -------------------------------------------------------------------------------------------

  /**
   * A container request: the executor it brings registers when the calibrated plan (or the typical start-up) says,
   * counted from the request, as the log's request → registration figures are.
   */
  private planRegistration(request: number, now: number): void {
    const latency = this.spec.latency;
    const running = this.planner?.runningAt(request, now, now) ?? now + latency.apiMs + podStartMs(latency, request);
    this.plannedRegistration.set(request, running + latency.registerMs);
  }

  /**
   * A granted container is launched: YARN counts it as running from now. Like a pod, it is billed from when its
   * executor process starts, registerMs before the planned registration (the calibrated wait is taken to come first).
   */
  private launchContainer(id: number, now: number, profile: number, request: number): void {
    this.store.add(id, now, profile);
    this.store.setPhase(id, 'pending');
    this.ledger.podCreated(id, now);
    const planned = this.plannedRegistration.get(request) ?? now;
    this.plannedRegistration.delete(request);
    this.events.push(Math.max(now, planned - this.spec.latency.registerMs), { kind: 'running', id });
  }

  // ---- pods ------------------------------------------------------------------------------------------------------

  private createPod(id: number, now: number, profile: number): void {
    this.store.add(id, now, profile);
    this.ledger.podCreated(id, now);
    this.events.push(now + this.spec.latency.apiMs, { kind: 'visible', id });
  }

  private deletePod(id: number, now: number): void {
    this.yarn?.containerCompleted(id);
    this.ledger.podGone(id, now);
    const since = this.runningSince.get(id);
    if (since !== undefined) {
      this.podRunningMs += now - since;
      this.tally?.podRan(this.store.profileOf(id), now - since);
      this.runningSince.delete(id);
    }
    if (this.registeredAt.has(id)) this.executorGone(id, now);
    this.store.setPhase(id, 'gone');
    this.pvcs.podGone(id, now);
  }

  private executorGone(id: number, now: number): void {
    const at = this.registeredAt.get(id);
    if (at === undefined) return;
    this.registeredAt.delete(id);
    const life = this.lifeOf.get(id);
    if (life) life.removedMs = now;
    this.executorMs += now - at;
    this.tally?.executorGone(this.store.profileOf(id), now - at);
    this.running--;
    this.removed++;
    if (this.spec.shuffleLoss?.mode === 'migrated') this.scheduler.migrateOutputs(id);
    else this.loss.lostOutputs += this.scheduler.loseOutputs(id);
    this.scheduler.removeExecutor(id);
    this.monitor?.onExecutorRemoved(this.text(id));
    this.dirty = true;
  }

  private handle(e: SimEvent): void {
    const now = this.now;
    switch (e.kind) {
      case 'visible':
        if (this.store.phase(e.id) !== 'unseen') return;
        this.store.setPhase(e.id, 'pending');
        this.events.push(this.runningAt(e.id, now), { kind: 'running', id: e.id });
        return;
      case 'running':
        if (this.store.phase(e.id) !== 'pending') return;
        this.store.setPhase(e.id, 'running');
        this.runningSince.set(e.id, now);
        this.events.push(now + this.spec.latency.registerMs, { kind: 'register', id: e.id });
        return;
      case 'register':
        if (this.store.phase(e.id) !== 'running') return;
        this.registered(e.id, now);
        return;
      case 'exit':
        this.killed.delete(e.id);
        this.deletePod(e.id, now);
        return;
      case 'job':
        this.scheduler.startJob(e.job, now);
        return;
      case 'release':
        this.scheduler.releaseStage(e.stage, now);
        return;
      case 'lose':
        this.lose(e.ordinal, now);
        return;
      case 'speculate':
        this.speculationArmed = false;
        this.scheduler.checkSpeculation(now);
        return;
      case 'allocate':
        this.allocator.run(now);
        return;
      case 'poll':
        this.store.touch();
        if (this.spec.pods.apiPollingIntervalMs > 0) this.events.push(now + this.spec.pods.apiPollingIntervalMs, e);
        return;
    }
  }

  private registered(id: number, now: number): void {
    const profile = this.store.profileOf(id);
    this.registeredAt.set(id, now);
    this.registrationOrder.push(id);
    this.recordLife(id, now, profile);
    this.running++;
    if (this.running > this.peak) this.peak = this.running;
    this.tally?.executorAdded(profile);
    this.monitor?.onExecutorAdded(this.text(id), profile);
    this.ledger.registered(id, now);
    this.dirty = true;
    this.scheduler.addExecutor(id, now, profile);
  }

  /** A loss the log shows: the executor goes at once, its running tasks re-run elsewhere; its pod is replaced. */
  private lose(ordinal: number, now: number): void {
    const id = this.registrationOrder[ordinal - 1];
    // Gone already, or killed and on its way out: the loss finds nothing to take.
    if (id === undefined || !this.registeredAt.has(id) || this.killed.has(id)) {
      this.lossCount.missed++;
      return;
    }
    this.lossCount.applied++;
    this.scheduler.loseExecutor(id, now);
    const life = this.lifeOf.get(id);
    if (life) life.reason = 'lost';
    this.deletePod(id, now);
  }

  private runningAt(id: number, visibleAt: number): number {
    const created = this.store.createdAt(id) ?? visibleAt;
    return this.planner?.runningAt(id, created, visibleAt) ?? visibleAt + podStartMs(this.spec.latency, id);
  }

  private recordLife(id: number, now: number, profile: number): void {
    const life: SimulatedExecutorLife = { id, addedMs: now, profile };
    this.lives.push(life);
    this.lifeOf.set(id, life);
  }

  // ---- the allocation manager's tick -------------------------------------------------------------------------------

  private tick(): void {
    const manager = this.manager as AllocationManager;
    this.meter.spend(1);
    const wasDirty = this.dirty;
    this.dirty = false;
    const before = manager.totalTarget();
    const result = manager.schedule();
    const quiet = !wasDirty && result.delta === 0 && result.removed.length === 0 && manager.totalTarget() === before;
    this.lastTick = this.now;
    if (!quiet || this.dirty) {
      this.nextTick = this.now + TICK_MS;
      return;
    }
    // Nothing changed and nothing happened since the last tick: the next tick that can matter is the first one at or
    // after the backlog timer or an executor's idle deadline, unless an event comes first (see wake()).
    const wake = this.nextDeadline();
    this.nextTick = wake === Infinity ? Infinity : Math.max(this.now + TICK_MS, Math.ceil(wake / TICK_MS) * TICK_MS);
  }

  private nextDeadline(): number {
    const manager = this.manager as AllocationManager;
    const monitor = this.monitor as ExecutorMonitor;
    this.meter.spend(this.registeredAt.size); // the scan below visits every executor
    let wake = Infinity;
    const addTime = manager.addTimeMs;
    if (addTime !== undefined && addTime > this.now) wake = addTime;
    for (const id of this.registeredAt.keys()) {
      const at = monitor.removableDeadline(this.text(id));
      if (at !== undefined && at > this.now && at < wake) wake = at;
    }
    return wake;
  }

  /** After an event while ticks are skipped: the tick grid resumes at the first tick not yet run. */
  private wake(): void {
    if (!this.manager || !this.dirty) return;
    const next = Math.max(this.lastTick + TICK_MS, Math.ceil(this.now / TICK_MS) * TICK_MS);
    if (next < this.nextTick) this.nextTick = next;
  }

  /** While tasks run, the next speculation check is queued at the next point of the interval's grid. */
  private armSpeculation(): void {
    const interval = this.spec.speculation?.intervalMs;
    if (interval === undefined || this.speculationArmed || this.scheduler.runningTasks === 0) return;
    this.speculationArmed = true;
    this.events.push((Math.floor(this.now / interval) + 1) * interval, SPECULATE);
  }

  // ---- timeline --------------------------------------------------------------------------------------------------

  private target(): number {
    return this.manager ? this.manager.totalTarget() : this.staticTarget;
  }

  private sample(force: boolean): void {
    const running = this.running;
    const target = this.target();
    const pendingPods = this.store.pending + this.store.unseen + (this.yarn ? this.yarn.pending : 0);
    const busySlots = this.scheduler.runningTasks;
    const pendingTasks = this.scheduler.pendingTasks;
    const livePvcs = this.pvcs.liveCount();
    const last = this.timeline.last();
    if (
      last !== undefined &&
      !force &&
      last.running === running &&
      last.target === target &&
      last.pendingPods === pendingPods &&
      last.busySlots === busySlots &&
      last.pendingTasks === pendingTasks &&
      last.livePvcs === livePvcs
    ) {
      return;
    }
    const bucket = Math.floor(this.now / TICK_MS);
    if (last !== undefined && bucket === this.lastBucket && !force) {
      last.running = running;
      last.target = target;
      last.pendingPods = pendingPods;
      last.busySlots = busySlots;
      last.pendingTasks = pendingTasks;
      last.livePvcs = livePvcs;
      return;
    }
    this.lastBucket = bucket;
    this.timeline.push({ t: this.now / 1000, running, target, pendingPods, busySlots, pendingTasks, livePvcs });
  }

  // ---- main loop -------------------------------------------------------------------------------------------------

  run(): ClusterRunOutput {
    const limits = this.spec.limits ?? DEFAULT_LIMITS;
    const batchDelay = Math.max(1, this.spec.pods.batchDelayMs);
    this.clock.setTime(0);
    this.scheduler.start(0);
    if (this.manager) this.manager.start();
    else this.setTarget(this.staticTarget);
    if (this.pvcs.waitMode && this.spec.pods.apiPollingIntervalMs > 0) {
      this.events.push(this.spec.pods.apiPollingIntervalMs, { kind: 'poll' });
    }
    let steps = 0;
    let completed = this.scheduler.done;
    let jobsEnd = completed ? 0 : -1;
    const tail = this.spec.appTailMs;
    while (!completed || (tail !== undefined && tail > 0)) {
      const t = Math.min(this.scheduler.nextTaskEnd(), this.events.peekTime(), this.nextTick, this.nextAllocate);
      if (completed && t > jobsEnd + (tail ?? 0)) {
        // The application's end: the driver stayed this long after its last job.
        this.now = jobsEnd + (tail ?? 0);
        this.clock.setTime(this.now);
        break;
      }
      if (t > limits.maxSimMs) {
        this.now = limits.maxSimMs;
        this.notes.push(
          `Stopped after ${limits.maxSimMs / 3_600_000} hours of simulated time with work left: the numbers cover that span only.`,
        );
        break;
      }
      if (++steps > limits.maxSteps) {
        this.notes.push(
          `Stopped after ${limits.maxSteps} simulation steps at ${t / 1000} s with work left: the numbers cover that span only.`,
        );
        break;
      }
      if (!this.meter.spend(1) || !this.meter.executorsCreated(this.allocator.created, this.allocator.budgetReached))
        break;
      this.now = t;
      this.clock.setTime(t);
      if (this.scheduler.nextTaskEnd() === t) this.scheduler.finishTasksAt(t);
      while (this.events.peekTime() === t) this.handle(this.events.pop() as SimEvent);
      if (this.scheduler.done && !completed) {
        completed = true;
        jobsEnd = t;
        if (tail === undefined || tail <= 0) break;
      }
      if (this.nextAllocate === t) {
        if (this.yarn) this.nextAllocate = this.yarn.run(t);
        else {
          this.allocator.run(t);
          this.nextAllocate = t + batchDelay;
        }
      }
      this.armSpeculation();
      this.wake();
      if (this.nextTick === t) this.tick();
      this.sample(false);
    }
    return this.finish(completed, jobsEnd < 0 ? this.now : jobsEnd);
  }

  private finish(completed: boolean, jobsEndMs: number): ClusterRunOutput {
    const end = this.now;
    for (const [id, at] of this.registeredAt) {
      this.executorMs += end - at;
      this.tally?.executorGone(this.store.profileOf(id), end - at);
    }
    for (const [id, since] of this.runningSince) {
      this.podRunningMs += end - since;
      this.tally?.podRan(this.store.profileOf(id), end - since);
    }
    this.sample(false);
    const last = this.timeline.last();
    if (last === undefined || last.t < end / 1000) this.sample(true);
    const timeline = this.timeline.finish();
    if (this.allocator.limitReached) {
      this.notes.push(
        'The pod creation limit (spark.kubernetes.allocation.maximum) was reached: Spark refuses to create more executor pods.',
      );
    }
    if (this.yarn?.heldForRoom) {
      this.notes.push(
        `YARN had room for ${this.spec.yarn?.maxContainers} executor containers at once: some granted containers waited for killed executors to leave.`,
      );
    }
    if (this.allocator.waitedForPvc) {
      this.notes.push(
        'Wait-to-reuse held back executor pods until an existing PVC was free (spark.kubernetes.driver.waitToReusePersistentVolumeClaim).',
      );
    }
    return {
      timeline: timeline.points,
      timelineSamples: timeline.samples,
      timelineThinned: timeline.thinned,
      work: this.meter.workDone,
      ...(this.meter.exceeded ? { budgetExceeded: this.meter.exceeded } : {}),
      ...(this.spec.losses && this.spec.losses.length > 0 ? { losses: { ...this.lossCount } } : {}),
      endMs: end,
      completed,
      jobsEndMs,
      jobs: this.jobTimes,
      stages: this.stageTimes,
      executors: this.lives,
      executorMs: this.executorMs,
      podRunningMs: this.podRunningMs,
      busyTaskMs: this.scheduler.busyMs,
      peakExecutors: this.peak,
      podsCreated: this.allocator.created,
      executorsRemoved: this.removed,
      pvc: this.pvcs.totals(end),
      tasks: this.scheduler.totalTasks,
      notes: this.notes,
      timeSplit: this.ledger.finish(end),
      shuffleLoss: {
        ...this.loss,
        recomputedTasks: this.scheduler.recomputedTasks,
        recomputeMs: this.scheduler.recomputedMs,
      },
      ...(this.tally ? { profiles: this.tally.figures(this.scheduler.busyMsByProfile) } : {}),
      ...(this.spec.history || this.spec.speculation ? { attempts: { ...this.attempts } } : {}),
    };
  }
}

/** Runs one simulation (DRA or a fixed executor count) to the end of the workload or a limit. */
export function runCluster(spec: ClusterRunSpec): ClusterRunOutput {
  return new ClusterSim(spec).run();
}
