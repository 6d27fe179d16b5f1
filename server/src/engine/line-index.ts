// Offset ↔ line/column for faces that do not have an editor document (CLI, SARIF). 0-based, UTF-16 columns.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // indexOf finds line breaks much faster than a loop over every character (large files have megabytes of text).
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
