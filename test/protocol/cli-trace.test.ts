// `spark-dra simulate --trace FILE --json` through the built CLI: every fixture trace gives its expected output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../dist/cli.js');
const TRACES = resolve(__dirname, '../fixtures/traces');

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('spark-dra simulate --trace', () => {
  const names = readdirSync(TRACES).filter((f) => f.endsWith('.trace.json'));

  it('has trace fixtures to run', () => {
    assert.ok(names.length >= 10, `found ${names.length} traces`);
  });

  for (const name of names) {
    it(`reproduces ${name}`, () => {
      const run = cli('simulate', '--trace', join(TRACES, name), '--json');
      const expected = JSON.parse(
        readFileSync(join(TRACES, name.replace('.trace.json', '.expected.json')), 'utf8'),
      ) as {
        error?: string[];
      };
      if (expected.error) {
        // A trace Spark would refuse: exit 2 with a message naming every expected part.
        assert.equal(run.status, 2);
        for (const part of expected.error) assert.ok(run.stderr.includes(part), `stderr lacks ${part}: ${run.stderr}`);
        return;
      }
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), expected);
    });
  }

  it('gives byte-identical JSON for the same input', () => {
    const path = join(TRACES, names[0]);
    assert.equal(cli('simulate', '--trace', path, '--json').stdout, cli('simulate', '--trace', path, '--json').stdout);
  });

  it('exits 2 naming the problem for an invalid trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spark-dra-trace-'));
    const unknownEvent = join(dir, 'unknown.json');
    writeFileSync(
      unknownEvent,
      JSON.stringify({
        conf: { 'spark.dynamicAllocation.enabled': 'true' },
        until: 1,
        events: [{ t: 0, type: 'explode' }],
      }),
    );
    const run = cli('simulate', '--trace', unknownEvent, '--json');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /explode/);

    const rejected = join(dir, 'rejected.json');
    writeFileSync(
      rejected,
      JSON.stringify({
        sparkVersion: '3.5.1',
        conf: {
          'spark.dynamicAllocation.enabled': 'true',
          'spark.dynamicAllocation.minExecutors': '5',
          'spark.dynamicAllocation.maxExecutors': '2',
        },
        until: 1,
        events: [],
      }),
    );
    const startup = cli('simulate', '--trace', rejected, '--json');
    assert.equal(startup.status, 2);
    assert.match(startup.stderr, /minExecutors/);

    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '{ "events": [');
    assert.equal(cli('simulate', '--trace', notJson).status, 2);
  });
});
