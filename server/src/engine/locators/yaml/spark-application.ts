// Reads one spark-operator SparkApplication (or the template of a ScheduledSparkApplication) into a JobConfig:
// the `sparkConf` map, the spec fields the operator turns into Spark keys, the Spark version and a few facts.
import type { ConfigEntry, JobConfig, KeyContainer, Range, SparkVersionSource } from '../../model';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../../version';
import type { YamlDocument } from './syntax/documents';
import {
  columnOf,
  innerRange,
  isNonString,
  nodeAt,
  outerRange,
  pairOf,
  scalarPairs,
  stringValue,
  type ScalarKeyPair,
} from './syntax/nodes';
import { isMapNode, isScalarNode, type TreeNode } from './syntax/tree';

export type SparkApplicationKind = 'SparkApplication' | 'ScheduledSparkApplication';

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

export interface SparkApplicationResult {
  job: JobConfig;
  confBlock?: SparkConfBlock;
}

/** spark-operator `spec.executor` fields and the Spark keys the operator writes for them. */
const EXECUTOR_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['cores', 'spark.executor.cores'],
  ['instances', 'spark.executor.instances'],
  ['memory', 'spark.executor.memory'],
  ['coreRequest', 'spark.kubernetes.executor.request.cores'],
  ['coreLimit', 'spark.kubernetes.executor.limit.cores'],
  ['memoryOverhead', 'spark.executor.memoryOverhead'],
];

/** `spec.dynamicAllocation` fields (besides `enabled`) and the Spark keys the operator writes for them. */
const DYNAMIC_ALLOCATION_FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['initialExecutors', 'spark.dynamicAllocation.initialExecutors'],
  ['minExecutors', 'spark.dynamicAllocation.minExecutors'],
  ['maxExecutors', 'spark.dynamicAllocation.maxExecutors'],
  ['shuffleTrackingEnabled', 'spark.dynamicAllocation.shuffleTracking.enabled'],
  ['shuffleTrackingTimeout', 'spark.dynamicAllocation.shuffleTracking.timeout'],
];

/** The `spec.dynamicAllocation` field the operator reads for a Spark key, when there is one. */
export function dynamicAllocationField(key: string): string | undefined {
  return DYNAMIC_ALLOCATION_FIELDS.find(([, written]) => written === key)?.[0];
}

/** The spark-operator kind of a document root, when it is one (apiVersion must be the operator's group if given). */
export function sparkApplicationKind(root: TreeNode | null): SparkApplicationKind | undefined {
  const kind = stringValue(nodeAt(root, ['kind']));
  if (kind !== 'SparkApplication' && kind !== 'ScheduledSparkApplication') return undefined;
  const apiVersion = stringValue(nodeAt(root, ['apiVersion']));
  if (apiVersion !== undefined && apiVersion !== '' && !apiVersion.startsWith('sparkoperator.k8s.io')) return undefined;
  return kind;
}

