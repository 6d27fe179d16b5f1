import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseK8sQuantity } from '../../../server/src/engine/values';

test('binary and decimal suffixes', () => {
  assert.deepEqual(parseK8sQuantity('500Gi'), { ok: true, value: 500 * 2 ** 30 });
  assert.deepEqual(parseK8sQuantity('1Ki'), { ok: true, value: 1024 });
  assert.deepEqual(parseK8sQuantity('2Ti'), { ok: true, value: 2 * 2 ** 40 });
  assert.deepEqual(parseK8sQuantity('1Ei'), { ok: true, value: 2 ** 60 });
  assert.deepEqual(parseK8sQuantity('100G'), { ok: true, value: 100e9 });
  assert.deepEqual(parseK8sQuantity('1k'), { ok: true, value: 1000 });
  assert.deepEqual(parseK8sQuantity('3M'), { ok: true, value: 3e6 });
  assert.deepEqual(parseK8sQuantity('1P'), { ok: true, value: 1e15 });
  assert.deepEqual(parseK8sQuantity('1E'), { ok: true, value: 1e18 });
  assert.deepEqual(parseK8sQuantity('2048'), { ok: true, value: 2048 });
});

test('decimals and exponents', () => {
  assert.deepEqual(parseK8sQuantity('1.5T'), { ok: true, value: 1.5e12 });
  assert.deepEqual(parseK8sQuantity('0.5Gi'), { ok: true, value: 2 ** 29 });
  assert.deepEqual(parseK8sQuantity('1e9'), { ok: true, value: 1e9 });
  assert.deepEqual(parseK8sQuantity('1E3'), { ok: true, value: 1000 });
  assert.deepEqual(parseK8sQuantity('12e+2'), { ok: true, value: 1200 });
  assert.deepEqual(parseK8sQuantity('.5k'), { ok: true, value: 500 });
});

test('milli suffix and fractional bytes round up with a note', () => {
  const milli = parseK8sQuantity('500m');
  assert.ok(milli.ok && milli.value === 1);
  if (milli.ok) assert.match(milli.note ?? '', /500Mi/);
  const half = parseK8sQuantity('1.5');
  assert.ok(half.ok && half.value === 2 && half.note !== undefined);
});

test('Spark-style and wrong-case suffixes are not quantities', () => {
  for (const text of ['500gi', '500GB', '10g', '1 Gi', '', 'Gi', '1.2.3', '5Gib']) {
    assert.equal(parseK8sQuantity(text).ok, false, text);
  }
  const lower = parseK8sQuantity('500gi');
  if (!lower.ok) assert.match(lower.error, /case-sensitive/);
});
