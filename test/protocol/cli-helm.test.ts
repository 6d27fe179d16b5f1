// `spark-dra check` over a Helm chart (test/fixtures/helm-charts): template actions raise no syntax errors, and the
// one real mistake in the chart is still found through the template text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const CHART = 'test/fixtures/helm-charts';

describe('spark-dra check on a Helm chart', () => {
  it('reports no syntax errors and finds the misspelt key in the Apache operator template', () => {
    const run = spawnSync(process.execPath, [CLI, 'check', CHART], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.equal(lines.filter((line) => / syntax /.test(line)).length, 0);
    assert.equal(lines.filter((line) => / error /.test(line)).length, 0);
    const unknown = lines.filter((line) => / unknown-key /.test(line));
    assert.equal(unknown.length, 1);
    assert.match(
      unknown[0] ?? '',
      /templates\/apache-app\.yaml:11:5 warning unknown-key `spark\.dynamicAllocation\.shuffleTracking\.enable`/,
    );
    assert.match(run.stdout, /7 files checked: 0 error\(s\), 1 warning\(s\)/);
  });
});
