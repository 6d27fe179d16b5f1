// Replaying a Spark event log: its workload simulated with the log's own configuration or a job file's, calibrated
// from what the log shows and over the whole application, beside what the real cluster did.
import type { EventLogReplay } from '../eventlog';
import { replayLoggedConfiguration, replayWithJobFile, type ReplayOptions } from '../eventlog/replay-simulation';
import type { StorageClassInfo } from '../model';
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
  /** Spark properties set over the configuration replayed. */
  overrides?: Readonly<Record<string, string>>;
  /** Simulator knobs; they win over what the log calibrates. */
  knobs?: Readonly<Record<string, number>>;
  /** Calibrate start-up and removal times from the log (default true). */
  calibrate?: boolean;
  /** StorageClasses found elsewhere in the workspace (the job file's own are always used). */
  workspaceStorageClasses?: readonly StorageClassInfo[];
  /** A Spark version to simulate the logged configuration as, over what the log says. */
  sparkVersion?: string;
}

export function replayLog(input: ReplayInput, settings: EngineSettings): Result<ReplayResult> {
  const { log, document } = input;
  const warnings = [...log.warnings];
  const options: ReplayOptions = {
    knobs: { ...settings.knobs, ...(input.knobs ?? {}) },
    prices: settings.prices,
  };
  if (input.calibrate === false) options.calibrate = false;
  if (input.overrides !== undefined && Object.keys(input.overrides).length > 0) options.conf = { ...input.overrides };

  let simulated;
  if (document) {
    const job = document.jobs[input.jobIndex ?? 0];
    if (!job) return failure('no-job', 'The job file holds no Spark job to compare with.');
    const storageClasses = [...document.storageClasses, ...(input.workspaceStorageClasses ?? [])];
    simulated = replayWithJobFile(log, job, document.sparkVersion(job).version, storageClasses, options);
  } else {
    const version = normalizeVersion(input.sparkVersion ?? log.sparkVersion);
    options.sparkVersion = version ?? settings.defaultSparkVersion;
    if (!version) {
      warnings.push(`The log does not say which Spark version ran; simulated as Spark ${options.sparkVersion}.`);
    }
    simulated = replayLoggedConfiguration(log, options);
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
