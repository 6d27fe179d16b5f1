// The keyed debouncer behind re-runs after edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KeyedDebouncer } from '../../../client/src/debounce';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('KeyedDebouncer', () => {
  it('runs once per key after the last call, keys independent', async () => {
    const runs: string[] = [];
    const d = new KeyedDebouncer(() => 20);
    d.schedule('a', () => runs.push('a1'));
    d.schedule('a', () => runs.push('a2'));
    d.schedule('b', () => runs.push('b1'));
    assert.equal(d.pending('a'), true);
    await sleep(60);
    assert.deepEqual(runs.sort(), ['a2', 'b1']);
    assert.equal(d.pending('a'), false);
  });

  it('cancel and dispose stop pending runs', async () => {
    const runs: string[] = [];
    const d = new KeyedDebouncer(() => 10);
    d.schedule('a', () => runs.push('a'));
    d.schedule('b', () => runs.push('b'));
    d.cancel('a');
    d.dispose();
    await sleep(40);
    assert.deepEqual(runs, []);
  });
});
