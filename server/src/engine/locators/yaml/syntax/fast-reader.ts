// A line-oriented reader for the block-style YAML that job files are written in, much faster than the `yaml`
// package's parser and composer. It reads one document whose root is a block map at column 0: block maps with plain
// or quoted single-line keys and plain, quoted or empty single-line values, nested by indentation; block sequences
// whose items are single-line scalars or compact maps (`- key: v` and the keys below it); full-line and trailing
// comments; a leading `---` line; LF or CRLF line breaks. It builds our node tree (tree.ts) with the ranges, types,
// sources and values the `yaml` package's Composer gives its nodes, so the walkers cannot tell the difference.
// Anything else (flow collections, block scalars, anchors, aliases, tags, multi-line scalars, tabs, `?` keys,
// directives, `...`, a key without `: `, indentation it does not expect, bad escapes) makes it give up, and the
// caller parses the document with the `yaml` package instead. Duplicate keys are kept, as the package keeps them, and
// reported where the package reports them.
import type { CommentSpan } from '../../comment-directives';
import { reportedAt } from './duplicate-keys';
import { BLANK, COMMENT, CONTENT, LineTable } from './line-table';
import { doubleQuotedValue, plainValue, singleQuotedValue } from './scalar-value';
import {
  scalarNode,
  type MapNode,
  type NodeRange,
  type PairNode,
  type ScalarNode,
  type SeqNode,
  type TreeNode,
} from './tree';

/** What the fast reader makes of a document it can read. */
export interface FastDocument {
  contents: MapNode;
  comments: CommentSpan[];
  /** Text offsets where the package would report 'Map keys must be unique', in document order. */
  duplicateKeys: number[];
}

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;
const BACKSLASH = 0x5c;

