// The simulation driver: one integer-millisecond clock moving from event to event. It runs the allocation manager's
// schedule every 100 ms (skipping ticks that provably change nothing, see cluster/manager-ticks.ts), the pod allocator
// every batch.delay (or YARN's allocator thread as it asks), pods through the latency model, executors registering,
// being lost and exiting, and the task scheduler feeding the listener events (cluster/listener-feed.ts).
// With resource profiles besides the default (DRA runs only), targets, pods, executors and slots are per profile.
import { TICK_MS } from '../spark-constants';
import { AllocationManager } from './allocation-manager';
import { DEFAULT_BUDGET, WorkMeter } from './budget';
import { ManualClock } from './clock';
import { ExecutorMonitor } from './executor-monitor';
import { StartPlanner } from './k8s/calibrated-start';
import { PodAllocator } from './k8s/pod-allocator';
import { PodStore } from './k8s/pod-store';
import { PvcManager } from './pvc/pvc-manager';
import { EventHeap } from './scheduler/heap';
import { TaskScheduler } from './scheduler/task-scheduler';
import { ExecutorTimeLedger } from './time-ledger';
import { ShuffleOutputs } from './scheduler/shuffle-outputs';
import { ProfileTally } from './profile-tally';
import { SpeculationTracker } from './scheduler/speculation';
import { YarnAllocator } from './yarn/container-allocator';
import { allocationClient } from './cluster/allocation-client';
import { allocatorLimitNotes, fixedCountProfilesNote } from './cluster/closing-notes';
import { ExecutorLifecycle } from './cluster/executor-lifecycle';
import { ExecutorRoster } from './cluster/executor-roster';
import { schedulerListener, type AttemptCounts } from './cluster/listener-feed';
import { ManagerTicks } from './cluster/manager-ticks';
import { RunRecords } from './cluster/run-records';
import { runOutput } from './cluster/run-output';
import { DEFAULT_LIMITS, type ClusterRunOutput, type ClusterRunSpec } from './cluster/run-spec';
import { ALLOCATE, SPECULATE, type SimEvent } from './cluster/sim-events';
import { TimelineSampler } from './cluster/timeline-sampler';
import { YarnLaunches } from './cluster/yarn-launches';

export { TICK_MS, DEFAULT_LIMITS };
export type {
  AllocationMode,
  ClusterLimits,
  ClusterRunOutput,
  ClusterRunSpec,
  ExecutorLoss,
  SimulatedExecutorLife,
  SimulatedJobTimes,
  SimulatedStageTimes,
} from './cluster/run-spec';

class ClusterSim {
  private readonly clock = new ManualClock(0);
  private readonly events = new EventHeap<SimEvent>();
  private readonly store = new PodStore();
  private readonly records = new RunRecords();
  private readonly pvcs: PvcManager;
  private readonly allocator: PodAllocator | YarnAllocator;
  /** The allocator when it is YARN's (the replay of a YARN log); undefined for the Kubernetes pod allocator. */
  private readonly yarn: YarnAllocator | undefined;
  private readonly scheduler: TaskScheduler;
  private readonly monitor: ExecutorMonitor | undefined;
  private readonly manager: AllocationManager | undefined;
  private readonly ticks: ManagerTicks;
  private readonly roster: ExecutorRoster;
  private readonly lifecycle: ExecutorLifecycle;
  private readonly notes: string[] = [];
  private readonly planner: StartPlanner | undefined;
  private readonly sampler: TimelineSampler;
  private readonly meter: WorkMeter;
  private readonly ledger: ExecutorTimeLedger;
  /** Per-profile figures; undefined unless this run keeps several profiles. */
  private readonly tally: ProfileTally | undefined;
  private readonly counts: AttemptCounts = { tasksRerun: 0, failed: 0, copies: 0, copiesWon: 0 };

  private now = 0;
  private nextAllocate = 0;
  private staticTarget = 0;
  /** A speculation check is queued (checks run on the interval's grid while tasks run). */
  private speculationArmed = false;

