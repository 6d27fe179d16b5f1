// Options `simulate` and `advise` read alike: which workload (at most one of --workload, --eventlog, --preset; a
// preset by a name the engine knows), the Spark version to assume (--spark-version) and the job of the file (--job).
import { normalizeVersion, PRESET_NAMES } from '../engine';
import { UsageError, type ParsedArgs } from './args';

export interface JobOptions {
  preset: string | undefined;
  versionOverride: string | undefined;
  jobIndex: number;
}

/** Reads and checks the shared options; a bad one is a UsageError naming it. */
export function readJobOptions(args: ParsedArgs): JobOptions {
  const sources = ['workload', 'eventlog', 'preset'].filter((o) => args.options.has(o));
  if (sources.length > 1) throw new UsageError('give at most one of --workload, --eventlog and --preset');
  const preset = args.options.get('preset');
  if (preset !== undefined && !PRESET_NAMES.includes(preset)) {
    throw new UsageError(`unknown preset '${preset}'; choose one of: ${PRESET_NAMES.join(', ')}`);
  }
  const rawVersion = args.options.get('spark-version');
  const versionOverride = rawVersion === undefined ? undefined : normalizeVersion(rawVersion);
  if (rawVersion !== undefined && !versionOverride)
    throw new UsageError(`--spark-version must look like 3.5.1 (got '${rawVersion}')`);
  const jobIndex = Number(args.options.get('job') ?? '0');
  if (!Number.isSafeInteger(jobIndex) || jobIndex < 0) throw new UsageError('--job must be a job index (0, 1, …)');
  return { preset, versionOverride, jobIndex };
}
