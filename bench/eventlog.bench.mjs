// Event-log reading benchmark: a generated plain log of about 1,000,000 tasks (TaskStart and TaskEnd per task, plus
// the block-update events a real log is full of), read by readEventLog, against a floor measured in the same run: the
// same file read in the same pieces with JSON.parse of every line, in one thread. Each measurement runs in a fresh
// process, so its peak RSS is its own. Reports MB/s (10^6 bytes per second) and peak RSS.
// The task events are shaped like real Spark 3.x ones (job_spark_shell and application_1628109047826_1317105 in
// ../shared/eventlogs): the full Task Info, and TaskEnds carrying the accumulator updates (Spark's seven internal task
// metrics, with the names and ids real logs have and made-up values), the executor metrics and the task metrics —
// about 2.9 KB per TaskEnd and 0.36 KB per TaskStart (real ones: 2.4–2.9 KB and 0.37 KB). Until December 2026 the
// generator wrote 1.1 KB TaskEnds with no accumulator updates and 0.14 KB TaskStarts with three Task Info fields.
// Plain logs are read in the main thread, as the CLI and the language server read them (the decoder thread is for
// zstd logs of 512 KiB and more), so this is the product's path for the file it reads.
// Usage: npm run bench -- --only eventlog   (or node bench/run.mjs --only eventlog after npm run build)
// Options: --sizes N sets the task count (default 1,000,000); --repeat N runs per measurement (median; default 2).
// Also printed: each side's CPU time and the ratio by CPU time, steadier than MB/s when other work shares the machine.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntry } from './bundle-entry.mjs';

export const name = 'eventlog';
export const description = 'event-log reader throughput (MB/s, peak RSS) against a JSON.parse-every-line floor';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out/bench/eventlog-entry.cjs');

const TASKS_PER_STAGE = 10_000;
const EXECUTORS = 100;

/** Task Info as Spark 3.3+ writes it (the shape of job_spark_shell's task events). */
function taskInfo(task, launch, executor, finish, accumulables) {
  return {
    'Task ID': task,
    Index: task % TASKS_PER_STAGE,
    Attempt: 0,
    'Partition ID': task % TASKS_PER_STAGE,
    'Launch Time': launch,
    'Executor ID': String(executor),
    Host: `ip-10-0-${executor % 250}-${executor % 200}.ec2.internal`,
    Locality: 'PROCESS_LOCAL',
    Speculative: false,
    'Getting Result Time': 0,
    'Finish Time': finish,
    Failed: false,
    Killed: false,
    Accumulables: accumulables,
  };
}

/** One accumulator update as a TaskEnd lists it (Spark's internal task metrics). */
function accumulable(id, name, update) {
  return { ID: id, Name: name, Update: update, Value: update, Internal: true, 'Count Failed Values': true };
}

