// `spark-dra simulate` and `spark-dra demo` through the built CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const LOGS = resolve(ROOT, '../shared/eventlogs');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

interface Summary {
  runtimeSec: number;
  peakExecutors: number;
  executorSeconds: number;
  cost: { total: number };
}
interface ResultJson {
  dra: { summary: Summary; timeline: { t: number; running: number }[] };
  static: { executors: number; summary: Summary };
}

describe('spark-dra simulate JOBFILE', () => {
  it('prints DRA against static for a job file', () => {
    const run = cli('simulate', 'examples/emr-eks-dra.json', '--preset', 'interactive-burst');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /dynamic allocation\s+static \(40 executors\)/);
    assert.match(run.stdout, /^runtime\s+\d+m \d+s/m);
    assert.match(run.stdout, /^cost \(USD\)\s+\$[\d.]+\s+\$[\d.]+/m);
  });

  it('gives the JSON result, byte-identical across runs, bounded by maxExecutors', () => {
    const a = cli('simulate', 'examples/emr-eks-dra.json', '--json');
    const b = cli('simulate', 'examples/emr-eks-dra.json', '--json');
    assert.equal(a.status, 0, a.stderr);
    assert.equal(a.stdout, b.stdout);
    const result = JSON.parse(a.stdout) as ResultJson;
    assert.ok(result.dra.summary.peakExecutors <= 40 && result.dra.summary.peakExecutors > 0);
    assert.ok(result.dra.timeline.length > 10);
    assert.equal(result.static.executors, 40);
  });

  it('replays job_spark_shell: 8 tasks of 60 s on 4 cores take about 2 minutes per job', () => {
    const run = cli('simulate', '--eventlog', join(LOGS, 'job_spark_shell'), '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as {
      observed: { peakExecutors: number; runtimeSec: number };
      logged: { ok: boolean; value: ResultJson & { dra: { lastJobEndSec?: number } } };
    };
    assert.equal(out.observed.peakExecutors, 1);
    assert.ok(out.logged.ok);
    // First job at ~92 s, two jobs of ~2 min each with a ~13 s gap: the log's last job ended at 346 s.
    const lastJobEnd = out.logged.value.dra.lastJobEndSec ?? -1;
    assert.ok(lastJobEnd > 330 && lastJobEnd < 360, `last job ended at ${lastJobEnd}`);
    // The whole application is simulated: the driver stayed about 449 s after its last job.
    const runtime = out.logged.value.static.summary.runtimeSec;
    assert.ok(Math.abs(runtime - out.observed.runtimeSec) < 5, `runtime ${runtime} vs ${out.observed.runtimeSec}`);
  });

  it('replays one application of a History Server zip chosen with --app, and lists the ids without it', () => {
    const zip = join(ROOT, 'test/fixtures/eventlogs/eventLogs-two-apps.zip');
    const run = cli('simulate', '--eventlog', zip, '--app', 'application_1698225730624_0003', '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as { observed: { peakExecutors: number } };
    assert.equal(out.observed.peakExecutors, 1);
    const none = cli('simulate', '--eventlog', zip, '--json');
    assert.equal(none.status, 2);
    assert.match(
      none.stderr,
      /holds 2 application logs \(application_1698225730624_0003, application_1628109047826_1317105\); choose one/,
    );
    const stray = cli('simulate', 'examples/emr-eks-dra.json', '--app', 'x');
    assert.equal(stray.status, 2);
    assert.match(stray.stderr, /--app chooses an application in --eventlog PATH/);
  });

  it('prints the observed executor timeline of the DRA log beside the simulated one', () => {
    const run = cli(
      'simulate',
      'examples/emr-eks-dra.json',
      '--eventlog',
      join(LOGS, 'eventlog_4nodes_8cores_dynamic_alloc.zstd'),
    );
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Executors alive over time/);
    assert.match(run.stdout, /time\s+observed\s+simulated \(logged conf\)\s+simulated \(your file\)/);
    assert.match(run.stdout, /observed: runtime 3m 25s, peak 7 executors/);
  });

  it('refuses bad input with exit 2 and a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dra-sim-'));
    const badWorkload = join(dir, 'workload.json');
    writeFileSync(
      badWorkload,
      JSON.stringify({ name: 'x', jobs: [{ stages: [{ id: 0, tasks: -1, duration: { constant: 1 } }] }] }),
    );
    const cases: { args: string[]; message: RegExp }[] = [
      { args: ['simulate', 'examples/emr-eks-dra.json', '--preset', 'nope'], message: /unknown preset/ },
      { args: ['simulate', 'missing.json'], message: /cannot read/ },
      { args: ['simulate', 'examples/storageclass-spark-local.yaml'], message: /holds no Spark job/ },
      {
        args: ['simulate', 'examples/emr-eks-dra.json', '--workload', badWorkload],
        message: /invalid workload.*tasks/,
      },
      { args: ['simulate', '--eventlog', join(dir, 'nothing-here')], message: /.+/ },
      {
        args: ['simulate', 'examples/emr-eks-dra.json', '--preset', 'steady', '--workload', badWorkload],
        message: /at most one/,
      },
    ];
    for (const c of cases) {
      const run = cli(...c.args);
      assert.equal(run.status, 2, `${c.args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, c.message, c.args.join(' '));
    }
  });
});

describe('spark-dra demo', () => {
  it('checks the examples cleanly and simulates every job', () => {
    const run = cli('demo', 'examples');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /12 files checked: 0 error\(s\), 0 warning\(s\)/);
    const simulated = run.stdout.split('\n').filter((l) => /^examples\/.*: runtime/.test(l));
    assert.equal(simulated.length, 11);
    // Then the job that is wrong on purpose, with the mistakes it holds.
    const mistakes = run.stdout.slice(run.stdout.indexOf('wrong on purpose'));
    for (const rule of [
      'syntax',
      'unknown-key',
      'duration-truncated',
      'initial-executors-above-max',
      'dra-without-shuffle-support',
      'pvc-reuse-without-own',
      'ondemand-pvc-incomplete',
    ]) {
      assert.match(mistakes, new RegExp(`emr-eks-mistakes\\.json:\\d+:\\d+ \\w+ ${rule} `), rule);
    }
  });
});
