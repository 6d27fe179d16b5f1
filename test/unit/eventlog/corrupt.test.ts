// Damaged, empty, unsupported and odd input: always a clear { ok: false, error } or a tolerated warning, never a throw.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEventLogText, readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogResult } from '../../../server/src/engine/eventlog';
import { DRA, SPARK_SHELL, expectOk } from './logs';
import { LogBuilder, tasks } from './build-log';

let root = '';
let shell = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-corrupt-'));
  shell = await readFile(SPARK_SHELL, 'utf8');
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function errorOf(r: EventLogResult): string {
  if (r.ok) assert.fail('expected an error');
  return r.error;
}

test('the in-memory parser reads the same as the file reader', async () => {
  const fromText = expectOk(parseEventLogText(shell, 'job_spark_shell'));
  const fromFile = expectOk(await readEventLog(SPARK_SHELL));
  assert.deepEqual(fromText, fromFile);
});

test('a garbage line in the middle is an error naming that line', () => {
  const lines = shell.split('\n');
  lines[24] = 'this is not json';
  const err = errorOf(parseEventLogText(lines.join('\n'), 'log'));
  assert.equal(err, 'log: line 25: not valid JSON (an event log holds one JSON object per line)');
  assert.match(errorOf(parseEventLogText(lines.join('\n'))), /^line 25: not valid JSON/);
});

test('a line cut short in the middle of the log is an error, even though JSON.parse of the rest works', () => {
  const lines = shell.split('\n');
  lines[10] = lines[10].slice(0, 50);
  assert.match(errorOf(parseEventLogText(lines.join('\n'))), /^line 11: not valid JSON/);
});

test('valid JSON that is not an event is an error', () => {
  const lines = shell.split('\n');
  lines[3] = '[1, 2, 3]';
  assert.equal(errorOf(parseEventLogText(lines.join('\n'))), 'line 4: not a Spark listener event (no "Event" field)');
  lines[3] = '{"event": "lowercase"}';
  assert.equal(errorOf(parseEventLogText(lines.join('\n'))), 'line 4: not a Spark listener event (no "Event" field)');
});

test('a truncated last line (a log still being written) is dropped with a warning', () => {
  const trimmed = shell.replace(/\n$/, '');
  const cut = trimmed.slice(0, trimmed.lastIndexOf('\n') + 30); // the last event, cut after 30 characters
  const r = expectOk(parseEventLogText(cut, 'live'));
  const lineCount = cut.split('\n').length;
  assert.deepEqual(r.warnings, [
    `live: line ${lineCount}: incomplete last line ignored (the log may still be being written)`,
  ]);
  assert.equal(r.stats.events, lineCount - 1);
  // The dropped line was ApplicationEnd: the run is measured to the last timestamp instead, and appEnd is absent.
  assert.equal(r.observed.appEnd, undefined);
  assert.ok(r.observed.runtimeSec < 795.5 && r.observed.runtimeSec > 346);
  assert.equal(r.workload.jobs.length, 2);
});

test('binary garbage is an error, not a crash', async () => {
  const bytes = new Uint8Array(4096);
  let x = 7;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  bytes[0] = 0x00; // no known magic number
  const file = join(root, 'garbage.bin');
  await writeFile(file, bytes);
  const err = errorOf(await readEventLog(file));
  assert.match(err, /^garbage\.bin: line 1: not valid JSON \(an event log holds one JSON object per line\)$/);
});

test('an empty file, a blank file and empty text are errors', async () => {
  const file = join(root, 'empty');
  await writeFile(file, '');
  assert.equal(errorOf(await readEventLog(file)), 'empty: no Spark events found (the log is empty)');
  assert.equal(errorOf(parseEventLogText('\n\n  \n', 'blank')), 'blank: no Spark events found (the log is empty)');
  assert.equal(errorOf(parseEventLogText('')), 'no Spark events found (the log is empty)');
  const z = join(root, 'empty.zstd');
  await writeFile(z, '');
  assert.equal(errorOf(await readEventLog(z)), 'empty.zstd: the file is empty');
});

test('a single unterminated garbage line is an error (nothing before it to keep)', () => {
  assert.match(errorOf(parseEventLogText('{"Event": "SparkListenerLogS')), /^line 1: not valid JSON/);
});

test('a log with events but no finished stage has no workload to replay', () => {
  const text = [
    '{"Event":"SparkListenerLogStart","Spark Version":"3.5.1"}',
    '{"Event":"SparkListenerApplicationStart","Timestamp":1000}',
  ].join('\n');
  assert.equal(errorOf(parseEventLogText(text)), 'the log has no finished stages, so there is no workload to replay');
});