/** Builds the job of one SparkApplication document. */
export function readSparkApplication(
  text: string,
  doc: YamlDocument,
  kind: SparkApplicationKind,
  commentVersion: SparkVersionSource | undefined,
): SparkApplicationResult {
  const root = doc.contents;
  const specPath = kind === 'ScheduledSparkApplication' ? ['spec', 'template'] : ['spec'];
  const spec = nodeAt(root, specPath);
  const base = specPath.join('.');

  const entries: ConfigEntry[] = [];
  const confPair = pairOf(spec, 'sparkConf');
  const confNode = confPair?.value ?? null;
  for (const { key, pair } of scalarPairs(confNode)) entries.push(sparkConfEntry(text, key, pair, entries.length));
  if (confPair && confNode && isScalarNode(confNode)) {
    const halfTyped = halfTypedKey(text, confPair, confNode, entries.length);
    if (halfTyped) entries.push(halfTyped);
  }

  // The operator passes sparkConf first, then executor fields, then dynamic allocation: later ones win.
  const dynamicAllocation = dynamicAllocationEntries(text, spec, base);
  const operatorEntries = [...executorEntries(text, spec, base), ...dynamicAllocation.entries];
  const confCount = entries.length;
  operatorEntries.forEach((entry, index) => entries.push({ ...entry, rank: confCount + index }));
  entries.sort((a, b) => a.keyRange.start - b.keyRange.start || a.rank - b.rank);

  const name = stringValue(nodeAt(root, ['metadata', 'name']));
  const applicationType = stringValue(nodeAt(spec, ['type']));
  const job: JobConfig = {
    kind: 'spark-operator',
    range: { ...doc.range },
    entries,
    facts: {
      platform: 'kubernetes',
      ...(name !== undefined ? { name } : {}),
      ...(applicationType !== undefined ? { applicationType } : {}),
      ...(dynamicAllocation.fact ? { operatorDynamicAllocation: dynamicAllocation.fact } : {}),
    },
    containers: [],
  };
  const sparkVersion = commentVersion ?? specVersion(text, spec);
  if (sparkVersion) job.sparkVersion = sparkVersion;

  if (!confPair || !isScalarNode(confPair.key)) return { job };
  const { container, block } = confContainer(text, confPair);
  job.containers.push(container);
  return { job, confBlock: block };
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

/** The text a spec field holds, as the operator would pass it on (numbers and booleans as written). */
function fieldValue(text: string, node: TreeNode): { value: string; range: Range } | undefined {
  if (!isScalarNode(node) || node.value === null) return undefined;
  const range = innerRange(text, node);
  const value = typeof node.value === 'string' ? node.value : text.slice(range.start, range.end);
  return { value, range };
}

function operatorEntry(text: string, pair: ScalarKeyPair, key: string, writtenAs: string): ConfigEntry | undefined {
  if (!pair.value) return undefined;
  const field = fieldValue(text, pair.value);
  if (!field) return undefined;
  return {
    key,
    value: field.value,
    keyRange: innerRange(text, pair.key),
    valueRange: field.range,
    origin: 'operator-field',
    writtenAs,
    rank: 0,
  };
}

function executorEntries(text: string, spec: TreeNode | undefined, base: string): ConfigEntry[] {
  const executor = nodeAt(spec, ['executor']);
  const out: ConfigEntry[] = [];
  for (const [field, key] of EXECUTOR_FIELDS) {
    const pair = pairOf(executor, field);
    const entry = pair && operatorEntry(text, pair, key, `${base}.executor.${field}`);
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * The keys `spec.dynamicAllocation` writes. The operator ignores the block unless `enabled` is true; when it is,
 * shuffle tracking is always written (true unless `shuffleTrackingEnabled` says otherwise), so an absent
 * `shuffleTrackingEnabled` still yields an entry, marked implied and pointing at `enabled`.
 */
function dynamicAllocationEntries(
  text: string,
  spec: TreeNode | undefined,
  base: string,
): { entries: ConfigEntry[]; fact?: { enabled: boolean; range: Range } } {
  const blockPair = pairOf(spec, 'dynamicAllocation');
  if (!blockPair) return { entries: [] };
  const block = blockPair.value;
  const enabledPair = pairOf(block, 'enabled');
  const enabledNode = enabledPair?.value;
  const enabled =
    !!enabledNode && isScalarNode(enabledNode) && (enabledNode.value === true || enabledNode.value === 'true');
  const factRange =
    enabledPair && enabledNode
      ? { start: enabledPair.key.range[0], end: outerRange(text, enabledNode).end }
      : outerRange(text, blockPair.key);
  const fact = { enabled, range: factRange };
  if (!enabled || !enabledPair || !isMapNode(block)) return { entries: [], fact };

  const prefix = `${base}.dynamicAllocation`;
  const entries: ConfigEntry[] = [];
  const enabledEntry = operatorEntry(text, enabledPair, 'spark.dynamicAllocation.enabled', `${prefix}.enabled`);
  if (enabledEntry) entries.push({ ...enabledEntry, value: 'true' });
  for (const [field, key] of DYNAMIC_ALLOCATION_FIELDS) {
    const pair = pairOf(block, field);
    const entry = pair && operatorEntry(text, pair, key, `${prefix}.${field}`);
    if (entry) entries.push(entry);
  }
  const trackingKey = 'spark.dynamicAllocation.shuffleTracking.enabled';
  if (enabledEntry && !entries.some((entry) => entry.key === trackingKey)) {
    entries.push({ ...enabledEntry, key: trackingKey, value: 'true', implied: true });
  }
  return { entries, fact };
}

function specVersion(text: string, spec: TreeNode | undefined): SparkVersionSource | undefined {
  const node = nodeAt(spec, ['sparkVersion']);
  if (!node || !isScalarNode(node) || node.value === null) return undefined;
  const range = innerRange(text, node);
  const raw = typeof node.value === 'string' ? node.value : text.slice(range.start, range.end);
  const version = normalizeVersion(raw);
  if (version) return { version, from: 'spec.sparkVersion', raw, range };
  return { version: DEFAULT_SPARK_VERSION, from: 'spec.sparkVersion', raw, range, unresolved: true };
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
