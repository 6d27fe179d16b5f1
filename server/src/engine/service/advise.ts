// The advisor on one job of an open file: the search target is the job's written properties (with the caller's
// what-if values) on a preset, a workload, or an event log's workload calibrated from the log, simulated exactly as
// `simulate` (or a replay with the job file) would, so a point's changes passed as `--conf` reproduce its figures.
import { advise, type ThreadOptions } from '../advisor';
import type { SearchTarget } from '../advisor/types';
import type { EventLogReplay } from '../eventlog';
import { replaySimulateOptions } from '../eventlog/replay-simulation';
import type { StorageClassInfo } from '../model';
import { writtenProperties } from '../simulator/written-properties';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../version';
import type { Workload } from '../workload/types';
import { failure, type Result } from '../../../../protocol/result';
import type { Advice } from '../../../../protocol/advice';
import type { SparkDocument } from './document';
import type { EngineSettings } from './settings';

export interface AdviseInput {
  document: SparkDocument;
  jobIndex?: number;
  /** A workload preset (the first one unless given); ignored with `workload` or `log`. */
  preset?: string;
  workload?: Workload;
  /** Search on this event log's workload, calibrated from the log, over the whole application. */
  log?: EventLogReplay;
  /** What-if values the search starts from, over the job's own entries. */
  overrides?: Readonly<Record<string, string>>;
  knobs?: Readonly<Record<string, number>>;
  /** At most this many percent slower than the job as written (default 5). */
  maxSlowdownPct?: number;
  workspaceStorageClasses?: readonly StorageClassInfo[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Where the evaluation threads come from (tests and the benchmark). */
  threads?: ThreadOptions;
}

export async function adviseJob(input: AdviseInput, settings: EngineSettings): Promise<Result<Advice>> {
  const target = searchTarget(input, settings);
  if (!target.ok) return target;
  return advise(target.value, {
    maxSlowdownPct: input.maxSlowdownPct,
    signal: input.signal,
    onProgress: input.onProgress,
    threads: input.threads,
  });
}

export function searchTarget(input: AdviseInput, settings: EngineSettings): Result<SearchTarget> {
  const { document } = input;
  const jobIndex = input.jobIndex ?? 0;
  const job = document.jobs[jobIndex];
  if (!job) {
    const count = document.jobs.length;
    return failure(
      'no-job',
      count === 0
        ? 'This file holds no Spark job.'
        : `This file holds ${count} job(s); there is no job ${jobIndex + 1}.`,
    );
  }
  const version = normalizeVersion(document.sparkVersion(job).version) ?? DEFAULT_SPARK_VERSION;
  const base = { ...writtenProperties(job, version).conf, ...(input.overrides ?? {}) };
  const knobs = { ...settings.knobs, ...(input.knobs ?? {}) };
  const storageClasses = [...document.storageClasses, ...(input.workspaceStorageClasses ?? [])];
  if (input.log) {
    const options = replaySimulateOptions(input.log, { knobs, prices: settings.prices }, version);
    return { ok: true, value: { base, options: { ...options, storageClasses } } };
  }
  return {
    ok: true,
    value: {
      base,
      options: {
        sparkVersion: version,
        ...(input.workload ? { workload: input.workload } : { preset: input.preset }),
        knobs,
        prices: settings.prices,
        storageClasses,
      },
    },
  };
}
