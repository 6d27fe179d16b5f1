// `spark-dra simulate`: a job file on a workload (preset, workload JSON or event log), or an allocation trace.
import { readFileSync } from 'node:fs';
import { resolveSparkVersion } from '../../engine/effective';
import { readEventLog } from '../../engine/eventlog';
import { observedWindows } from '../../engine/eventlog/fidelity';
import { replayLoggedConfiguration, replayWithJobFile } from '../../engine/eventlog/replay-simulation';
import { jobKindLabel } from '../../engine/job-kinds';
import { parseFile } from '../../engine/locators';
import type { JobConfig, StorageClassInfo } from '../../engine/model';
import { parseConfAssignments, parseKnobAssignments } from '../../engine/simulator/knobs';
import { simulateJob, type SimulateJobResult } from '../../engine/simulator/simulate-job';
import type { SimulationResult } from '../../engine/simulator/result';
import { runTrace } from '../../engine/simulator/trace';
import { normalizeVersion } from '../../engine/version';
import { parseWorkload } from '../../engine/workload';
import { PRESET_NAMES } from '../../engine/workload/presets';
import type { Workload } from '../../engine/workload/types';
import { parseArgs, UsageError } from '../args';
import { formatReplayFigures, formatSimulation, formatTimelines, formatWindows } from '../simulation-report';

interface WhatIf {
  conf: Record<string, string>;
  knobs: Record<string, number>;
  calibrate: boolean;
}

export async function runSimulateCommand(argv: string[]): Promise<number> {
  const args = parseArgs(
    argv,
    ['trace', 'workload', 'eventlog', 'preset', 'job', 'spark-version'],
    ['json', 'no-calibration'],
    ['conf', 'knob'],
  );
  const json = args.flags.has('json');
  const conf = parseConfAssignments(args.lists.get('conf') ?? []);
  if (!conf.ok) throw new UsageError(`--conf: ${conf.error}`);
  const knobs = parseKnobAssignments(args.lists.get('knob') ?? []);
  if (!knobs.ok) throw new UsageError(`--knob: ${knobs.error}`);
  const whatIf: WhatIf = { conf: conf.values, knobs: knobs.values, calibrate: !args.flags.has('no-calibration') };
  const tracePath = args.options.get('trace');
  if (tracePath !== undefined) return runTraceFile(tracePath, json);

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

  const jobPath = args.positionals[0];
  if (args.positionals.length > 1) throw new UsageError('simulate takes one job file');
  const eventLogPath = args.options.get('eventlog');
  if (!jobPath && !eventLogPath)
    throw new UsageError('simulate needs a job file (or --eventlog PATH, or --trace FILE)');

  let target: { job: JobConfig; storageClasses: StorageClassInfo[]; version: string; path: string } | undefined;
  if (jobPath) {
    const loaded = loadJob(jobPath, jobIndex, versionOverride);
    if (typeof loaded === 'string') {
      process.stderr.write(`spark-dra: ${loaded}\n`);
      return 2;
    }
    target = loaded;
  }

  if (eventLogPath) return replay(eventLogPath, target, versionOverride, json, whatIf);

  let workload: Workload | undefined;
  const workloadPath = args.options.get('workload');
  if (workloadPath) {
    const parsed = readWorkload(workloadPath);
    if (typeof parsed === 'string') {
      process.stderr.write(`spark-dra: ${parsed}\n`);
      return 2;
    }
    workload = parsed;
  }
  if (!target) throw new UsageError('simulate needs a job file');
  const outcome = simulateJob(target.job, {
    sparkVersion: target.version,
    preset,
    workload,
    storageClasses: target.storageClasses,
    ...(Object.keys(whatIf.conf).length > 0 ? { overrides: whatIf.conf } : {}),
    knobs: whatIf.knobs,
  });
  return report(outcome, json, `Simulated ${target.path} (${jobKindLabel(target.job.kind)})`);
}

