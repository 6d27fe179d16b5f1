// `spark-dra check`
import { normalizeVersion } from '../../engine';
import { parseArgs, UsageError } from '../args';
import { checkFiles, formatJson, formatText, hasErrors } from '../check';
import { expandFileArgs } from '../files';
import { DEFAULT_MAX_FILE_MB } from '../read-text';
import { formatSarif } from '../sarif';
import { workspaceChoiceFrom } from '../workspace';
import { PACKAGE_VERSION as VERSION } from '../../../../protocol/build-info';

export function runCheckCommand(argv: string[]): number {
  const args = parseArgs(argv, ['format', 'spark-version', 'max-file-mb', 'workspace'], ['no-workspace']);
  const workspace = workspaceChoiceFrom(args.options, args.flags);
  const format = args.options.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format))
    throw new UsageError(`--format must be text, json or sarif (got '${format}')`);
  const rawVersion = args.options.get('spark-version');
  const sparkVersion = rawVersion === undefined ? undefined : normalizeVersion(rawVersion);
  if (rawVersion !== undefined && !sparkVersion)
    throw new UsageError(`--spark-version must look like 3.5.1 (got '${rawVersion}')`);
  if (args.positionals.length === 0) throw new UsageError('check needs at least one file, directory or glob');
  const maxFileMb = Number(args.options.get('max-file-mb') ?? DEFAULT_MAX_FILE_MB);
  if (!Number.isFinite(maxFileMb) || maxFileMb <= 0) throw new UsageError('--max-file-mb must be a positive number');

  const { files, missing } = expandFileArgs(args.positionals);
  for (const m of missing) process.stderr.write(`spark-dra: no such file: ${m}\n`);
  const run = checkFiles(files, { sparkVersion, maxFileBytes: maxFileMb * 1024 * 1024, workspace });
  for (const u of run.unreadable) process.stderr.write(`spark-dra: cannot read ${u.path}: ${u.reason}\n`);

  const output = format === 'json' ? formatJson(run) : format === 'sarif' ? formatSarif(run, VERSION) : formatText(run);
  process.stdout.write(`${output}\n`);
  if (missing.length > 0 || run.unreadable.length > 0) return 2;
  return hasErrors(run) ? 1 : 0;
}
