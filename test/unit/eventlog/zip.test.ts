// History Server zips (fixtures made with Java's ZipOutputStream, laid out as the History Server's download writes
// them): one application, or several where `app` chooses one; rolled logs inside; damaged zips.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogResult } from '../../../server/src/engine/eventlog';
import { fixture, SECOND_APP, SHELL_APP } from './fixtures';
import { expectOk, LINKEDIN_DRA, load, SPARK_SHELL } from './logs';

const TWO_APPS = fixture('eventLogs-two-apps.zip');
let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-zip-'));
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function errorOf(r: EventLogResult): string {
  if (r.ok) assert.fail('expected an error');
  return r.error;
}

test('zip: a single application (an lzf file inside) is read without naming it', async () => {
  const r = expectOk(await readEventLog(fixture(`eventLogs-${SHELL_APP}.zip`)));
  const plain = await load(SPARK_SHELL);
  assert.deepEqual(r.stats, plain.stats);
  assert.deepEqual(r.observed, plain.observed);
  assert.equal(r.appId, SHELL_APP);
});

test('zip: several applications and none chosen → an error listing their ids', async () => {
  assert.equal(
    errorOf(await readEventLog(TWO_APPS)),
    `eventLogs-two-apps.zip: the zip holds 2 application logs (${SHELL_APP}, ${SECOND_APP}); choose one by its id`,
  );
});

test('zip: several applications, one chosen by id → that one (a single lz4 file)', async () => {
  const r = expectOk(await readEventLog(TWO_APPS, { app: SHELL_APP }));
  assert.deepEqual(r.stats, (await load(SPARK_SHELL)).stats);
  assert.equal(r.appId, SHELL_APP);
});

test('zip: several applications, the rolled one chosen → its snappy parts read in order', async () => {
  const r = expectOk(await readEventLog(TWO_APPS, { app: SECOND_APP }));
  const plain = await load(LINKEDIN_DRA);
  assert.deepEqual(r.stats, plain.stats);
  assert.deepEqual(r.observed, plain.observed);
  assert.deepEqual(r.workload.jobs, plain.workload.jobs);
  assert.equal(r.appId, SECOND_APP);
});

test('zip: an id that is not in the zip → an error listing what is there', async () => {
  assert.equal(
    errorOf(await readEventLog(TWO_APPS, { app: 'application_1_0001' })),
    `eventLogs-two-apps.zip: no application application_1_0001 in the zip (it holds ${SHELL_APP}, ${SECOND_APP})`,
  );
});

test('zip: a truncated or garbled zip is an error naming it', async () => {
  const bytes = await readFile(TWO_APPS);
  const cut = join(root, 'cut.zip');
  await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
  assert.match(errorOf(await readEventLog(cut)), /^cut\.zip: not a readable zip \(/);
  // Damage inside an entry's compressed data: the entry's own reader (or the zip's checksum) reports it.
  const garbled = new Uint8Array(bytes);
  for (let i = 300; i < 340; i++) garbled[i] ^= 0xa5;
  const path = join(root, 'garbled.zip');
  await writeFile(path, garbled);
  const err = errorOf(await readEventLog(path, { app: SHELL_APP }));
  assert.ok(err.startsWith(`${SHELL_APP}.lz4: the zip entry is damaged in garbled.zip (`), err);
});

test('zip: the app option on a log that is not a zip is said to choose nothing', async () => {
  const r = expectOk(await readEventLog(SPARK_SHELL, { app: 'application_1_0001' }));
  assert.deepEqual(r.warnings, [
    'job_spark_shell: not a zip, so the app option (application_1_0001) chooses nothing; the log is read as it is',
  ]);
});
