// Parses JSON text leniently with jsonc-parser, noting the comments on the way.
import { visit, type Node, type ParseError } from 'jsonc-parser';
import type { CommentToken } from './comment-token';
import { readWellFormed, type Building } from './well-formed';

export type { CommentToken } from './comment-token';

export interface JsonDocument {
  root: Node | undefined;
  errors: ParseError[];
  /** The comments the parser passed, in document order. */
  comments: CommentToken[];
  /** Offsets of commas just before a closing brace or bracket: accepted here, rejected by the AWS CLI and APIs. */
  trailingCommas: number[];
  /**
   * For each error, the syntax break it belongs to (0, 1, …). An error starts a new break only when the parser read
   * at least two whole values without error since the error before: the errors of one break are one mistake and the
   * parser's attempts to recover from it (a lost quote flips every string after it on its line).
   */
  errorBreaks: number[];
  /**
   * Where the parser stopped reading, when text follows the root value (the offset of its first token): comments after
   * it are not in `comments`. Undefined when the parser read to the end.
   */
  stoppedAt?: number;
}

/** How many values must be read without error after an error before the next error counts as a new mistake. */
const CLEAN_VALUES_FOR_NEW_BREAK = 2;

/** jsonc-parser's ParseErrorCode CloseBraceExpected and CloseBracketExpected. */
const MISSING_CLOSER = new Set([7, 8]);

/** jsonc-parser's ParseErrorCode.EndOfFileExpected: reported once, when it stops at text after the root value. */
const END_OF_FILE_EXPECTED = 9;

/**
 * Comments and trailing commas are accepted (the commas noted); errors are collected rather than thrown. Builds the tree jsonc-parser's
 * parseTree builds (same nodes, offsets, lengths and values, but without parent links) and collects the comments in
 * the same pass, so the text is not scanned a second time for them. Well-formed text goes through readWellFormed;
 * anything else through jsonc-parser's visitor, which recovers from errors and reports them. Large files have tens of
 * thousands of members: a property gets an array of exactly its key and value rather than a growable one.
 */
export function parseJsonDocument(text: string): JsonDocument {
  // Well-formed text (the usual case, and the one that matters on large files) takes the fast reader.
  const wellFormed = readWellFormed(text);
  if (wellFormed) {
    const { root, comments, trailingCommas } = wellFormed;
    return { root: root as Node, errors: [], comments, trailingCommas, errorBreaks: [] };
  }
  const errors: ParseError[] = [];
  const errorBreaks: number[] = [];
  const comments: CommentToken[] = [];
  const trailingCommas: number[] = [];
  let stoppedAt: number | undefined;
  // Values read whole since the last error, and the break of that error (-1: none yet).
  let cleanValues = CLEAN_VALUES_FOR_NEW_BREAK;
  let lastBreak = -1;
  // The offset of a comma when it is the last token read; a closing brace or bracket right after makes it trailing.
  let commaBefore = -1;
  const contentEnd = text.trimEnd().length;
  const valueRead = (): void => {
    cleanValues++;
    commaBefore = -1;
  };
  // An artificial array holds the root value while building; `open` holds the unfinished nodes around `current`.
  const top: Building = { type: 'array', offset: -1, length: -1, children: [] };
  const open: Building[] = [];
  let current: Building = top;

  const add = (node: Building): void => {
    const children = current.children as Building[];
    if (current.type === 'property' && children.length === 1) current.children = [children[0] as Building, node];
    else children.push(node);
  };
  const enter = (node: Building): void => {
    add(node);
    open.push(current);
    current = node;
  };
  const leave = (end: number): void => {
    current.length = end - current.offset;
    current = open.pop() ?? top;
  };
  // A property ends with its value, or at a comma or closing brace when the value is missing.
  const closeProperty = (end: number): void => {
    if (current.type === 'property') leave(end);
  };
  const closeContainer = (offset: number, length: number): void => {
    leave(offset + length);
    closeProperty(offset + length);
  };

  visit(
    text,
    {
      onObjectBegin: (offset) => {
        commaBefore = -1;
        enter({ type: 'object', offset, length: -1, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        commaBefore = -1;
        enter({ type: 'property', offset, length: -1, children: [{ type: 'string', value: name, offset, length }] });
      },
      onObjectEnd: (offset, length) => {
        if (commaBefore >= 0) trailingCommas.push(commaBefore);
        valueRead();
        closeProperty(offset + length);
        closeContainer(offset, length);
      },
      onArrayBegin: (offset) => {
        commaBefore = -1;
        enter({ type: 'array', offset, length: -1, children: [] });
      },
      onArrayEnd: (offset, length) => {
        if (commaBefore >= 0) trailingCommas.push(commaBefore);
        valueRead();
        closeContainer(offset, length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        valueRead();
        add({ type: literalType(value), offset, length, value });
        closeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        commaBefore = separator === ',' ? offset : -1;
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') closeProperty(offset);
      },
      onComment: (offset, length) => {
        comments.push({ offset, length });
      },
      onError: (error, offset, length) => {
        commaBefore = -1;
        // A closer missing at the very end, after an earlier mistake, is that mistake's doing (it ate the closers).
        const atEnd = MISSING_CLOSER.has(error) && offset >= contentEnd && lastBreak >= 0;
        if (cleanValues >= CLEAN_VALUES_FOR_NEW_BREAK && !atEnd) lastBreak++;
        cleanValues = 0;
        errors.push({ error, offset, length });
        errorBreaks.push(lastBreak);
        if (error === END_OF_FILE_EXPECTED) stoppedAt = offset;
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );

  const root = top.children?.[0];
  const document: JsonDocument = { root: root as Node | undefined, errors, comments, trailingCommas, errorBreaks };
  if (stoppedAt !== undefined) document.stoppedAt = stoppedAt;
  return document;
}

/** The node type of a literal value, as jsonc-parser names it. */
function literalType(value: unknown): Node['type'] {
  switch (typeof value) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'null';
  }
}
