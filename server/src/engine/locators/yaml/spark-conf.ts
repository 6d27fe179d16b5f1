// The `sparkConf` map both operators share: its entries with exact ranges, and the map as a place to write keys.
import type { ConfigEntry, KeyContainer, Range } from '../../model';
import {
  columnOf,
  innerRange,
  isNonString,
  outerRange,
  pairOf,
  scalarPairs,
  stringValue,
  type ScalarKeyPair,
} from './syntax/nodes';
import { isMapNode, isScalarNode, type TreeNode } from './syntax/tree';

/** Where the `sparkConf:` key sits, for completion on lines below it. */
export interface SparkConfBlock {
  /** The `sparkConf` key as written. */
  header: Range;
  /** Column of the `sparkConf` key. */
  headerColumn: number;
  /** Column at which the map's entries start (or would start when it is empty). */
  entryColumn: number;
  /** The map is written in flow style (`{ … }`). */
  flow: boolean;
}

export interface SparkConfRead {
  /** Entries of the map in document order, ranked 0, 1, 2… */
  entries: ConfigEntry[];
  container?: KeyContainer;
  block?: SparkConfBlock;
}

/** Reads `spec.sparkConf` (a map of key → value) of the given spec node. */
export function readSparkConf(text: string, spec: TreeNode | undefined): SparkConfRead {
  const entries: ConfigEntry[] = [];
  const confPair = pairOf(spec, 'sparkConf');
  const confNode = confPair?.value ?? null;
  for (const { key, pair } of scalarPairs(confNode)) entries.push(sparkConfEntry(text, key, pair, entries.length));
  if (confPair && confNode && isScalarNode(confNode)) {
    const halfTyped = halfTypedKey(text, confPair, confNode, entries.length);
    if (halfTyped) entries.push(halfTyped);
  }
  if (!confPair || !isScalarNode(confPair.key)) return { entries };
  const { container, block } = confContainer(text, confPair);
  return { entries, container, block };
}

function sparkConfEntry(text: string, key: TreeNode, pair: ScalarKeyPair, rank: number): ConfigEntry {
  const keyRange = innerRange(text, key);
  const entry: ConfigEntry = {
    key: isScalarNode(key) ? String(key.value) : text.slice(keyRange.start, keyRange.end),
    value: '',
    keyRange,
    valueRange: { start: outerRange(text, key).end, end: outerRange(text, key).end },
    origin: 'spark-conf',
    rank,
  };
  const value = pair.value;
  if (!value) return entry;
  if (isScalarNode(value) && value.value === null && value.range[0] === value.range[1]) {
    // `key:` with nothing after the colon: a missing value, reported where it would go.
    entry.valueRange = { start: value.range[0], end: value.range[0] };
    return entry;
  }
  entry.valueRange = innerRange(text, value);
  if (isNonString(value)) {
    entry.value = text.slice(entry.valueRange.start, entry.valueRange.end);
    entry.nonStringValue = true;
  } else {
    entry.value = stringValue(value) ?? '';
  }
  return entry;
}

/** `sparkConf:` followed on its own line by a lone word: the first key being typed, not yet followed by a colon. */
function halfTypedKey(text: string, confPair: ScalarKeyPair, value: TreeNode, rank: number): ConfigEntry | undefined {
  if (!isScalarNode(value) || value.type !== 'PLAIN' || typeof value.value !== 'string') return undefined;
  const header = confPair.key;
  if (!text.slice(header.range[1], value.range[0]).includes('\n')) return undefined;
  if (!/^[^\s:#]+$/.test(value.value)) return undefined;
  const keyRange = outerRange(text, value);
  return {
    key: value.value,
    value: '',
    keyRange,
    valueRange: { start: keyRange.end, end: keyRange.end },
    origin: 'spark-conf',
    rank,
  };
}

/** The `sparkConf` map as a place to write keys, plus where its block lies for completion. */
function confContainer(text: string, confPair: ScalarKeyPair): { container: KeyContainer; block: SparkConfBlock } {
  const key = confPair.key;
  const header = outerRange(text, key);
  const headerColumn = columnOf(text, header.start);
  const value = confPair.value;
  if (value && isMapNode(value) && value.flow) {
    const range = { start: value.range[0] + 1, end: Math.max(value.range[0] + 1, outerRange(text, value).end - 1) };
    return {
      container: { kind: 'yaml-spark-conf', range },
      block: { header, headerColumn, entryColumn: headerColumn + 2, flow: true },
    };
  }
  const onLaterLine = value !== null && text.slice(header.end, value.range[0]).includes('\n');
  const hasContent = value !== null && !(isScalarNode(value) && value.value === null);
  const emptyAt = value ? value.range[0] : header.end;
  const range = hasContent ? outerRange(text, value) : { start: emptyAt, end: emptyAt };
  const entryColumn = hasContent && onLaterLine ? columnOf(text, value.range[0]) : headerColumn + 2;
  const container: KeyContainer = { kind: 'yaml-spark-conf', range, indent: ' '.repeat(entryColumn) };
  return { container, block: { header, headerColumn, entryColumn, flow: false } };
}
