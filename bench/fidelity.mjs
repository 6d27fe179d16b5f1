// Fidelity benchmark: how close the replay of each shared event log under its logged configuration comes to what the
// log shows, before calibration (typical pod latencies, stopping at the last job) and after (calibrated from the log,
// the whole application). Measures: job- and application-window executor-seconds error, mean |Δ executors| sampled
// every second, peak, per-job duration error; plus the calibrated replay's warm end-to-end time.
// Usage: node bench/fidelity.mjs [--log PATH]...   (or through bench/run.mjs, which writes
// test-output/bench/fidelity.json). --log measures other logs instead of the shared ones: the same measures on logs
// the calibration was never looked at against.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle-entry.mjs';

export const name = 'fidelity';
export const description = 'replay of the shared logs under their logged configuration, before and after calibration';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/bench/fidelity-entry.cjs');
const LOGS = resolve(root, '../shared/eventlogs');
const FILES = [
  'application_1628109047826_1317105',
  'eventlog_4nodes_8cores_dynamic_alloc.zstd',
  'job_spark_shell',
  'tasks_executors_fail_compressed_eventlog.zstd',
];
const SHARED = FILES.map((file) => join(LOGS, file));

/** Which of the issue's five targets a replay meets: executor-seconds within 10%, mean |Δ| ≤ 1.5, peak ±1, every job. */
function targetsMet(f, jobsOk, jobsCompared) {
  return {
    jobWindow: Math.abs(f.jobWindow.errorPct) <= 10,
    appWindow: Math.abs(f.appWindow.errorPct) <= 10,
    meanError: f.meanAbsExecutorError <= 1.5,
    peak: Math.abs(f.simulatedPeak - f.observedPeak) <= 1,
    jobs: jobsOk === jobsCompared,
  };
}

function measures(f) {
  // A job that failed in the log ended when it failed or was cancelled: its duration is not a target.
  const compared = f.jobs.filter((j) => !j.failedInLog);
  const failed = f.jobs.length - compared.length;
  // The engine decides what counts as close for a job (JOB_TARGET in eventlog/fidelity.ts).
  const jobsOk = compared.filter((j) => j.withinTarget === true).length;
  const worst = compared.reduce((w, j) => Math.max(w, Math.abs(j.errorPct ?? 0)), 0);
  return {
    met: targetsMet(f, jobsOk, compared.length),
    jobWindowPct: f.jobWindow.errorPct,
    appWindowPct: f.appWindow.errorPct,
    meanAbsExecutors: f.meanAbsExecutorError,
    peak: `${f.simulatedPeak} vs ${f.observedPeak}`,
    jobsWithinTarget: `${jobsOk}/${compared.length}${failed > 0 ? ` +${failed} failed` : ''}`,
    worstJobPct: Math.round(worst * 10) / 10,
  };
}

async function load() {
  await bundleEntry(join(root, 'bench/fidelity-entry.ts'), bundle);
  return createRequire(import.meta.url)(bundle);
}

/** The logs named by --log on the command line, else the shared ones. */
function logPaths(argv) {
  const named = argv.flatMap((arg, i) => (argv[i - 1] === '--log' ? [resolve(arg)] : []));
  return named.length > 0 ? named : SHARED;
}

export async function run(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const m = await load();
  const summary = [];
  for (const path of options.paths ?? SHARED) {
    const file = basename(path);
    if (!existsSync(path)) {
      log(`(${path} not found: skipped)`);
      continue;
    }
    let r;
    try {
      r = await m.fidelityOf(path);
    } catch (error) {
      log(`\n${file}: not measured: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const before = measures(r.before);
    const after = measures(r.after);
    log(`\n${file}`);
    log(`  calibration: ${r.calibration.summary}`);
    const rows = [
      ['job-window executor-seconds error', `${before.jobWindowPct}%`, `${after.jobWindowPct}%`, '±10%'],
      ['app-window executor-seconds error', `${before.appWindowPct}%`, `${after.appWindowPct}%`, '±10%'],
      ['mean |Δ executors| (every second)', String(before.meanAbsExecutors), String(after.meanAbsExecutors), '≤ 1.5'],
      ['peak executors (simulated vs observed)', before.peak, after.peak, '±1'],
      ['jobs within target', before.jobsWithinTarget, after.jobsWithinTarget, 'all'],
      ['worst per-job duration error', `${before.worstJobPct}%`, `${after.worstJobPct}%`, ''],
    ];
    const widths = [0, 1, 2, 3].map((i) =>
      Math.max(...rows.map((row) => row[i].length), ['', 'before', 'after', 'target'][i].length),
    );
    const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('   ');
    log(`  ${line(['', 'before', 'after', 'target'])}`);
    for (const row of rows) log(`  ${line(row)}`);
    const decoding = r.decoderThread
      ? 'as the CLI reads it: zstd of 512 KiB and more decoded in the decoder thread'
      : 'decoded in the main thread: no dist/eventlog-decoder.js, run npm run build';
    log(`  calibrated replay, warm end to end: ${r.warmMs.toFixed(1)} ms (median of 5; ${decoding})`);
    summary.push({ file, before, after, calibration: r.calibration.summary, warmMs: Math.round(r.warmMs * 10) / 10 });
  }
  if (summary.length > 1) logTally(summary, log);
  return summary;
}

/** How many of the measured logs meet each target, and all five, before and after calibration. */
function logTally(summary, log) {
  const count = (phase, key) =>
    summary.filter((s) => (key ? s[phase].met[key] : Object.values(s[phase].met).every(Boolean))).length;
  log(`\n${summary.length} logs measured; how many meet each target (before → after calibration):`);
  for (const [key, label] of [
    ['jobWindow', 'job-window executor-seconds ±10%'],
    ['appWindow', 'app-window executor-seconds ±10%'],
    ['meanError', 'mean |Δ executors| ≤ 1.5'],
    ['peak', 'peak ±1'],
    ['jobs', 'every job within target'],
    [undefined, 'all five'],
  ])
    log(`  ${label.padEnd(34)} ${count('before', key)} → ${count('after', key)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await run({ paths: logPaths(process.argv.slice(2)) });
