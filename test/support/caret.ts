// Caret-marked fixtures for every test tier: `|` marks where the cursor is, `[[…]]` marks ranges a test expects.

export interface CaretFixture {
  /** The fixture without its markers. */
  text: string;
  /** UTF-16 offset of the caret in `text`. */
  offset: number;
  /** The caret as a zero-based line and character. */
  position: { line: number; character: number };
}

/** Splits a fixture at its one caret marker (`|` unless told otherwise). */
export function caret(fixture: string, marker = '|'): CaretFixture {
  const offset = fixture.indexOf(marker);
  if (offset < 0 || fixture.indexOf(marker, offset + marker.length) >= 0) {
    throw new Error(`the fixture needs exactly one ${marker} caret`);
  }
  const text = fixture.slice(0, offset) + fixture.slice(offset + marker.length);
  const before = text.slice(0, offset).split('\n');
  const last = before[before.length - 1] ?? '';
  return { text, offset, position: { line: before.length - 1, character: last.length } };
}

/** Removes `[[` `]]` range markers, returning the text and each marked range as offsets in it, in order. */
export function markedRanges(fixture: string): { text: string; ranges: { start: number; end: number }[] } {
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  let open: number | undefined;
  for (let i = 0; i < fixture.length; i++) {
    if (fixture.startsWith('[[', i) && open === undefined) {
      open = text.length;
      i++;
    } else if (fixture.startsWith(']]', i) && open !== undefined) {
      ranges.push({ start: open, end: text.length });
      open = undefined;
      i++;
    } else text += fixture[i];
  }
  if (open !== undefined) throw new Error('a [[ range marker is not closed');
  return { text, ranges };
}
