// The simulator's front door: from a job file (or a conf from an event log) and a workload to a SimulationResult with
// a dynamic-allocation run and a static baseline on the same workload, scheduler and pod latency.
import { INT_MAX } from '../spark-constants';
import type { JobConfig, StorageClassInfo } from '../model';
import { DEFAULT_SPARK_VERSION, normalizeVersion, versionAtLeast } from '../version';
import { expandWorkload } from '../workload/expand';
import { getPreset, PRESET_NAMES } from '../workload/presets';
import type { Workload } from '../workload/types';
import {
  DEFAULT_LIMITS,
  runCluster,
  type AllocationMode,
  type ClusterLimits,
  type ClusterRunOutput,
  type ClusterRunSpec,
  type ExecutorLoss,
} from './cluster-sim';
import { budgetExceeded, resolveBudget, type BudgetExceeded, type SimulationBudget } from './budget';
import { resolveAllocationConfig, type AllocationConfig } from './config';
import { validateAllocationConfig } from './startup-checks';
import { executorShape } from './cost';
import { otherProfileSlots, profileInputs, resolveProfiles } from './profiles';
import { ConfReader } from './k8s/conf-reader';
import {
  CALIBRATION_KNOBS,
  fitLatencyParts,
  resolveCalibratedStart,
  type CalibratedStart,
} from './k8s/calibrated-start';
import { resolvePodLatency } from './k8s/latency';
import { resolvePodAllocatorSettings, validatePodAllocatorSettings } from './k8s/settings';
import { launchDelayMs } from './launch-delay';
import { clusterManagerOf, containerAllocatorSettings, managerName, replaysNatively } from './cluster-manager';
import { resolveYarnAllocatorSettings, YARN_ROOM_KNOB } from './yarn/settings';
import { resolvePrices, type Prices } from './prices';
import type { PvcSettings, ReclaimPolicy } from './pvc/pvc-manager';
import { executorOnDemandVolumes } from './pvc/volumes';
import { failure, success, type Problem, type Result } from '../../../../protocol/result';
import type { SimulationResult, StaticRun, WorkloadSource } from '../../../../protocol/simulation';
import { runDetails } from './run-details';
import { toBreakdown } from './breakdown';
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeCategory } from '../../../../protocol/advice';
import { runVerdict } from '../advisor/verdict';
import { resolveShuffleLoss, shuffleLossNotes } from './shuffle-loss';
import { writtenProperties } from './written-properties';
import { resolveSpeculation } from './scheduler/speculation-settings';
import type { TaskHistory } from './task-history';
import { attemptNotes } from './attempt-notes';
import { behaviourNotes, lossNote, staticCountNote, thinningNotes } from './run-notes';
import { round3, summarize } from './run-summary';
import { fileInputs, inputs } from './simulation-inputs';

export interface SimulateOptions {
  sparkVersion: string;
  /** What-if values applied over the job's own entries. */
  overrides?: Record<string, string>;
  /** Built-in workload preset; defaults to the first one. Ignored when `workload` is given. */
  preset?: string;
  workload?: Workload;
  /** Where `workload` came from (default: a workload file). */
  workloadSource?: WorkloadSource;
  /** Simulator knobs (see LATENCY_KNOBS, plus maxSimHours and maxSteps). */
  knobs?: Record<string, number>;
  prices?: Partial<Prices>;
  /** StorageClasses known for the job (their reclaim policy decides what happens to volumes). */
  storageClasses?: StorageClassInfo[];
  /**
   * Simulate the whole application: keep running this many seconds after the last job ends (the driver's idle time
   * before the application ended), so executors time out or stay as the configuration says. Unset: stop at the last job.
   */
  appTailSec?: number;
  /** Add per-job times and executor lifetimes to the DRA run (`dra.jobs`, `dra.executors`, `dra.lastJobEndSec`). */
  details?: boolean;
  /** Work budgets over the defaults (DEFAULT_BUDGET); going over one is a refusal that names it. */
  budget?: Partial<SimulationBudget>;
  /**
   * false: skip the static baseline (the advisor compares DRA runs only); `static` is then an empty run of 0
   * executors and a note says it was not simulated.
   */
  baseline?: boolean;
  /** Executors a replayed log shows lost (not killed by the driver), lost again in both runs at the same times. */
  executorLosses?: readonly ExecutorLoss[];
  /**
   * Run a YARN or standalone spark.master as that cluster manager (executors asked for all at once, no pods or PVCs)
   * rather than as Kubernetes: what a replay of a log's own configuration does. Other masters are unaffected.
   */
  nativeClusterManager?: boolean;
  /**
   * With nativeClusterManager on a YARN master: the cluster's room, executor containers that can exist at once (a
   * replay of the logged configuration takes the most the log shows alive together). Absent: no limit.
   */
  nativeContainerRoom?: number;
  /** Failed attempts, speculative races and slot waits of a replayed log, per task of `workload`. */
  taskHistory?: TaskHistory;
}

