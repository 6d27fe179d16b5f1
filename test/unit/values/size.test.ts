import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSize } from '../../../server/src/engine/values';

test('bare numbers are read in the key unit', () => {
  assert.deepEqual(parseSize('4096', 'm', '3.5.1'), { ok: true, value: 4096 });
  assert.deepEqual(parseSize('100', 'b', '3.5.1'), { ok: true, value: 100 });
});

test('classic binary suffixes, any case', () => {
  assert.deepEqual(parseSize('4g', 'm', '3.5.1'), { ok: true, value: 4096 });
  assert.deepEqual(parseSize('4GB', 'm', '3.5.1'), { ok: true, value: 4096 });
  assert.deepEqual(parseSize('1k', 'b', '3.5.1'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('1kb', 'b', '3.5.1'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('2t', 'g', '2.4.0'), { ok: true, value: 2048 });
  assert.deepEqual(parseSize('1p', 'g', '3.0.0'), { ok: true, value: 1024 * 1024 });
  assert.deepEqual(parseSize('384b', 'b', '3.5.1'), { ok: true, value: 384 });
  assert.deepEqual(parseSize(' 384M ', 'm', '3.5.1'), { ok: true, value: 384 });
});

test('a coarser key unit truncates with a note', () => {
  const small = parseSize('512k', 'm', '3.5.1');
  assert.ok(small.ok);
  if (small.ok) {
    assert.equal(small.value, 0);
    assert.match(small.note ?? '', /truncated to 0m/);
  }
  const partial = parseSize('1500k', 'm', '3.5.1');
  assert.ok(partial.ok && partial.value === 1 && partial.note !== undefined);
  assert.deepEqual(parseSize('2048k', 'm', '3.5.1'), { ok: true, value: 2 });
});

test('Gi-style suffixes only from Spark 4.2.0', () => {
  const old = parseSize('1Gi', 'm', '4.1.0');
  assert.equal(old.ok, false);
  if (!old.ok) assert.match(old.error, /4\.2\.0.*1g/);
  assert.deepEqual(parseSize('1Gi', 'm', '4.2.0'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('1gib', 'm', '4.2.0'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('2Ki', 'b', '4.2.0'), { ok: true, value: 2048 });
  assert.deepEqual(parseSize('1MiB', 'k', '4.2.1'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('1Ti', 'g', '4.2.0'), { ok: true, value: 1024 });
  assert.deepEqual(parseSize('1Pi', 't', '4.2.0'), { ok: true, value: 1024 });
  assert.equal(parseSize('1Mi', 'm', '3.5.1').ok, false);
});

test('fractions are rejected with a whole-number suggestion', () => {
  const fraction = parseSize('1.5g', 'm', '3.5.1');
  assert.equal(fraction.ok, false);
  if (!fraction.ok) assert.match(fraction.error, /Fractions.*1536m/);
  assert.equal(parseSize('0.1g', 'm', '3.5.1').ok, false);
});

test('negative, unknown suffixes, spaces and overflow fail', () => {
  assert.equal(parseSize('-1g', 'm', '3.5.1').ok, false);
  const unknown = parseSize('4gigs', 'm', '3.5.1');
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.match(unknown.error, /`gigs`/);
  assert.equal(parseSize('4 g', 'm', '3.5.1').ok, false);
  assert.equal(parseSize('', 'm', '3.5.1').ok, false);
  assert.equal(parseSize('8388608p', 'b', '3.5.1').ok, false);
  assert.equal(parseSize('99999999999999999999', 'b', '3.5.1').ok, false);
});
