// Converts a node tree composed by the `yaml` package into our own tree (tree.ts), moving its ranges by `shift`
// (chunk offsets to text offsets). Used for the documents the fast reader leaves to the package.
import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { NodeRange, PairNode, ScalarStyle, TreeNode } from './tree';
import { scalarNode } from './tree';

export function fromPackageNode(node: unknown, shift: number): TreeNode | null {
  if (isScalar(node)) {
    const hasProperties = node.tag !== undefined || node.anchor !== undefined;
    return scalarNode(
      shifted(node.range, shift),
      node.type as ScalarStyle | undefined,
      node.source as string | undefined,
      node.value,
      node.format,
      node.minFractionDigits,
      hasProperties,
    );
  }
  if (isMap(node)) {
    const items: PairNode[] = [];
    for (const item of node.items) {
      if (isPair(item))
        items.push({ key: fromPackageNode(item.key, shift), value: fromPackageNode(item.value, shift) });
    }
    return { kind: 'map', range: shifted(node.range, shift), flow: node.flow === true, items };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => fromPackageNode(item, shift));
    return { kind: 'seq', range: shifted(node.range, shift), flow: node.flow === true, items };
  }
  if (isAlias(node)) return { kind: 'alias', range: shifted(node.range, shift) };
  return null;
}

/** Composed nodes always have a range; a missing one (never seen) becomes an empty range at the shift. */
function shifted(range: readonly number[] | null | undefined, shift: number): NodeRange {
  if (!range) return [shift, shift, shift];
  return [(range[0] as number) + shift, (range[1] as number) + shift, (range[2] as number) + shift];
}
