// `spark-dra simulate --eventlog` with calibration, the whole application, --conf and --knob, through the built CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const LINKEDIN = resolve(ROOT, '../shared/eventlogs/application_1628109047826_1317105');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

interface Value {
  value: number;
  samples: number;
  source: string;
}
interface ReplayJson {
  observed: { runtimeSec: number; executorSeconds: number };
  observedWindows: { job: { fromSec: number; toSec: number }; app: { executorSeconds: number } };
  logged: {
    ok: boolean;
    value: {
      dra: {
        summary: { runtimeSec: number };
        jobs: { id: number; startSec: number; endSec?: number }[];
        executors: { id: string; profile: number; addedSec: number; removedSec?: number; reason: string }[];
        lastJobEndSec: number;
      };
      inputs: Record<string, string>;
    };
  };
  calibration: { coldStart: Value; removalLag: Value; summary: string; knobs: Record<string, number> };
  fidelity?: { appWindow: { errorPct: number }; jobWindow: { errorPct: number }; meanAbsExecutorError: number };
}

function replay(...extra: string[]): ReplayJson {
  const run = cli('simulate', '--eventlog', LINKEDIN, '--json', ...extra);
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as ReplayJson;
}

describe('spark-dra simulate --eventlog: calibrated replay', () => {
  it('reports the calibration, per-job times, executor lifetimes and the fidelity of the logged configuration', () => {
    const out = replay();
    assert.ok(out.logged.ok);
    assert.equal(out.calibration.coldStart.samples, 10);
    assert.ok(Math.abs(out.calibration.coldStart.value - 71.3) < 0.1);
    assert.match(out.calibration.summary, /^cold start 71\.3–90\.0 s \(10 executors\)/);
    const dra = out.logged.value.dra;
    assert.equal(dra.jobs.length, 1);
    assert.ok(dra.jobs[0].endSec !== undefined && dra.jobs[0].endSec <= dra.lastJobEndSec);
    assert.equal(dra.executors.length, 10);
    // The four tasks and, as in the log, a speculative copy of the straggler (spark.speculation is on): Spark puts
    // the copy on a free executor picked at random (an executor that had run a task, in the log); the simulation on
    // the one free the longest, an idle one. So five ran tasks and stayed to the end; five ran none and timed out.
    assert.equal(dra.executors.filter((e) => e.reason === 'idle timeout').length, 5);
    assert.equal(dra.executors.filter((e) => e.reason === 'alive at the end').length, 5);
    assert.ok(Math.abs(dra.summary.runtimeSec - out.observed.runtimeSec) < 2);
    assert.ok(out.fidelity);
    assert.ok(Math.abs(out.fidelity.appWindow.errorPct) <= 10);
    // The observed windows: the one job ran 178.1 → 242.4 s; the application window holds every executor-second.
    assert.ok(
      Math.abs(out.observedWindows.job.fromSec - 178.1) < 0.1 && Math.abs(out.observedWindows.job.toSec - 242.4) < 0.1,
    );
    assert.ok(Math.abs(out.observedWindows.app.executorSeconds - out.observed.executorSeconds) < 0.01);
    assert.ok(out.fidelity.meanAbsExecutorError <= 1.5);
  });

  it('--knob overrides a calibrated value; --no-calibration returns to the typical pod start-up', () => {
    const knobbed = replay('--knob', 'coldStartSec=10', '--knob', 'removalLagSec=0.5');
    assert.equal(knobbed.calibration.coldStart.value, 10);
    assert.equal(knobbed.calibration.coldStart.source, 'knob');
    assert.equal(knobbed.logged.value.inputs['knob coldStartSec'], '10');
    const first = Math.min(...knobbed.logged.value.dra.executors.map((e) => e.addedSec));
    assert.ok(first >= 10 && first < 11, `first registration at ${first}`);
    const typical = cli('simulate', '--eventlog', LINKEDIN, '--json', '--no-calibration');
    assert.equal(typical.status, 0, typical.stderr);
    const parsed = JSON.parse(typical.stdout) as ReplayJson;
    const early = Math.min(...parsed.logged.value.dra.executors.map((e) => e.addedSec));
    assert.ok(early < 15, `typical start-up registers at ${early}`);
  });

  it('--conf changes the replayed configuration, and then no fidelity is claimed', () => {
    const out = replay(
      '--conf',
      'spark.dynamicAllocation.executorIdleTimeout=20s',
      '--conf',
      'spark.executor.instances=2',
    );
    assert.equal(out.fidelity, undefined);
    assert.equal(out.logged.value.inputs['spark.dynamicAllocation.executorIdleTimeout'], '20s');
    // Idle executors now leave after 20 s instead of 150 s: far fewer executor-seconds before the job.
    // (Those gone before the job at 178 s ran nothing; the others idled out after their last task.)
    const idle = out.logged.value.dra.executors.filter((e) => e.reason === 'idle timeout');
    const beforeJob = idle.filter((e) => (e.removedSec as number) < 178);
    assert.ok(beforeJob.length > 0, 'some idled out before the job');
    for (const e of beforeJob) assert.ok((e.removedSec as number) - e.addedSec < 40, `executor ${e.id}`);
  });

  it('simulate JOBFILE takes --conf over the file and --knob for the simulator too', () => {
    const run = cli(
      'simulate',
      'examples/emr-eks-dra.json',
      '--preset',
      'steady',
      '--json',
      '--conf',
      'spark.dynamicAllocation.maxExecutors=5',
      '--knob',
      'podStartLatencySec=20',
    );
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      dra: { summary: { peakExecutors: number } };
      inputs: Record<string, string>;
    };
    assert.ok(result.dra.summary.peakExecutors <= 5);
    assert.equal(result.inputs['spark.dynamicAllocation.maxExecutors'], '5');
    assert.equal(result.inputs['knob podStartLatencySec'], '20');
  });

  it('refuses a malformed --conf or an unknown --knob with exit 2', () => {
    for (const args of [
      ['--conf', 'no-equals-sign'],
      ['--knob', 'warpSpeed=9'],
      ['--knob', 'coldStartSec=-1'],
    ]) {
      const run = cli('simulate', '--eventlog', LINKEDIN, ...args);
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /--(conf|knob)/);
    }
  });
});
