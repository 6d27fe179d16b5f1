// A line index derived from the previous version's index and the change between the texts answers exactly as an index
// built by scanning the new text, after random edits that add, remove and replace line breaks (CRLF included).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LineIndex } from '../../server/src/engine/line-index';
import { findTextChange } from '../../server/src/engine/locators/incremental/text-change';
import { mulberry32 } from '../../server/src/engine/workload/prng';

const PIECES = ['\n', '\r\n', 'a', 'spark.executor.cores: 4\n', '', '\n\n', 'é'];

/** Every line's start offset, read through positionAt and offsetAt. */
function shape(index: LineIndex, text: string): number[][] {
  const lines = index.positionAt(text.length).line + 1;
  const offsets = Array.from({ length: text.length + 1 }, (_, at) => index.positionAt(at));
  const starts = Array.from({ length: lines }, (_, line) => index.offsetAt({ line, character: 0 }));
  return [starts, offsets.map((p) => p.line), offsets.map((p) => p.character)];
}

test('LineIndex.afterChange: random edits → the same lines and positions as a fresh scan', () => {
  const rand = mulberry32(12);
  let text = 'apiVersion: v1\nkind: SparkApplication\r\nspec:\n  sparkConf:\n    spark.executor.cores: "4"\n';
  let index = new LineIndex(text);
  for (let i = 0; i < 400; i++) {
    const at = Math.floor(rand() * (text.length + 1));
    const removed = rand() < 0.4 ? Math.floor(rand() * 6) : 0;
    const piece = PIECES[Math.floor(rand() * PIECES.length)] ?? '';
    const next = text.slice(0, at) + piece + text.slice(at + removed);
    const change = findTextChange(text, next) ?? { start: 0, oldEnd: 0, newEnd: 0, delta: 0 };
    index = index.afterChange(next, change);
    text = next;
    assert.deepEqual(shape(index, text), shape(new LineIndex(text), text), `edit ${i + 1}`);
  }
});

test('LineIndex.afterChange: an edit that joins lines, then one that splits them again → fresh-scan positions', () => {
  const before = 'a\nb\nc\n';
  const joined = 'a b\nc\n';
  const joinedIndex = new LineIndex(before).afterChange(joined, { start: 1, oldEnd: 2, newEnd: 2, delta: 0 });
  assert.deepEqual(joinedIndex.positionAt(4), { line: 1, character: 0 });
  const split = 'a\n\nb\nc\n';
  const splitIndex = joinedIndex.afterChange(split, { start: 1, oldEnd: 2, newEnd: 3, delta: 1 });
  assert.deepEqual(shape(splitIndex, split), shape(new LineIndex(split), split));
});
