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
  /**
   * Where the parser stopped reading, when text follows the root value (the offset of its first token): comments after
   * it are not in `comments`. Undefined when the parser read to the end.
   */
  stoppedAt?: number;
}

/** jsonc-parser's ParseErrorCode.EndOfFileExpected: reported once, when it stops at text after the root value. */
const END_OF_FILE_EXPECTED = 9;

/**
 * Comments and trailing commas are accepted; errors are collected rather than thrown. Builds the tree jsonc-parser's
 * parseTree builds (same nodes, offsets, lengths and values, but without parent links) and collects the comments in
 * the same pass, so the text is not scanned a second time for them. Well-formed text goes through readWellFormed;
 * anything else through jsonc-parser's visitor, which recovers from errors and reports them. Large files have tens of
 * thousands of members: a property gets an array of exactly its key and value rather than a growable one.
 */
export function parseJsonDocument(text: string): JsonDocument {
  // Well-formed text (the usual case, and the one that matters on large files) takes the fast reader.
  const wellFormed = readWellFormed(text);
  if (wellFormed) return { root: wellFormed.root as Node, errors: [], comments: wellFormed.comments };
  const errors: ParseError[] = [];
  const comments: CommentToken[] = [];
  let stoppedAt: number | undefined;
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
        enter({ type: 'object', offset, length: -1, children: [] });
      },
      onObjectProperty: (name, offset, length) => {
        enter({ type: 'property', offset, length: -1, children: [{ type: 'string', value: name, offset, length }] });
      },
      onObjectEnd: (offset, length) => {
        closeProperty(offset + length);
        closeContainer(offset, length);
      },
      onArrayBegin: (offset) => {
        enter({ type: 'array', offset, length: -1, children: [] });
      },
      onArrayEnd: closeContainer,
      onLiteralValue: (value: unknown, offset, length) => {
        add({ type: literalType(value), offset, length, value });
        closeProperty(offset + length);
      },
      onSeparator: (separator, offset) => {
        if (current.type !== 'property') return;
        if (separator === ':') current.colonOffset = offset;
        else if (separator === ',') closeProperty(offset);
      },
      onComment: (offset, length) => {
        comments.push({ offset, length });
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length });
        if (error === END_OF_FILE_EXPECTED) stoppedAt = offset;
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );

  const root = top.children?.[0];
  const document: JsonDocument = { root: root as Node | undefined, errors, comments };
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
