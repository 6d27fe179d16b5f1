// The YAML node tree the walkers read: plain objects holding what the `yaml` package's nodes hold for us (ranges,
// scalar type, source and value, collection items). The fast reader builds these directly, which is much cheaper than
// the package's node classes; documents the package reads are converted (see from-package.ts).

/** [start, value end, node end] in text offsets, as the `yaml` package gives them: the node end takes in comments. */
export type NodeRange = [number, number, number];

/** How a scalar is written (the `yaml` package's names). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

export interface ScalarNode {
  kind: 'scalar';
  range: NodeRange;
  type: ScalarStyle | undefined;
  /** The scalar's text after unescaping (the package's `source`). */
  source: string | undefined;
  /** The resolved value: string, number, boolean, null (or another type for tagged scalars). */
  value: unknown;
  /** Number formats the package records: 'OCT', 'HEX', 'EXP'. */
  format: string | undefined;
  minFractionDigits: number | undefined;
  /** The scalar carries a tag or an anchor (its item then starts at those, for error positions). */
  hasProperties: boolean;
}

export interface MapNode {
  kind: 'map';
  range: NodeRange;
  flow: boolean;
  items: PairNode[];
}

export interface SeqNode {
  kind: 'seq';
  range: NodeRange;
  flow: boolean;
  items: Array<TreeNode | null>;
}

/** An alias (`*name`): never followed by the walkers. */
export interface AliasNode {
  kind: 'alias';
  range: NodeRange;
}

export interface PairNode {
  key: TreeNode | null;
  value: TreeNode | null;
}

export type TreeNode = ScalarNode | MapNode | SeqNode | AliasNode;

export function isScalarNode(node: TreeNode | null | undefined): node is ScalarNode {
  return node !== null && node !== undefined && node.kind === 'scalar';
}

export function isMapNode(node: TreeNode | null | undefined): node is MapNode {
  return node !== null && node !== undefined && node.kind === 'map';
}

export function isSeqNode(node: TreeNode | null | undefined): node is SeqNode {
  return node !== null && node !== undefined && node.kind === 'seq';
}

/** A scalar with every field set, so that all scalars share one object shape. */
export function scalarNode(
  range: NodeRange,
  type: ScalarStyle | undefined,
  source: string | undefined,
  value: unknown,
  format?: string,
  minFractionDigits?: number,
  hasProperties = false,
): ScalarNode {
  return { kind: 'scalar', range, type, source, value, format, minFractionDigits, hasProperties };
}
