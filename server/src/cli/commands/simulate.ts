// `spark-dra simulate`: a job file on a workload (preset, workload JSON or event log), or an allocation trace.
import { readFileSync } from 'node:fs';
import {
  createSparkDraService,
  jobKindLabel,
  observedWindows,
  parseConfAssignments,
  parseKnobAssignments,
  runAllocationTrace,
  type SparkDocument,
  type SparkDraService,
  type Workload,
} from '../../engine';
import { problemText, type Result } from '../../../../protocol/result';
import type { SimulationResult } from '../../../../protocol/simulation';
import { parseArgs, UsageError } from '../args';
import { readJobOptions } from '../job-options';
import { readTextFile } from '../read-text';
import { readWorkloadFile } from '../workload-file';
import { CliWorkspace, workspaceChoiceFrom, type WorkspaceResources } from '../workspace';
import { formatReplayFigures, formatSimulation, formatTimelines, formatWindows } from '../simulation-report';

interface WhatIf {
  conf: Record<string, string>;
  knobs: Record<string, number>;
  calibrate: boolean;
}

export async function runSimulateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    ['trace', 'workload', 'eventlog', 'app', 'preset', 'job', 'spark-version', 'workspace'],
    ['json', 'no-calibration', 'no-workspace'],
    ['conf', 'knob'],
  );
  const json = args.flags.has('json');
  const conf = parseConfAssignments(args.lists.get('conf') ?? []);
  if (!conf.ok) throw new UsageError(`--conf: ${conf.problem.message}`);
  const knobs = parseKnobAssignments(args.lists.get('knob') ?? []);
  if (!knobs.ok) throw new UsageError(`--knob: ${knobs.problem.message}`);
  const whatIf: WhatIf = { conf: conf.value, knobs: knobs.value, calibrate: !args.flags.has('no-calibration') };
  const tracePath = args.options.get('trace');
  if (tracePath !== undefined) return runTraceFile(tracePath, json);

  const { preset, versionOverride, jobIndex } = readJobOptions(args);

  const jobPath = args.positionals[0];
  if (args.positionals.length > 1) throw new UsageError('simulate takes one job file');
  const eventLogPath = args.options.get('eventlog');
  if (!jobPath && !eventLogPath)
    throw new UsageError('simulate needs a job file (or --eventlog PATH, or --trace FILE)');

  const service = createSparkDraService();
  const workspace = new CliWorkspace(service, workspaceChoiceFrom(args.options, args.flags));
  let target: JobTarget | undefined;
  if (jobPath) {
    const loaded = loadJob(service, workspace, jobPath, jobIndex, versionOverride);
    if (typeof loaded === 'string') {
      process.stderr.write(`spark-dra: ${loaded}\n`);
      return 2;
    }
    target = loaded;
  }

  const app = args.options.get('app');
  if (app !== undefined && !eventLogPath)
    throw new UsageError('--app chooses an application in --eventlog PATH (a zip)');
  if (eventLogPath) return replay(service, eventLogPath, app, target, versionOverride, json, whatIf);

  let workload: Workload | undefined;
  const workloadPath = args.options.get('workload');
  if (workloadPath) {
    const parsed = readWorkloadFile(service, workloadPath);
    if (typeof parsed === 'string') {
      process.stderr.write(`spark-dra: ${parsed}\n`);
      return 2;
    }
    workload = parsed;
  }
  if (!target) throw new UsageError('simulate needs a job file');
  const outcome = target.document.simulate({
    jobIndex: target.jobIndex,
    preset,
    workload,
    ...(Object.keys(whatIf.conf).length > 0 ? { overrides: whatIf.conf } : {}),
    knobs: whatIf.knobs,
    workspaceStorageClasses: target.workspace.storageClasses,
  });
  const kind = target.document.jobs[target.jobIndex]?.kind ?? '';
  return report(outcome, json, `Simulated ${target.path} (${jobKindLabel(kind)})`);
}

interface JobTarget {
  document: SparkDocument;
  jobIndex: number;
  path: string;
  /** What the rest of the job file's workspace declares (StorageClasses the job's volumes may name). */
  workspace: WorkspaceResources;
}

function loadJob(
  service: SparkDraService,
  workspace: CliWorkspace,
  path: string,
  jobIndex: number,
  versionOverride: string | undefined,
): JobTarget | string {
  const read = readTextFile(path);
  if (!read.ok) return `cannot read ${path}: ${read.problem.message}`;
  const document = service.open({ fileName: path, text: read.value, versionOverride });
  if (!document.jobs[jobIndex]) {
    return document.jobs.length === 0
      ? `${path} holds no Spark job`
      : `${path} has ${document.jobs.length} job(s); --job ${jobIndex} is out of range`;
  }
  return { document, jobIndex, path, workspace: workspace.resourcesFor(path) };
}

