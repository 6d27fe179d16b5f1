// Trace mode (trace format v1): drives the allocation manager and executor monitor with scripted listener events,
// the way Spark's own allocation tests do, and records every target change and removal.
import { TICK_MS } from '../spark-constants';
import { DEFAULT_SPARK_VERSION, OLDEST_SPARK, compareVersions, normalizeVersion } from '../version';
import { AllocationManager } from './allocation-manager';
import { ManualClock } from './clock';
import { resolveAllocationConfig, type AllocationConfig } from './config';
import { validateAllocationConfig } from './startup-checks';
import { ExecutorMonitor } from './executor-monitor';
import { failure, success, type Result } from '../../../../protocol/result';
import { parseTraceInput, type TraceEvent } from './trace-input';

export interface TraceDecision {
  /** Seconds. */
  t: number;
  target: number;
  delta: number;
}

export interface TraceRemoval {
  t: number;
  executors: string[];
}

export interface TraceOutput {
  decisions: TraceDecision[];
  removals: TraceRemoval[];
  final: {
    target: number;
    /** Executors asked to exit (killed) and not yet reported gone, sorted as strings. */
    pendingRemoval: string[];
    /** Executors being decommissioned (spark.decommission.enabled) and not yet gone, sorted as strings. */
    decommissioning: string[];
  };
}

/** Bad input is `unreadable-input`; a configuration Spark rejects at start-up is `spark-would-not-start`. */
export type TraceResult = Result<TraceOutput>;

export { TICK_MS };

class TraceError extends Error {}

interface StageState {
  attempt: number;
  tasks: number;
  completed: boolean;
}

/** Applies events to the manager and monitor, refusing events that cannot happen at that moment. */
class TraceDriver {
  private readonly stages = new Map<number, StageState>();
  /** `stage|index|executor|speculative` → attempts of the copies running there, oldest first. */
  private readonly runningTasks = new Map<string, number[]>();
  private readonly executors = new Set<string>();
  private readonly jobs = new Set<number>();

  constructor(
    private readonly manager: AllocationManager,
    private readonly monitor: ExecutorMonitor,
  ) {}

  apply(event: TraceEvent, where: string): void {
    switch (event.type) {
      case 'stageSubmitted': {
        const known = this.stages.get(event.stage);
        if (known && !known.completed) throw new TraceError(`${where}: stage ${event.stage} is already running`);
        const attempt = known ? known.attempt + 1 : 0;
        this.stages.set(event.stage, { attempt, tasks: event.tasks, completed: false });
        this.manager.onStageSubmitted({ stageId: event.stage, attempt }, event.tasks);
        return;
      }
      case 'stageCompleted': {
        const stage = this.liveStage(event.stage, where);
        stage.completed = true;
        this.manager.onStageCompleted({ stageId: event.stage, attempt: stage.attempt });
        return;
      }
      case 'taskStart': {
        const stage = this.liveStage(event.stage, where);
        this.checkIndex(stage, event.stage, event.index, where);
        if (!this.executors.has(event.executor)) {
          throw new TraceError(
            `${where}: executor "${event.executor}" is not registered (add it with executorAdded first)`,
          );
        }
        const k = taskKey(event.stage, event.index, event.executor, event.speculative);
        const list = this.runningTasks.get(k) ?? [];
        list.push(stage.attempt);
        this.runningTasks.set(k, list);
        this.manager.onTaskStart({ stageId: event.stage, attempt: stage.attempt }, event.index, event.speculative);
        this.monitor.onTaskStart(event.executor);
        return;
      }
      case 'taskEnd': {
        this.knownStage(event.stage, where);
        const k = taskKey(event.stage, event.index, event.executor, event.speculative);
        const list = this.runningTasks.get(k);
        const attempt = list?.shift();
        if (attempt === undefined) {
          const copy = event.speculative ? 'speculative copy of task' : 'task';
          throw new TraceError(
            `${where}: no ${copy} ${event.index} of stage ${event.stage} is running on executor "${event.executor}"`,
          );
        }
        if (list && list.length === 0) this.runningTasks.delete(k);
        this.manager.onTaskEnd({ stageId: event.stage, attempt }, event.index, event.reason, event.speculative);
        this.monitor.onTaskEnd(event.executor, event.stage, event.reason === 'success');
        return;
      }
      case 'speculativeTaskSubmitted': {
        const stage = this.liveStage(event.stage, where);
        this.checkIndex(stage, event.stage, event.index, where);
        this.manager.onSpeculativeTaskSubmitted({ stageId: event.stage, attempt: stage.attempt }, event.index);
        return;
      }
      case 'unschedulable': {
        const stage = this.knownStage(event.stage, where);
        const ref = { stageId: event.stage, attempt: stage.attempt };
        if (event.on) this.manager.onUnschedulableTaskSetAdded(ref);
        else this.manager.onUnschedulableTaskSetRemoved(ref);
        return;
      }
      case 'executorAdded':
        this.executors.add(event.executor);
        this.monitor.onExecutorAdded(event.executor);
        return;
      case 'executorRemoved':
        this.registered(event.executor, where);
        this.executors.delete(event.executor);
        this.monitor.onExecutorRemoved(event.executor);
        return;
      case 'jobStart':
        if (this.jobs.has(event.job)) throw new TraceError(`${where}: job ${event.job} is already running`);
        this.jobs.add(event.job);
        this.monitor.onJobStart(
          event.job,
          event.shuffles.map((s) => ({ stageId: s.stage, shuffleId: s.shuffle })),
        );
        return;
      case 'jobEnd':
        if (!this.jobs.delete(event.job)) throw new TraceError(`${where}: job ${event.job} is not running`);
        this.monitor.onJobEnd(event.job);
        return;
      case 'rddBlock':
        this.registered(event.executor, where);
        this.monitor.onBlockUpdated(event.executor, event.rdd, event.cached);
        return;
      case 'shuffleCleaned':
        this.monitor.onShuffleCleaned(event.shuffle);
        return;
    }
  }