function taskEnd(stage, task, launch, executor) {
  const finish = launch + 1000 + (task % 7) * 150;
  const run = finish - launch - 20;
  const cpu = run * 950_000 + (task % 13) * 1_000;
  const gc = (task % 11) * 3;
  const rows = 1_000_000 + (task % 17);
  return JSON.stringify({
    Event: 'SparkListenerTaskEnd',
    'Stage ID': stage,
    'Stage Attempt ID': 0,
    'Task Type': 'ResultTask',
    'Task End Reason': { Reason: 'Success' },
    // The accumulator updates real Spark 3.x TaskEnds carry (names and ids as in the shared logs, values made up).
    'Task Info': taskInfo(task, launch, executor, finish, [
      accumulable(0, 'internal.metrics.executorDeserializeTime', 12),
      accumulable(1, 'internal.metrics.executorDeserializeCpuTime', 9_800_000 + (task % 5) * 1_000),
      accumulable(2, 'internal.metrics.executorRunTime', run),
      accumulable(3, 'internal.metrics.executorCpuTime', cpu),
      accumulable(4, 'internal.metrics.resultSize', 1_400 + (task % 9)),
      accumulable(5, 'internal.metrics.jvmGCTime', gc),
      accumulable(6, 'internal.metrics.resultSerializationTime', task % 3),
    ]),
    'Task Executor Metrics': {
      JVMHeapMemory: 201_744_776 + task,
      JVMOffHeapMemory: 80_736_424,
      OnHeapExecutionMemory: 0,
      OffHeapExecutionMemory: 0,
      OnHeapStorageMemory: 5_523,
      OffHeapStorageMemory: 0,
      OnHeapUnifiedMemory: 5_523,
      OffHeapUnifiedMemory: 0,
      DirectPoolMemory: 14_790,
      MappedPoolMemory: 0,
      ProcessTreeJVMVMemory: 0,
      ProcessTreeJVMRSSMemory: 0,
      ProcessTreePythonVMemory: 0,
      ProcessTreePythonRSSMemory: 0,
      ProcessTreeOtherVMemory: 0,
      ProcessTreeOtherRSSMemory: 0,
      MinorGCCount: 5,
      MinorGCTime: 42,
      MajorGCCount: 3,
      MajorGCTime: 138,
      TotalGCTime: 180,
    },
    'Task Metrics': {
      'Executor Deserialize Time': 12,
      'Executor Deserialize CPU Time': 9_800_000,
      'Executor Run Time': run,
      'Executor CPU Time': cpu,
      'Peak Execution Memory': 0,
      'Result Size': 1_400,
      'JVM GC Time': gc,
      'Result Serialization Time': 0,
      'Memory Bytes Spilled': 0,
      'Disk Bytes Spilled': 0,
      'Shuffle Read Metrics': {
        'Remote Blocks Fetched': 0,
        'Local Blocks Fetched': 0,
        'Fetch Wait Time': 0,
        'Remote Bytes Read': 0,
        'Remote Bytes Read To Disk': 0,
        'Local Bytes Read': 0,
        'Total Records Read': 0,
        'Remote Requests Duration': 0,
        'Push Based Shuffle': {
          'Corrupt Merged Block Chunks': 0,
          'Merged Fetch Fallback Count': 0,
          'Merged Remote Blocks Fetched': 0,
          'Merged Local Blocks Fetched': 0,
          'Merged Remote Chunks Fetched': 0,
          'Merged Local Chunks Fetched': 0,
          'Merged Remote Bytes Read': 0,
          'Merged Local Bytes Read': 0,
          'Merged Remote Requests Duration': 0,
        },
      },
      'Shuffle Write Metrics': { 'Shuffle Bytes Written': 0, 'Shuffle Write Time': 0, 'Shuffle Records Written': 0 },
      'Input Metrics': { 'Bytes Read': 134_217_728, 'Records Read': rows },
      'Output Metrics': { 'Bytes Written': 0, 'Records Written': 0 },
      'Updated Blocks': [],
    },
  });
}

