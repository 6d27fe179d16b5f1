// Simulator benchmark: (a) a 1,000,000-task, 1,000-executor workload through simulateConf (DRA run + static
// baseline), (b) the 8,630-task event log replayed end to end, (c) a trivial baseline loop over as many task events,
// measured in the same process, so the figures can be compared across machines by their ratio to it.
// (d) generated large cases (issue 12: 20k --conf keys, 40k jobs, 40k concurrent shuffle jobs, 10M tasks on 10
// executors, a 10M-executor maximum), each in its own process, optionally beside the same cases run on an older
// checkout of the sources (`--before DIR`, e.g. DIR made by `git archive f47d2a8 | tar -x -C DIR`).
// Usage: node bench/simulator.mjs [--before DIR] [--case-timeout SECONDS], or through bench/run.mjs (`npm run bench`)
//   (no build needed: it bundles bench/simulator-entry.ts and bench/simulator-large.ts into out/bench/ first)
// Writes test-output/bench/simulator.json. Run alone it always exits 0: benchmarks report, they do not gate CI.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// CommonJS, like dist/server.js and dist/cli.js, so that it finds the decoder thread's bundle next to itself.
const bundle = join(root, 'out/bench/simulator-entry.cjs');
const clusterSim = join(root, 'server/src/engine/simulator/cluster-sim.ts');
const EVENT_LOG = '/work/shared/eventlogs/tasks_executors_fail_compressed_eventlog.zstd';

const TARGET_BIG_MS = 1000;
const TARGET_LOG_MS = 200;
const BIG_RUNS = 3;
const LOG_RUNS = 5;
const BASELINE_RUNS = 5;
const TARGET_JOBS_MS = 2000;
const LARGE_CASES = [
  ['conf-20k', 'job with 20,000 --conf keys: simulateJob', undefined],
  ['jobs-40k', '40,000 jobs (every start rule): simulateConf', TARGET_JOBS_MS],
  ['concurrent-shuffle-jobs-40k', '40,000 shuffle jobs at once: simulateConf', TARGET_JOBS_MS],
  ['tasks-10m-executors-10', '10M tasks on 10 executors: simulateConf', undefined],
  ['max-executors-10m', 'maxExecutors 10,000,000: simulateConf', undefined],
];

function option(name) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Bundles bench/simulator-large.ts; with `serverRoot`, its engine imports come from that checkout instead. */
async function bundleLarge(serverRoot, outfile) {
  const redirect = {
    name: 'engine-from-checkout',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/server\// }, (args) =>
        serverRoot && args.importer.startsWith(join(root, 'bench'))
          ? { path: resolveTs(join(serverRoot, args.path.slice(3))) }
          : undefined,
      );
    },
  };
  await build({
    entryPoints: [join(root, 'bench/simulator-large.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build hides its requires from the bundler (as in scripts/build.mjs).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    plugins: [redirect],
  });
  return outfile;
}

function resolveTs(base) {
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate)) return candidate;
  return base;
}

/** Runs one large case in a fresh process; a case that overruns the timeout or dies is reported, not fatal. */
function runLargeCase(bundlePath, name, timeoutSec) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', bundlePath, name], {
    encoding: 'utf8',
    timeout: timeoutSec * 1000,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM')
    return { ok: false, ms: NaN, detail: `stopped after ${timeoutSec} s`, timedOut: true };
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line);
  } catch {
    const why = (child.stderr || '').trim().split('\n').slice(-1)[0] || `exit ${child.status}`;
    return { ok: false, ms: NaN, detail: `failed: ${why.slice(0, 160)}` };
  }
}

/**
 * Times every runCluster call without touching product code: imports of ./cluster-sim from simulate-job resolve to a
 * wrapper that re-exports the real module and records each run's wall time on globalThis.__benchRunTimings.
 */
const timeRuns = {
  name: 'time-cluster-runs',
  setup(b) {
    b.onResolve({ filter: /^\.\/cluster-sim$/ }, (args) =>
      args.importer.endsWith('simulate-job.ts') ? { path: 'timed-cluster-sim', namespace: 'bench' } : undefined,
    );
    b.onLoad({ filter: /^timed-cluster-sim$/, namespace: 'bench' }, () => ({
      resolveDir: root,
      loader: 'ts',
      contents: `
        import { runCluster as realRunCluster } from ${JSON.stringify(clusterSim)};
        export * from ${JSON.stringify(clusterSim)};
        export function runCluster(spec) {
          const t0 = performance.now();
          const out = realRunCluster(spec);
          (globalThis.__benchRunTimings ??= []).push({ mode: spec.mode.kind, ms: performance.now() - t0 });
          return out;
        }`,
    }));
  },
};

