// `spark-dra simulate --eventlog` on the hand-written two-profile log (test/fixtures/eventlogs/two-resource-profiles),
// through the built CLI: --json carries each executor's profile and the per-profile peaks; the text report prints the
// simulated and observed peaks per profile.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const LOG = resolve(ROOT, 'test/fixtures/eventlogs/two-resource-profiles');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

interface ReplayJson {
  logged: {
    ok: boolean;
    value: {
      dra: {
        summary: { peakExecutors: number; profiles?: { id: number; peakExecutors: number }[] };
        executors: { id: string; profile: number }[];
      };
    };
  };
}

describe('spark-dra simulate --eventlog with two resource profiles', () => {
  it('--json: executor lifetimes carry their profile and the summary the per-profile peaks (2 and 2, as logged)', () => {
    const run = cli('simulate', '--eventlog', LOG, '--json');
    assert.equal(run.status, 0, run.stderr);
    const out = JSON.parse(run.stdout) as ReplayJson;
    assert.ok(out.logged.ok);
    const dra = out.logged.value.dra;
    assert.deepEqual(
      dra.executors.map((e) => e.profile),
      [0, 0, 1, 1],
    );
    assert.deepEqual(
      dra.summary.profiles?.map((p) => [p.id, p.peakExecutors]),
      [
        [0, 2],
        [1, 2],
      ],
    );
  });

  it('text: the simulated and the observed peaks per profile', () => {
    const run = cli('simulate', '--eventlog', LOG);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /Peak executors by resource profile \(DRA\): profile 0 \(2 cores, 1 CPU\(s\) per task\) 2 · profile 1 \(8 cores, 2 CPU\(s\) per task\) 2/,
    );
    assert.match(run.stdout, /peak 2 executors \(by resource profile: profile 0 2, profile 1 2\)/);
  });
});