  private knownStage(stageId: number, where: string): StageState {
    const stage = this.stages.get(stageId);
    if (!stage) throw new TraceError(`${where}: stage ${stageId} was never submitted`);
    return stage;
  }

  private liveStage(stageId: number, where: string): StageState {
    const stage = this.knownStage(stageId, where);
    if (stage.completed) throw new TraceError(`${where}: stage ${stageId} has already completed`);
    return stage;
  }

  private checkIndex(stage: StageState, stageId: number, index: number, where: string): void {
    if (index >= stage.tasks) {
      throw new TraceError(`${where}: stage ${stageId} has ${stage.tasks} task(s), so index ${index} does not exist`);
    }
  }

  private registered(executor: string, where: string): void {
    if (!this.executors.has(executor)) throw new TraceError(`${where}: executor "${executor}" is not registered`);
  }
}

function taskKey(stage: number, index: number, executor: string, speculative: boolean): string {
  return `${stage}|${index}|${executor}|${speculative ? 's' : 'o'}`;
}

/** Why Spark would not run this allocation manager at all, or undefined when it would. */
function startupProblem(cfg: AllocationConfig, version: string): string | undefined {
  if (!cfg.enabled) {
    return 'spark.dynamicAllocation.enabled is not "true": Spark would not start dynamic allocation, so there is nothing to trace';
  }
  if (cfg.master !== undefined && /^local(\[.*\])?$/.test(cfg.master) && !cfg.testing) {
    return `spark.master=${cfg.master} turns dynamic allocation off (unless spark.dynamicAllocation.testing=true)`;
  }
  const errors = validateAllocationConfig(cfg, version).filter((issue) => issue.severity === 'error');
  if (errors.length === 0) return undefined;
  const lines = errors.map((e) => `  [${e.id}] ${e.condition}: ${e.message}`);
  return `Spark ${version} would fail at start-up:\n${lines.join('\n')}`;
}

/**
 * Runs a trace (trace format v1). Invalid input — bad shape or types, unknown event types, events that cannot
 * happen (a task of a stage never submitted), or a configuration Spark rejects at start-up — gives a problem whose
 * message names it. The same input always gives the same output.
 */
export function runTrace(input: unknown): TraceResult {
  const parsed = parseTraceInput(input);
  if (!parsed.ok) return failure('unreadable-input', parsed.error);
  const trace = parsed.value;

  const requested = trace.sparkVersion ?? DEFAULT_SPARK_VERSION;
  const version = normalizeVersion(requested);
  if (version === undefined)
    return failure('unreadable-input', `"sparkVersion" ${JSON.stringify(requested)} is not a Spark version`);
  if (compareVersions(version, OLDEST_SPARK) < 0) {
    return failure('unreadable-input', `Spark ${version} is older than the oldest version modelled (${OLDEST_SPARK})`);
  }
  const cfg = resolveAllocationConfig(trace.conf, version);
  const problem = startupProblem(cfg, version);
  if (problem !== undefined) return failure('spark-would-not-start', problem);

  const clock = new ManualClock(0);
  const monitor = new ExecutorMonitor(cfg, clock);
  const manager = new AllocationManager(cfg, monitor, clock);
  const driver = new TraceDriver(manager, monitor);
  const output: TraceOutput = {
    decisions: [],
    removals: [],
    final: { target: 0, pendingRemoval: [], decommissioning: [] },
  };
  const currentTarget = (): number => manager.target() ?? 0;

  manager.start();
  let next = 0;
  const applyUpTo = (ms: number): void => {
    while (next < trace.events.length) {
      const event = trace.events[next];
      if (event === undefined || event.atMs > ms) return;
      clock.setTime(event.atMs);
      driver.apply(event, `events[${next}] (${event.type} at t=${event.atMs / 1000})`);
      next += 1;
    }
  };

  try {
    for (let tick = 0; tick <= trace.untilMs; tick += TICK_MS) {
      applyUpTo(tick);
      clock.setTime(tick);
      if (!cfg.pollingEnabled) continue;
      const before = currentTarget();
      const { removed } = manager.schedule();
      const after = currentTarget();
      if (after !== before) output.decisions.push({ t: tick / 1000, target: after, delta: after - before });
      if (removed.length > 0) output.removals.push({ t: tick / 1000, executors: removed });
    }
    applyUpTo(trace.untilMs);
  } catch (e) {
    if (e instanceof TraceError) return failure('unreadable-input', e.message);
    throw e;
  }
  clock.setTime(trace.untilMs);
  output.final = {
    target: currentTarget(),
    pendingRemoval: monitor.pendingRemovalIds(),
    decommissioning: monitor.decommissioningIds(),
  };
  return success(output);
}
