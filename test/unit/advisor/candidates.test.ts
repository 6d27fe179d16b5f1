// The advisor's knobs and the candidates proposed from them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  choiceChanges,
  currentChoice,
  neighbourChoices,
  randomChoices,
  sweepChoices,
} from '../../../server/src/engine/advisor/candidates';
import { searchKnobs, type KnobContext } from '../../../server/src/engine/advisor/knobs';
import { resolveAllocationConfig } from '../../../server/src/engine/simulator/config';

const DA = 'spark.dynamicAllocation.';

function context(conf: Record<string, string>, extra: Partial<KnobContext> = {}): KnobContext {
  return {
    config: resolveAllocationConfig(conf, '3.5.1'),
    batchSize: 5,
    currentPeak: 40,
    workloadHasCache: false,
    sparkVersion: '3.5.1',
    ...extra,
  };
}

const draConf = {
  [`${DA}enabled`]: 'true',
  [`${DA}shuffleTracking.enabled`]: 'true',
  [`${DA}maxExecutors`]: '40',
  [`${DA}executorIdleTimeout`]: '60s',
};

describe('advisor knobs', () => {
  it("lists the file's own value as the no-change option, among the others by value", () => {
    const knobs = searchKnobs(context(draConf));
    const idle = knobs.find((k) => k.name === 'executorIdleTimeout');
    assert.ok(idle);
    assert.deepEqual(idle.options[idle.current].changes, {});
    assert.deepEqual(
      idle.options.map((o) => o.value),
      [10_000, 20_000, 30_000, 60_000, 120_000, 300_000],
    );
    const max = knobs.find((k) => k.name === 'maxExecutors');
    assert.deepEqual(
      max?.options.map((o) => o.changes[`${DA}maxExecutors`] ?? 'as written'),
      ['10', '20', '30', 'as written', '50', '60'],
    );
  });

  it('offers the shuffle-tracking timeout only with tracking on, the cached timeout only with cached data', () => {
    const names = (ctx: KnobContext): string[] => searchKnobs(ctx).map((k) => k.name);
    assert.ok(names(context(draConf)).includes('shuffleTracking.timeout'));
    assert.ok(
      !names(context({ ...draConf, [`${DA}shuffleTracking.enabled`]: 'false' })).includes('shuffleTracking.timeout'),
    );
    assert.ok(!names(context(draConf)).includes('cachedExecutorIdleTimeout'));
    assert.ok(names(context(draConf, { workloadHasCache: true })).includes('cachedExecutorIdleTimeout'));
  });

  it('with DRA off, offers turning it on (with shuffle tracking)', () => {
    const knobs = searchKnobs(context({ 'spark.executor.instances': '4' }));
    assert.deepEqual(knobs[0].options.find((o) => Object.keys(o.changes).length > 0)?.changes, {
      [`${DA}enabled`]: 'true',
      [`${DA}shuffleTracking.enabled`]: 'true',
    });
  });
});

describe('advisor candidates', () => {
  const knobs = searchKnobs(context(draConf));

  it('the sweep moves each knob alone to each of its other values', () => {
    const sweep = sweepChoices(knobs);
    assert.equal(
      sweep.length,
      knobs.reduce((n, k) => n + k.options.length - 1, 0),
    );
    for (const choice of sweep) {
      const moved = choice.filter((option, i) => option !== knobs[i].current);
      assert.equal(moved.length, 1);
    }
    assert.deepEqual(choiceChanges(knobs, currentChoice(knobs)), {});
  });

  it('random mixes are the same for the same seed and differ for another', () => {
    assert.deepEqual(randomChoices(knobs, 20, 7), randomChoices(knobs, 20, 7));
    assert.notDeepEqual(randomChoices(knobs, 20, 7), randomChoices(knobs, 20, 8));
  });

  it('neighbours are one option step away on one knob', () => {
    const start = currentChoice(knobs);
    for (const choice of neighbourChoices(knobs, start)) {
      const steps = choice.map((option, i) => Math.abs(option - start[i]));
      assert.deepEqual(
        steps.filter((s) => s !== 0),
        [1],
      );
    }
  });
});
