// The guards of EVENTLOG_LIMITS: decompression bombs, /dev/zero, absurd task counts and gaps in rolled logs end in a
// clear error, fast and in bounded memory; a plain log over 512 MiB streams through.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTLOG_LIMITS, parseEventLogText, readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogResult } from '../../../server/src/engine/eventlog';
import { RELEVANT_EVENTS } from '../../../server/src/engine/eventlog/relevant-events';
import { replayLogInput } from '../../../server/src/engine/eventlog/stream-replay';
import { BOMB_BLOCKS, zstdRleBomb } from '../../support/bombs';
import { expectOk, load, SPARK_SHELL } from './logs';

const GiB = 1024 * 1024 * 1024;
let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-limits-'));
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function errorOf(r: EventLogResult): string {
  if (r.ok) assert.fail('expected an error');
  return r.error;
}

/** Peak resident memory of this process so far, in bytes. */
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

// How fast each bomb is refused is measured by `npm run bench` (robustness); here: the error, and memory kept bounded.
test('bomb: 1 MiB of zstd that would give 32 GiB of newlines is refused within 1 GiB', async () => {
  const path = join(root, 'bomb.zstd');
  await writeFile(path, zstdRleBomb(BOMB_BLOCKS, 0x0a));
  const value = await readEventLog(path);
  assert.match(errorOf(value), /^bomb\.zstd: refused as a likely decompression bomb: 1 MiB of compressed data already/);
  assert.ok(peakRss() < GiB, `${peakRss()} bytes`);
});

test('bomb: 1 MiB of zstd that would give 32 GiB of zero bytes stops at the line limit', async () => {
  const path = join(root, 'zeros.zstd');
  await writeFile(path, zstdRleBomb(BOMB_BLOCKS, 0));
  const value = await readEventLog(path);
  assert.match(errorOf(value), /^zeros\.zstd: line 1: no line break in the first 67,108,864 characters/);
  assert.ok(peakRss() < GiB, `${peakRss()} bytes`);
});

test('bomb: a zstd frame asking for a 2 GiB window is refused before anything is allocated', async () => {
  const bomb = zstdRleBomb(4, 0x0a);
  bomb[5] = (31 - 10) << 3;
  const path = join(root, 'window.zstd');
  await writeFile(path, bomb);
  assert.match(errorOf(await readEventLog(path)), /^window\.zstd: the zstd frame asks for a 2,048 MiB window/);
});

test('/dev/zero given as a log ends with a clear error within 1 GiB', { skip: !existsSync('/dev/zero') }, async () => {
  const value = await readEventLog('/dev/zero');
  assert.match(errorOf(value), /^zero: line 1: no line break in the first 67,108,864 characters/);
  assert.ok(peakRss() < GiB, `${peakRss()} bytes`);
});

test('a stage claiming 1,000,000,000 tasks is refused, naming the limit', async () => {
  const text = (await readFile(SPARK_SHELL, 'utf8')).replaceAll(
    '"Number of Tasks":8,',
    '"Number of Tasks":1000000000,',
  );
  assert.notEqual(text, await readFile(SPARK_SHELL, 'utf8'));
  const err = errorOf(parseEventLogText(text, 'huge'));
  assert.match(
    err,
    /^huge: line \d+: stage 0 claims 1,000,000,000 tasks; the replay takes at most 5,000,000 per stage \(EVENTLOG_LIMITS\.maxTasksPerStage\)$/,
  );
  assert.equal(EVENTLOG_LIMITS.maxTasksPerStage, 5_000_000);
});

