// A replay of an event log through the simulator: the log's workload under the logged configuration (optionally
// changed by `conf`) or under a job file, calibrated from the log, over the whole application, with the fidelity of
// the logged configuration's replay. Pure: the log is already read.
import type { JobConfig, StorageClassInfo } from '../model';
import { simulateConf, simulateJob, type SimulateJobResult, type SimulateOptions } from '../simulator/simulate-job';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../version';
import { calibrateFromLog, impliedInitialExecutors, withKnobOverrides } from './calibrate';
import { executorLosses } from './executor-losses';
import { computeFidelity } from './fidelity';
import type { EventLogReplay } from './types';
import { unmodelledNotes } from './unmodelled';
import { historyNotes } from './history-notes';
import { localityWaitScale } from './locality-scale';
import { historyFor } from '../simulator/task-history';
import { writtenProperties } from '../simulator/written-properties';

export interface ReplayOptions {
  /** The Spark version to simulate; defaults to the log's. */
  sparkVersion?: string;
  /** Properties set over the logged configuration (or the job file's), like `--conf k=v`. */
  conf?: Record<string, string>;
  /** Simulator knobs; they win over the calibrated ones. */
  knobs?: Record<string, number>;
  /** Use the start-up and removal times measured in the log (default true); false gives the typical pod model. */
  calibrate?: boolean;
  /** Simulate from application start to application end (default true); false stops at the last job. */
  wholeApplication?: boolean;
  prices?: SimulateOptions['prices'];
}

/**
 * How a replay simulates the log's workload: calibrated knobs, the application's tail, `options.conf` as overrides,
 * and the log's task history with its slot waits scaled to the target's spark.locality.wait (`targetConf`: the
 * configuration replayed before `options.conf`).
 */
export function replaySimulateOptions(
  log: EventLogReplay,
  options: ReplayOptions,
  version: string,
  targetConf: Readonly<Record<string, string>> = log.conf,
): SimulateOptions {
  const calibration = options.calibrate === false ? undefined : calibrateFromLog(log);
  const knobs = { ...(calibration?.knobs ?? {}), ...(options.knobs ?? {}) };
  const out: SimulateOptions = {
    sparkVersion: version,
    workload: log.workload,
    workloadSource: 'event log',
    knobs,
    details: true,
  };
  if (options.prices) out.prices = options.prices;
  if (options.wholeApplication !== false) {
    const tail = calibration?.appTailSec ?? calibrateFromLog(log).appTailSec;
    if (tail > 0) out.appTailSec = tail;
  }
  if (options.conf && Object.keys(options.conf).length > 0) out.overrides = { ...options.conf };
  const history = log.taskHistory;
  if (history && Object.keys(history.stages).length > 0) {
    const scale = waitScaleOf(log, options, targetConf);
    // Only the logged configuration replays the logged races' run times; a what-if's copies take the median.
    const logged = targetConf === log.conf && (!options.conf || Object.keys(options.conf).length === 0);
    out.taskHistory = historyFor(history, scale, logged);
  }
  return out;
}

/** The factor on the log's slot waits when `targetConf`, with `options.conf` over it, is replayed. */
function waitScaleOf(
  log: EventLogReplay,
  options: ReplayOptions,
  targetConf: Readonly<Record<string, string>>,
): number {
  return localityWaitScale(log.conf, { ...targetConf, ...(options.conf ?? {}) });
}

/** Adds the calibration (unless turned off) and what the log shows that is not modelled to the notes. */
function withCalibration(
  outcome: SimulateJobResult,
  log: EventLogReplay,
  options: ReplayOptions,
  simOptions: SimulateOptions,
  targetConf: Readonly<Record<string, string>>,
  lossesReplayed = false,
): SimulateJobResult {
  if (!outcome.ok) return outcome;
  const notes = [
    ...outcome.value.notes,
    ...historyNotes(log, simOptions.taskHistory, waitScaleOf(log, options, targetConf)),
    ...unmodelledNotes(log, { lossesReplayed }),
  ];
  if (options.calibrate === false) return { ok: true, value: { ...outcome.value, notes } };
  const calibration = withKnobOverrides(calibrateFromLog(log), options.knobs ?? {});
  notes.unshift(`Calibrated from the log: ${calibration.summary}.`);
  return { ok: true, value: { ...outcome.value, notes, calibration } };
}

