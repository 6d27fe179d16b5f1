// The built CLI replays a shared zstd log with libzstd (WebAssembly, embedded in dist/cli.js) and, where WebAssembly
// cannot run (node --jitless), with the pure-JS fzstd: the --json output is the same byte for byte.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const DRA = resolve(ROOT, '../shared/eventlogs/eventlog_4nodes_8cores_dynamic_alloc.zstd');

function simulateJson(nodeFlags: string[]): string {
  const run = spawnSync(process.execPath, [...nodeFlags, CLI, 'simulate', '--eventlog', DRA, '--json'], {
    encoding: 'utf8',
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

test('simulate --eventlog on a zstd log: the same --json with libzstd (WebAssembly) and with fzstd (--jitless)', () => {
  const probe = spawnSync(process.execPath, ['--jitless', '-e', 'process.stdout.write(typeof WebAssembly)'], {
    encoding: 'utf8',
  });
  assert.equal(probe.stdout, 'undefined', 'node --jitless has no WebAssembly, so the CLI must fall back to fzstd');
  const withWasm = simulateJson([]);
  const report: unknown = JSON.parse(withWasm);
  assert.equal(typeof report, 'object');
  assert.ok(withWasm.length > 10_000, 'a full replay report');
  assert.equal(simulateJson(['--jitless']), withWasm);
});