async function bundleEntry() {
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [join(root, 'bench/simulator-entry.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build hides its requires from the bundler (as in scripts/build.mjs).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    plugins: [timeRuns],
  });
  await build({
    entryPoints: [join(root, 'server/src/engine/eventlog/decoder-worker.ts')],
    outfile: join(dirname(bundle), 'eventlog-decoder.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build hides its requires from the bundler (as in scripts/build.mjs).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(bundle);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;
const verdict = (ms, target) => (ms <= target ? 'PASS' : 'MISS');
/** Wall time decides; when it misses while the CPU time fits, the machine was busy, and the line says so. */
const largeVerdict = (run, target) =>
  run.ms <= target
    ? 'PASS'
    : Number.isFinite(run.cpuMs) && run.cpuMs <= target
      ? 'MISS (cpu fits: busy machine)'
      : 'MISS';

export const name = 'simulator';
export const description = 'simulator speed: 1M tasks, an event log end to end, generated large cases (issue 12)';

/** The runner's entry: the same measurements, their report returned for the run's summary. */
export async function run() {
  return main();
}

async function main() {
  const m = await bundleEntry();

  // (c) the baseline, on the same number of task events as (a).
  const workload = m.bigWorkload();
  const taskCount = workload.jobs.reduce((a, j) => a + j.stages.reduce((b, s) => b + s.tasks, 0), 0);
  const events = m.baselineEvents(taskCount);
  m.baselineLoop(events); // warm-up
  let baselineMs = median(Array.from({ length: BASELINE_RUNS }, () => m.baselineLoop(events).ms));

  // (a) the 1M-task workload: one warm-up, then the median of BIG_RUNS.
  // Each run gets its own baseline measured just before it, so a busy machine shows in both (ratioToBaseline).
  m.runBig(workload);
  const bigRuns = [];
  const baselines = [baselineMs];
  for (let i = 0; i < BIG_RUNS; i++) {
    const base = m.baselineLoop(events).ms;
    baselines.push(base);
    bigRuns.push({ ...m.runBig(workload), baseMs: base });
  }
  const big = {
    tasks: bigRuns[0].tasks,
    executorsMax: 1000,
    runs: bigRuns.map((r) => ({
      totalMs: round1(r.totalMs),
      draMs: round1(r.draMs),
      staticMs: round1(r.staticMs),
      baselineMs: round1(r.baseMs),
    })),
    /** Median over runs of each run's total divided by the baseline measured just before it. */
    totalToBaseline: round1(median(bigRuns.map((r) => r.totalMs / r.baseMs))),
    totalMs: round1(median(bigRuns.map((r) => r.totalMs))),
    draMs: round1(median(bigRuns.map((r) => r.draMs))),
    staticMs: round1(median(bigRuns.map((r) => r.staticMs))),
    draRuntimeSec: bigRuns[0].draRuntimeSec,
    draPeakExecutors: bigRuns[0].draPeakExecutors,
  };

  // (b) the event log end to end: one warm-up (the first replay in the process: it also starts the decoder thread),
  // then the median of LOG_RUNS; then the in-thread path's two halves timed apart, for comparison.
  let log;
  if (existsSync(EVENT_LOG)) {
    const first = await m.runReplay(EVENT_LOG);
    const runs = [];
    for (let i = 0; i < LOG_RUNS; i++) {
      baselines.push(m.baselineLoop(events).ms);
      runs.push(await m.runReplay(EVENT_LOG));
    }
    await m.runReadInThread(EVENT_LOG);
    const inThread = [];
    for (let i = 0; i < LOG_RUNS; i++) inThread.push(await m.runReadInThread(EVENT_LOG));
    log = {
      file: EVENT_LOG,
      tasks: runs[0].tasks,
      events: runs[0].events,
      firstTotalMs: round1(first.totalMs),
      readParseMs: round1(median(runs.map((r) => r.readParseMs))),
      simulateMs: round1(median(runs.map((r) => r.simulateMs))),
      totalMs: round1(median(runs.map((r) => r.totalMs))),
      inThreadReadMs: round1(median(inThread.map((r) => r.readMs))),
      inThreadParseBuildMs: round1(median(inThread.map((r) => r.parseBuildMs))),
    };
  }

  // (d) the generated large cases, each in its own process; beside them the same cases on an older checkout.
  const caseTimeout = Number(option('--case-timeout') ?? 300);
  const beforeDir = option('--before');
  const afterBundle = await bundleLarge(undefined, join(root, 'out/bench/simulator-large.cjs'));
  const beforeBundle = beforeDir
    ? await bundleLarge(resolve(beforeDir), join(root, 'out/bench/simulator-large-before.cjs'))
    : undefined;
  const large = [];
  for (const [name, label, target] of LARGE_CASES) {
    baselines.push(m.baselineLoop(events).ms);
    const after = runLargeCase(afterBundle, name, caseTimeout);
    const before = beforeBundle ? runLargeCase(beforeBundle, name, caseTimeout) : undefined;
    large.push({ name, label, target, after, before });
  }

  // The yardstick: the median of every baseline measured in this process (before and between the runs).
  baselineMs = median(baselines);

  const rows = [
    ['1M tasks: simulateConf (DRA + static)', big.totalMs, TARGET_BIG_MS],
    ['  of which the DRA run', big.draMs, undefined],
    ['  of which the static run', big.staticMs, undefined],
  ];
  if (log) {
    rows.push(
      ['event log: read + decode + parse + build (overlapped)', log.readParseMs, undefined],
      ['event log: simulateConf', log.simulateMs, undefined],
      ['event log: end to end', log.totalMs, TARGET_LOG_MS],
      ['event log: end to end, first in the process', log.firstTotalMs, undefined],
      ['  in one thread: read + zstd decode', log.inThreadReadMs, undefined],
      ['  in one thread: parse + build workload', log.inThreadParseBuildMs, undefined],
    );
  }
  rows.push([`baseline: ${taskCount.toLocaleString('en-US')} task events, plain loop`, round1(baselineMs), undefined]);

  console.log(`Simulator benchmark (node ${process.version}, ${cpus().length} CPU(s); medians)`);
  const header = ['measure', 'ms', 'x baseline', 'target', 'result'];
  const table = rows.map(([name, ms, target]) => [
    name,
    ms.toFixed(1),
    (ms / baselineMs).toFixed(1),
    target === undefined ? '' : `<= ${target} ms`,
    target === undefined ? '' : verdict(ms, target),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  for (const r of table) console.log(line(r));
  if (!log) console.log(`(event log not found at ${EVENT_LOG}: part (b) skipped)`);

  console.log('');
  console.log(
    `Generated large cases (one process each; x baseline = ms / ${round1(baselineMs)} ms; cpu ms = the process's CPU time over the same span)`,
  );
  const ms = (r) => (r && Number.isFinite(r.ms) ? r.ms.toFixed(1) : '-');
  const ratio = (r) => (r && Number.isFinite(r.ms) ? (r.ms / baselineMs).toFixed(1) : '-');
  const cpu = (r) => (r && Number.isFinite(r.cpuMs) ? r.cpuMs.toFixed(1) : '-');
  const largeHeader = [
    'case',
    'after ms',
    'cpu ms',
    'x baseline',
    ...(beforeDir ? ['before ms', 'x baseline'] : []),
    'target',
    'result',
  ];
  const largeRows = large.map(({ label, target, after, before }) => [
    label,
    ms(after),
    cpu(after),
    ratio(after),
    ...(beforeDir ? [before?.timedOut ? `> ${caseTimeout * 1000}` : ms(before), ratio(before)] : []),
    target === undefined ? '' : `<= ${target} ms`,
    target === undefined || !after.ok ? '' : largeVerdict(after, target),
  ]);
  const largeWidths = largeHeader.map((h, i) => Math.max(h.length, ...largeRows.map((r) => r[i].length)));
  const largeLine = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(largeWidths[i]) : c.padStart(largeWidths[i]))).join('  ');
  console.log(largeLine(largeHeader));
  for (const r of largeRows) console.log(largeLine(r));
  for (const { label, after, before } of large) {
    const bytes = (r) =>
      r?.jsonBytes === undefined
        ? ''
        : r.jsonBytes < 0
          ? '; JSON: cannot serialise'
          : `; JSON ${r.jsonBytes} bytes in ${round1(r.serialiseMs ?? NaN)} ms`;
    console.log(`  ${label}: after: ${after.ok ? 'ok' : 'refused/failed'}: ${after.detail}${bytes(after)}`);
    if (before)
      console.log(
        `  ${' '.repeat(label.length)}  before: ${before.ok ? 'ok' : 'refused/failed'}: ${before.detail}${bytes(before)}`,
      );
  }

  const report = {
    node: process.version,
    cpus: cpus().length,
    baseline: { taskEvents: taskCount, ms: round1(baselineMs), samples: baselines.map(round1) },
    big: {
      ...big,
      targetMs: TARGET_BIG_MS,
      result: verdict(big.totalMs, TARGET_BIG_MS),
      ratioToBaseline: round1(big.totalMs / baselineMs),
    },
    large: large.map(({ name, target, after, before }) => ({
      name,
      targetMs: target ?? null,
      after: { ...after, ratioToBaseline: Number.isFinite(after.ms) ? round1(after.ms / baselineMs) : null },
      before: before
        ? { ...before, ratioToBaseline: Number.isFinite(before.ms) ? round1(before.ms / baselineMs) : null }
        : null,
    })),
    eventLog: log
      ? {
          ...log,
          targetMs: TARGET_LOG_MS,
          result: verdict(log.totalMs, TARGET_LOG_MS),
          ratioToBaseline: round1(log.totalMs / baselineMs),
        }
      : null,
  };
  const outDir = join(root, 'test-output/bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'simulator.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`wrote ${join('test-output/bench', 'simulator.json')}`);
  return report;
}

// Run directly (not imported by bench/run.mjs): measure, report, exit 0 whatever happened.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (err) {
    console.error(`simulator benchmark failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
  process.exit(0);
}
