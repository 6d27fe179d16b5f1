// Duplicate map keys in linear time. The `yaml` package compares each new key with every earlier key of its map,
// which is quadratic in the size of a map; we compose with `uniqueKeys: false` and find duplicates here instead, with
// one Set per map and the package's own notion of equal keys (scalars with the same value, `===`).
import { isMapNode, isScalarNode, isSeqNode, type TreeNode } from './tree';

/** The message the `yaml` package gives a duplicate key; kept identical so that reports do not change. */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * Offsets (in the coordinates of `source`, the text the tree was composed from) where the package reports each key
 * that repeats an earlier key of its map: where the key's own tokens start, which is the key itself except after an
 * empty value whose separator took the line break and indentation before the key.
 */
export function duplicateKeyOffsets(root: TreeNode | null, source: string): number[] {
  const out: number[] = [];
  const stack: Array<TreeNode | null | undefined> = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMapNode(node)) {
      const seen = new Set<unknown>();
      const children: Array<TreeNode | null> = [];
      let previous: TreeNode | null = null;
      for (const item of node.items) {
        const key = item.key;
        // NaN never equals itself under `===`, so the package never reports it twice.
        if (isScalarNode(key) && key.value === key.value) {
          // A tag or anchor before the key starts the key's item itself.
          if (seen.has(key.value))
            out.push(key.hasProperties ? key.range[0] : reportedAt(key.range[0], previous, source));
          else seen.add(key.value);
        }
        children.push(key, item.value);
        previous = item.value;
      }
      for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
    } else if (isSeqNode(node)) {
      for (let index = node.items.length - 1; index >= 0; index--) stack.push(node.items[index]);
    }
  }
  return out;
}

/**
 * Where the package reports a duplicate key: where the key's item starts. That is the key itself, except when the
 * value before it ends in `key:` with nothing after it (at any depth): the parser then gave the line break and
 * indentation before the key to that empty value, and the item starts where the previous value ended.
 */
export function reportedAt(keyStart: number, previous: TreeNode | null, source: string): number {
  let leaf = previous;
  while (leaf !== null && (leaf.kind === 'map' || leaf.kind === 'seq') && !leaf.flow && leaf.items.length > 0) {
    leaf =
      leaf.kind === 'map'
        ? (leaf.items[leaf.items.length - 1]?.value ?? null)
        : (leaf.items[leaf.items.length - 1] ?? null);
  }
  if (!isScalarNode(leaf) || leaf.source !== '') return keyStart;
  if (previous === null || previous.kind === 'alias') return keyStart;
  const end = previous.range[2];
  if (end > keyStart) return keyStart;
  // In the same map, the tokens after a second line break (counted after the last comment deeper than the map)
  // go to the next key.
  if (leaf === previous && secondLineBreak(source, leaf.range[0], keyStart)) return keyStart;
  return end;
}

function secondLineBreak(source: string, from: number, keyStart: number): boolean {
  const column = keyStart - (source.lastIndexOf('\n', keyStart - 1) + 1);
  const lines = source.slice(from, keyStart).split('\n');
  let lastReset = 0;
  for (let index = 1; index < lines.length - 1; index++) {
    const line = lines[index] ?? '';
    const indent = line.length - line.trimStart().length;
    if (line.trimStart().startsWith('#') && indent > column) lastReset = index;
  }
  return lines.length - 1 - lastReset >= 2;
}

/** Errors the package reports at a key's start but after checking the key for duplicates. */
const AFTER_DUPLICATE_CHECK = new Set([
  'Implicit map keys need to be followed by map values',
  'The : indicator must be at most 1024 chars after the start of an implicit block mapping key',
]);

/** Errors the package reports on a whole node once it has composed it, after the errors inside it. */
const AFTER_NODE = new Set(['Block collections are not allowed within flow collections']);

function reportedBefore(error: RawYamlError, offset: number): boolean {
  if (AFTER_NODE.has(error.message) && error.pos[0] < offset && offset < error.pos[1]) return false;
  if (error.pos[0] !== offset) return error.pos[0] < offset;
  return !AFTER_DUPLICATE_CHECK.has(error.message);
}

/** A parse problem as the package reports it: message and [start, end) offsets. */
export interface RawYamlError {
  message: string;
  pos: [number, number];
}

/**
 * `errors` (the package's, composed without its duplicate-key check) with one error for every duplicate key of
 * `root`, each placed where the package would have reported it: after the errors before its key, in offset order.
 */
export function withDuplicateKeyErrors(
  errors: readonly RawYamlError[],
  root: TreeNode | null,
  source: string,
): RawYamlError[] {
  const out = errors.map((error) => ({ message: error.message, pos: error.pos }));
  const offsets = duplicateKeyOffsets(root, source).sort((a, b) => a - b);
  for (const offset of offsets) {
    let at = 0;
    while (at < out.length && reportedBefore(out[at] as RawYamlError, offset)) at += 1;
    out.splice(at, 0, { message: DUPLICATE_KEY_MESSAGE, pos: [offset, offset + 1] });
  }
  return out;
}