test('a plain log of more than 512 MiB streams through (ignored events skipped without parsing)', async () => {
  const shell = (await readFile(SPARK_SHELL, 'utf8')).split('\n').filter((l) => l !== '');
  // An ignored event of about 1 KiB, repeated between the first and the remaining events of the real log.
  const filler = `{"Event":"SparkListenerBlockUpdated","Block Updated Info":{"pad":"${'x'.repeat(960)}"}}\n`;
  const chunk = new TextEncoder().encode(filler.repeat(1024)); // 1 MiB and a bit
  const chunks = 520;
  const head = new TextEncoder().encode(shell.slice(0, 5).join('\n') + '\n');
  const tail = new TextEncoder().encode(shell.slice(5).join('\n') + '\n');
  const value = await replayLogInput({
    name: 'big',
    inProgress: false,
    close: async () => undefined,
    parts: [
      {
        name: 'big',
        async *open() {
          yield head;
          for (let i = 0; i < chunks; i++) yield chunk;
          yield tail;
        },
      },
    ],
  });
  const r = expectOk(value);
  assert.ok(chunks * chunk.length > 512 * 1024 * 1024);
  const plain = await load(SPARK_SHELL);
  assert.equal(r.stats.events, plain.stats.events + chunks * 1024);
  assert.deepEqual(r.observed, plain.observed);
  assert.deepEqual(r.workload.jobs, plain.workload.jobs);
  assert.ok(peakRss() < GiB, `${peakRss()} bytes`);
});

test('skipped events are counted but not parsed; a damaged event the replay uses is still an error', () => {
  const lines = [
    '{"Event":"SparkListenerLogStart","Spark Version":"3.5.1"}',
    '{"Event":"SparkListenerBlockUpdated", this is not JSON}',
    '{"Event":"SparkListenerApplicationStart","Timestamp":1000}',
  ];
  const r = parseEventLogText(lines.join('\n'));
  assert.equal(errorOf(r), 'the log has no finished stages, so there is no workload to replay');
  lines[1] = '{"Event":"SparkListenerTaskEnd", this is not JSON}';
  assert.match(errorOf(parseEventLogText(lines.join('\n'))), /^line 2: not valid JSON/);
});

test('the events skipped before parsing are exactly those collect.ts does not handle', async () => {
  const source = await readFile(join(process.cwd(), 'server/src/engine/eventlog/collect.ts'), 'utf8');
  const handled = [...source.matchAll(/case '(SparkListener\w+)':/g)].map((m) => m[1]).sort();
  assert.deepEqual([...RELEVANT_EVENTS].sort(), handled);
});

test('rolled: a missing middle part is an error naming the gap', async () => {
  const dir = join(root, 'eventlog_v2_gap');
  await mkdir(dir);
  const text = await readFile(SPARK_SHELL, 'utf8');
  await writeFile(join(dir, 'events_1_gap'), text);
  await writeFile(join(dir, 'events_3_gap'), '');
  assert.equal(
    errorOf(await readEventLog(dir)),
    'eventlog_v2_gap: part 2 is missing between events_1_gap and events_3_gap; a replay without those events would be wrong',
  );
});

test('rolled: missing first parts are an error unless the first part is a compacted one', async () => {
  const dir = join(root, 'eventlog_v2_late');
  await mkdir(dir);
  await writeFile(join(dir, 'events_3_late'), await readFile(SPARK_SHELL, 'utf8'));
  assert.equal(
    errorOf(await readEventLog(dir)),
    'eventlog_v2_late: parts 1–2 are missing (the first part is events_3_late); the events in it cannot be replayed',
  );
  await rm(join(dir, 'events_3_late'));
  await writeFile(join(dir, 'events_3_late.compact'), await readFile(SPARK_SHELL, 'utf8'));
  assert.equal(expectOk(await readEventLog(dir)).stats.tasks, (await load(SPARK_SHELL)).stats.tasks);
});

test('rolled: an in-progress rolled log (appstatus_*.inprogress) without an application end is flagged', async () => {
  const dir = join(root, 'eventlog_v2_live');
  await mkdir(dir);
  const text = await readFile(SPARK_SHELL, 'utf8');
  const beforeEnd = text.slice(0, text.indexOf('{"Event":"SparkListenerApplicationEnd"'));
  await writeFile(join(dir, 'events_1_live'), beforeEnd);
  await writeFile(join(dir, 'appstatus_live.inprogress'), '');
  const r = expectOk(await readEventLog(dir));
  assert.deepEqual(r.warnings, [
    'eventlog_v2_live: the log is still being written (.inprogress) and has no application end yet; the run is measured to its last event',
  ]);
});
