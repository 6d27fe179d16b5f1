// Spark's lz4, snappy and lzf event logs, written by the Java stream classes Spark uses, and a zstd one written by
// the reference zstd tool (fixtures, see their README), read exactly like the plain log they were made from;
// recognised by name and by content; damaged copies give clear errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogResult } from '../../../server/src/engine/eventlog';
import { decodeEventLogBytes } from '../../../server/src/engine/eventlog/decode';
import { decodeLz4Block } from '../../../server/src/engine/eventlog/codecs/lz4-block';
import { xxhash32 } from '../../../server/src/engine/eventlog/codecs/xxhash32';
import { fixture, SHELL_APP } from './fixtures';
import { DRA, expectOk, load, SPARK_SHELL } from './logs';

const CODECS = ['lz4', 'snappy', 'lzf', 'zstd'] as const;
let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-codecs-'));
});

after(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

function errorOf(r: EventLogResult): string {
  if (r.ok) assert.fail('expected an error');
  return r.error;
}

async function writeTemp(name: string, data: Uint8Array | string): Promise<string> {
  const path = join(root, name);
  await writeFile(path, data);
  return path;
}

test('xxhash32 matches the published test values', () => {
  const abc = new TextEncoder().encode('abc');
  assert.equal(xxhash32(new Uint8Array(0), 0), 0x02cc5d05);
  assert.equal(xxhash32(abc, 0), 0x32d153ff);
  const long = new TextEncoder().encode('Nobody inspects the spammish repetition');
  assert.equal(xxhash32(long, 0), 0xe2293b2f);
});

test('the lz4 block decoder copies overlapping matches and refuses out-of-range ones', () => {
  // Literal "ab", then a match of length 6 at distance 2: "abababab".
  const out = new Uint8Array(8);
  decodeLz4Block(new Uint8Array([0x22, 0x61, 0x62, 0x02, 0x00]), out);
  assert.equal(new TextDecoder().decode(out), 'abababab');
  assert.throws(() => decodeLz4Block(new Uint8Array([0x22, 0x61, 0x62, 0x09, 0x00]), new Uint8Array(8)), /offset/);
  assert.throws(() => decodeLz4Block(new Uint8Array([0x20, 0x61, 0x62]), new Uint8Array(8)), /announced 8/);
});

for (const codec of CODECS) {
  test(`${codec}: a log written by Spark's codec reads like the plain log`, async () => {
    const r = expectOk(await readEventLog(fixture(`${SHELL_APP}.${codec}`)));
    const plain = await load(SPARK_SHELL);
    assert.deepEqual(r.workload, { ...plain.workload, name: r.workload.name });
    assert.deepEqual(r.stats, plain.stats);
    assert.deepEqual(r.observed, plain.observed);
    assert.deepEqual(r.conf, plain.conf);
    assert.equal(r.sparkVersion, '3.4.1-amzn-0');
    assert.equal(r.appId, SHELL_APP);
    assert.deepEqual(r.warnings, plain.warnings);
  });

  test(`${codec}: recognised by its content without the extension, and decoded the same in memory`, async () => {
    const bytes = await readFile(fixture(`${SHELL_APP}.${codec}`));
    const bare = await writeTemp(`no-extension-${codec}`, bytes);
    assert.equal(expectOk(await readEventLog(bare)).stats.tasks, (await load(SPARK_SHELL)).stats.tasks);
    const decoded = decodeEventLogBytes(bytes, `x.${codec}`);
    assert.ok(decoded.ok);
    if (decoded.ok) assert.equal(decoded.text, await readFile(SPARK_SHELL, 'utf8').then(reduced));
  });

  test(`${codec}: a truncated file is an error naming the file`, async () => {
    const bytes = await readFile(fixture(`${SHELL_APP}.${codec}`));
    for (const keep of [bytes.length - 3, Math.floor(bytes.length / 2), 12]) {
      const name = `cut-${keep}.${codec}`;
      const err = errorOf(await readEventLog(await writeTemp(name, bytes.subarray(0, keep))));
      assert.ok(err.startsWith(`${name}: `), err);
      assert.match(err, new RegExp(`${codec} stream (cut off|ends without)|truncated`), err);
    }
  });

  test(`${codec}: garbled bytes are an error naming the file, never a throw`, async () => {
    const bytes = new Uint8Array(await readFile(fixture(`${SHELL_APP}.${codec}`)));
    for (const at of [30, 500, Math.floor(bytes.length / 2)]) {
      const garbled = bytes.slice();
      for (let i = at; i < at + 8; i++) garbled[i] ^= 0x5a;
      const name = `garbled-${at}.${codec}`;
      const r = await readEventLog(await writeTemp(name, garbled));
      // Snappy and lzf carry no checksum: a flip inside literals can decode to other text, which the JSON reader
      // then refuses. Either way the error names the file.
      assert.ok(errorOf(r).startsWith(`${name}: `), errorOf(r));
    }
  });

  test(`${codec}: a name that promises the codec over other data is an error`, async () => {
    const path = await writeTemp(`fake.${codec}`, '{"Event":"SparkListenerLogStart"}\n');
    assert.equal(
      errorOf(await readEventLog(path)),
      `fake.${codec}: named as ${codec} but the data is not a ${codec} stream`,
    );
    const empty = await writeTemp(`empty.${codec}`, '');
    assert.equal(errorOf(await readEventLog(empty)), `empty.${codec}: the file is empty`);
  });
}

test('lz4: a checksum that does not match the block is an error', async () => {
  const bytes = new Uint8Array(await readFile(fixture(`${SHELL_APP}.lz4`)));
  bytes[17] ^= 0x01; // the first block's checksum
  const err = errorOf(await readEventLog(await writeTemp('bad-check.lz4', bytes)));
  assert.equal(err, 'bad-check.lz4: damaged lz4 stream: checksum mismatch in the block at byte 0');
});

test('.inprogress: a flushed but unfinished lz4 log is read up to its last whole block, with warnings', async () => {
  const r = expectOk(await readEventLog(fixture(`${SHELL_APP}.lz4.inprogress`)));
  assert.ok(r.stats.events > 0 && r.stats.events < 30, String(r.stats.events));
  assert.equal(r.observed.appEnd, undefined);
  assert.ok(
    r.warnings.some((w) => w.startsWith(`${SHELL_APP}.lz4.inprogress: lz4 stream ends without its end mark`)),
    r.warnings.join('\n'),
  );
  assert.ok(r.warnings.some((w) => /still being written \(\.inprogress\) and has no application end/.test(w)));
  // Without the .inprogress name, the same bytes are a damaged file.
  const named = join(root, `${SHELL_APP}.lz4`);
  await copyFile(fixture(`${SHELL_APP}.lz4.inprogress`), named);
  assert.match(errorOf(await readEventLog(named)), /lz4 stream ends without its end mark; the file may be truncated/);
});

test('.inprogress: a plain log whose last line is cut is read with both warnings', async () => {
  const text = await readFile(SPARK_SHELL, 'utf8');
  const cut = text.slice(0, text.indexOf('SparkListenerApplicationEnd') + 40);
  const r = expectOk(await readEventLog(await writeTemp('app.inprogress', cut)));
  assert.equal(r.warnings.length, 2, r.warnings.join('\n'));
  assert.match(r.warnings[0], /incomplete last line ignored/);
  assert.match(r.warnings[1], /^app\.inprogress: the log is still being written/);
});

test('gzip, and a zip taken for a log part, are refused with a reason', async () => {
  const gz = await writeTemp('app.gz', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
  assert.match(errorOf(await readEventLog(gz)), /^app\.gz: gzip-compressed; Spark does not write gzip event logs/);
});

/** What make.sh feeds the Java codecs: the spark-shell log with only the Spark properties in its environment event. */
function reduced(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.startsWith('{"Event":"SparkListenerEnvironmentUpdate"')) return line;
      const e = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify({
        Event: e.Event,
        'JVM Information': e['JVM Information'],
        'Spark Properties': e['Spark Properties'],
      });
    })
    .join('\n');
}

test('.inprogress: a zstd log cut inside a frame is read up to the cut, with warnings', async () => {
  const full = await readFile(DRA);
  const path = await writeTemp('app.zstd.inprogress', full.subarray(0, Math.floor(full.length / 2)));
  const r = expectOk(await readEventLog(path));
  assert.ok(r.stats.events > 100, String(r.stats.events));
  assert.ok(
    r.warnings.some((w) => w.startsWith('app.zstd.inprogress: not a complete zstd stream: cut off inside a frame')),
    r.warnings.join('\n'),
  );
  assert.ok(r.warnings.some((w) => /still being written \(\.inprogress\) and has no application end/.test(w)));
});

test('lz4, snappy and lzf: streams written one after the other read as one (as Spark reads them)', async () => {
  for (const codec of CODECS) {
    const one = await readFile(fixture(`${SHELL_APP}.${codec}`));
    const single = decodeEventLogBytes(one, `x.${codec}`);
    const double = decodeEventLogBytes(Buffer.concat([one, one]), `x.${codec}`);
    assert.ok(single.ok && double.ok, codec);
    if (single.ok && double.ok) assert.equal(double.text, single.text + single.text, codec);
  }
});
