// Small readers over parsed YAML nodes: map lookups by key, scalar text, and the ranges we report for them.
import type { Range } from '../../../model';
import type { PairNode, ScalarNode, TreeNode } from './tree';

/** A map entry whose key is a scalar. */
export interface ScalarKeyPair extends PairNode {
  key: ScalarNode;
}

/** The first pair of a map whose key is the scalar `key`, or undefined (also when `node` is not a map). */
export function pairOf(node: TreeNode | null | undefined, key: string): ScalarKeyPair | undefined {
  if (!node || node.kind !== 'map') return undefined;
  const items = node.items;
  for (let index = 0; index < items.length; index++) {
    const item = items[index] as PairNode;
    const itemKey = item.key;
    if (itemKey !== null && itemKey.kind === 'scalar' && String(itemKey.value) === key) return item as ScalarKeyPair;
  }
  return undefined;
}

/** The value node at a path of map keys, or undefined when any step is missing. */
export function nodeAt(node: TreeNode | null | undefined, path: readonly string[]): TreeNode | undefined {
  let current: TreeNode | null | undefined = node;
  for (const key of path) {
    const pair = pairOf(current, key);
    if (!pair) return undefined;
    current = pair.value;
  }
  return current ?? undefined;
}

/** The pairs of a map, skipping entries whose key is not a scalar (complex keys, aliases). */
export function scalarPairs(node: TreeNode | null | undefined): { key: ScalarNode; pair: ScalarKeyPair }[] {
  if (!node || node.kind !== 'map') return [];
  const out: { key: ScalarNode; pair: ScalarKeyPair }[] = [];
  for (const item of node.items) {
    if (item.key !== null && item.key.kind === 'scalar') out.push({ key: item.key, pair: item as ScalarKeyPair });
  }
  return out;
}

/** A scalar's value as text when it is a string, undefined otherwise. */
export function stringValue(node: TreeNode | null | undefined): string | undefined {
  return node && node.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

/** The source span of a node's value (without trailing comments); for quoted scalars, the text inside the quotes. */
export function innerRange(text: string, node: TreeNode): Range {
  const [start, valueEnd] = node.range;
  if (node.kind !== 'scalar' || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) {
    return { start, end: trimEnd(text, start, valueEnd) };
  }
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
  const inner = start + 1;
  // A closed quote ends right before valueEnd; an unclosed one runs to its line's end (the range may hold the break).
  if (valueEnd - 1 >= inner && text[valueEnd - 1] === quote) return { start: inner, end: valueEnd - 1 };
  return { start: inner, end: Math.max(inner, trimEnd(text, inner, valueEnd)) };
}

/** The span of a node's value text as written, quotes included. */
export function outerRange(text: string, node: TreeNode): Range {
  return { start: node.range[0], end: trimEnd(text, node.range[0], node.range[1]) };
}

/** True when the node is a scalar written without quotes whose value is not a string (number, boolean, null). */
export function isNonString(node: TreeNode): boolean {
  return node.kind !== 'scalar' || typeof node.value !== 'string';
}

/** The column of an offset (characters since the start of its line). */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** White space as the regular expression `\s` knows it: ASCII spaces and breaks here, the rest below. */
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0x80) return false;
  return /\s/.test(String.fromCharCode(code));
}

function trimEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && isSpace(text.charCodeAt(at - 1))) at -= 1;
  return at;
}
