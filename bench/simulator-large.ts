// One generated large case per process (issue 12), for bench/simulator.mjs: `node simulator-large.cjs <case>` prints
// one JSON line { ms, ok, detail, jsonBytes? }. A process per case keeps each measurement's memory apart and lets the
// caller stop a case that runs too long (the code before the fixes took minutes on some of them).
import {
  manyConfJobText,
  manyJobsWorkload,
  manyTasksWorkload,
  runManyConf,
  runWorkload,
  concurrentShuffleJobsWorkload,
  type LargeRun,
} from './simulator-entry';

export const LARGE_CASES: Record<string, () => LargeRun> = {
  'conf-20k': () => runManyConf(manyConfJobText(20_000)),
  'jobs-40k': () => runWorkload(manyJobsWorkload(40_000), 40),
  'concurrent-shuffle-jobs-40k': () => runWorkload(concurrentShuffleJobsWorkload(40_000), 40),
  'tasks-10m-executors-10': () => runWorkload(manyTasksWorkload(10_000_000), 10),
  'max-executors-10m': () => runWorkload(manyTasksWorkload(1_000), 10_000_000),
};

const name = process.argv[2] ?? '';
const run = LARGE_CASES[name];
if (run === undefined) {
  process.stdout.write(`${JSON.stringify({ ok: false, ms: NaN, detail: `unknown case ${name}` })}\n`);
} else {
  process.stdout.write(`${JSON.stringify(run())}\n`);
}
