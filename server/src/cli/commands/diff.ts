// `spark-dra diff FILE --to-version X`: what a job file does differently on another Spark version.
import { createSparkDraService, normalizeVersion, PRESET_NAMES } from '../../engine';
import { problemText } from '../../../../protocol/result';
import { parseArgs, UsageError } from '../args';
import { readTextFile } from '../read-text';
import { formatUpgradeDiff } from '../../../../protocol/upgrade-diff-text';

export function runDiffCommand(argv: string[]): number {
  const args = parseArgs(argv, ['to-version', 'spark-version', 'job', 'preset', 'format'], []);
  const format = args.options.get('format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got '${format}')`);
  const path = args.positionals[0];
  if (path === undefined || args.positionals.length > 1) throw new UsageError('diff takes one job file');
  const rawTarget = args.options.get('to-version');
  if (rawTarget === undefined) throw new UsageError('diff needs --to-version X (e.g. 4.2.0)');
  if (!normalizeVersion(rawTarget)) throw new UsageError(`--to-version must look like 4.2.0 (got '${rawTarget}')`);
  const rawFrom = args.options.get('spark-version');
  const versionOverride = rawFrom === undefined ? undefined : normalizeVersion(rawFrom);
  if (rawFrom !== undefined && !versionOverride)
    throw new UsageError(`--spark-version must look like 3.5.1 (got '${rawFrom}')`);
  const jobIndex = Number(args.options.get('job') ?? '0');
  if (!Number.isSafeInteger(jobIndex) || jobIndex < 0) throw new UsageError('--job must be a job index (0, 1, …)');
  const preset = args.options.get('preset');
  if (preset !== undefined && !PRESET_NAMES.includes(preset)) {
    throw new UsageError(`unknown preset '${preset}'; choose one of: ${PRESET_NAMES.join(', ')}`);
  }

  const read = readTextFile(path);
  if (!read.ok) {
    process.stderr.write(`spark-dra: cannot read ${path}: ${read.problem.message}\n`);
    return 2;
  }
  const diff = createSparkDraService().upgradeDiff({
    text: read.value,
    fileName: path,
    versionOverride,
    toVersion: rawTarget,
    jobIndex,
    preset,
  });
  if (!diff.ok) {
    process.stderr.write(`spark-dra: ${path}: ${problemText(diff.problem)}\n`);
    return 2;
  }
  const output = format === 'json' ? JSON.stringify(diff.value, null, 2) : formatUpgradeDiff(path, diff.value);
  process.stdout.write(`${output}\n`);
  return 0;
}
