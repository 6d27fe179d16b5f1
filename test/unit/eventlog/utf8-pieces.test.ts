// Text decoded in pieces is the text decoded whole, wherever the cuts fall, valid or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeWholeUtf8, Utf8Pieces, wholeCharsLength } from '../../../server/src/engine/eventlog/utf8-pieces';

const SAMPLE = new TextEncoder().encode('{"Event":"x","Stage Name":"é → 𝄞 ✓ 名前"}\n{"a":"ü"}\n');

function inPieces(bytes: Uint8Array, cuts: number[]): string {
  const d = new Utf8Pieces();
  let text = '';
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += d.decode(bytes.subarray(from, cut));
    from = cut;
  }
  return text + d.end();
}

test('every single cut and every pair of nearby cuts give the whole text', () => {
  const whole = new TextDecoder().decode(SAMPLE);
  for (let a = 0; a <= SAMPLE.length; a++) {
    assert.equal(inPieces(SAMPLE, [a]), whole, `cut at ${a}`);
    for (let b = a; b <= Math.min(SAMPLE.length, a + 4); b++) assert.equal(inPieces(SAMPLE, [a, b]), whole);
  }
});

test('invalid bytes and an unfinished last character become U+FFFD, as a whole decode gives', () => {
  const bad = new Uint8Array([0x61, 0xff, 0x62, 0xe2, 0x82]);
  const whole = new TextDecoder().decode(bad);
  assert.equal(whole, 'a\ufffdb\ufffd');
  for (let a = 0; a <= bad.length; a++) assert.equal(inPieces(bad, [a]), whole, `cut at ${a}`);
});

test('wholeCharsLength leaves out only an unfinished trailing sequence', () => {
  const euro = [0xe2, 0x82, 0xac];
  assert.equal(wholeCharsLength(new Uint8Array([0x61, ...euro])), 4);
  assert.equal(wholeCharsLength(new Uint8Array([0x61, 0xe2, 0x82])), 1);
  assert.equal(wholeCharsLength(new Uint8Array([0x61, 0xf0, 0x9d, 0x84])), 1);
  assert.equal(wholeCharsLength(new Uint8Array([0x61])), 1);
});

test('whole-character decoding: ASCII (read as Latin-1), non-ASCII and invalid bytes → what TextDecoder gives', () => {
  const ascii = new TextEncoder().encode('{"Event":"SparkListenerTaskEnd","Host":"h\\u00e9"}\n\u007f');
  const cases = [ascii, SAMPLE, new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0x28, 0x80]), new Uint8Array(0)];
  for (const bytes of cases)
    assert.equal(decodeWholeUtf8(bytes), new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  // Long ASCII (decoded as UTF-8, see LATIN1_MAX) and long text with one non-ASCII character at its end.
  const long = new TextEncoder().encode('x'.repeat(600 * 1024));
  assert.equal(decodeWholeUtf8(long), 'x'.repeat(600 * 1024));
  assert.equal(decodeWholeUtf8(new TextEncoder().encode(`${'y'.repeat(1000)}é`)), `${'y'.repeat(1000)}é`);
  // A view into a larger buffer decodes only its own bytes.
  assert.equal(decodeWholeUtf8(SAMPLE.subarray(2, 9)), 'Event":');
});
