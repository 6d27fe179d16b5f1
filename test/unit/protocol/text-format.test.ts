// One way to show Spark's "no limit" values: ∞, in the panel and in the CLI.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatCount, formatSparkValue, isNoLimitValue } from '../../../protocol/text-format';

describe('no-limit values', () => {
  it('shows Int.MaxValue and Long.MaxValue, bare or with a unit, as ∞', () => {
    for (const raw of ['2147483647s', '9223372036854775807ms', '2147483647', ' 2147483647 ', 'infinity', 'Infinity'])
      assert.equal(formatSparkValue(raw), '∞', raw);
  });

  it('leaves every other value as written', () => {
    for (const raw of ['60s', '2147483646', '21474836470', '1g', 'true', '', '9223372036854775806ms'])
      assert.equal(formatSparkValue(raw), raw, raw);
    assert.equal(isNoLimitValue('inf-tastic'), false);
  });

  it('shows infinite and sentinel counts as ∞, others through the given formatter', () => {
    assert.equal(formatCount(Infinity), '∞');
    assert.equal(formatCount(2147483647), '∞');
    assert.equal(formatCount(27), '27');
    assert.equal(
      formatCount(1234.5, (n) => n.toFixed(0)),
      '1235',
    );
  });
});
