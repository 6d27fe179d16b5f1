// libzstd (WebAssembly, from the zstddec package) decodes zstd event logs exactly as the pure-JS fzstd did, in pieces
// of any size; refuses truncated, damaged and hostile data with a CodecError (never another throw, never a hang);
// bounds each output piece; and the replay of every shared zstd log is the same with either decoder.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readEventLog } from '../../../server/src/engine/eventlog';
import { decoderFor } from '../../../server/src/engine/eventlog/codecs/choose';
import { CodecError } from '../../../server/src/engine/eventlog/codecs/types';
import { FzstdStreamDecoder } from '../../../server/src/engine/eventlog/codecs/zstd-stream';
import { loadZstdWasm, useZstdWasm } from '../../../server/src/engine/eventlog/codecs/zstd-wasm';
import { WasmZstdStreamDecoder } from '../../../server/src/engine/eventlog/codecs/zstd-wasm-stream';
import { decodeEventLogBytes } from '../../../server/src/engine/eventlog/decode';
import { EVENTLOG_LIMITS } from '../../../server/src/engine/eventlog/limits';
import { BOMB_BLOCKS, zstdRleBomb } from '../../support/bombs';
import { DRA, STATIC_FAILURES } from './logs';

const SHARED_ZSTD = [DRA, STATIC_FAILURES];

after(() => useZstdWasm(true));

type Outcome = { ok: true; bytes: Buffer } | { ok: false; truncated: boolean; message: string };

/** Decodes `data` pushed in pieces of `piece` bytes with the WebAssembly decoder (`wasm`) or fzstd. */
async function decode(data: Uint8Array, wasm: boolean, piece = 64 * 1024): Promise<Outcome> {
  const module = await loadZstdWasm();
  assert.ok(module, 'libzstd (WebAssembly) loads');
  useZstdWasm(wasm);
  const decoder = decoderFor('zstd');
  useZstdWasm(true);
  assert.ok(wasm ? decoder instanceof WasmZstdStreamDecoder : decoder instanceof FzstdStreamDecoder);
  const out: Buffer[] = [];
  // Emitted views are reused by the decoder: copy them, as a receiver that keeps bytes must.
  const take = (b: Uint8Array): void => void out.push(Buffer.from(b));
  try {
    for (let at = 0; at < data.length; at += piece) decoder.push(data.subarray(at, at + piece), take);
    decoder.end(take);
  } catch (err) {
    assert.ok(err instanceof CodecError, `a CodecError, not ${String(err)}`);
    return { ok: false, truncated: err.truncated, message: err.message };
  }
  return { ok: true, bytes: Buffer.concat(out) };
}

function decoded(o: Outcome): Buffer {
  if (!o.ok) assert.fail(`expected the data to decode, got: ${o.message}`);
  return o.bytes;
}

