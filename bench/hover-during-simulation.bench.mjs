// A running simulation must not delay what the editor asks while typing: hover latency while a long simulation runs.
//
// Method. dist/server.js over stdio (simulation time limit 20 s). A small EMR job is opened; a simulation of 99,000
// executors kept through bursts of queries (seconds of work in the server's worker pool) is requested, and while it
// runs a hover on a key of the same file is sent every 25 ms, each after the previous answer. Reported: the hovers'
// p50 / p95 / max latency and how many were answered before the simulation returned, beside the same hovers with no
// simulation running. Target: max ≤ 50 ms.
import { join, resolve } from 'node:path';
import { LspProcess } from './lsp-process.mjs';

export const name = 'hover-during-simulation';
export const description = 'hover latency (p50/p95/max) while a long simulation runs, vs idle';

const ROOT = resolve(import.meta.dirname, '..');
const OUR_SERVER = process.env.SPARK_DRA_SERVER ?? join(ROOT, 'dist/server.js');
const TARGET_MAX_MS = 50;

const JOB = `${JSON.stringify(
  {
    name: 'bench-hover',
    virtualClusterId: 'abc123',
    executionRoleArn: 'arn:aws:iam::123456789012:role/job',
    releaseLabel: 'emr-7.2.0-latest',
    jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://bucket/job.py' } },
    configurationOverrides: {
      applicationConfiguration: [
        {
          classification: 'spark-defaults',
          properties: {
            'spark.dynamicAllocation.enabled': 'true',
            'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
            'spark.dynamicAllocation.maxExecutors': '40',
            'spark.executor.cores': '4',
          },
        },
      ],
    },
  },
  null,
  2,
)}\n`;
/** The hover position: on `spark.dynamicAllocation.enabled`. */
const KEY_POSITION = (() => {
  const lines = JOB.split('\n');
  const line = lines.findIndex((l) => l.includes('spark.dynamicAllocation.enabled'));
  return { line, character: lines[line].indexOf('spark.') + 5 };
})();
const LONG_SIMULATION = {
  preset: 'interactive-burst',
  overrides: { 'spark.dynamicAllocation.minExecutors': '99000', 'spark.dynamicAllocation.maxExecutors': '99000' },
};

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, q) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

async function hoverOnce(server, uri) {
  const t = performance.now();
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: KEY_POSITION });
  return performance.now() - t;
}

function summary(times) {
  return { count: times.length, p50: quantile(times, 0.5), p95: quantile(times, 0.95), max: Math.max(...times) };
}

export async function run(options = {}) {
  const log = options.log ?? console.log;
  const idleHovers = options.repeat ?? 40;
  const server = new LspProcess('spark-dra', [OUR_SERVER, '--stdio'], (item) =>
    item.section === 'sparkDra' ? { debounceMs: 0, simulation: { timeLimitSec: 20 } } : null,
  );
  try {
    const pulled = server.next((e) => e.type === 'configuration' && e.section === 'sparkDra', 15_000, 'settings');
    await server.initialize({});
    await pulled;
    const uri = server.uri('hover-during-simulation.json');
    const first = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 30_000, 'diagnostics');
    await server.open(uri, 'json', JOB);
    await first;
    const idle = [];
    for (let i = 0; i < idleHovers; i++) {
      idle.push(await hoverOnce(server, uri));
      await sleep(25);
    }
    const started = performance.now();
    let done = false;
    const simulation = server.connection
      .sendRequest('sparkDra/simulate', { uri, ...LONG_SIMULATION })
      .then((answer) => answer)
      .finally(() => {
        done = true;
      });
    const busy = [];
    await sleep(50); // the simulation is under way in the pool
    while (!done) {
      busy.push(await hoverOnce(server, uri));
      await sleep(25);
    }
    const answer = await simulation;
    const simulationMs = performance.now() - started;
    const outcome = answer?.ok ? 'finished' : `ended: ${answer?.problem?.code ?? 'unknown'}`;
    const during = busy.length > 0 ? summary(busy) : undefined;
    const before = summary(idle);
    log(`simulation ran ${fmt(simulationMs)} ms (${outcome}); hovers answered meanwhile: ${busy.length}`);
    log('hover latency (ms)       p50      p95      max');
    log(
      `idle               ${fmt(before.p50).padStart(8)} ${fmt(before.p95).padStart(8)} ${fmt(before.max).padStart(8)}`,
    );
    if (during) {
      log(
        `while simulating   ${fmt(during.p50).padStart(8)} ${fmt(during.p95).padStart(8)} ${fmt(during.max).padStart(8)}` +
          `   target max ≤ ${TARGET_MAX_MS} ms: ${during.max <= TARGET_MAX_MS ? 'met' : 'missed'}`,
      );
    }
    return { simulationMs, outcome, idle: before, during };
  } finally {
    await server.stop();
  }
}
