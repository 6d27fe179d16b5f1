// `spark-dra advise`: searches one job's allocation settings on a workload (preset, workload JSON or event log) and
// prints the recommended, cheapest and fastest settings beside the file as written and rules of thumb.
import {
  createSparkDraService,
  DEFAULT_MAX_SLOWDOWN_PCT,
  jobKindLabel,
  parseKnobAssignments,
  type EventLogReplay,
  type Workload,
} from '../../engine';
import { isMaxSlowdownPct, MAX_SLOWDOWN_PCT_MAX } from '../../../../protocol/limits';
import { problemText } from '../../../../protocol/result';
import { parseArgs, UsageError } from '../args';
import { readJobOptions } from '../job-options';
import { formatAdvice } from '../advice-report';
import { readTextFile } from '../read-text';
import { readWorkloadFile } from '../workload-file';
import { CliWorkspace, workspaceChoiceFrom } from '../workspace';

export async function runAdviseCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    ['workload', 'eventlog', 'app', 'preset', 'job', 'spark-version', 'max-slowdown', 'workspace'],
    ['json', 'no-workspace'],
    ['knob'],
  );
  const json = args.flags.has('json');
  const { preset, versionOverride, jobIndex } = readJobOptions(args);
  const rawSlowdown = args.options.get('max-slowdown');
  const maxSlowdownPct = rawSlowdown === undefined ? DEFAULT_MAX_SLOWDOWN_PCT : Number(rawSlowdown.replace(/%$/, ''));
  if (!isMaxSlowdownPct(maxSlowdownPct)) {
    throw new UsageError(
      `--max-slowdown must be a percentage from 0 to ${MAX_SLOWDOWN_PCT_MAX} (got '${rawSlowdown}')`,
    );
  }
  const knobs = parseKnobAssignments(args.lists.get('knob') ?? []);
  if (!knobs.ok) throw new UsageError(`--knob: ${knobs.problem.message}`);
  const app = args.options.get('app');
  const eventLogPath = args.options.get('eventlog');
  if (app !== undefined && !eventLogPath)
    throw new UsageError('--app chooses an application in --eventlog PATH (a zip)');
  const [jobPath, ...extra] = args.positionals;
  if (!jobPath) throw new UsageError('advise needs a job file');
  if (extra.length > 0) throw new UsageError('advise takes one job file');

  const service = createSparkDraService();
  const workspace = new CliWorkspace(service, workspaceChoiceFrom(args.options, args.flags));
  const read = readTextFile(jobPath);
  if (!read.ok) return fail(`cannot read ${jobPath}: ${read.problem.message}`);
  const document = service.open({ fileName: jobPath, text: read.value, versionOverride });
  if (!document.jobs[jobIndex]) {
    return fail(
      document.jobs.length === 0
        ? `${jobPath} holds no Spark job`
        : `${jobPath} has ${document.jobs.length} job(s); --job ${jobIndex} is out of range`,
    );
  }
  let workload: Workload | undefined;
  const workloadPath = args.options.get('workload');
  if (workloadPath) {
    const parsed = readWorkloadFile(service, workloadPath);
    if (typeof parsed === 'string') return fail(parsed);
    workload = parsed;
  }
  let log: EventLogReplay | undefined;
  if (eventLogPath) {
    const logRead = await service.readEventLog(eventLogPath, app === undefined ? {} : { app });
    if (!logRead.ok) return fail(logRead.problem.message);
    log = logRead.value;
  }
  const outcome = await service.advise({
    document,
    jobIndex,
    preset,
    workload,
    log,
    knobs: knobs.value,
    maxSlowdownPct,
    workspaceStorageClasses: workspace.resourcesFor(jobPath).storageClasses,
  });
  if (!outcome.ok) return fail(problemText(outcome.problem));
  if (json) {
    process.stdout.write(`${JSON.stringify(outcome.value, null, 2)}\n`);
    return 0;
  }
  const kind = jobKindLabel(document.jobs[jobIndex]?.kind ?? '');
  const on = eventLogPath ? `the workload of ${eventLogPath}` : workloadPath ? `workload ${workloadPath}` : 'a preset';
  process.stdout.write(`${formatAdvice(`Advice for ${jobPath} (${kind}) on ${on}`, outcome.value)}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`spark-dra: ${message}\n`);
  return 2;
}