/** Writes the log; resolves to its task count. Stages of TASKS_PER_STAGE tasks, one job per 10 stages. */
export async function generate(path, tasks) {
  const out = createWriteStream(path);
  const write = (line) => (out.write(`${line}\n`) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  const t0 = 1_700_000_000_000;
  await write(JSON.stringify({ Event: 'SparkListenerLogStart', 'Spark Version': '3.5.1' }));
  await write(
    JSON.stringify({
      Event: 'SparkListenerApplicationStart',
      'App Name': 'bench',
      'App ID': 'app-bench',
      Timestamp: t0,
    }),
  );
  await write(
    JSON.stringify({ Event: 'SparkListenerEnvironmentUpdate', 'Spark Properties': { 'spark.executor.cores': '4' } }),
  );
  for (let e = 0; e < EXECUTORS; e++) {
    await write(
      JSON.stringify({
        Event: 'SparkListenerExecutorAdded',
        Timestamp: t0 + 1000,
        'Executor ID': String(e),
        'Executor Info': { Host: 'h', 'Total Cores': 4 },
      }),
    );
  }
  const stages = Math.ceil(tasks / TASKS_PER_STAGE);
  let taskId = 0;
  let clock = t0 + 2000;
  for (let s = 0; s < stages; s++) {
    if (s % 10 === 0) {
      const ids = Array.from({ length: Math.min(10, stages - s) }, (_, i) => s + i);
      await write(
        JSON.stringify({
          Event: 'SparkListenerJobStart',
          'Job ID': s / 10,
          'Submission Time': clock,
          'Stage Infos': ids.map((id) => ({ 'Stage ID': id, 'Number of Tasks': TASKS_PER_STAGE })),
          'Stage IDs': ids,
        }),
      );
    }
    const info = {
      'Stage ID': s,
      'Stage Attempt ID': 0,
      'Stage Name': `stage ${s}`,
      'Number of Tasks': TASKS_PER_STAGE,
      'Parent IDs': [],
      'Submission Time': clock,
      'RDD Info': [],
    };
    await write(JSON.stringify({ Event: 'SparkListenerStageSubmitted', 'Stage Info': info }));
    for (let t = 0; t < TASKS_PER_STAGE && taskId < tasks; t++, taskId++) {
      const executor = t % EXECUTORS;
      const launch = clock + Math.floor(t / (EXECUTORS * 4)) * 1500;
      await write(
        JSON.stringify({
          Event: 'SparkListenerTaskStart',
          'Stage ID': s,
          'Stage Attempt ID': 0,
          'Task Info': taskInfo(taskId, launch, executor, 0, []),
        }),
      );
      await write(
        JSON.stringify({
          Event: 'SparkListenerBlockUpdated',
          'Block Updated Info': {
            'Block Manager ID': { 'Executor ID': String(executor) },
            'Block ID': `broadcast_${s}_piece0`,
            'Storage Level': { 'Use Disk': false, 'Use Memory': true, Replication: 1 },
            'Memory Size': 4096,
            'Disk Size': 0,
          },
        }),
      );
      await write(taskEnd(s, taskId, launch, executor));
    }
    clock += Math.ceil(TASKS_PER_STAGE / (EXECUTORS * 4)) * 1500 + 2000;
    await write(
      JSON.stringify({ Event: 'SparkListenerStageCompleted', 'Stage Info': { ...info, 'Completion Time': clock } }),
    );
    if (s % 10 === 9 || s === stages - 1) {
      await write(
        JSON.stringify({
          Event: 'SparkListenerJobEnd',
          'Job ID': Math.floor(s / 10),
          'Completion Time': clock,
          'Job Result': { Result: 'JobSucceeded' },
        }),
      );
    }
  }
  await write(JSON.stringify({ Event: 'SparkListenerApplicationEnd', Timestamp: clock + 1000 }));
  await new Promise((r) => out.end(r));
  return taskId;
}

function measure(mode, path) {
  const run = spawnSync(process.execPath, [bundle, mode, path], { encoding: 'utf8', maxBuffer: 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${mode} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim());
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function run(options) {
  const log = options.log ?? console.log;
  const tasks = options.sizes?.[0] ?? 1_000_000;
  const repeat = options.repeat ?? 2;
  await bundleEntry(join(root, 'bench/eventlog-entry.ts'), bundle);
  const dir = join(tmpdir(), `spark-dra-bench-eventlog-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'bench-eventlog');
  try {
    const t0 = performance.now();
    const written = await generate(path, tasks);
    log(`generated ${written.toLocaleString('en-US')} tasks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const runs = { reader: [], floor: [] };
    // Alternating order, so that a change in the machine's load falls on both sides.
    for (let i = 0; i < repeat; i++) {
      const order = i % 2 === 0 ? ['floor', 'reader'] : ['reader', 'floor'];
      for (const mode of order) runs[mode].push(measure(mode, path));
    }
    const summarize = (list) => ({
      bytes: list[0].bytes,
      events: list[0].events,
      ms: median(list.map((m) => m.ms)),
      cpuMs: median(list.map((m) => m.cpuMs)),
      mbPerSec: median(list.map((m) => m.mbPerSec)),
      peakRssMiB: Math.max(...list.map((m) => m.peakRssMiB)),
      ...(list[0].tasks !== undefined ? { tasks: list[0].tasks } : {}),
      ...(list[0].error !== undefined ? { error: list[0].error } : {}),
    });
    const reader = summarize(runs.reader);
    const floor = summarize(runs.floor);
    const sizeMB = (reader.bytes / 1e6).toFixed(0);
    log(`log: ${sizeMB} MB, ${reader.events.toLocaleString('en-US')} events, ${written.toLocaleString('en-US')} tasks`);
    if (reader.error) log(`reader error: ${reader.error}`);
    const cpu = (m) => `${m.cpuMs} ms CPU`;
    log(
      `readEventLog           ${reader.mbPerSec} MB/s  (${reader.ms} ms, ${cpu(reader)}, peak RSS ${reader.peakRssMiB} MiB)`,
    );
    log(
      `JSON.parse every line  ${floor.mbPerSec} MB/s  (${floor.ms} ms, ${cpu(floor)}, peak RSS ${floor.peakRssMiB} MiB)`,
    );
    log(
      `ratio reader/floor: ${(reader.mbPerSec / floor.mbPerSec).toFixed(2)}× (by CPU time: ${(floor.cpuMs / reader.cpuMs).toFixed(2)}×)`,
    );
    return {
      tasks: written,
      reader,
      floor,
      readerToFloor: Math.round((reader.mbPerSec / floor.mbPerSec) * 100) / 100,
      readerToFloorByCpu: Math.round((floor.cpuMs / reader.cpuMs) * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
