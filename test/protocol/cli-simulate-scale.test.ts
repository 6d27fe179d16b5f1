// `spark-dra simulate --json` at scale through the built CLI: a long run's timeline comes out thinned and small, and
// a configuration over the work budget is refused at once with the limit named (exit 2), not run out of memory.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

/** The EMR on EKS example with its DRA maximum (and floor) replaced, written to a temporary folder. */
function jobWithMaxExecutors(dir: string, max: string): string {
  const job = JSON.parse(readFileSync(join(ROOT, 'examples/emr-eks-dra.json'), 'utf8')) as {
    configurationOverrides: { applicationConfiguration: Array<{ properties: Record<string, string> }> };
  };
  const props = job.configurationOverrides.applicationConfiguration[0].properties;
  props['spark.dynamicAllocation.maxExecutors'] = max;
  props['spark.dynamicAllocation.minExecutors'] = '1';
  props['spark.dynamicAllocation.initialExecutors'] = '1';
  const path = join(dir, 'job.json');
  writeFileSync(path, JSON.stringify(job));
  return path;
}

describe('spark-dra simulate at scale', () => {
  it('prints a thinned timeline for 400,000 tasks on 10 executors, saying from how many samples', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dra-scale-'));
    const workload = join(dir, 'workload.json');
    writeFileSync(
      workload,
      JSON.stringify({
        name: 'four-hundred-thousand',
        seed: 3,
        executor: { cores: 4 },
        jobs: [
          {
            id: 0,
            submitAt: 0,
            stages: [{ id: 0, tasks: 400000, duration: { kind: 'uniform', params: { min: 1, max: 3 } } }],
          },
        ],
      }),
    );
    const run = cli('simulate', jobWithMaxExecutors(dir, '10'), '--workload', workload, '--json');
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      dra: { timeline: { t: number; running: number }[]; thinnedFrom?: number; summary: { runtimeSec: number } };
      workload: { tasks: number };
      notes: string[];
    };
    assert.equal(result.workload.tasks, 400_000);
    assert.ok(result.dra.timeline.length <= 10_000, `${result.dra.timeline.length} points`);
    assert.ok((result.dra.thinnedFrom ?? 0) > 10_000, `thinned from ${result.dra.thinnedFrom}`);
    assert.equal(result.dra.timeline[result.dra.timeline.length - 1].t, result.dra.summary.runtimeSec);
    assert.ok(result.notes.some((n) => n.startsWith('DRA run: the timeline was thinned from')));
    assert.ok(run.stdout.length < 5_000_000, `${run.stdout.length} bytes`);
  });

  it('refuses 10,000,000 max executors at once, naming budget.maxExecutors (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dra-scale-'));
    const run = cli('simulate', jobWithMaxExecutors(dir, '10000000'), '--json');
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /10,000,000, over the budget of 100,000 executor pods in one run \(budget\.maxExecutors\)/,
    );
  });
});
