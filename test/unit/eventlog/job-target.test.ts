// The per-job fidelity target the replay panel counts: within 10 % of the logged duration, or 1 s for jobs under 10 s.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobWithinTarget } from '../../../server/src/engine/eventlog/fidelity';

describe('jobWithinTarget', () => {
  it('a job of 10 s or more is within target up to 10 % either way', () => {
    assert.equal(jobWithinTarget(100, 110), true);
    assert.equal(jobWithinTarget(100, 90), true);
    assert.equal(jobWithinTarget(100, 110.5), false);
    assert.equal(jobWithinTarget(10, 11), true);
    assert.equal(jobWithinTarget(10, 11.2), false);
  });

  it('a job under 10 s is within target up to 1 s either way (10 % would be a few ticks)', () => {
    assert.equal(jobWithinTarget(2, 3), true);
    assert.equal(jobWithinTarget(2, 1), true);
    assert.equal(jobWithinTarget(2, 3.1), false);
    assert.equal(jobWithinTarget(0, 0.9), true);
  });
});