  constructor(private readonly spec: ClusterRunSpec) {
    if (spec.calibrated) this.planner = new StartPlanner(spec.calibrated, spec.latency.registerMs);
    const budget = spec.budget ?? DEFAULT_BUDGET;
    this.meter = new WorkMeter(budget);
    this.sampler = new TimelineSampler(budget.maxTimelinePoints, {
      running: () => this.roster.running,
      target: () => (this.manager ? this.manager.totalTarget() : this.staticTarget),
      pendingPods: () => this.store.pending + this.store.unseen + (this.yarn ? this.yarn.pending : 0),
      busySlots: () => this.scheduler.runningTasks,
      pendingTasks: () => this.scheduler.pendingTasks,
      livePvcs: () => this.pvcs.liveCount(),
    });
    this.pvcs = new PvcManager(spec.volumes, spec.pvc);
    const dra = spec.mode.kind === 'dra' ? spec.mode.config : undefined;
    const profiles = dra ? (spec.profiles ?? []) : [];
    if (profiles.length > 0) this.tally = new ProfileTally(profiles);
    this.roster = new ExecutorRoster((id) => this.store.profileOf(id), this.tally);
    if (spec.mode.kind === 'dra') {
      const monitor = new ExecutorMonitor(spec.mode.config, this.clock);
      this.monitor = monitor;
      this.ledger = new ExecutorTimeLedger(
        (id, into) => monitor.readHold(this.roster.name(id), into),
        spec.mode.config,
      );
      monitor.onPinChange = (id) => this.ledger.touch(Number(id), this.now);
    } else {
      this.ledger = new ExecutorTimeLedger();
      this.staticTarget = spec.mode.executors;
    }
    const launches = new YarnLaunches(spec.latency, this.planner, this.store, this.ledger, this.events);
    this.yarn = spec.yarn
      ? new YarnAllocator(spec.yarn, {
          requested: (request, now) => launches.requested(request, now),
          launch: (id, now, profile, request) => launches.launched(id, now, profile, request),
        })
      : undefined;
    const lifecycle = new ExecutorLifecycle({
      latency: spec.latency,
      planner: this.planner,
      shuffleLoss: spec.shuffleLoss,
      events: this.events,
      store: this.store,
      roster: this.roster,
      ledger: this.ledger,
      pvcs: this.pvcs,
      yarn: this.yarn,
      monitor: this.monitor,
      scheduler: () => this.scheduler,
      changed: () => {
        this.ticks.dirty = true;
      },
      lossesAfterRegistration: new Map(
        (spec.losses ?? []).flatMap((l) =>
          l.afterRegistrationMs === undefined ? [] : [[l.ordinal, l.afterRegistrationMs] as const],
        ),
      ),
    });
    this.lifecycle = lifecycle;
    this.allocator =
      this.yarn ??
      new PodAllocator(
        spec.pods,
        this.store,
        {
          createPod: (id, now, profile) => lifecycle.podCreated(id, now, profile),
          deletePod: (id, now) => lifecycle.podDeleted(id, now),
        },
        this.pvcs,
      );
    this.allocator.creationBudget = budget.maxExecutors;
    if (dra && this.monitor) {
      const client = allocationClient({
        now: () => this.now,
        events: this.events,
        roster: this.roster,
        scheduler: () => this.scheduler,
        ledger: this.ledger,
        yarn: this.yarn,
        latency: spec.latency,
        pods: spec.pods,
        calibrated: spec.calibrated,
        shuffleLoss: spec.shuffleLoss,
        migrated: lifecycle.loss,
        setTargets: (targets) => {
          if (this.allocator.setTargets(targets)) this.wakeAllocator();
        },
      });
      this.manager = new AllocationManager(dra, this.monitor, this.clock, client);
    }
    this.ticks = new ManagerTicks(this.manager, this.monitor, dra?.pollingEnabled ?? false, this.meter, this.roster);
    for (const loss of spec.losses ?? [])
      if (loss.afterRegistrationMs === undefined) this.events.push(loss.atMs, { kind: 'lose', ordinal: loss.ordinal });
    const delay = spec.launchDelayMs ?? 0;
    for (const p of profiles) this.manager?.defineProfile(p.id, p.slots);
    // After the manager, monitor and ticks exist: the listener forwards to them.
    this.scheduler = new TaskScheduler(
      spec.workload,
      spec.tasksPerExecutor,
      schedulerListener({
        scheduler: () => this.scheduler,
        clock: this.clock,
        records: this.records,
        ledger: this.ledger,
        counts: this.counts,
        roster: this.roster,
        ticks: this.ticks,
        meter: this.meter,
        manager: this.manager,
        monitor: this.monitor,
      }),
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
      this.notes.push(fixedCountProfilesNote(spec.profiles));
    }
  }

