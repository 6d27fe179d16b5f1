// The what-if form stays true to the file: values the file changed under are dropped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editsAfterFileChange, shortKeyNames } from '../../../client/webview/file-sync';

const MAX = 'spark.dynamicAllocation.maxExecutors';
const IDLE = 'spark.dynamicAllocation.executorIdleTimeout';

describe('editsAfterFileChange', () => {
  it('drops a what-if value whose key the file changed (Apply then Undo)', () => {
    const out = editsAfterFileChange({ [MAX]: '50', [IDLE]: '90s' }, { [MAX]: '50' }, { [MAX]: '30' });
    assert.deepEqual(out, { edits: { [IDLE]: '90s' }, cleared: [MAX] });
  });

  it('keeps what-if values when the file left their keys alone', () => {
    const out = editsAfterFileChange({ [MAX]: '50' }, { [MAX]: '30', [IDLE]: '60s' }, { [MAX]: '30' });
    assert.deepEqual(out, { edits: { [MAX]: '50' }, cleared: [] });
  });

  it('keeps a value the file now holds itself (Apply wrote it): nothing is lost', () => {
    const out = editsAfterFileChange({ [MAX]: '50' }, { [MAX]: '30' }, { [MAX]: '50' });
    assert.deepEqual(out, { edits: { [MAX]: '50' }, cleared: [] });
  });

  it('drops a value when the file starts or stops setting the key', () => {
    assert.deepEqual(editsAfterFileChange({ [MAX]: '50' }, {}, { [MAX]: '40' }).cleared, [MAX]);
    assert.deepEqual(editsAfterFileChange({ [MAX]: '50' }, { [MAX]: '40' }, {}).cleared, [MAX]);
  });

  it('names cleared keys by their last part', () => {
    assert.equal(shortKeyNames([MAX, IDLE]), 'maxExecutors, executorIdleTimeout');
  });
});
