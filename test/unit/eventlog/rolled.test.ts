// Rolled event logs (eventlog_v2_<appId>/events_<n>_<appId>[.zstd]) built in a temporary directory from the fixtures.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLog } from '../../../server/src/engine/eventlog';
import { rolledParts } from '../../../server/src/engine/eventlog/read';
import { DRA, SPARK_SHELL, expectOk, load } from './logs';

let root = '';
const APP = 'application_1698225730624_0003';
const hasZstd = spawnSync('zstd', ['--version']).status === 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-rolled-'));
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

/** Splits the spark-shell log into three parts at line boundaries. */
async function threeParts(): Promise<string[]> {
  const lines = (await readFile(SPARK_SHELL, 'utf8')).split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const a = Math.floor(lines.length / 3);
  const b = Math.floor((2 * lines.length) / 3);
  return [lines.slice(0, a), lines.slice(a, b), lines.slice(b)].map((ls) => ls.join('\n') + '\n');
}

test('parts are ordered by their number, not by name', () => {
  assert.deepEqual(rolledParts(['appstatus_x', 'events_10_x', 'events_2_x.zstd', 'events_1_x', 'notes.txt']), [
    'events_1_x',
    'events_2_x.zstd',
    'events_10_x',
  ]);
});

test('a rolled directory reads like the single file (plain parts, one zstd part if zstd is installed)', async () => {
  const dir = join(root, `eventlog_v2_${APP}`);
  await mkdir(dir);
  const [p1, p2, p3] = await threeParts();
  // Numbers 8, 9, 10 after compaction (Spark keeps the newest compacted part as .compact and deletes the ones before
  // it): a name sort would put events_10 first.
  await writeFile(join(dir, `events_8_${APP}.compact`), p1);
  await writeFile(join(dir, `events_10_${APP}`), p3);
  if (hasZstd) {
    await writeFile(join(dir, `part2.tmp`), p2);
    const z = spawnSync('zstd', ['-q', '-f', join(dir, 'part2.tmp'), '-o', join(dir, `events_9_${APP}.zstd`)]);
    assert.equal(z.status, 0, String(z.stderr));
    await rm(join(dir, 'part2.tmp'));
  } else {
    await writeFile(join(dir, `events_9_${APP}`), p2);
  }
  await writeFile(join(dir, `appstatus_${APP}`), '');

  const rolled = expectOk(await readEventLog(dir));
  const single = await load(SPARK_SHELL);
  assert.deepEqual(rolled.workload, single.workload);
  assert.deepEqual(rolled.stats, single.stats);
  assert.deepEqual(rolled.observed, single.observed);
  assert.deepEqual(rolled.conf, single.conf);
  assert.equal(rolled.sparkVersion, '3.4.1-amzn-0');
});

test('a rolled directory whose only part is an existing .zstd file', async () => {
  const dir = join(root, 'eventlog_v2_dra');
  await mkdir(dir);
  await copyFile(DRA, join(dir, 'events_1_dra.zstd'));
  await writeFile(join(dir, 'appstatus_dra.inprogress'), '');
  const rolled = expectOk(await readEventLog(dir));
  const single = await load(DRA);
  assert.deepEqual(rolled.workload, single.workload);
  assert.equal(rolled.stats.tasks, 235);
  assert.equal(rolled.observed.peakExecutors, 7);
});

test('errors in a later part name that part and its own line number', async () => {
  const dir = join(root, 'eventlog_v2_bad');
  await mkdir(dir);
  const [p1, p2] = await threeParts();
  await writeFile(join(dir, 'events_1_bad'), p1);
  const lines = p2.split('\n');
  lines[2] = '{"Event": "SparkListenerTaskEnd", oops';
  await writeFile(join(dir, 'events_2_bad'), lines.join('\n'));
  const r = await readEventLog(dir);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error, /^events_2_bad: line 3: not valid JSON/);
});

test('a truncated last line is tolerated only in the last part', async () => {
  const dir = join(root, 'eventlog_v2_cut');
  await mkdir(dir);
  const [p1, p2] = await threeParts();
  await writeFile(join(dir, 'events_1_cut'), p1.slice(0, -20)); // cut mid-line, no newline, but not the last part
  await writeFile(join(dir, 'events_2_cut'), p2);
  const r = await readEventLog(dir);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error, /^events_1_cut: line \d+: not valid JSON/);
});

test('a directory without parts is an error', async () => {
  const dir = join(root, 'empty-dir');
  await mkdir(dir);
  await writeFile(join(dir, 'appstatus_x'), '');
  const r = await readEventLog(dir);
  assert.equal(r.ok, false);
  if (!r.ok) assert.match(r.error, /holds no rolled event-log parts/);
});

test('one part given alone is read, with a warning (or error) that names its rolled directory', async () => {
  const dir = join(root, 'eventlog_v2_alone');
  await mkdir(dir);
  const [p1, p2, p3] = await threeParts();
  await writeFile(join(dir, 'events_1_alone'), p1);
  await writeFile(join(dir, 'events_2_alone'), p2 + p3);
  const hint = `is one part of the rolled event log ${dir}; give that directory to read the whole application`;
  const first = await readEventLog(join(dir, 'events_1_alone'));
  assert.ok(
    !first.ok && first.error.endsWith(`(events_1_alone ${hint})`),
    'the first part alone has no finished stage',
  );
  const second = expectOk(await readEventLog(join(dir, 'events_2_alone')));
  assert.equal(second.warnings[0], `events_2_alone ${hint}`);
  const whole = expectOk(await readEventLog(dir));
  assert.ok(!whole.warnings.some((w) => w.includes(hint)), 'the directory itself gets no such warning');
  // The same file outside an eventlog_v2_* directory is just a log.
  await copyFile(join(dir, 'events_2_alone'), join(root, 'events_2_alone'));
  const plain = expectOk(await readEventLog(join(root, 'events_2_alone')));
  assert.ok(!plain.warnings.some((w) => w.includes('one part of the rolled')));
});
