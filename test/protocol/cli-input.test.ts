// `spark-dra check` on awkward input: folders with symbolic-link loops, UTF-16 and UTF-8 files with byte-order
// marks, binary files and files over the size limit — each finishes with a clear message, never quoting the file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const BROKEN = readFileSync(join(ROOT, 'test/fixtures/cli/min-above-max.yaml'), 'utf8');

function check(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
}

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spark-dra-cli-input-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('spark-dra check: awkward input', () => {
  it('walks a folder whose symbolic links loop back up, and checks each file once', () => {
    const root = join(dir, 'loop');
    mkdirSync(join(root, 'jobs'), { recursive: true });
    writeFileSync(join(root, 'jobs', 'app.yaml'), BROKEN);
    symlinkSync(root, join(root, 'jobs', 'back-to-root'));
    symlinkSync(join(root, 'jobs'), join(root, 'again'));
    const run = check(root);
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /1 file checked/);
    assert.match(run.stdout, /min-greater-than-max/);
  });

  it('reads UTF-16 (both byte orders) and UTF-8 with a byte-order mark like plain UTF-8', () => {
    const plain = check(join(ROOT, 'test/fixtures/cli/min-above-max.yaml'));
    const expected = plain.stdout.split('\n').filter((l) => / error /.test(l)).length;
    assert.ok(expected > 0);
    const le = join(dir, 'le.yaml');
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BROKEN, 'utf16le')]));
    const be = join(dir, 'be.yaml');
    writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(BROKEN, 'utf16le').swap16()]));
    const bom = join(dir, 'bom.yaml');
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BROKEN, 'utf8')]));
    for (const file of [le, be, bom]) {
      const run = check(file);
      assert.equal(run.status, 1, `${file}: ${run.stderr}`);
      assert.equal(run.stdout.split('\n').filter((l) => / error /.test(l)).length, expected, file);
    }
  });

  it('refuses binary text and files over the size limit with a reason that quotes nothing of the file', () => {
    const binary = join(dir, 'binary.yaml');
    writeFileSync(binary, Buffer.from('secret-token: abc\u0000\u0001\u0002', 'utf8'));
    const run = check(binary);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not text/);
    assert.doesNotMatch(run.stderr, /secret-token/);

    const big = join(dir, 'big.spark-defaults.conf');
    writeFileSync(big, `spark.executor.cores 4\n${'# padding\n'.repeat(250_000)}`);
    const refused = check('--max-file-mb', '1', big);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /over the 1\.0 MiB limit .*--max-file-mb/);
    assert.equal(check('--max-file-mb', '10', big).status, 0);
    assert.equal(check('--max-file-mb', 'zero', big).status, 2);
  });
});
