// Replaying a Spark event log: its workload simulated with the log's own configuration or a job file's, beside what
// the real cluster did.
import type { EventLogReplay } from '../eventlog';
import type { StorageClassInfo } from '../model';
import { simulateConf, simulateJob, type SimulateOptions } from '../simulator/simulate-job';
import { normalizeVersion } from '../version';
import { failure, success, type Result } from '../../../../protocol/result';
import type { ReplayInfo, ReplayObserved, ReplayResult } from '../../../../protocol/replay';
import type { SparkDocument } from './document';
import type { EngineSettings } from './settings';

/** Most observed steps sent with a replay; longer timelines are thinned, keeping the last step. */
export const OBSERVED_STEPS_MAX = 100_000;

export interface ReplayInput {
  log: EventLogReplay;
  /** A job file whose configuration replaces the logged one; absent replays the logged configuration. */
  document?: SparkDocument;
  jobIndex?: number;
  overrides?: Readonly<Record<string, string>>;
  knobs?: Readonly<Record<string, number>>;
  /** StorageClasses found elsewhere in the workspace (the job file's own are always used). */
  workspaceStorageClasses?: readonly StorageClassInfo[];
  /** A Spark version to simulate the logged configuration as, over what the log says. */
  sparkVersion?: string;
}

export function replayLog(input: ReplayInput, settings: EngineSettings): Result<ReplayResult> {
  const { log, document } = input;
  const warnings = [...log.warnings];
  const options: SimulateOptions = {
    sparkVersion: settings.defaultSparkVersion,
    workload: log.workload,
    knobs: { ...settings.knobs, ...(input.knobs ?? {}) },
    prices: settings.prices,
  };
  if (input.overrides !== undefined) options.overrides = { ...input.overrides };

  let simulated;
  if (document) {
    const jobIndex = input.jobIndex ?? 0;
    const job = document.jobs[jobIndex];
    if (!job) return failure('no-job', 'The job file holds no Spark job to compare with.');
    simulated = simulateJob(job, {
      ...options,
      sparkVersion: document.sparkVersion(job).version,
      storageClasses: [...document.storageClasses, ...(input.workspaceStorageClasses ?? [])],
    });
  } else {
    const logged = normalizeVersion(input.sparkVersion ?? log.sparkVersion);
    if (logged) options.sparkVersion = logged;
    else warnings.push(`The log does not say which Spark version ran; simulated as Spark ${options.sparkVersion}.`);
    simulated = simulateConf(log.conf, options);
  }
  if (!simulated.ok) return simulated;
  const replay: ReplayInfo = {
    confFrom: document ? 'job-file' : 'event-log',
    loggedSparkVersion: log.sparkVersion,
    warnings,
  };
  if (log.appId !== undefined) replay.appId = log.appId;
  if (log.appName !== undefined) replay.appName = log.appName;
  return success({ ...simulated.value, observed: observedRun(log), replay });
}

/** What the real cluster did, with the executor timeline thinned to at most OBSERVED_STEPS_MAX steps. */
export function observedRun(log: EventLogReplay): ReplayObserved {
  const o = log.observed;
  let timeline = o.timeline;
  if (timeline.length > OBSERVED_STEPS_MAX) {
    const step = Math.ceil(timeline.length / OBSERVED_STEPS_MAX);
    timeline = timeline.filter((_, i) => i % step === 0 || i === o.timeline.length - 1);
  }
  return {
    timeline: timeline.map((p) => ({ t: p.t, running: p.running })),
    runtimeSec: o.runtimeSec,
    peakExecutors: o.peakExecutors,
    executorSeconds: o.executorSeconds,
    executorsAdded: log.stats.executorsAdded,
    executorsRemoved: log.stats.executorsRemoved,
    complete: o.appEnd !== undefined,
  };
}
