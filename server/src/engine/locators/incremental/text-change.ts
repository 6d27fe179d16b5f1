// The one span where two versions of a text differ, found from their common start and end. Typing changes one small
// span of a large file; comparing the ends is linear in the file but needs no edit log from the editor.

export interface TextChange {
  /** First offset where the texts differ (the same in both). */
  start: number;
  /** End of the replaced span in the old text. */
  oldEnd: number;
  /** End of the replacing span in the new text. */
  newEnd: number;
  /** How far text after the change moved: `newEnd - oldEnd`. */
  delta: number;
}

/**
 * Blocks compared whole before the characters of the first differing block: comparing two slices is a native memory
 * compare, where a character loop over a large file costs tens of milliseconds before it is optimised.
 */
const BLOCK = 4096;

/** The smallest span that turns `before` into `after`, or undefined when they are equal. */
export function findTextChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) {
    start += BLOCK;
  }
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // The common end may not overlap the common start (e.g. "aa" → "aaa").
  let oldEnd = before.length;
  let newEnd = after.length;
  while (
    oldEnd - BLOCK >= start &&
    newEnd - BLOCK >= start &&
    before.slice(oldEnd - BLOCK, oldEnd) === after.slice(newEnd - BLOCK, newEnd)
  ) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd, delta: newEnd - oldEnd };
}
