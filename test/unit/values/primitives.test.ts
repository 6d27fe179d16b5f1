import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSparkBoolean, parseSparkDouble, parseSparkInt } from '../../../server/src/engine/values';

test('booleans: true/false in any case, trimmed', () => {
  assert.deepEqual(parseSparkBoolean('true'), { ok: true, value: true });
  assert.deepEqual(parseSparkBoolean(' FALSE '), { ok: true, value: false });
  assert.deepEqual(parseSparkBoolean('True'), { ok: true, value: true });
});

test('booleans: yes/1/on/empty are errors', () => {
  for (const text of ['yes', '1', 'on', '', 'truee']) {
    const result = parseSparkBoolean(text);
    assert.equal(result.ok, false, text);
    if (!result.ok) assert.match(result.error, /true or false/);
  }
});

test('ints: signed digits within 32 bits', () => {
  assert.deepEqual(parseSparkInt('42'), { ok: true, value: 42 });
  assert.deepEqual(parseSparkInt(' -3 '), { ok: true, value: -3 });
  assert.deepEqual(parseSparkInt('+7'), { ok: true, value: 7 });
  assert.deepEqual(parseSparkInt('2147483647'), { ok: true, value: 2147483647 });
  assert.deepEqual(parseSparkInt('-2147483648'), { ok: true, value: -2147483648 });
});

test('ints: out of range, fractions, exponents and words fail', () => {
  const big = parseSparkInt('2147483648');
  assert.equal(big.ok, false);
  if (!big.ok) assert.match(big.error, /32-bit/);
  assert.equal(parseSparkInt('-2147483649').ok, false);
  const fraction = parseSparkInt('1.5');
  assert.equal(fraction.ok, false);
  if (!fraction.ok) assert.match(fraction.error, /whole number/);
  assert.equal(parseSparkInt('1e3').ok, false);
  assert.equal(parseSparkInt('ten').ok, false);
  assert.equal(parseSparkInt('').ok, false);
  assert.equal(parseSparkInt('5 executors').ok, false);
});

test('doubles: Java syntax', () => {
  assert.deepEqual(parseSparkDouble('0.5'), { ok: true, value: 0.5 });
  assert.deepEqual(parseSparkDouble(' 1 '), { ok: true, value: 1 });
  assert.deepEqual(parseSparkDouble('.25'), { ok: true, value: 0.25 });
  assert.deepEqual(parseSparkDouble('1.'), { ok: true, value: 1 });
  assert.deepEqual(parseSparkDouble('1e-1'), { ok: true, value: 0.1 });
  assert.deepEqual(parseSparkDouble('2d'), { ok: true, value: 2 });
  assert.deepEqual(parseSparkDouble('-Infinity'), { ok: true, value: -Infinity });
  assert.deepEqual(parseSparkDouble('0x1.8p1'), { ok: true, value: 3 });
  const nan = parseSparkDouble('NaN');
  assert.ok(nan.ok && Number.isNaN(nan.value));
});

test('doubles: garbage fails', () => {
  for (const text of ['', 'half', '1,5', '50%', '1e', 'infinity', '.']) {
    assert.equal(parseSparkDouble(text).ok, false, text);
  }
});
