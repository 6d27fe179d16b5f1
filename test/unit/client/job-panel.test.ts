// The panel key of each job of a multi-job file: a URI fragment naming the job, none for the first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobIndexOfFragment, jobPanelFragment, jobTitleSuffix } from '../../../client/src/job-panel';

describe('job panel fragment', () => {
  it('the first job has none; job index 1 is "job=2", and each round-trips', () => {
    assert.equal(jobPanelFragment(0), '');
    assert.equal(jobPanelFragment(1), 'job=2');
    for (const index of [0, 1, 2, 41]) assert.equal(jobIndexOfFragment(jobPanelFragment(index)), index);
  });

  it('fragments that are not ours mean the first job', () => {
    for (const fragment of ['', 'job=0', 'job=1', 'job=-3', 'job=2x', 'L12', 'job=1234567'])
      assert.equal(jobIndexOfFragment(fragment), 0, fragment);
    assert.equal(jobPanelFragment(-1), '');
    assert.equal(jobPanelFragment(1.5), '');
  });

  it('the tab title names the job from the second on', () => {
    assert.equal(jobTitleSuffix(''), '');
    assert.equal(jobTitleSuffix('job=2'), ' · job 2');
    assert.equal(jobTitleSuffix('job=1'), '');
  });
});
