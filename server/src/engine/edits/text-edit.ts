// A replacement of one span of a document, and applying a set of them to a string.
import type { Range } from '../model';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Applies non-overlapping edits to `text` (any order); later offsets are applied first so earlier ones stay valid. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start - a.range.start || b.range.end - a.range.end);
  let result = text;
  for (const edit of sorted) {
    result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
  }
  return result;
}
