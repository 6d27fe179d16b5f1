// `spark-dra simulate` shows where executor time goes (DRA and static side by side) and the verdict, through the
// built CLI; `--json` carries the same figures.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { EXECUTOR_TIME_CATEGORIES, type ExecutorTimeBreakdown } from '../../protocol/advice';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

interface RunJson {
  summary: { executorSeconds: number; recomputedTasks: number; recomputeSec: number };
  breakdown: ExecutorTimeBreakdown;
}

describe('spark-dra simulate: executor-time breakdown', () => {
  it('prints the breakdown table with seconds and shares for both runs, then the verdict', () => {
    const run = cli('simulate', 'examples/emr-eks-dra.json', '--preset', 'interactive-burst');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^Where executor time goes/m);
    assert.match(run.stdout, /^executor time\s+DRA \(s\)\s+DRA %\s+static \(s\)\s+static %$/m);
    for (const category of EXECUTOR_TIME_CATEGORIES) {
      assert.match(run.stdout, new RegExp(`^${category}\\s+[\\d,.]+\\s+(\\d+%|<1%)\\s+[\\d,.]+\\s+(\\d+%|<1%)$`, 'm'));
    }
    assert.match(run.stdout, /^total\s+[\d,.]+\s+100%\s+[\d,.]+\s+100%$/m);
    assert.match(run.stdout, /^Verdict: .+\.$/m);
  });

  it('--json carries each run breakdown (total = executor-seconds + starting) and the verdict', () => {
    const run = cli('simulate', 'examples/emr-eks-dra.json', '--preset', 'wide-then-narrow', '--json');
    assert.equal(run.status, 0, run.stderr);
    const result = JSON.parse(run.stdout) as { dra: RunJson; static: RunJson; verdict: string };
    for (const side of [result.dra, result.static]) {
      const { seconds, totalSec } = side.breakdown;
      const sum = EXECUTOR_TIME_CATEGORIES.reduce((acc, c) => acc + seconds[c], 0);
      assert.ok(Math.abs(sum - totalSec) < 1e-6);
      assert.ok(Math.abs(totalSec - seconds.starting - side.summary.executorSeconds) < 1e-6);
      assert.equal(side.summary.recomputedTasks, 0);
    }
    assert.equal(result.static.breakdown.seconds['shuffle-pinned'], 0);
    assert.ok(result.verdict.length > 20);
  });
});