test('events with missing or mistyped fields do not break the reader', () => {
  const text = [
    '{"Event":"SparkListenerApplicationStart","Timestamp":"soon"}',
    '{"Event":"SparkListenerJobEnd","Job ID":5,"Completion Time":2000}',
    '{"Event":"SparkListenerJobStart"}',
    '{"Event":"SparkListenerStageSubmitted","Stage Info":{"Stage ID":1,"Number of Tasks":2,"Submission Time":1500}}',
    '{"Event":"SparkListenerTaskEnd","Stage ID":1,"Task End Reason":{"Reason":"Success"},"Task Info":{"Launch Time":1500,"Finish Time":1700,"Executor ID":3}}',
    '{"Event":"SparkListenerTaskEnd","Stage ID":99}',
    '{"Event":"SparkListenerExecutorRemoved","Executor ID":"9","Timestamp":1800}',
    '{"Event":"SparkListenerStageCompleted","Stage Info":{"Stage ID":1,"Completion Time":1900}}',
    '{"Event":"com.example.CustomEvent","x":1}',
  ].join('\n');
  const r = expectOk(parseEventLogText(text, 'odd'));
  // Stage 1 has no JobStart, so it joins the end-only job 5; its missing second task gets the median duration.
  assert.equal(r.workload.jobs.length, 1);
  assert.equal(r.workload.jobs[0].id, 5);
  assert.deepEqual(r.workload.jobs[0].stages[0].duration, { kind: 'list', seconds: [0.2, 0.2] });
  assert.equal(r.stats.jobEndsWithoutStart, 1);
  assert.equal(r.stats.tasks, 2);
  assert.equal(r.sparkVersion, 'unknown');
  assert.ok(r.warnings.some((w) => w.includes('stage 1: 1 of 2 tasks had no successful attempt')));
  assert.ok(r.warnings.some((w) => w.includes('executor 9 was removed but never added')));
  assert.ok(r.warnings.some((w) => w.includes('1 task ends belong to stages that were never submitted')));
  // No ApplicationStart timestamp: times count from the earliest timestamp in the log.
  assert.equal(r.observed.appStart, 1500);
});

test('lz4 and snappy names or magic bytes over data that is not a whole stream are clear errors', async () => {
  for (const [name, bytes, message] of [
    ['app.lz4', new TextEncoder().encode('{"Event":"SparkListenerLogStart"}\n'), 'named as lz4 but the data is not'],
    ['app.snappy', new Uint8Array([1, 2, 3]), 'named as snappy but the data is not a snappy stream'],
    ['app.lz4.inprogress', new Uint8Array([1, 2, 3]), 'named as lz4 but the data is not an? lz4 stream'],
    ['lz4-by-magic', new TextEncoder().encode('LZ4Block\u0010rest'), 'lz4 stream cut off inside a block at byte 0'],
    [
      'snappy-by-magic',
      new Uint8Array([0x82, 0x53, 0x4e, 0x41, 0x50, 0x50, 0x59, 0x00, 1, 2]),
      'snappy stream cut off inside a block',
    ],
  ] as const) {
    const file = join(root, name);
    await writeFile(file, bytes);
    const err = errorOf(await readEventLog(file));
    assert.match(err, new RegExp(message), name);
    assert.ok(err.startsWith(`${name}: `), err);
  }
});

test('a truncated or fake zstd file is an error', async () => {
  const full = await readFile(DRA);
  const cut = join(root, 'cut.zstd');
  await writeFile(cut, full.subarray(0, Math.floor(full.length / 2)));
  assert.match(errorOf(await readEventLog(cut)), /^cut\.zstd: not a complete zstd stream/);
  const fake = join(root, 'fake.zstd');
  await writeFile(fake, '{"Event":"SparkListenerLogStart"}\n');
  assert.equal(errorOf(await readEventLog(fake)), 'fake.zstd: named as zstd but the data is not a zstd stream');
});

test('zstd content is recognised even without the extension', async () => {
  const file = join(root, 'no-extension');
  await writeFile(file, await readFile(DRA));
  assert.equal(expectOk(await readEventLog(file)).stats.tasks, 235);
});

test('a missing path is an error', async () => {
  const err = errorOf(await readEventLog(join(root, 'does-not-exist')));
  assert.match(err, /^cannot read .*does-not-exist: no such file or directory$/);
});

test('CRLF line endings and blank lines are accepted', () => {
  const crlf = shell.split('\n').join('\r\n\r\n');
  const r = expectOk(parseEventLogText(crlf));
  assert.equal(r.stats.events, 49);
  assert.equal(r.workload.jobs.length, 2);
});

test('an executor registered after its first task launched counts from that launch, with a warning', () => {
  // Edited or merged logs can carry a registration far after the work it did: here 1000 s after its tasks ran.
  const text = new LogBuilder({ 'spark.master': 'yarn', 'spark.executor.instances': '1' })
    .executor('1', 1000)
    .job(0, 0, 10, tasks(2, '1', 10, 12))
    .text(); // no ApplicationEnd: the run lasts until the last timestamp
  const log = expectOk(parseEventLogText(text, 'hand-built'));
  const executor = log.observed.executors.find((e) => e.id === '1');
  assert.equal(executor?.addedAt, 10, 'counted from its first task launch');
  assert.equal(log.observed.runtimeSec, 12, 'the bad timestamp does not stretch the run to 1000 s');
  assert.ok(log.warnings.some((w) => /executor 1: registered 990 s after its first task launched/.test(w)));
});
