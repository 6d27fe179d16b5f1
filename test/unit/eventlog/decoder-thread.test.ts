// The decoder thread (zstd decompressed in a worker while this thread parses) gives exactly what decoding in one
// thread gives: the same result for every fixture log, and the same error or warning for damaged input. The worker
// bundle is built here with esbuild, as scripts/build.mjs builds dist/eventlog-decoder.js.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { readEventLog } from '../../../server/src/engine/eventlog';
import type { EventLogResult } from '../../../server/src/engine/eventlog';
import { isZstdPayload } from '../../../server/src/engine/eventlog/decode';
import {
  configureDecoderThread,
  DECODER_BUNDLE,
  replayInDecoderThread,
} from '../../../server/src/engine/eventlog/decoder-thread';
import { readRawParts } from '../../../server/src/engine/eventlog/read';
import { BOMB_BLOCKS, zstdRleBomb } from '../../support/bombs';
import { DRA, LOGS, SPARK_SHELL, STATIC_FAILURES } from './logs';

let root = '';
let bundle = '';
const hasZstd = spawnSync('zstd', ['--version']).status === 0;

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'spark-dra-decoder-'));
  bundle = join(root, DECODER_BUNDLE);
  await build({
    entryPoints: [join(process.cwd(), 'server/src/engine/eventlog/decoder-worker.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
});

after(async () => {
  configureDecoderThread({ path: null });
  if (root) await rm(root, { recursive: true, force: true });
});

/** readEventLog in one thread, then with the decoder thread for every size; the two must be deep-equal. */
async function bothWays(path: string): Promise<EventLogResult> {
  configureDecoderThread({ path: null });
  const expected = await readEventLog(path);
  configureDecoderThread({ path: bundle, minBytes: 0 });
  const actual = await readEventLog(path);
  assert.deepEqual(actual, expected, path);
  return expected;
}

/** The decoder thread was really used for this log (it did not fall back to decoding in this thread). */
async function assertThreaded(path: string): Promise<void> {
  configureDecoderThread({ path: bundle, minBytes: 0 });
  const raw = await readRawParts(path);
  assert.ok(raw.ok && raw.readError === undefined, path);
  assert.notEqual(
    await replayInDecoderThread(raw.parts, raw.name),
    undefined,
    `${path}: the decoder thread was not used`,
  );
}

function zstd(data: Uint8Array | string): Buffer {
  const run = spawnSync('zstd', ['-q', '-c', '-3'], { input: data, maxBuffer: 256 * 1024 * 1024 });
  assert.equal(run.status, 0, String(run.stderr));
  return run.stdout;
}

async function write(name: string, data: Uint8Array | string): Promise<string> {
  const path = join(root, name);
  await writeFile(path, data);
  return path;
}

test('every fixture log reads the same with and without the decoder thread', async () => {
  for (const name of await readdir(LOGS)) {
    const path = join(LOGS, name);
    if (!(await stat(path)).isFile()) continue;
    await bothWays(path);
    if (isZstdPayload(await readFile(path), name)) await assertThreaded(path);
  }
});

test(
  'the plain fixture logs, compressed, read the same both ways',
  { skip: !hasZstd && 'zstd not installed' },
  async () => {
    for (const name of await readdir(LOGS)) {
      const path = join(LOGS, name);
      const bytes = await readFile(path);
      if (isZstdPayload(bytes, name) || name.endsWith('.md') || name.endsWith('.txt')) continue;
      const z = await write(`${name}.zstd`, zstd(bytes));
      assert.equal((await bothWays(z)).ok, true, name);
      await assertThreaded(z);
    }
  },
);

test('truncated, damaged and extended zstd files give the same error (or result) both ways', async () => {
  // Every kind of damage on the small log; a few on the large one (it has many blocks, and a checksum).
  for (const [source, all] of [
    [DRA, true],
    [STATIC_FAILURES, false],
  ] as const) {
    const full = await readFile(source);
    const n = full.length;
    const variants: [string, Uint8Array][] = [];
    const cuts = [6, 17, Math.floor(n * 0.01), Math.floor(n * 0.5), Math.floor(n * 0.99), n - 5, n - 3, n - 1];
    const flips = [12, Math.floor(n / 3), Math.floor(n / 2), n - 40, n - 2];
    for (const at of all ? cuts : [n - 3]) {
      variants.push([`cut-${at}.zstd`, full.subarray(0, at)]);
    }
    for (const at of all ? flips : [Math.floor(n / 2)]) {
      const flipped = Uint8Array.from(full);
      flipped[at] ^= 0x5a;
      variants.push([`flip-${at}.zstd`, flipped]);
    }
    if (all) {
      variants.push([
        'garbage-after.zstd',
        Buffer.concat([full, Buffer.from('not zstd at all, but long enough to look at')]),
      ]);
      variants.push(['short-garbage-after.zstd', Buffer.concat([full, Buffer.from([1, 2, 3])])]);
      variants.push(['half-frame-after.zstd', Buffer.concat([full, full.subarray(0, 1000)])]);
      variants.push(['two-frames.zstd', Buffer.concat([full, full])]);
    }
    for (const [name, bytes] of variants) await bothWays(await write(name, bytes));
  }
});

test(
  'damaged text inside a zstd file gives the same error or warning both ways',
  { skip: !hasZstd && 'zstd not installed' },
  async () => {
    const shell = await readFile(SPARK_SHELL, 'utf8');
    const lines = shell.split('\n');
    const withLine = (i: number, text: string): string => lines.map((l, j) => (j === i ? text : l)).join('\n');
    const trimmed = shell.replace(/\n$/, '');
    const big = `{"Event":"com.example.Big","x":"${'é'.repeat(700_000)}"}`;
    const texts: [string, Uint8Array | string][] = [
      ['bad-line', withLine(24, 'this is not json')],
      ['not-an-event', withLine(3, '[1, 2, 3]')],
      ['cut-mid-log', withLine(10, lines[10].slice(0, 50))],
      ['cut-last-line', trimmed.slice(0, trimmed.lastIndexOf('\n') + 30)],
      ['no-final-newline', trimmed],
      ['crlf-blank', shell.split('\n').join('\r\n\r\n')],
      ['bom', `\ufeff${shell}`],
      ['double-bom', `\ufeff\ufeff${shell}`],
      ['bom-mid-log', withLine(5, `\ufeff${lines[5]}`)],
      ['long-lines', [lines[0], big, ...lines.slice(1, 20), big, ...lines.slice(20)].join('\n')],
      ['long-last-line-cut', `${shell}${big.slice(0, 900_000)}`],
      ['only-blank', '\n\n  \n'],
      ['empty', ''],
      [
        'binary',
        Buffer.concat([
          Buffer.from(lines.slice(0, 6).join('\n') + '\n'),
          Buffer.from([0xc3, 0x0a, 0xe2, 0x82, 0x0a, 0xff]),
        ]),
      ],
      [
        'bad-utf8-in-string',
        Buffer.concat([
          Buffer.from(`${lines.slice(0, 6).join('\n')}\n{"Event":"com.example.X","s":"`),
          Buffer.from([0xe2, 0x82]),
          Buffer.from(`"}\n${lines.slice(6).join('\n')}`),
        ]),
      ],
    ];
    for (const [name, text] of texts) {
      const path = await write(`${name}.zstd`, zstd(text));
      await bothWays(path);
    }
    await assertThreaded(join(root, 'long-lines.zstd'));
  },
);

test(
  'rolled directories of zstd parts read the same both ways, errors included',
  { skip: !hasZstd && 'zstd not installed' },
  async () => {
    const shell = await readFile(SPARK_SHELL, 'utf8');
    const lines = shell.replace(/\n$/, '').split('\n');
    const a = Math.floor(lines.length / 3);
    const b = Math.floor((2 * lines.length) / 3);
    const parts = [lines.slice(0, a), lines.slice(a, b), lines.slice(b)].map((ls) => `${ls.join('\n')}\n`);
    const cases: [string, (string | Uint8Array)[]][] = [
      ['whole', parts],
      ['bad-line-in-part-2', [parts[0], parts[1].replace(/\n/, '\n{"Event": oops\n'), parts[2]]],
      ['cut-end-of-part-1', [parts[0].slice(0, -20), parts[1], parts[2]]],
      ['cut-end-of-last-part', [parts[0], parts[1], parts[2].slice(0, -20)]],
      ['empty-middle-part', [parts[0], '', parts[1] + parts[2]]],
    ];
    for (const [name, texts] of cases) {
      const dir = join(root, `eventlog_v2_${name}`);
      await mkdir(dir);
      for (let i = 0; i < texts.length; i++) await writeFile(join(dir, `events_${i + 1}_${name}.zstd`), zstd(texts[i]));
      await bothWays(dir);
      await assertThreaded(dir);
    }
    // A part that is not a complete zstd stream: the decoding error names it.
    const dir = join(root, 'eventlog_v2_truncated');
    await mkdir(dir);
    await writeFile(join(dir, 'events_1_t.zstd'), zstd(parts[0]));
    const second = zstd(parts[1]);
    await writeFile(join(dir, 'events_2_t.zstd'), second.subarray(0, second.length - 10));
    await writeFile(join(dir, 'events_3_t.zstd'), zstd(parts[2]));
    const r = await bothWays(dir);
    assert.ok(!r.ok && /^events_2_t\.zstd: not a complete zstd stream/.test(r.error), JSON.stringify(r));
    // The same after a part with a bad line: errors come in reading order, so the bad line is reported.
    await writeFile(join(dir, 'events_1_t.zstd'), zstd(parts[0].replace(/\n/, '\nnot json\n')));
    const first = await bothWays(dir);
    assert.ok(!first.ok && /^events_1_t\.zstd: line 2: not valid JSON/.test(first.error), JSON.stringify(first));
  },
);

test('a decoder bundle that does not exist or does not start falls back to decoding in this thread', async () => {
  configureDecoderThread({ path: null });
  const expected = await readEventLog(DRA);
  configureDecoderThread({ path: join(root, 'missing-decoder.js'), minBytes: 0 });
  assert.deepEqual(await readEventLog(DRA), expected);
  const broken = await write('broken-decoder.js', 'throw new Error("cannot start");');
  configureDecoderThread({ path: broken, minBytes: 0 });
  assert.deepEqual(await readEventLog(DRA), expected);
  assert.deepEqual(await readEventLog(DRA), expected);
});

test('logs read at the same time each get their own result', async () => {
  configureDecoderThread({ path: null });
  const expected = await Promise.all([DRA, STATIC_FAILURES].map((p) => readEventLog(p)));
  configureDecoderThread({ path: bundle, minBytes: 0 });
  const actual = await Promise.all([DRA, STATIC_FAILURES, DRA].map((p) => readEventLog(p)));
  assert.deepEqual(actual, [...expected, expected[0]]);
});

test('a zstd bomb handed to the decoder thread ends with the same clear error, within 1 GiB', async () => {
  const path = await write('bomb.zstd', zstdRleBomb(BOMB_BLOCKS, 0x0a));
  configureDecoderThread({ path: bundle, minBytes: 0 });
  const r = await readEventLog(path);
  assert.ok(!r.ok && /^bomb\.zstd: refused as a likely decompression bomb/.test(r.error), JSON.stringify(r));
  assert.ok(process.resourceUsage().maxRSS * 1024 < 1024 * 1024 * 1024);
});
