// Small helpers over jsonc-parser's syntax tree: member lookup, content spans and indentation.
import type { Node } from 'jsonc-parser';
import type { Range } from '../../model';
import { decodeJsonString, type JsonStringSpan } from './json-string';

/** The value node of the last member of `object` named by one of `names` (JSON: the last duplicate wins). */
export function member(object: Node | undefined, ...names: string[]): Node | undefined {
  const property = memberProperty(object, ...names);
  return property?.children?.[1];
}

/** The property node (key and value) of the last member of `object` named by one of `names`. */
export function memberProperty(object: Node | undefined, ...names: string[]): Node | undefined {
  if (object?.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    const key = property.children?.[0];
    if (key?.type === 'string' && typeof key.value === 'string' && names.includes(key.value)) found = property;
  }
  return found;
}

/** The decoded string literal of a string node. */
export function stringOf(text: string, node: Node): JsonStringSpan {
  return decodeJsonString(text, node.offset, node.value);
}

/** A string node's decoded value, or undefined when the node is not a string. */
export function stringValue(text: string, node: Node | undefined): string | undefined {
  return node?.type === 'string' ? stringOf(text, node).value : undefined;
}

/** Span inside the braces (or brackets) of an object or array node; up to its end when it is not closed. */
export function innerRange(text: string, node: Node): Range {
  const end = node.offset + node.length;
  const closer = node.type === 'array' ? ']' : '}';
  const closed = node.length >= 2 && text[end - 1] === closer;
  return { start: node.offset + 1, end: closed ? end - 1 : end };
}

/** The whitespace at the start of the line holding `offset`. */
export function lineIndentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** The whitespace before `offset` when only whitespace precedes it on its line; undefined otherwise. */
export function leadingIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}