async function replay(
  service: SparkDraService,
  path: string,
  app: string | undefined,
  target: JobTarget | undefined,
  versionOverride: string | undefined,
  json: boolean,
  whatIf: WhatIf,
): Promise<number> {
  const read = await service.readEventLog(path, app === undefined ? {} : { app });
  if (!read.ok) {
    process.stderr.write(`spark-dra: ${read.problem.message}\n`);
    return 2;
  }
  const log = read.value;
  const replayOptions = { knobs: whatIf.knobs, calibrate: whatIf.calibrate };
  // With a job file, --conf applies to the file's configuration; the logged one is replayed as it was.
  const logged = service.replay({
    ...replayOptions,
    log,
    sparkVersion: versionOverride,
    overrides: target ? {} : whatIf.conf,
  });
  const mine = target
    ? service.replay({
        ...replayOptions,
        log,
        document: target.document,
        jobIndex: target.jobIndex,
        overrides: whatIf.conf,
        workspaceStorageClasses: target.workspace.storageClasses,
      })
    : undefined;
  const succeeded = logged.ok && (mine?.ok ?? true);
  if (json) {
    const out = {
      observed: log.observed,
      observedWindows: observedWindows(log.observed),
      stats: log.stats,
      warnings: log.warnings,
      logged,
      ...(mine ? { file: mine } : {}),
      ...(logged.ok && logged.value.calibration ? { calibration: logged.value.calibration } : {}),
      ...(logged.ok && logged.value.fidelity ? { fidelity: logged.value.fidelity } : {}),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return succeeded ? 0 : 2;
  }
  const parts: string[] = [
    `Replayed ${path}: Spark ${log.sparkVersion}, ${log.stats.jobs} job(s), ${log.stats.tasks} task(s)`,
  ];
  for (const warning of log.warnings) parts.push(`  warning: ${warning}`);
  const timelines: { label: string; timeline: SimulationTimeline }[] = [];
  for (const [label, outcome] of [
    ['logged conf', logged],
    ['your file', mine],
  ] as const) {
    if (!outcome) continue;
    if (!outcome.ok) {
      parts.push('', `Simulation with ${label} failed: ${problemText(outcome.problem)}`);
      continue;
    }
    parts.push(
      '',
      formatSimulation(
        `Simulated with the ${label === 'logged conf' ? "log's own configuration" : `configuration of ${target?.path}`}`,
        outcome.value,
      ),
    );
    timelines.push({ label: `simulated (${label})`, timeline: outcome.value.dra.timeline });
  }
  if (logged.ok) parts.push('', formatReplayFigures(logged.value, observedWindows(log.observed)));
  if (mine?.ok) parts.push('', formatWindows(`Configuration of ${target?.path}`, mine.value));
  parts.push('', formatTimelines(log.observed, timelines));
  process.stdout.write(`${parts.join('\n')}\n`);
  return succeeded ? 0 : 2;
}

type SimulationTimeline = SimulationResult['dra']['timeline'];

function report(outcome: Result<SimulationResult>, json: boolean, title: string): number {
  if (!outcome.ok) {
    process.stderr.write(`spark-dra: ${problemText(outcome.problem)}\n`);
    return 2;
  }
  process.stdout.write(
    json ? `${JSON.stringify(outcome.value, null, 2)}\n` : `${formatSimulation(title, outcome.value)}\n`,
  );
  return 0;
}

function runTraceFile(path: string, json: boolean): number {
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    process.stderr.write(
      `spark-dra: cannot read trace ${path}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 2;
  }
  const result = runAllocationTrace(input);
  if (!result.ok) {
    process.stderr.write(`spark-dra: invalid trace ${path}: ${result.problem.message}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(result.value, null, 2)}\n`);
    return 0;
  }
  const out = result.value;
  const lines = ['    time   target  delta'];
  for (const d of out.decisions)
    lines.push(`${d.t.toFixed(1).padStart(7)}s ${String(d.target).padStart(7)}  ${d.delta > 0 ? '+' : ''}${d.delta}`);
  for (const r of out.removals) lines.push(`${r.t.toFixed(1).padStart(7)}s  remove ${r.executors.join(', ')}`);
  lines.push(`final target ${out.final.target}; pending removal: ${out.final.pendingRemoval.join(', ') || 'none'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
