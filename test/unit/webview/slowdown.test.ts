// The advisor view's runtime-limit field: typed text → a percentage the advisor accepts, or a refusal.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_SLOWDOWN_PCT, MAX_SLOWDOWN_PCT_MAX, parseSlowdownText } from '../../../client/webview/slowdown';

describe('parseSlowdownText', () => {
  it('reads plain and percent-signed numbers, and an empty field as the default', () => {
    assert.equal(parseSlowdownText('10'), 10);
    assert.equal(parseSlowdownText(' 2.5 % '), 2.5);
    assert.equal(parseSlowdownText('0'), 0);
    assert.equal(parseSlowdownText(String(MAX_SLOWDOWN_PCT_MAX)), MAX_SLOWDOWN_PCT_MAX);
    assert.equal(parseSlowdownText(''), DEFAULT_MAX_SLOWDOWN_PCT);
    assert.equal(DEFAULT_MAX_SLOWDOWN_PCT, 5);
  });

  it('refuses negatives, values over the limit and anything not a number', () => {
    for (const text of ['-1', String(MAX_SLOWDOWN_PCT_MAX + 1), '1e3', 'abc', '5 5', '0x10', 'Infinity', '.5', '5.'])
      assert.equal(parseSlowdownText(text), undefined, text);
  });
});
