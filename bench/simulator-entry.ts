// The simulator benchmark's measured code, bundled by bench/simulator.mjs into out/bench/. Each function runs one
// measurement and returns milliseconds; the .mjs script does the repetition, medians and reporting.
import { readEventLog } from '../server/src/engine/eventlog';
import { readSources } from '../server/src/engine/eventlog/read';
import { replaySources } from '../server/src/engine/eventlog/replay';
import { parseFile } from '../server/src/engine/locators';
import { simulateConf, simulateJob } from '../server/src/engine/simulator/simulate-job';
import type { Workload } from '../server/src/engine/workload/types';

/** runCluster wall times, recorded by the wrapper bench/simulator.mjs substitutes for cluster-sim at bundle time. */
interface RunTiming {
  mode: string;
  ms: number;
}

function takeRunTimings(): RunTiming[] {
  const g = globalThis as { __benchRunTimings?: RunTiming[] };
  const out = g.__benchRunTimings ?? [];
  g.__benchRunTimings = [];
  return out;
}

/** The 1,000,000-task workload: an 800,000-task job, then a 200,000-task job; tasks take 1–3 s (seeded). */
export function bigWorkload(): Workload {
  const stage = (id: number, tasks: number) => ({
    id,
    parents: [],
    tasks,
    duration: { kind: 'uniform' as const, params: { min: 1, max: 3 } },
    shuffleMap: false,
    cached: false,
  });
  return {
    name: 'bench-1m-tasks',
    seed: 20240601,
    executor: { cores: 4 },
    jobs: [
      { id: 0, start: { kind: 'at', seconds: 0 }, stages: [stage(0, 800_000)], reusesShuffles: [] },
      { id: 1, start: { kind: 'afterPrevious', gapSeconds: 5 }, stages: [stage(1, 200_000)], reusesShuffles: [] },
    ],
  };
}

export const BIG_CONF: Readonly<Record<string, string>> = {
  'spark.master': 'k8s://https://kubernetes.default.svc',
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '1000',
  'spark.executor.cores': '4',
  'spark.executor.memory': '8g',
};

export interface BigRun {
  totalMs: number;
  draMs: number;
  staticMs: number;
  tasks: number;
  draRuntimeSec: number;
  draPeakExecutors: number;
}

/** One simulateConf of the 1M-task workload (DRA run + static baseline), with each run's own time. */
export function runBig(workload: Workload): BigRun {
  takeRunTimings();
  const t0 = performance.now();
  const res = simulateConf(BIG_CONF, { sparkVersion: '3.5.1', workload });
  const totalMs = performance.now() - t0;
  if (!res.ok) throw new Error(res.problem.message);
  const runs = takeRunTimings();
  return {
    totalMs,
    draMs: runs.find((r) => r.mode === 'dra')?.ms ?? NaN,
    staticMs: runs.filter((r) => r.mode === 'static').reduce((a, r) => a + r.ms, 0),
    tasks: res.value.workload.tasks,
    draRuntimeSec: res.value.dra.summary.runtimeSec,
    draPeakExecutors: res.value.dra.summary.peakExecutors,
  };
}

export interface ReplayRun {
  /** readEventLog: file read, zstd decoding (in the decoder thread when there is one) and parsing, overlapped. */
  readParseMs: number;
  /** simulateConf with the logged conf and Spark version. */
  simulateMs: number;
  totalMs: number;
  tasks: number;
  events: number;
}

/** The event log end to end as the replay panel and the CLI do it: readEventLog, then simulateConf. */
export async function runReplay(path: string): Promise<ReplayRun> {
  const t0 = performance.now();
  const log = await readEventLog(path);
  const t1 = performance.now();
  if (!log.ok) throw new Error(log.error);
  const sim = simulateConf(log.conf, { sparkVersion: log.sparkVersion, workload: log.workload });
  const t2 = performance.now();
  if (!sim.ok) throw new Error(sim.problem.message);
  return {
    readParseMs: t1 - t0,
    simulateMs: t2 - t1,
    totalMs: t2 - t0,
    tasks: sim.value.workload.tasks,
    events: log.stats.events,
  };
}