  /** A new target reached the allocator: the pod allocator runs at once, YARN's thread as wakeAt says. */
  private wakeAllocator(): void {
    if (this.yarn) this.nextAllocate = Math.min(this.nextAllocate, this.yarn.wakeAt(this.now));
    else this.events.push(this.now, ALLOCATE);
  }

  private handle(e: SimEvent): void {
    const now = this.now;
    switch (e.kind) {
      case 'visible':
        this.lifecycle.podVisible(e.id, now);
        return;
      case 'running':
        this.lifecycle.podRunning(e.id, now);
        return;
      case 'register':
        this.lifecycle.executorRegisters(e.id, now);
        return;
      case 'exit':
        this.lifecycle.exited(e.id, now);
        return;
      case 'job':
        this.scheduler.startJob(e.job, now);
        return;
      case 'release':
        this.scheduler.releaseStage(e.stage, now);
        return;
      case 'lose':
        this.lifecycle.lose(e.ordinal, now);
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

  /** While tasks run, the next speculation check is queued at the next point of the interval's grid. */
  private armSpeculation(): void {
    const interval = this.spec.speculation?.intervalMs;
    if (interval === undefined || this.speculationArmed || this.scheduler.runningTasks === 0) return;
    this.speculationArmed = true;
    this.events.push((Math.floor(this.now / interval) + 1) * interval, SPECULATE);
  }

  // ---- main loop -------------------------------------------------------------------------------------------------

  run(): ClusterRunOutput {
    const limits = this.spec.limits ?? DEFAULT_LIMITS;
    const batchDelay = Math.max(1, this.spec.pods.batchDelayMs);
    const ticks = this.ticks;
    this.clock.setTime(0);
    this.scheduler.start(0);
    if (this.manager) this.manager.start();
    else if (this.allocator.setTotalExpectedExecutors(this.staticTarget)) this.wakeAllocator();
    if (this.pvcs.waitMode && this.spec.pods.apiPollingIntervalMs > 0) {
      this.events.push(this.spec.pods.apiPollingIntervalMs, { kind: 'poll' });
    }
    let steps = 0;
    let completed = this.scheduler.done;
    let jobsEnd = completed ? 0 : -1;
    const tail = this.spec.appTailMs;
    while (!completed || (tail !== undefined && tail > 0)) {
      const t = Math.min(this.scheduler.nextTaskEnd(), this.events.peekTime(), ticks.nextTick, this.nextAllocate);
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
      ticks.wake(t);
      if (ticks.nextTick === t) ticks.tick(t);
      this.sampler.sample(t, false);
    }
    return this.finish(completed, jobsEnd < 0 ? this.now : jobsEnd);
  }

  private finish(completed: boolean, jobsEndMs: number): ClusterRunOutput {
    const end = this.now;
    this.roster.settle(end);
    this.sampler.sample(end, false);
    const last = this.sampler.last();
    if (last === undefined || last.t < end / 1000) this.sampler.sample(end, true);
    const timeline = this.sampler.finish();
    this.notes.push(
      ...allocatorLimitNotes({
        podLimitReached: this.allocator.limitReached,
        yarnRoomHeld: this.yarn?.heldForRoom ? this.spec.yarn?.maxContainers : undefined,
        waitedForPvc: this.allocator.waitedForPvc,
      }),
    );
    return runOutput({
      spec: this.spec,
      endMs: end,
      completed,
      jobsEndMs,
      timeline,
      meter: this.meter,
      records: this.records,
      roster: this.roster,
      scheduler: this.scheduler,
      allocator: this.allocator,
      pvcs: this.pvcs,
      ledger: this.ledger,
      tally: this.tally,
      notes: this.notes,
      lossCount: this.lifecycle.lossCount,
      counts: this.counts,
      loss: this.lifecycle.loss,
    });
  }
}

/** Runs one simulation (DRA or a fixed executor count) to the end of the workload or a limit. */
export function runCluster(spec: ClusterRunSpec): ClusterRunOutput {
  return new ClusterSim(spec).run();
}