/** Characters a plain scalar may not start with (`-`, `?` and `:` are checked apart). */
const BAD_PLAIN_START = new Set([',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

/** Longest implicit key the package accepts without complaint. */
const MAX_KEY_LENGTH = 1000;

/** Maps with fewer keys than this find duplicates by a linear search; larger ones build a Set. */
const SMALL_MAP = 16;

/** True when a key of `items` has the value `value` (the package's equality of keys: `===` on their values). */
function hasKey(items: readonly PairNode[], value: unknown): boolean {
  for (let index = 0; index < items.length; index++) {
    const key = (items[index] as PairNode).key;
    if (key !== null && key.kind === 'scalar' && key.value === value) return true;
  }
  return false;
}

/** The values of the keys of `items`, for maps too large for `hasKey`. */
function keySet(items: readonly PairNode[]): Set<unknown> {
  const keys = new Set<unknown>();
  for (const item of items) if (item.key?.kind === 'scalar') keys.add(item.key.value);
  return keys;
}

class GiveUp {}
const GIVE_UP = new GiveUp();

/** Comments (and blank lines) between a collection's last value and the line that ends it. */
interface Trivia {
  /** Where the last of them ends: the indentation of the line after them, or the end of the document. */
  end: number;
  /** The deepest indentation among their comment lines, -1 when there are none. */
  maxCommentIndent: number;
}

/** Reads the document text[start..end); undefined when it is not in the subset. */
export function readBlockDocument(text: string, start: number, end: number): FastDocument | undefined {
  try {
    if (!LINES.split(text, start, end)) return undefined;
    return new FastReader(text, end, LINES).document();
  } catch {
    // GIVE_UP, or a bug here: either way the `yaml` package reads the document instead.
    return undefined;
  }
}

/**
 * One line table for every document: reading is synchronous and never nested, so no two readers use it at once. It
 * keeps the size of the longest document read so far (17 bytes a line).
 */
const LINES = new LineTable();

class FastReader {
  private readonly lineStart: Int32Array;
  private readonly contentEnd: Int32Array;
  private readonly indent: Int32Array;
  private readonly kind: Uint8Array;
  /** Offset of a trailing `#` comment on the line, or -1. */
  private readonly trailing: Int32Array;
  private readonly count: number;
  /** Set by the readers: the content line (or `count`) they stopped at. */
  private stop = 0;
  /** Set by the scalar reader: the first line after the value and the comment lines it took in. */
  private after = 0;
  /** Trivia left at the end of the collection just read, for an enclosing collection to claim. */
  private pending: Trivia | null = null;
  private readonly duplicateKeys: number[] = [];

  /** Reads the document text[..end) whose lines are in `lines`. */
  constructor(
    private readonly text: string,
    private readonly end: number,
    lines: LineTable,
  ) {
    this.lineStart = lines.lineStart;
    this.contentEnd = lines.contentEnd;
    this.indent = lines.indent;
    this.kind = lines.kind;
    this.trailing = lines.trailing;
    this.count = lines.count;
  }

  document(): FastDocument | undefined {
    const first = this.nextContent(0);
    if (first >= this.count || this.indent[first] !== 0 || this.isDash(first)) return undefined;
    const contents = this.readMap(first, this.lineStart[first] as number, 0);
    if (this.stop < this.count) return undefined;
    return { contents, comments: this.comments(), duplicateKeys: this.duplicateKeys };
  }

  private comments(): CommentSpan[] {
    const out: CommentSpan[] = [];
    for (let line = 0; line < this.count; line++) {
      const at =
        this.kind[line] === COMMENT
          ? (this.lineStart[line] as number) + (this.indent[line] as number)
          : (this.trailing[line] as number);
      if (at >= 0) out.push({ start: at, text: this.text.slice(at, this.contentEnd[line]) });
    }
    return out;
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.count ? (this.lineStart[line + 1] as number) : this.end;
  }

  private nextContent(from: number): number {
    let line = from;
    while (line < this.count && this.kind[line] !== CONTENT) line += 1;
    return line;
  }

  private isDash(line: number): boolean {
    const at = (this.lineStart[line] as number) + (this.indent[line] as number);
    if (this.text.charCodeAt(at) !== DASH) return false;
    return at + 1 >= (this.contentEnd[line] as number) || this.text.charCodeAt(at + 1) === SPACE;
  }

  /** A block map whose first key starts at `keyAt` on `line`, with its keys at column `column`. */
  private readMap(line: number, keyAt: number, column: number): MapNode {
    const items: PairNode[] = [];
    // Keys seen so far, for the duplicate check: a linear search while the map is small (most are), a Set beyond.
    let keys: Set<unknown> | undefined;
    let current = line;
    let at = keyAt;
    let lastEnd: number;
    let previous: TreeNode | null = null;
    for (;;) {
      const { node: key, colon } = this.readKey(current, at);
      // The package's equality of keys is `===` on their values: NaN is never a duplicate.
      if (key.value === key.value) {
        if (keys === undefined && items.length >= SMALL_MAP) keys = keySet(items);
        const seen = keys === undefined ? hasKey(items, key.value) : keys.has(key.value);
        if (seen) this.duplicateKeys.push(reportedAt(at, previous, this.text));
        else keys?.add(key.value);
      }
      const lineEnd = this.contentEnd[current] as number;
      let valueAt = colon + 1;
      while (valueAt < lineEnd && this.text.charCodeAt(valueAt) === SPACE) valueAt += 1;
      let value: TreeNode;
      let next: number;
      if (valueAt < lineEnd && this.text.charCodeAt(valueAt) !== HASH) {
        value = this.readInlineScalar(current, valueAt, column);
        next = this.nextContent(this.after);
        this.pending = this.trivia(this.after, next);
      } else {
        if (valueAt < lineEnd) this.trailing[current] = valueAt;
        const below = this.nextContent(current + 1);
        const nested =
          below < this.count &&
          ((this.indent[below] as number) > column || (this.indent[below] === column && this.isDash(below)));
        if (nested) {
          const nestedAt = (this.lineStart[below] as number) + (this.indent[below] as number);
          value = this.isDash(below)
            ? this.readSeq(below)
            : this.readMap(below, nestedAt, this.indent[below] as number);
          next = this.stop;
        } else {
          value = this.emptyValue(current, valueAt, below, column);
          next = below;
          this.pending = null;
        }
      }
      items.push({ key, value });
      lastEnd = value.range[2];
      previous = value;
      if (next >= this.count || (this.indent[next] as number) < column) {
        this.stop = next;
        break;
      }
      if (this.indent[next] !== column || this.isDash(next)) throw GIVE_UP;
      this.pending = null;
      current = next;
      at = (this.lineStart[next] as number) + column;
    }
    return { kind: 'map', range: [keyAt, lastEnd, this.claimTrivia(lastEnd, column)], flow: false, items };
  }

  /** A block sequence whose first `-` opens `line`. */
  private readSeq(line: number): SeqNode {
    const items: TreeNode[] = [];
    const column = this.indent[line] as number;
    const first = (this.lineStart[line] as number) + column;
    let current = line;
    let lastEnd: number;
    for (;;) {
      const dash = (this.lineStart[current] as number) + column;
      const lineEnd = this.contentEnd[current] as number;
      let itemAt = dash + 1;
      while (itemAt < lineEnd && this.text.charCodeAt(itemAt) === SPACE) itemAt += 1;
      if (itemAt >= lineEnd || itemAt === dash + 1) throw GIVE_UP;
      const code = this.text.charCodeAt(itemAt);
      if (code === HASH) throw GIVE_UP;
      if (code === DASH && (itemAt + 1 >= lineEnd || this.text.charCodeAt(itemAt + 1) === SPACE)) throw GIVE_UP;
      let item: TreeNode;
      let next: number;
      if (this.colonOfKey(current, itemAt) >= 0) {
        item = this.readMap(current, itemAt, itemAt - (this.lineStart[current] as number));
        next = this.stop;
      } else {
        item = this.readInlineScalar(current, itemAt, column);
        next = this.nextContent(this.after);
        this.pending = this.trivia(this.after, next);
      }
      items.push(item);
      lastEnd = item.range[2];
      if (
        next >= this.count ||
        (this.indent[next] as number) < column ||
        (this.indent[next] === column && !this.isDash(next))
      ) {
        this.stop = next;
        break;
      }
      if (this.indent[next] !== column) throw GIVE_UP;
      this.pending = null;
      current = next;
    }
    return { kind: 'seq', range: [first, lastEnd, this.claimTrivia(lastEnd, column)], flow: false, items };
  }

  /**
   * The end offset of a collection that just ended after `lastEnd`: trivia with a comment as deep as the collection
   * stay with it (the package keeps them as a trailing comment); otherwise they pass on to the enclosing collection.
   */
  private claimTrivia(lastEnd: number, column: number): number {
    const trivia = this.pending;
    if (!trivia || column === 0 || trivia.maxCommentIndent < column) return lastEnd;
    this.pending = null;
    return trivia.end;
  }

  private trivia(from: number, to: number): Trivia | null {
    const end = to < this.count ? (this.lineStart[to] as number) + (this.indent[to] as number) : this.end;
    const startOfTrivia = from < this.count ? (this.lineStart[from] as number) : this.end;
    if (end <= startOfTrivia) return null;
    let maxCommentIndent = -1;
    for (let line = from; line < to; line++) {
      if (this.kind[line] === COMMENT) maxCommentIndent = Math.max(maxCommentIndent, this.indent[line] as number);
    }
    return { end, maxCommentIndent };
  }

  /**
   * The null scalar of `key:` with nothing after it, placed where the package's Composer puts it: after the spaces
   * following the colon; when comments follow, its node end covers the separator tokens the parser gave it.
   */
  private emptyValue(line: number, valueAt: number, below: number, column: number): ScalarNode {
    const position = valueAt;
    let hasComment = this.trailing[line] !== -1;
    let sepEnd: number;
    const sibling = below < this.count && this.indent[below] === column;
    if (sibling) {
      // The parser hands the tokens after the second line break (counted after the last deeper comment) to the next key.
      let base = line;
      for (let at = line + 1; at < below; at++) {
        if (this.kind[at] === COMMENT && (this.indent[at] as number) > column) base = at;
      }
      if (base + 1 < below) {
        sepEnd = this.contentEnd[base + 1] as number;
        for (let at = line + 1; at <= base + 1; at++) if (this.kind[at] === COMMENT) hasComment = true;
      } else {
        sepEnd = (this.lineStart[below] as number) + column;
        for (let at = line + 1; at < below; at++) if (this.kind[at] === COMMENT) hasComment = true;
      }
    } else {
      sepEnd = below < this.count ? (this.lineStart[below] as number) + (this.indent[below] as number) : this.end;
      for (let at = line + 1; at < below; at++) if (this.kind[at] === COMMENT) hasComment = true;
    }
    return scalarNode([position, position, hasComment ? sepEnd : position], 'PLAIN', '', null);
  }

  /** Offset of the `:` ending the key that starts at `at`, or -1 when the line holds no key there. */
  private colonOfKey(line: number, at: number): number {
    const text = this.text;
    const lineEnd = this.contentEnd[line] as number;
    const code = text.charCodeAt(at);
    let from = at;
    if (code === DQUOTE || code === SQUOTE) {
      const close = this.closingQuote(at, lineEnd);
      if (close < 0) return -1;
      from = close + 1;
      if (text.charCodeAt(from) !== COLON) return -1;
      return from + 1 >= lineEnd || text.charCodeAt(from + 1) === SPACE ? from : -1;
    }
    for (let pos = from; pos < lineEnd; pos++) {
      const ch = text.charCodeAt(pos);
      if (ch === COLON && (pos + 1 >= lineEnd || text.charCodeAt(pos + 1) === SPACE)) return pos;
      if (ch === HASH && pos > from && text.charCodeAt(pos - 1) === SPACE) return -1;
    }
    return -1;
  }

  private readKey(line: number, at: number): { node: ScalarNode; colon: number } {
    const colon = this.colonOfKey(line, at);
    if (colon < 0 || colon - at > MAX_KEY_LENGTH) throw GIVE_UP;
    const code = this.text.charCodeAt(at);
    const range: NodeRange = [at, colon, colon];
    if (code === DQUOTE || code === SQUOTE) return { node: this.quoted(at, colon - 1, range), colon };
    if (this.text.charCodeAt(colon - 1) === SPACE) throw GIVE_UP;
    this.checkPlainStart(at, colon);
    return { node: this.plain(at, colon, range), colon };
  }

  /** A scalar value written on the rest of `line` from `at`, with its trailing comment and the comments it absorbs. */
  private readInlineScalar(line: number, at: number, parentColumn: number): ScalarNode {
    const text = this.text;
    const lineEnd = this.contentEnd[line] as number;
    const code = text.charCodeAt(at);
    const quoted = code === DQUOTE || code === SQUOTE;
    let valueEnd: number;
    if (quoted) {
      const close = this.closingQuote(at, lineEnd);
      if (close < 0) throw GIVE_UP;
      valueEnd = close + 1;
    } else {
      this.checkPlainStart(at, lineEnd);
      let stop = lineEnd;
      for (let pos = at; pos < lineEnd; pos++) {
        const ch = text.charCodeAt(pos);
        if (ch === HASH && text.charCodeAt(pos - 1) === SPACE) {
          stop = pos;
          break;
        }
        if (ch === COLON && (pos + 1 >= lineEnd || text.charCodeAt(pos + 1) === SPACE)) throw GIVE_UP;
      }
      valueEnd = stop;
      while (valueEnd > at && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd -= 1;
    }
    let rest = valueEnd;
    while (rest < lineEnd && text.charCodeAt(rest) === SPACE) rest += 1;
    if (rest < lineEnd) {
      if (text.charCodeAt(rest) !== HASH || rest === valueEnd) throw GIVE_UP;
      this.trailing[line] = rest;
    }
    // A line break ends the scalar; comment lines deeper than its collection right below it (blank lines between
    // allowed) belong to it too.
    let nodeEnd = this.nextLineStart(line);
    let next = line + 1;
    for (;;) {
      let probe = next;
      while (probe < this.count && this.kind[probe] === BLANK) probe += 1;
      if (probe < this.count && this.kind[probe] === COMMENT && (this.indent[probe] as number) > parentColumn) {
        nodeEnd = this.nextLineStart(probe);
        next = probe + 1;
        continue;
      }
      break;
    }
    if (line + 1 >= this.count) nodeEnd = Math.max(nodeEnd, lineEnd);
    this.after = next;
    const range: NodeRange = [at, valueEnd, nodeEnd];
    return quoted ? this.quoted(at, valueEnd - 1, range) : this.plain(at, valueEnd, range);
  }

  private checkPlainStart(at: number, end: number): void {
    const ch = this.text[at] ?? '';
    if (BAD_PLAIN_START.has(ch) || ch === '?' || ch === ':') throw GIVE_UP;
    if (ch === '-' && (at + 1 >= end || this.text.charCodeAt(at + 1) === SPACE)) throw GIVE_UP;
  }

  private plain(start: number, end: number, range: NodeRange): ScalarNode {
    const source = this.text.slice(start, end);
    const resolved = plainValue(source);
    return scalarNode(range, 'PLAIN', source, resolved.value, resolved.format, resolved.minFractionDigits);
  }

  /** A quoted scalar from the quote at `open` to the quote at `close`. */
  private quoted(open: number, close: number, range: NodeRange): ScalarNode {
    const double = this.text.charCodeAt(open) === DQUOTE;
    const value = double
      ? doubleQuotedValue(this.text, open + 1, close)
      : singleQuotedValue(this.text, open + 1, close);
    if (value === undefined) throw GIVE_UP;
    return scalarNode(range, double ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', value, value);
  }

  /** Offset of the quote closing the one at `open`, on its line, or -1. */
  private closingQuote(open: number, lineEnd: number): number {
    const text = this.text;
    const quote = text.charCodeAt(open);
    for (let at = open + 1; at < lineEnd; at++) {
      const ch = text.charCodeAt(at);
      if (quote === DQUOTE && ch === BACKSLASH) {
        at += 1;
        continue;
      }
      if (ch !== quote) continue;
      if (quote === SQUOTE && text.charCodeAt(at + 1) === SQUOTE) {
        at += 1;
        continue;
      }
      return at;
    }
    return -1;
  }
}
