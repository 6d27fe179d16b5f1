// Offset ↔ line/column for faces that do not have an editor document (CLI, SARIF), and for the engine's own line
// numbers. 0-based, UTF-16 columns.
import type { TextChange } from './locators/incremental/text-change';

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[];

  /** Scans `text` for line breaks, unless `starts` (each line's start offset, first 0) is given. */
  constructor(
    private readonly text: string,
    starts?: number[],
  ) {
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    // indexOf finds line breaks much faster than a loop over every character (large files have megabytes of text).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /**
   * The index of `text`, which is this index's text with `change` made: lines before the change are kept, lines
   * after it moved, and only the changed span is scanned (typing in a large file otherwise rescans megabytes).
   */
  afterChange(text: string, change: TextChange): LineIndex {
    const starts: number[] = [];
    // A start is the offset after a line break: kept when the break lies before the change, moved when after it.
    let i = 0;
    for (; i < this.starts.length && (this.starts[i] as number) <= change.start; i++)
      starts.push(this.starts[i] as number);
    for (let at = text.indexOf('\n', change.start); at >= 0 && at < change.newEnd; at = text.indexOf('\n', at + 1)) {
      starts.push(at + 1);
    }
    while (i < this.starts.length && (this.starts[i] as number) <= change.oldEnd) i++;
    for (; i < this.starts.length; i++) starts.push((this.starts[i] as number) + change.delta);
    return new LineIndex(text, starts);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line, this.starts.length - 1))];
    return Math.min(start + position.character, this.text.length);
  }
}

let lastLines: { text: string; index: LineIndex } | undefined;

/**
 * 1-based line of an offset, for messages. Keeps the line index of the last text asked about, so rules that name a
 * line for every finding do not rescan the text from its start each time.
 */
export function lineNumberAt(text: string, offset: number): number {
  if (lastLines === undefined || lastLines.text !== text) lastLines = { text, index: new LineIndex(text) };
  return lastLines.index.positionAt(offset).line + 1;
}
