// `spark-dra advise` through the built CLI: the Advice JSON, the text table, and reproducibility: `simulate` with the
// same workload and a point's changes as --conf gives the point's runtime and cost.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { Advice, AdvicePoint } from '../../protocol/advice';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const DRA_LOG = resolve(ROOT, '../shared/eventlogs/eventlog_4nodes_8cores_dynamic_alloc.zstd');
const JOB = 'examples/emr-eks-dra.json';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

function adviceText(...args: string[]): string {
  const run = cli('advise', JOB, ...args, '--json');
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

const adviceOf = (...args: string[]): Advice => JSON.parse(adviceText(...args)) as Advice;

const confArgs = (point: AdvicePoint): string[] =>
  Object.entries(point.changes).flatMap(([k, v]) => ['--conf', `${k}=${v}`]);

interface Summary {
  runtimeSec: number;
  executorSeconds: number;
  cost: { total: number };
}

describe('spark-dra advise', () => {
  it('on a preset: the JSON is the Advice object, the same on every run, and simulate --conf reproduces its points', () => {
    const text = adviceText('--preset', 'steady');
    // The candidates are simulated in two threads; which one answers first must not change a byte.
    assert.equal(adviceText('--preset', 'steady'), text);
    const advice = JSON.parse(text) as Advice;
    assert.ok(advice.candidates >= 200, `${advice.candidates} candidates`);
    assert.equal(advice.maxSlowdownPct, 5);
    assert.equal(advice.workload.name, 'steady');
    assert.deepEqual(advice.current.changes, {});
    const points = [advice.recommended ?? advice.cheapest, advice.fastest];
    for (const point of points) {
      const run = cli('simulate', JOB, '--preset', 'steady', '--json', ...confArgs(point));
      assert.equal(run.status, 0, run.stderr);
      const summary = (JSON.parse(run.stdout) as { dra: { summary: Summary } }).dra.summary;
      assert.deepEqual(
        [summary.runtimeSec, summary.cost.total, summary.executorSeconds],
        [point.runtimeSec, point.costUsd, point.executorSeconds],
      );
    }
  });

  it('on the shared DRA event log: simulate --eventlog with the job file and --conf reproduces the cheapest point', () => {
    const advice = adviceOf('--eventlog', DRA_LOG);
    assert.equal(advice.workload.tasks, 235);
    const point = advice.cheapest;
    const run = cli('simulate', JOB, '--eventlog', DRA_LOG, '--json', ...confArgs(point));
    assert.equal(run.status, 0, run.stderr);
    const file = (JSON.parse(run.stdout) as { file: { ok: true; value: { dra: { summary: Summary } } } }).file;
    const summary = file.value.dra.summary;
    assert.deepEqual([summary.runtimeSec, summary.cost.total], [point.runtimeSec, point.costUsd]);
  });

  it('prints a table of current, recommended, cheapest, fastest and the heuristics', () => {
    const run = cli('advise', JOB, '--preset', 'steady', '--max-slowdown', '10');
    assert.equal(run.status, 0, run.stderr);
    for (const row of [/^current\s+[\d.]+ s/m, /^recommended\s/m, /^cheapest\s/m, /^fastest\s/m, /Spark defaults/]) {
      assert.match(run.stdout, row);
    }
    assert.match(run.stdout, /At most 10% slower than as written/);
  });

  it('refuses a bad --max-slowdown and a missing job file with exit 2', () => {
    assert.equal(cli('advise', JOB, '--max-slowdown', 'fast').status, 2);
    assert.equal(cli('advise').status, 2);
    const missing = cli('advise', 'no/such/file.json');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});