/** A refusal for going over a work budget is an `over-budget` problem whose message names the budget. */
export type SimulateJobResult = Result<SimulationResult>;

const K = 'spark.kubernetes.';

/** Simulates a job file: its effective Spark properties (written entries, then `overrides`) on a workload. */
export function simulateJob(job: JobConfig, options: SimulateOptions): SimulateJobResult {
  const version = normalizeVersion(options.sparkVersion) ?? DEFAULT_SPARK_VERSION;
  const { conf, rendered } = writtenProperties(job, version);
  const notes: string[] = [];
  if (rendered.size > 0) {
    notes.push(
      `Left to Helm, simulated as unset: ${[...rendered].join(', ')}. Simulate the rendered chart (helm template) for its real values.`,
    );
  }
  if (job.facts.platform === 'emr-serverless') {
    notes.push('EMR Serverless manages workers itself; simulated as Kubernetes executor pods with the same settings.');
  }
  return simulate(conf, options, notes);
}

/** Simulates a Spark conf given as properties (e.g. the one an event log recorded) on a workload. */
export function simulateConf(conf: Record<string, string>, options: SimulateOptions): SimulateJobResult {
  return simulate({ ...conf }, options, []);
}

function simulate(base: Record<string, string>, options: SimulateOptions, notes: string[]): SimulateJobResult {
  try {
    return simulateOrThrow(base, options, notes);
  } catch (err) {
    return failure('internal', `The simulator failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function pickWorkload(options: SimulateOptions): Result<Workload> {
  if (options.workload) return success(options.workload);
  const name = options.preset ?? PRESET_NAMES[0];
  const preset = getPreset(name);
  if (!preset)
    return failure('invalid-params', `Unknown workload preset "${name}"; choose one of: ${PRESET_NAMES.join(', ')}.`);
  return success(preset.workload);
}

function limitsFrom(knobs: Readonly<Record<string, number>>): ClusterLimits {
  const hours = knobs.maxSimHours;
  const steps = knobs.maxSteps;
  return {
    maxSimMs: typeof hours === 'number' && hours > 0 ? Math.round(hours * 3_600_000) : DEFAULT_LIMITS.maxSimMs,
    maxSteps: typeof steps === 'number' && steps > 0 ? Math.floor(steps) : DEFAULT_LIMITS.maxSteps,
  };
}

function isLocalMaster(master: string | undefined): boolean {
  return master !== undefined && (master === 'local' || master.startsWith('local['));
}

function simulateOrThrow(base: Record<string, string>, options: SimulateOptions, notes: string[]): SimulateJobResult {
  let version = normalizeVersion(options.sparkVersion);
  if (version === undefined) {
    notes.push(`Spark version "${options.sparkVersion}" not recognised: simulated as ${DEFAULT_SPARK_VERSION}.`);
    version = DEFAULT_SPARK_VERSION;
  }
  const conf: Record<string, string> = { ...base, ...(options.overrides ?? {}) };
  const picked = pickWorkload(options);
  if (!picked.ok) return picked;
  const workload = picked.value;
  const budgetOption = resolveBudget(options.budget);
  if (!budgetOption.ok) return budgetOption;
  const budget = budgetOption.value;

  // ---- what Spark reads at start-up ----
  const alloc = resolveAllocationConfig(conf, version);
  const draOn = alloc.enabled && (!isLocalMaster(alloc.master) || alloc.testing);
  const startup = validateAllocationConfig(alloc, version).filter(
    (i) =>
      i.severity === 'error' &&
      (draOn || i.id === 'task-cpus' || (i.id === 'parse' && !i.condition.startsWith('spark.dynamicAllocation.'))),
  );
  const reader = new ConfReader(conf, version);
  const manager = clusterManagerOf(alloc.master);
  const native = options.nativeClusterManager === true && replaysNatively(manager) ? manager : undefined;
  const k8sPods = resolvePodAllocatorSettings(reader, alloc.executorIdleTimeoutMs);
  const pods = native ? containerAllocatorSettings(k8sPods) : k8sPods;
  const shape = executorShape(reader);
  const profiles = resolveProfiles(workload.profiles, alloc, shape, reader);
  const speculation = resolveSpeculation(conf, version, alloc.tasksPerExecutor);
  const problems = [
    ...speculation.problems.map((p) => `Spark cannot read ${p}`),
    ...startup.map((i) => i.message),
    ...profiles.problems,
    ...validatePodAllocatorSettings(pods, version),
    ...reader.problems.map((p) => `Spark cannot read ${p}`),
  ];
  if (alloc.tasksPerExecutor < 1 && !problems.some((p) => p.includes('task'))) {
    problems.push(
      `An executor with ${alloc.executorCores} core(s) cannot run a task needing ${alloc.taskCpus} CPU(s).`,
    );
  }
  if (problems.length > 0) return failure('spark-would-not-start', problems.join(' '));

  // ---- pods, volumes, prices ----
  const knobs = options.knobs ?? {};
  const roomKnob = knobs[YARN_ROOM_KNOB];
  // The knob wins over the log's room; 0 lifts the limit.
  const yarnRoom =
    typeof roomKnob === 'number' && Number.isFinite(roomKnob) && roomKnob >= 0
      ? roomKnob >= 1
        ? Math.floor(roomKnob)
        : undefined
      : options.nativeContainerRoom;
  const latency = resolvePodLatency(knobs);
  const limits = limitsFrom(knobs);
  const prices = resolvePrices(options.prices);
  const volumes = native ? { onDemand: [], notes: [] } : executorOnDemandVolumes(conf);
  notes.push(...volumes.notes);
  const pvc = pvcSettings(
    reader,
    alloc,
    draOn,
    pods.podCreationTimeoutMs,
    pods.batchDelayMs,
    options.storageClasses ?? [],
    volumes.onDemand,
    notes,
  );

  if (alloc.enabled && !draOn)
    notes.push('Dynamic allocation is ignored with a local master: simulated with a fixed executor count.');
  if (!alloc.enabled) notes.push('DRA is off in this file: simulated as written, with a fixed executor count.');
  if (native) {
    notes.push(
      `spark.master is ${alloc.master}: replayed as ${managerName(native)}, as the log ran: executors are asked for ` +
        'all at once and start as the calibration from the log says (no Kubernetes pod batches, pending-pod caps or PVCs).',
    );
    if (native === 'yarn' && yarnRoom !== undefined) {
      notes.push(
        `YARN's room: at most ${yarnRoom} executor containers at once (${knobs[YARN_ROOM_KNOB] !== undefined ? `set by the ${YARN_ROOM_KNOB} knob` : 'the most the log shows alive together'}); a killed executor holds its container until it is gone.`,
      );
    }
  } else if (isLocalMaster(alloc.master) || (alloc.master !== undefined && !alloc.master.startsWith('k8s://'))) {
    notes.push(`spark.master is ${alloc.master}: simulated as a Kubernetes deployment.`);
  }
  const hintCores = workload.executor.cores;
  if (hintCores !== undefined && hintCores !== alloc.executorCores) {
    notes.push(
      `The workload was described for ${hintCores}-core executors; this configuration gives ${alloc.executorCores} core(s) (spark.executor.cores), which is what is simulated.`,
    );
  }
  const fixedCount = alloc.executorInstances ?? 2;
  const refusal = refuseBeforeRun(workload, alloc, draOn, fixedCount, budget);
  if (refusal) return overBudget(refusal);
  const expanded = expandWorkload(workload);
  notes.push(...behaviourNotes(expanded, alloc, draOn, native !== undefined));

  const calibrated = CALIBRATION_KNOBS.some((k) => typeof knobs[k] === 'number')
    ? resolveCalibratedStart(knobs)
    : undefined;
  const tail = options.appTailSec;
  const launchDelay = launchDelayMs(knobs);
  // Only the DRA run removes executors; the static baseline keeps its executors and loses nothing.
  const shuffleLoss = resolveShuffleLoss(alloc.shuffleStorage, knobs);
  const spec = (mode: AllocationMode): ClusterRunSpec => ({
    workload: expanded,
    mode,
    tasksPerExecutor: alloc.tasksPerExecutor,
    pods,
    latency: calibrated ? fitLatencyParts(latency, calibrated) : latency,
    volumes: volumes.onDemand,
    pvc,
    limits,
    ...(calibrated ? { calibrated: withColdCount(calibrated, mode, knobs) } : {}),
    ...(tail !== undefined && Number.isFinite(tail) && tail > 0 ? { appTailMs: Math.round(tail * 1000) } : {}),
    ...(launchDelay > 0 ? { launchDelayMs: launchDelay } : {}),
    ...(options.executorLosses && options.executorLosses.length > 0 ? { losses: options.executorLosses } : {}),
    budget,
    ...(mode.kind === 'dra' && shuffleLoss ? { shuffleLoss } : {}),
    ...(profiles.all.length > 1 ? { profiles: otherProfileSlots(profiles) } : {}),
    ...(options.taskHistory ? { history: options.taskHistory } : {}),
    ...(speculation.settings ? { speculation: speculation.settings } : {}),
    ...(native === 'yarn' ? { yarn: resolveYarnAllocatorSettings(reader, yarnRoom) } : {}),
  });
  const draRun = runCluster(spec(draOn ? { kind: 'dra', config: alloc } : { kind: 'static', executors: fixedCount }));
  if (draRun.budgetExceeded) return stoppedRun(draRun, draOn ? 'The DRA run' : 'The run');
  let staticCount: number;
  if (!draOn) staticCount = fixedCount;
  else if (alloc.executorInstances !== undefined) staticCount = alloc.executorInstances;
  else if (alloc.maxExecutors < INT_MAX) staticCount = alloc.maxExecutors;
  else staticCount = Math.max(1, draRun.peakExecutors);
  if (staticCount > budget.maxExecutors) {
    const over = budgetExceeded(
      'maxExecutors',
      staticCount,
      budget.maxExecutors,
      'before',
      "the static baseline's executor count (the DRA run's peak)",
    );
    return overBudget(over);
  }
  const staticRun =
    options.baseline === false ? undefined : runCluster(spec({ kind: 'static', executors: staticCount }));
  if (staticRun?.budgetExceeded) return stoppedRun(staticRun, 'The static baseline');
  if (draRun.losses) notes.push(lossNote(draRun.losses, options.executorLosses ?? []));
  // Static at the DRA run's peak: the fair baseline (a static job sized to what DRA needed at most).
  const rightSizedCount = Math.max(1, draRun.peakExecutors);
  let rightSizedRun: ClusterRunOutput | undefined;
  if (draOn && staticRun) {
    rightSizedRun =
      rightSizedCount === staticCount ? staticRun : runCluster(spec({ kind: 'static', executors: rightSizedCount }));
    if (rightSizedRun.budgetExceeded) return stoppedRun(rightSizedRun, 'The right-sized static baseline');
  }
  notes.push(...draRun.notes.map((n) => (draOn ? `DRA run: ${n}` : `Run: ${n}`)));
  if (staticRun) notes.push(...staticRun.notes.map((n) => `Static run: ${n}`));
  else notes.push('The static baseline was not simulated.');
  notes.push(...shuffleLossNotes(draRun.shuffleLoss, knobs).map((n) => `DRA run: ${n}`));
  notes.push(
    ...attemptNotes(draRun.attempts, speculation.settings).map((n) => (draOn ? `DRA run: ${n}` : `Run: ${n}`)),
  );
  if (draOn && staticRun) notes.push(staticCountNote(alloc, staticCount));
  notes.push(...thinningNotes(draRun, draOn ? 'DRA run' : 'Run', budget));
  if (staticRun) notes.push(...thinningNotes(staticRun, 'Static run', budget));

  let stageCount = 0;
  for (const job of expanded.jobs) stageCount += job.stages.length;
  const draBreakdown = toBreakdown(draRun.timeSplit);
  const staticResult = (run: ClusterRunOutput, executors: number): StaticRun => ({
    executors,
    timeline: run.timeline,
    summary: summarize(run, profiles, prices),
    breakdown: toBreakdown(run.timeSplit),
    ...thinnedFrom(run),
  });
  const result: SimulationResult = {
    dra: {
      timeline: draRun.timeline,
      summary: summarize(draRun, profiles, prices),
      breakdown: draBreakdown,
      ...(options.details ? runDetails(draRun) : {}),
      ...thinnedFrom(draRun),
    },
    static: staticRun ? staticResult(staticRun, staticCount) : { ...staticResult(NO_RUN, 0), timeline: [] },
    verdict: runVerdict(draRun.timeSplit, draBreakdown, draOn, alloc),
    notes,
    inputs: { ...inputs(reader, alloc, shape, knobs, prices), ...profileInputs(profiles) },
    fileInputs: fileInputs(base, version),
    workload: {
      name: workload.name,
      jobs: expanded.jobs.length,
      stages: stageCount,
      tasks: draRun.tasks,
      ...workloadOrigin(options),
    },
    sparkVersion: version,
  };
  if (rightSizedRun) {
    result.staticRightSized = staticResult(rightSizedRun, rightSizedCount);
    notes.push(`Right-sized static baseline: ${rightSizedCount} executors (the DRA run's peak).`);
  }
  return success(result);
}