export interface InThreadRun {
  /** File read and decompression (zstd) to text, in this thread. */
  readMs: number;
  /** JSON lines parsed, events collected, workload built. */
  parseBuildMs: number;
}

/** The two halves of reading the log when everything runs in one thread, timed apart. */
export async function runReadInThread(path: string): Promise<InThreadRun> {
  const t0 = performance.now();
  const read = await readSources(path);
  const t1 = performance.now();
  if (!read.ok) throw new Error(read.error);
  const log = replaySources(read.sources, read.name);
  const t2 = performance.now();
  if (!log.ok) throw new Error(log.error);
  return { readMs: t1 - t0, parseBuildMs: t2 - t1 };
}

/** A task event as a plain record, for the baseline loop. */
interface TaskEvent {
  stage: number;
  index: number;
  executor: number;
  endMs: number;
}

/** `count` task events with deterministic fields (built outside the timed part). */
export function baselineEvents(count: number): TaskEvent[] {
  const out: TaskEvent[] = new Array<TaskEvent>(count);
  let x = 12345;
  for (let i = 0; i < count; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = { stage: i < count * 0.8 ? 0 : 1, index: i, executor: x % 1000, endMs: 1000 + (x % 2000) };
  }
  return out;
}

/**
 * The machine's yardstick: every task event through a plain array loop, a start and an end each, touching per-stage
 * and per-executor counters the way the simulator's bookkeeping does at its cheapest. Returns ms and a checksum (so the
 * loop is not optimised away).
 */
export function baselineLoop(events: readonly TaskEvent[]): { ms: number; checksum: number } {
  const running = new Int32Array(1000);
  const started = new Int32Array(2);
  let busy = 0;
  let checksum = 0;
  const t0 = performance.now();
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    started[e.stage]++;
    running[e.executor]++;
    busy += e.endMs;
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    running[e.executor]--;
    checksum = (checksum + e.index * 31 + e.endMs) % 1_000_000_007;
  }
  const ms = performance.now() - t0;
  return { ms, checksum: checksum + busy + started[0] + running[0] };
}

// ---- generated large cases (issue 12): each returns its wall time and enough of the result to check it ran ----

/** An EMR on EKS job whose sparkSubmitParameters carry `count` distinct --conf flags besides the DRA settings. */
export function manyConfJobText(count: number): string {
  const flags: string[] = [
    '--conf spark.dynamicAllocation.enabled=true',
    '--conf spark.dynamicAllocation.shuffleTracking.enabled=true',
    '--conf spark.dynamicAllocation.maxExecutors=40',
    '--conf spark.executor.cores=4',
  ];
  for (let i = 0; i < count; i++) flags.push(`--conf spark.bench.generated.key${i}=value${i}`);
  return JSON.stringify({
    name: 'bench-many-conf',
    virtualClusterId: 'abcdefghijklmnopqrstuvwxyz1',
    executionRoleArn: 'arn:aws:iam::111122223333:role/bench',
    releaseLabel: 'emr-7.2.0-latest',
    jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://bench/job.py', sparkSubmitParameters: flags.join(' ') } },
  });
}

