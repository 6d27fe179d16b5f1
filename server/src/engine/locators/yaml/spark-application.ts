// Reads one spark-operator SparkApplication (or the template of a ScheduledSparkApplication) into a JobConfig:
// the `sparkConf` map, the spec fields the operator turns into Spark keys, the Spark version and a few facts.
import type { ConfigEntry, JobConfig, Range, SparkVersionSource } from '../../model';
import { readSparkConf, type SparkConfBlock } from './spark-conf';
import { blockAnchorOf, type BlockAnchor } from './block-anchor';
import { DEFAULT_SPARK_VERSION, normalizeVersion } from '../../version';
import type { YamlDocument } from './syntax/documents';
import { innerRange, nodeAt, outerRange, pairOf, stringValue, type ScalarKeyPair } from './syntax/nodes';
import { isMapNode, isScalarNode, type TreeNode } from './syntax/tree';
import { hasApacheOnlySpec } from './templated-api-version';

export type SparkApplicationKind = 'SparkApplication' | 'ScheduledSparkApplication';

export type { SparkConfBlock } from './spark-conf';

export interface SparkApplicationResult {
  job: JobConfig;
  confBlock?: SparkConfBlock;
  /** Where `spec.dynamicAllocation` sits, for completion of its fields. */
  dynamicAllocationBlock?: BlockAnchor;
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

/**
 * The spark-operator kind of a document root, when it is one (apiVersion must be the operator's group if given). With
 * a templated apiVersion, a SparkApplication whose spec has Apache-only fields is left to the Apache reader.
 */
export function sparkApplicationKind(
  root: TreeNode | null,
  apiVersionTemplated = false,
): SparkApplicationKind | undefined {
  const kind = stringValue(nodeAt(root, ['kind']));
  if (kind !== 'SparkApplication' && kind !== 'ScheduledSparkApplication') return undefined;
  if (apiVersionTemplated) return kind === 'SparkApplication' && hasApacheOnlySpec(root) ? undefined : kind;
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

  const conf = readSparkConf(text, spec);
  const entries = conf.entries;

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
  const sparkVersion = commentVersion ?? versionField(text, nodeAt(spec, ['sparkVersion']), 'spec.sparkVersion');
  if (sparkVersion) job.sparkVersion = sparkVersion;

  const blockPair = pairOf(spec, 'dynamicAllocation');
  const anchors = blockPair ? { dynamicAllocationBlock: blockAnchorOf(text, blockPair) } : {};
  if (!conf.container || !conf.block) return { job, ...anchors };
  job.containers.push(conf.container);
  return { job, confBlock: conf.block, ...anchors };
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

/** The Spark version written in a spec field (`node`), resolved; marked unresolved when it cannot be read. */
export function versionField(
  text: string,
  node: TreeNode | undefined,
  from: 'spec.sparkVersion' | 'spec.runtimeVersions.sparkVersion',
): SparkVersionSource | undefined {
  if (!node || !isScalarNode(node) || node.value === null) return undefined;
  const range = innerRange(text, node);
  const raw = typeof node.value === 'string' ? node.value : text.slice(range.start, range.end);
  const version = normalizeVersion(raw);
  if (version) return { version, from, raw, range };
  return { version: DEFAULT_SPARK_VERSION, from, raw, range, unresolved: true };
}
