// Small readers over parsed YAML nodes: map lookups by key, scalar text, and the ranges we report for them.
import { isMap, isScalar } from 'yaml';
import type { Pair, ParsedNode, Scalar, YAMLMap } from 'yaml';
import type { Range } from '../../model';

export type YamlPair = Pair<ParsedNode, ParsedNode | null>;

/** The first pair of a map whose key is the scalar `key`, or undefined (also when `node` is not a map). */
export function pairOf(node: ParsedNode | null | undefined, key: string): YamlPair | undefined {
  if (!node || !isMap(node)) return undefined;
  for (const item of (node as YAMLMap<ParsedNode, ParsedNode | null>).items) {
    if (isScalar(item.key) && String(item.key.value) === key) return item as YamlPair;
  }
  return undefined;
}

/** The value node at a path of map keys, or undefined when any step is missing. */
export function nodeAt(node: ParsedNode | null | undefined, path: readonly string[]): ParsedNode | undefined {
  let current: ParsedNode | null | undefined = node;
  for (const key of path) {
    const pair = pairOf(current, key);
    if (!pair) return undefined;
    current = pair.value;
  }
  return current ?? undefined;
}

/** The pairs of a map, skipping entries whose key is not a scalar (complex keys, aliases). */
export function scalarPairs(node: ParsedNode | null | undefined): { key: Scalar.Parsed; pair: YamlPair }[] {
  if (!node || !isMap(node)) return [];
  const out: { key: Scalar.Parsed; pair: YamlPair }[] = [];
  for (const item of (node as YAMLMap<ParsedNode, ParsedNode | null>).items) {
    if (isScalar(item.key)) out.push({ key: item.key as Scalar.Parsed, pair: item as YamlPair });
  }
  return out;
}

/** A scalar's value as text when it is a string, undefined otherwise. */
export function stringValue(node: ParsedNode | null | undefined): string | undefined {
  return node && isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** The source span of a node's value (without trailing comments); for quoted scalars, the text inside the quotes. */
export function innerRange(text: string, node: ParsedNode): Range {
  const [start, valueEnd] = node.range;
  if (!isScalar(node) || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) {
    return { start, end: trimEnd(text, start, valueEnd) };
  }
  const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
  const inner = start + 1;
  // A closed quote ends right before valueEnd; an unclosed one runs to its line's end (the range may hold the break).
  if (valueEnd - 1 >= inner && text[valueEnd - 1] === quote) return { start: inner, end: valueEnd - 1 };
  return { start: inner, end: Math.max(inner, trimEnd(text, inner, valueEnd)) };
}

/** The span of a node's value text as written, quotes included. */
export function outerRange(text: string, node: ParsedNode): Range {
  return { start: node.range[0], end: trimEnd(text, node.range[0], node.range[1]) };
}

/** True when the node is a scalar written without quotes whose value is not a string (number, boolean, null). */
export function isNonString(node: ParsedNode): boolean {
  return !isScalar(node) || typeof node.value !== 'string';
}

/** The column of an offset (characters since the start of its line). */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function trimEnd(text: string, start: number, end: number): number {
  let at = Math.min(end, text.length);
  while (at > start && /[\s]/.test(text[at - 1] ?? '')) at -= 1;
  return at;
}