/** Where the workload came from, and a preset's one-line description. */
function workloadOrigin(options: SimulateOptions): Pick<SimulationResult['workload'], 'source' | 'description'> {
  if (options.workload) return { source: options.workloadSource ?? 'file' };
  const preset = getPreset(options.preset ?? PRESET_NAMES[0]);
  return preset ? { source: 'preset', description: preset.description } : { source: 'preset' };
}

/** Unless a knob says otherwise, the cold executors are the ones the run asks for at start. */
function withColdCount(
  start: CalibratedStart,
  mode: AllocationMode,
  knobs: Readonly<Record<string, number>>,
): CalibratedStart {
  if (typeof knobs.coldExecutors === 'number') return start;
  return { ...start, coldExecutors: mode.kind === 'dra' ? mode.config.initialExecutors : mode.executors };
}

/** The refusal, before anything runs, of a workload or configuration that is over budget; undefined when within. */
function refuseBeforeRun(
  workload: Workload,
  alloc: AllocationConfig,
  draOn: boolean,
  fixedCount: number,
  budget: SimulationBudget,
): BudgetExceeded | undefined {
  let tasks = 0;
  for (const job of workload.jobs) for (const stage of job.stages) tasks += stage.tasks;
  if (tasks > budget.maxTasks)
    return budgetExceeded('maxTasks', tasks, budget.maxTasks, 'before', "the workload's task count");
  // Executor pods a run asks for whatever the workload does: the fixed count, the DRA run's floor and start, and the
  // static baseline's count when it does not depend on the DRA run.
  const counts: Array<[number, string]> = [];
  if (!draOn) counts.push([fixedCount, 'the fixed executor count']);
  else {
    counts.push(
      [alloc.minExecutors, 'spark.dynamicAllocation.minExecutors'],
      [alloc.initialExecutors, 'the initial executor target'],
    );
    if (alloc.executorInstances !== undefined)
      counts.push([alloc.executorInstances, "the static baseline's executor count (spark.executor.instances)"]);
    else if (alloc.maxExecutors < INT_MAX)
      counts.push([alloc.maxExecutors, "the static baseline's executor count (spark.dynamicAllocation.maxExecutors)"]);
  }
  for (const [count, what] of counts) {
    if (count > budget.maxExecutors) return budgetExceeded('maxExecutors', count, budget.maxExecutors, 'before', what);
  }
  return undefined;
}

