// The lines of one document for the fast reader: where each starts, where its content ends (before a CR of a CRLF
// break), its indentation, what it holds, and the offset of a trailing comment. The columns are typed arrays kept from
// one document to the next and grown as needed: a stream of a thousand documents would otherwise allocate (and
// collect) five growing arrays per document.

export const BLANK = 0;
export const COMMENT = 1;
export const CONTENT = 2;
/** The `---` line a document may open with. */
export const MARKER = 3;

const SPACE = 0x20;
const HASH = 0x23;
const CR = 0x0d;

export class LineTable {
  lineStart = new Int32Array(256);
  contentEnd = new Int32Array(256);
  indent = new Int32Array(256);
  kind = new Uint8Array(256);
  /** Offset of a trailing `#` comment on the line, or -1 (the fast reader fills these in as it reads values). */
  trailing = new Int32Array(256);
  /** Lines of the current document; entries at and beyond `count` are left over from earlier documents. */
  count = 0;

  /**
   * Splits text[start..end) into lines. False when the text has what the fast reader does not handle at this level:
   * tabs, byte order marks, carriage returns other than in CRLF breaks, directives, `...` markers, or a `---` line
   * followed by anything but a comment.
   */
  split(text: string, start: number, end: number): boolean {
    // Bounded searches only: an unbounded indexOf from every document would make a long stream quadratic.
    const body = text.slice(start, end);
    if (body.includes('\t') || body.includes('\uFEFF')) return false;
    let nextCr = body.indexOf('\r');
    this.count = 0;
    let at = start;
    while (at < end) {
      let newline = text.indexOf('\n', at);
      if (newline < 0 || newline >= end) newline = end;
      let contentEnd = newline;
      if (newline < end && contentEnd > at && text.charCodeAt(contentEnd - 1) === CR) contentEnd -= 1;
      if (nextCr >= 0 && start + nextCr < newline) {
        // The only carriage return a line may hold is the one of its CRLF break.
        if (start + nextCr < contentEnd) return false;
        nextCr = body.indexOf('\r', newline - start);
      }
      let first = at;
      while (first < contentEnd && text.charCodeAt(first) === SPACE) first += 1;
      const line = this.count;
      if (line === this.lineStart.length) this.grow();
      this.count += 1;
      this.lineStart[line] = at;
      this.contentEnd[line] = contentEnd;
      this.indent[line] = first - at;
      this.trailing[line] = -1;
      const code = text.charCodeAt(first);
      if (first === contentEnd) this.kind[line] = BLANK;
      else if (code === HASH) this.kind[line] = COMMENT;
      else if (first === at && (code === 0x25 /* % */ || text.startsWith('...', at))) return false;
      else if (first === at && at === start && text.startsWith('---', at)) {
        this.kind[line] = MARKER;
        if (!this.markerLine(text, line)) return false;
      } else this.kind[line] = CONTENT;
      at = newline < end ? newline + 1 : end;
    }
    return true;
  }

  /** `---` may be followed only by spaces and a comment. */
  private markerLine(text: string, line: number): boolean {
    const end = this.contentEnd[line] as number;
    const afterMarker = (this.lineStart[line] as number) + 3;
    let at = afterMarker;
    while (at < end && text.charCodeAt(at) === SPACE) at += 1;
    if (at === end) return true;
    if (text.charCodeAt(at) !== HASH || at === afterMarker) return false;
    this.trailing[line] = at;
    return true;
  }

  private grow(): void {
    const size = this.lineStart.length * 2;
    this.lineStart = grown(this.lineStart, new Int32Array(size));
    this.contentEnd = grown(this.contentEnd, new Int32Array(size));
    this.indent = grown(this.indent, new Int32Array(size));
    this.trailing = grown(this.trailing, new Int32Array(size));
    this.kind = grown(this.kind, new Uint8Array(size));
  }
}

function grown<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