function loadJob(path: string, jobIndex: number, versionOverride: string | undefined) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = parseFile({ fileName: path, text });
  const job = parsed.jobs[jobIndex];
  if (!job) {
    return parsed.jobs.length === 0
      ? `${path} holds no Spark job`
      : `${path} has ${parsed.jobs.length} job(s); --job ${jobIndex} is out of range`;
  }
  const version = resolveSparkVersion(job, { override: versionOverride }).version;
  return { job, storageClasses: parsed.storageClasses, version, path };
}

function readWorkload(path: string): Workload | string {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot read workload ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = parseWorkload(raw);
  return parsed.ok ? parsed.workload : `invalid workload ${path}: ${parsed.error}`;
}

async function replay(
  path: string,
  target: { job: JobConfig; storageClasses: StorageClassInfo[]; version: string; path: string } | undefined,
  versionOverride: string | undefined,
  json: boolean,
  whatIf: WhatIf,
): Promise<number> {
  const log = await readEventLog(path);
  if (!log.ok) {
    process.stderr.write(`spark-dra: ${log.error}\n`);
    return 2;
  }
  const logVersion = versionOverride ?? normalizeVersion(log.sparkVersion) ?? '3.5.1';
  const replayOptions = { conf: whatIf.conf, knobs: whatIf.knobs, calibrate: whatIf.calibrate };
  // With a job file, --conf applies to the file's configuration; the logged one is replayed as it was.
  const logged = replayLoggedConfiguration(log, {
    ...replayOptions,
    sparkVersion: logVersion,
    conf: target ? {} : whatIf.conf,
  });
  const mine = target
    ? replayWithJobFile(log, target.job, target.version, target.storageClasses, replayOptions)
    : undefined;
  if (json) {
    const out = {
      observed: log.observed,
      observedWindows: observedWindows(log.observed),
      stats: log.stats,
      warnings: log.warnings,
      logged,
      ...(mine ? { file: mine } : {}),
      ...(logged.ok && logged.result.calibration ? { calibration: logged.result.calibration } : {}),
      ...(logged.ok && logged.result.fidelity ? { fidelity: logged.result.fidelity } : {}),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return logged.ok && (mine?.ok ?? true) ? 0 : 2;
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
      parts.push('', `Simulation with ${label} failed: ${outcome.error}`);
      continue;
    }
    parts.push(
      '',
      formatSimulation(
        `Simulated with the ${label === 'logged conf' ? "log's own configuration" : `configuration of ${target?.path}`}`,
        outcome.result,
      ),
    );
    timelines.push({ label: `simulated (${label})`, timeline: outcome.result.dra.timeline });
  }
  if (logged.ok) parts.push('', formatReplayFigures(logged.result, observedWindows(log.observed)));
  if (mine?.ok) parts.push('', formatWindows(`Configuration of ${target?.path}`, mine.result));
  parts.push('', formatTimelines(log.observed, timelines));
  process.stdout.write(`${parts.join('\n')}\n`);
  return logged.ok && (mine?.ok ?? true) ? 0 : 2;
}

type SimulationTimeline = SimulationResult['dra']['timeline'];

function report(outcome: SimulateJobResult, json: boolean, title: string): number {
  if (!outcome.ok) {
    process.stderr.write(`spark-dra: ${outcome.error}\n`);
    return 2;
  }
  process.stdout.write(
    json ? `${JSON.stringify(outcome.result, null, 2)}\n` : `${formatSimulation(title, outcome.result)}\n`,
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
  const result = runTrace(input);
  if (!result.ok) {
    process.stderr.write(`spark-dra: invalid trace ${path}: ${result.error}\n`);
    return 2;
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(result.output, null, 2)}\n`);
    return 0;
  }
  const out = result.output;
  const lines = ['    time   target  delta'];
  for (const d of out.decisions)
    lines.push(`${d.t.toFixed(1).padStart(7)}s ${String(d.target).padStart(7)}  ${d.delta > 0 ? '+' : ''}${d.delta}`);
  for (const r of out.removals) lines.push(`${r.t.toFixed(1).padStart(7)}s  remove ${r.executors.join(', ')}`);
  lines.push(`final target ${out.final.target}; pending removal: ${out.final.pendingRemoval.join(', ') || 'none'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