/** The log's workload under the logged configuration (with `options.conf` over it). */
export function replayLoggedConfiguration(log: EventLogReplay, options: ReplayOptions = {}): SimulateJobResult {
  const version = options.sparkVersion ?? normalizeVersion(log.sparkVersion) ?? DEFAULT_SPARK_VERSION;
  // Only the unchanged logged configuration replays the log's executor losses (a what-if has other executors) and
  // gets a fidelity report (like with like).
  const unchanged = !options.conf || Object.keys(options.conf).length === 0;
  const simOptions = replaySimulateOptions(log, options, version);
  const losses = unchanged ? executorLosses(log.observed.executors) : [];
  if (losses.length > 0) simOptions.executorLosses = losses;
  // The log's own cluster manager (YARN, standalone) when the configuration still names it; a job file is Kubernetes.
  simOptions.nativeClusterManager = true;
  // The cluster had room for at least the executors the log shows alive together; a calibrated replay on the log's own
  // cluster assumes no more, what-ifs included, so that a what-if and the logged run it is compared with share one
  // cluster (a Kubernetes master leaves the YARN allocator, and its room, behind).
  if (options.calibrate !== false && log.observed.peakExecutors > 0)
    simOptions.nativeContainerRoom = log.observed.peakExecutors;
  const { conf, notes } = withLoggedExecutors(log);
  const simulated = simulateConf(conf, simOptions);
  if (simulated.ok) simulated.value.notes.push(...notes);
  const outcome = withCalibration(simulated, log, options, simOptions, log.conf, losses.length > 0);
  if (!outcome.ok) return outcome;
  if (!unchanged) return outcome;
  return { ok: true, value: { ...outcome.value, fidelity: computeFidelity(log.observed, outcome.value) } };
}

/**
 * A local-mode log: the driver ran every task itself, with as many task threads as the log's "driver" executor has
 * cores (local[N]); spark.executor.cores and instances mean nothing there. Replayed as one executor of that size.
 */
function localMode(
  log: EventLogReplay,
  cores: number | undefined,
): { conf: Readonly<Record<string, string>>; notes: string[] } {
  if (cores === undefined || log.observed.peakExecutors !== 1) return { conf: log.conf, notes: [] };
  return {
    conf: { ...log.conf, 'spark.executor.instances': '1', 'spark.executor.cores': String(cores) },
    notes: [
      `Local mode: the driver ran the tasks on ${cores} thread(s); the replay runs them on one executor with ` +
        `${cores} core(s).`,
    ],
  };
}

/**
 * The logged configuration with the executors the log shows where it leaves them to the cluster manager's default:
 * spark.executor.cores (1 on YARN and Kubernetes, all of a worker's free cores on standalone) and, without dynamic
 * allocation, spark.executor.instances (2 on YARN and Kubernetes, as many as the cores allow on standalone); with
 * dynamic allocation, the initial executors when the log shows more starting than the configuration asks for.
 */
function withLoggedExecutors(log: EventLogReplay): { conf: Readonly<Record<string, string>>; notes: string[] } {
  const conf = { ...log.conf };
  const notes: string[] = [];
  const master = conf['spark.master'] ?? '';
  const cores = log.workload.executor.cores;
  // local-cluster[workers,cores,memory] runs real executors, as a standalone cluster does.
  if (master === 'local' || master.startsWith('local[')) return localMode(log, cores);
  if (conf['spark.executor.cores'] === undefined && cores !== undefined && cores !== 1) {
    conf['spark.executor.cores'] = String(cores);
    notes.push(
      `spark.executor.cores is not set in the log; its executors had ${cores} cores each (the default is the ` +
        'cluster manager’s: all of a worker’s free cores on standalone), so the replay gives them that many.',
    );
  }
  const count = log.observed.peakExecutors;
  const dra = (conf['spark.dynamicAllocation.enabled'] ?? '').trim().toLowerCase() === 'true';
  if (!dra && conf['spark.executor.instances'] === undefined && count > 0 && count !== 2) {
    conf['spark.executor.instances'] = String(count);
    notes.push(
      `spark.executor.instances is not set in the log; ${count} executor(s) ran (the default is the cluster ` +
        'manager’s: as many as the cores allow on standalone), so the replay runs that many.',
    );
  }
  const initial = impliedInitialExecutors(log);
  const burst = log.observed.startBurst;
  if (initial !== undefined && burst !== undefined) {
    conf['spark.dynamicAllocation.initialExecutors'] = String(initial);
    notes.push(
      `${burst.executors} executors registered by ${burst.at.toFixed(1)} s, when the log had had at most ` +
        `${burst.mostTasks} task(s) pending or running: more than the logged configuration asks for, so something ` +
        `outside it (a platform default, say) asked for them; the replay starts with ${initial} ` +
        '(spark.dynamicAllocation.initialExecutors).',
    );
  }
  return notes.length > 0 ? { conf, notes } : { conf: log.conf, notes };
}

/** The log's workload under a job file's configuration (with `options.conf` over it), calibrated from the log. */
export function replayWithJobFile(
  log: EventLogReplay,
  job: JobConfig,
  jobVersion: string,
  storageClasses: StorageClassInfo[],
  options: ReplayOptions = {},
): SimulateJobResult {
  const version = options.sparkVersion ?? jobVersion;
  const jobConf = writtenProperties(job, normalizeVersion(version) ?? DEFAULT_SPARK_VERSION).conf;
  const simOptions = { ...replaySimulateOptions(log, options, version, jobConf), storageClasses };
  return withCalibration(simulateJob(job, simOptions), log, options, simOptions, jobConf);
}