/** A run stopped by its budget: the problem again, opened by which run it was and when it stopped. */
function stoppedRun(run: ClusterRunOutput, label: string): SimulateJobResult {
  const over = run.budgetExceeded as BudgetExceeded;
  const prefix = `${label} was stopped at ${round3(run.endMs / 1000)} s of simulated time`;
  const stopped = budgetExceeded(over.limit, over.figure, over.allowed, 'during', over.what, prefix);
  return overBudget(stopped);
}

function thinnedFrom(run: ClusterRunOutput): { thinnedFrom?: number } {
  return run.timelineThinned ? { thinnedFrom: run.timelineSamples } : {};
}

function pvcSettings(
  r: ConfReader,
  alloc: AllocationConfig,
  draOn: boolean,
  podCreationTimeoutMs: number,
  batchDelayMs: number,
  classes: readonly StorageClassInfo[],
  volumes: ReturnType<typeof executorOnDemandVolumes>['onDemand'],
  notes: string[],
): PvcSettings {
  const policies = new Map<string, ReclaimPolicy>();
  for (const v of volumes) {
    if (!v.creates || v.storageClass === undefined || policies.has(v.storageClass)) continue;
    const sc = classes.find((c) => c.name === v.storageClass);
    if (!sc) {
      notes.push(`Storage class ${v.storageClass} not found: assumed Delete (the Kubernetes default reclaim policy).`);
      policies.set(v.storageClass, 'Delete');
    } else {
      policies.set(v.storageClass, sc.reclaimPolicy?.value === 'Retain' ? 'Retain' : 'Delete');
    }
  }
  // Reusable claims must be older than podCreationTimeout from 4.0.0 (SPARK-49385), batch.delay in 3.4–3.5
  // (SPARK-41388); before 3.4 any age will do.
  let reuseMinAgeMs = -1;
  if (versionAtLeast(r.version, '4.0.0')) reuseMinAgeMs = podCreationTimeoutMs;
  else if (versionAtLeast(r.version, '3.4.0')) reuseMinAgeMs = batchDelayMs;
  return {
    ownByDriver: r.bool(`${K}driver.ownPersistentVolumeClaim`, false),
    reuse: r.bool(`${K}driver.reusePersistentVolumeClaim`, false),
    waitToReuse: r.bool(`${K}driver.waitToReusePersistentVolumeClaim`, false),
    maxPvcs: draOn ? alloc.maxExecutors : (alloc.executorInstances ?? 2),
    reuseMinAgeMs,
    reclaimPolicy: (sc) => policies.get(sc) ?? 'Delete',
  };
}