/** A skippable frame (magic 0x184D2A5?, little-endian length, any content) that decoders pass over. */
function skippableFrame(content: string): Buffer {
  const body = Buffer.from(content);
  const head = Buffer.alloc(8);
  head.writeUInt32LE(0x184d2a53, 0);
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

test('the WebAssembly decoder gives the same bytes as fzstd on every shared zstd log, in pieces of any size', async () => {
  for (const path of SHARED_ZSTD) {
    const data = readFileSync(path);
    const expected = decoded(await decode(data, false));
    assert.ok(expected.length > 1_000_000, path);
    for (const piece of [4096, 1024 * 1024, data.length]) {
      assert.ok(decoded(await decode(data, true, piece)).equals(expected), `${path} in pieces of ${piece}`);
    }
  }
  // Byte by byte on the smaller log: every call boundary inside headers, blocks and the checksum.
  const small = readFileSync(DRA);
  assert.ok(decoded(await decode(small, true, 1)).equals(decoded(await decode(small, false))));
});

test('several frames, and skippable frames before, between and after them, read as one stream', async () => {
  const one = readFileSync(DRA);
  const text = decoded(await decode(one, false));
  const two = Buffer.concat([one, one]);
  assert.ok(decoded(await decode(two, true)).equals(Buffer.concat([text, text])));
  assert.ok(decoded(await decode(two, true)).equals(decoded(await decode(two, false))));
  const withSkippable = Buffer.concat([
    skippableFrame('written by a tool'),
    one,
    skippableFrame(''),
    one,
    skippableFrame('x'.repeat(70_000)),
  ]);
  assert.ok(decoded(await decode(withSkippable, true, 5000)).equals(Buffer.concat([text, text])));
});

test('a stream cut anywhere is a truncated CodecError, like fzstd (or whole, when cut between frames)', async () => {
  const full = readFileSync(DRA);
  const cuts = [5, 6, 13, 200, 4096, Math.floor(full.length / 2), full.length - 5, full.length - 1];
  for (const at of cuts) {
    const wasm = await decode(full.subarray(0, at), true, 777);
    const js = await decode(full.subarray(0, at), false, 777);
    assert.equal(wasm.ok, false, `cut at ${at}`);
    assert.equal(js.ok, false, `cut at ${at}`);
    if (!wasm.ok) {
      assert.equal(wasm.truncated, true, `cut at ${at}: ${wasm.message}`);
      assert.match(wasm.message, /^not a complete zstd stream: cut off inside a frame/);
    }
  }
  const twoFrames = Buffer.concat([full, full]);
  assert.equal((await decode(twoFrames.subarray(0, full.length), true)).ok, true, 'cut exactly between two frames');
});

test('damaged data is a CodecError naming the problem, never another throw or a hang', async () => {
  const full = readFileSync(DRA);
  const checksum = Buffer.from(full);
  checksum[checksum.length - 1] ^= 0xff;
  const bad = await decode(checksum, true);
  assert.ok(
    !bad.ok && bad.message === 'damaged zstd stream (checksum mismatch, libzstd error 22)',
    JSON.stringify(bad),
  );
  const garbageAfter = Buffer.concat([full, Buffer.from('not zstd at all, but long enough to look at')]);
  const after = await decode(garbageAfter, true);
  assert.ok(!after.ok && /unknown frame header/.test(after.message), JSON.stringify(after));
  // Flipped bytes all over the file: each copy decodes or fails with a CodecError (decode() asserts the type).
  for (let at = 6; at < full.length; at += Math.floor(full.length / 40)) {
    const flipped = Buffer.from(full);
    flipped[at] ^= 0x5a;
    const r = await decode(flipped, true, 4096);
    if (r.ok) assert.ok(r.bytes.length > 0);
  }
});

test('a bomb comes out in pieces of at most 256 KiB, so the guard downstream stops it early', async () => {
  await loadZstdWasm();
  const decoder = decoderFor('zstd');
  assert.ok(decoder instanceof WasmZstdStreamDecoder);
  const limit = EVENTLOG_LIMITS.expansionFloorBytes;
  let total = 0;
  let largest = 0;
  const started = performance.now();
  assert.throws(
    () =>
      decoder.push(zstdRleBomb(BOMB_BLOCKS, 0x0a), (b) => {
        total += b.length;
        largest = Math.max(largest, b.length);
        if (total > limit) throw new CodecError('stopped by the test');
      }),
    /stopped by the test/,
  );
  assert.ok(largest <= 256 * 1024, `largest piece ${largest}`);
  assert.ok(total <= limit + 256 * 1024, `decoded ${total} before stopping`);
  assert.ok(performance.now() - started < 10_000);
  // A failed decoder has given its memory back and says so if used again.
  assert.throws(() => decoder.push(new Uint8Array([1]), () => undefined), /used after it ended/);
});

test('a frame asking for a window over the limit is refused before decoding, by both decoders', async () => {
  const bomb = zstdRleBomb(4, 0x0a);
  const windowLog = Math.log2(EVENTLOG_LIMITS.maxZstdWindowBytes) + 1;
  bomb[5] = (windowLog - 10) << 3;
  for (const wasm of [true, false]) {
    const r = await decode(bomb, wasm);
    assert.ok(!r.ok && /^the zstd frame asks for a 256 MiB window, more than the 128 MiB allowed/.test(r.message));
  }
});

test('decodeEventLogBytes and readEventLog give the same results with either decoder on the shared zstd logs', async () => {
  await loadZstdWasm();
  for (const path of SHARED_ZSTD) {
    const bytes = readFileSync(path);
    useZstdWasm(false);
    const jsText = decodeEventLogBytes(bytes, 'log.zstd');
    const jsReplay = await readEventLog(path);
    useZstdWasm(true);
    assert.deepEqual(decodeEventLogBytes(bytes, 'log.zstd'), jsText, path);
    assert.deepEqual(await readEventLog(path), jsReplay, path);
  }
});
