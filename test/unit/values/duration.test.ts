import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from '../../../server/src/engine/values';

test('bare numbers are read in the key unit', () => {
  assert.deepEqual(parseDuration('60', 's'), { ok: true, value: 60 });
  assert.deepEqual(parseDuration('1', 'ms'), { ok: true, value: 1 });
  assert.deepEqual(parseDuration('-1', 's'), { ok: true, value: -1 });
});

test('every suffix, any case, trimmed', () => {
  assert.deepEqual(parseDuration('250us', 'us'), { ok: true, value: 250 });
  assert.deepEqual(parseDuration('2s', 'ms'), { ok: true, value: 2000 });
  assert.deepEqual(parseDuration('2S', 'ms'), { ok: true, value: 2000 });
  assert.deepEqual(parseDuration('3m', 's'), { ok: true, value: 180 });
  assert.deepEqual(parseDuration('3MIN', 's'), { ok: true, value: 180 });
  assert.deepEqual(parseDuration(' 1h ', 's'), { ok: true, value: 3600 });
  assert.deepEqual(parseDuration('1d', 'min'), { ok: true, value: 1440 });
  assert.deepEqual(parseDuration('1ms', 'us'), { ok: true, value: 1000 });
});

test('conversion to a coarser unit truncates toward zero with a note', () => {
  const half = parseDuration('500ms', 's');
  assert.equal(half.ok, true);
  if (half.ok) {
    assert.equal(half.value, 0);
    assert.match(half.note ?? '', /500ms is truncated to 0s/);
  }
  const more = parseDuration('1999ms', 's');
  assert.ok(more.ok && more.value === 1 && more.note !== undefined);
  const negative = parseDuration('-1500ms', 's');
  assert.ok(negative.ok && negative.value === -1);
  const exact = parseDuration('2000ms', 's');
  assert.deepEqual(exact, { ok: true, value: 2 });
});

test('fractions, spaces, unknown suffixes and words fail', () => {
  const fraction = parseDuration('1.5s', 's');
  assert.equal(fraction.ok, false);
  if (!fraction.ok) assert.match(fraction.error, /Fractions/);
  const unknown = parseDuration('5sec', 's');
  assert.equal(unknown.ok, false);
  if (!unknown.ok) assert.match(unknown.error, /`sec`/);
  for (const text of ['5 s', '', 's', '+5s', 'infinity', '1h30m']) {
    assert.equal(parseDuration(text, 's').ok, false, text);
  }
});

test('the Long.MaxValue default of shuffleTracking.timeout parses; larger values are capped', () => {
  const max = parseDuration('9223372036854775807ms', 'ms');
  assert.ok(max.ok && max.value > 9.2e18);
  const capped = parseDuration('9223372036854775807d', 'ms');
  assert.ok(capped.ok && capped.value > 9.2e18 && /caps/.test(capped.note ?? ''));
  assert.equal(parseDuration('9223372036854775808', 'ms').ok, false);
});
