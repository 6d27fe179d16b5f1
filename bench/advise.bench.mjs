// Advisor benchmark: `spark-dra advise` on the seed-style AWS DRA job through the built CLI, one fresh process per
// run (so the wall time includes start-up, reading the log and the evaluation threads), on a preset (target ≤ 3 s)
// and on the 8,630-task shared event log (target ≤ 10 s), each with at least 200 candidate simulations.
// Usage: npm run bench -- --only advise   (or node bench/run.mjs --only advise after npm run build)
// Options: --repeat N runs per measurement (median; default 3).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const name = 'advise';
export const description = 'spark-dra advise wall time and candidate count (preset ≤ 3 s, 8,630-task log ≤ 10 s)';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');
const job = 'examples/emr-eks-dra.json';
const manyTasksLog = resolve(root, '../shared/eventlogs/tasks_executors_fail_compressed_eventlog.zstd');
const MIN_CANDIDATES = 200;

const cases = [
  { label: 'preset wide-then-narrow', args: ['--preset', 'wide-then-narrow'], targetSec: 3 },
  { label: 'preset steady', args: ['--preset', 'steady'], targetSec: 3 },
  { label: '8,630-task log', args: ['--eventlog', manyTasksLog], targetSec: 10 },
];

/** Single-quoted for bash. */
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * One fresh CLI process, timed by bash's `time`: wall seconds and the CPU seconds of all its threads. On a shared
 * machine the wall time grows with the load; CPU / threads is what the run costs on idle cores.
 */
function once(args) {
  const command = [process.execPath, cli, 'advise', job, ...args, '--json'].map(quote).join(' ');
  const run = spawnSync('bash', ['-c', `TIMEFORMAT='%R %U %S'; time ${command}`], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`advise ${args.join(' ')} failed: ${run.stderr}`);
  const [wall, user, sys] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
  const advice = JSON.parse(run.stdout);
  return { sec: wall, cpuSec: user + sys, candidates: advice.candidates, tasks: advice.workload.tasks };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(options = {}) {
  const log = options.log ?? console.log;
  const repeat = options.repeat ?? 3;
  const threads = Math.min(2, availableParallelism());
  log(
    `advise: ${availableParallelism()} core(s), load average ${loadavg()[0].toFixed(1)}; median of ${repeat} run(s) per case, each a fresh CLI process`,
  );
  const results = [];
  for (const c of cases) {
    const runs = [];
    for (let i = 0; i < repeat; i++) runs.push(once(c.args));
    const sec = median(runs.map((r) => r.sec));
    const cpuSec = median(runs.map((r) => r.cpuSec));
    const { candidates, tasks } = runs[0];
    const met = sec <= c.targetSec && candidates >= MIN_CANDIDATES;
    log(
      `  ${c.label.padEnd(24)} ${String(tasks).padStart(6)} tasks  ${String(candidates).padStart(4)} candidates  ` +
        `wall ${sec.toFixed(2).padStart(6)} s  CPU ${cpuSec.toFixed(2).padStart(6)} s (/${threads} = ${(cpuSec / threads).toFixed(2)} s)  ` +
        `(target <= ${c.targetSec} s wall, >= ${MIN_CANDIDATES} candidates: ${met ? 'met' : 'MISSED'})`,
    );
    results.push({
      case: c.label,
      tasks,
      candidates,
      seconds: sec,
      cpuSeconds: cpuSec,
      runs: runs.map((r) => r.sec),
      targetSec: c.targetSec,
      met,
    });
  }
  return { results };
}