/** The figures of a run that did not happen (a baseline left out). */
const NO_RUN: ClusterRunOutput = {
  timeline: [],
  endMs: 0,
  completed: false,
  jobsEndMs: 0,
  jobs: [],
  stages: [],
  executors: [],
  executorMs: 0,
  podRunningMs: 0,
  busyTaskMs: 0,
  peakExecutors: 0,
  podsCreated: 0,
  executorsRemoved: 0,
  pvc: { created: 0, reused: 0, gibHours: 0, gibLeftBehind: 0, peakLive: 0 },
  tasks: 0,
  notes: [],
  timelineSamples: 0,
  timelineThinned: false,
  work: 0,
  timeSplit: {
    ms: Object.fromEntries(EXECUTOR_TIME_CATEGORIES.map((category) => [category, 0])) as Record<
      ExecutorTimeCategory,
      number
    >,
    inactiveShuffleMs: 0,
    cacheWithShuffleMs: 0,
  },
  shuffleLoss: { lostOutputs: 0, migratedOutputs: 0, recomputedTasks: 0, recomputeMs: 0 },
};

/** A budget refusal as the `over-budget` problem, naming the limit. */
function overBudget(over: BudgetExceeded): { ok: false; problem: Problem } {
  return {
    ok: false,
    problem: {
      code: 'over-budget',
      message: over.message,
      limit: { name: over.limit, figure: over.figure, allowed: over.allowed, stage: over.stage },
    },
  };
}