export interface LargeRun {
  ms: number;
  /** CPU time of the process (all its threads, GC included) over the same span as `ms`: what a busy machine does not inflate. */
  cpuMs?: number;
  ok: boolean;
  detail: string;
  /** Length of the result as `simulate --json` prints it; -1 when it cannot be serialised. */
  jsonBytes?: number;
  /** Time to serialise it (JSON.stringify, indented as the CLI prints it). */
  serialiseMs?: number;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Parses the many-keys job (not timed) and times simulateJob on the first preset. */
export function runManyConf(text: string): LargeRun {
  const job = parseFile({ fileName: 'bench-many-conf.json', text }).jobs[0];
  if (!job) return { ms: NaN, ok: false, detail: 'the generated file holds no job' };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = simulateJob(job, { sparkVersion: '3.5.1' });
  const ms = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  return { ms, cpuMs, ok: res.ok, detail: res.ok ? `${job.entries.length} entries` : res.problem.message };
}

/** `count` one-stage jobs of 4 one-second tasks; the start rules cycle through at, withPrevious and afterPrevious. */
export function manyJobsWorkload(count: number): Workload {
  const jobs: Workload['jobs'] = [];
  for (let j = 0; j < count; j++) {
    const rule = j % 3;
    const start =
      rule === 0
        ? { kind: 'at' as const, seconds: j }
        : rule === 1
          ? { kind: 'withPrevious' as const, offsetSeconds: 1 }
          : { kind: 'afterPrevious' as const, gapSeconds: 0 };
    const stage = {
      id: j,
      parents: [],
      tasks: 4,
      duration: { kind: 'constant' as const, seconds: 1 },
      shuffleMap: false,
      cached: false,
    };
    jobs.push({ id: j, start, stages: [stage], reusesShuffles: [] });
  }
  return { name: `bench-${count}-jobs`, seed: 7, executor: { cores: 4 }, jobs };
}

/** `count` one-stage jobs, all submitted at t = 0, each writing a shuffle (shuffle tracking follows every one). */
export function concurrentShuffleJobsWorkload(count: number): Workload {
  const jobs: Workload['jobs'] = [];
  for (let j = 0; j < count; j++) {
    const stage = {
      id: j,
      parents: [],
      tasks: 4,
      duration: { kind: 'constant' as const, seconds: 1 },
      shuffleMap: true,
      cached: false,
    };
    jobs.push({ id: j, start: { kind: 'at' as const, seconds: 0 }, stages: [stage], reusesShuffles: [] });
  }
  return { name: `bench-${count}-concurrent-jobs`, seed: 3, executor: { cores: 4 }, jobs };
}

/** One stage of `tasks` tasks of 1–3 s (seeded). */
export function manyTasksWorkload(tasks: number): Workload {
  const stage = {
    id: 0,
    parents: [],
    tasks,
    duration: { kind: 'uniform' as const, params: { min: 1, max: 3 } },
    shuffleMap: false,
    cached: false,
  };
  const jobs = [{ id: 0, start: { kind: 'at' as const, seconds: 0 }, stages: [stage], reusesShuffles: [] }];
  return { name: `bench-${tasks}-tasks`, seed: 11, executor: { cores: 4 }, jobs };
}

/** simulateConf of a workload with DRA capped at `maxExecutors`; reports the JSON size of the result too. */
export function runWorkload(workload: Workload, maxExecutors: number): LargeRun {
  const conf = { ...BIG_CONF, 'spark.dynamicAllocation.maxExecutors': String(maxExecutors) };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = simulateConf(conf, { sparkVersion: '3.5.1', workload });
  const ms = performance.now() - t0;
  const cpuMs = cpuMsSince(cpu0);
  if (!res.ok) return { ms, cpuMs, ok: false, detail: res.problem.message };
  let jsonBytes: number;
  const serialiseStart = performance.now();
  try {
    jsonBytes = JSON.stringify(res.value, null, 2).length;
  } catch {
    jsonBytes = -1; // too large to serialise
  }
  const serialiseMs = performance.now() - serialiseStart;
  const { dra } = res.value;
  return {
    ms,
    cpuMs,
    serialiseMs,
    ok: true,
    detail: `${res.value.workload.tasks} tasks, ${res.value.workload.jobs} jobs, runtime ${dra.summary.runtimeSec} s, ${dra.timeline.length} DRA timeline points`,
    jsonBytes,
  };
}
