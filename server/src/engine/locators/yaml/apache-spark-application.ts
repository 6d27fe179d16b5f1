// Reads one SparkApplication of the Apache Spark Kubernetes Operator (group spark.apache.org) into a JobConfig: the
// `sparkConf` map, the version in `runtimeVersions`, the values the operator sets when the job leaves them unset, and
// the operator's own executor thresholds (`applicationTolerations`), which are facts about the job, not Spark keys.
import type {
  ApacheOperatorFacts,
  ConfigEntry,
  JobConfig,
  Range,
  SparkVersionSource,
  SyntaxProblem,
  WrittenNumber,
} from '../../model';
import type { SparkConfBlock } from './spark-conf';
import { readSparkConf } from './spark-conf';
import { versionField } from './spark-application';
import type { YamlDocument } from './syntax/documents';
import { innerRange, nodeAt, outerRange, pairOf, stringValue } from './syntax/nodes';
import { isScalarNode, type TreeNode } from './syntax/tree';
import { hasApacheOnlySpec } from './templated-api-version';

/** What the operator waits for executors by default (ApplicationTimeoutConfig.executorStartTimeoutMillis). */
export const DEFAULT_EXECUTOR_START_TIMEOUT_MS = 300_000;

/**
 * True for `kind: SparkApplication` in the `spark.apache.org` group (v1, v1beta1, v1alpha1 and later), or with a
 * templated apiVersion and a spec only the Apache operator has (see templated-api-version.ts).
 */
export function isApacheSparkApplication(root: TreeNode | null, apiVersionTemplated = false): boolean {
  if (stringValue(nodeAt(root, ['kind'])) !== 'SparkApplication') return false;
  if (apiVersionTemplated) return hasApacheOnlySpec(root);
  const apiVersion = stringValue(nodeAt(root, ['apiVersion']));
  return apiVersion !== undefined && apiVersion.startsWith('spark.apache.org/');
}

/**
 * Keys the operator sets only when the job has not set them (SparkAppSubmissionWorker, `setIfMissing`). The last one
 * applies only to apps without dynamic allocation that never restart: their executors are then left to Kubernetes'
 * garbage collection.
 */
const ALWAYS_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['spark.authenticate', 'true'],
  ['spark.io.encryption.enabled', 'true'],
  ['spark.kubernetes.driver.annotateExitException', 'true'],
  ['spark.kubernetes.executor.useDriverPodIP', 'true'],
];
const STATIC_NO_RESTART_DEFAULT = ['spark.kubernetes.executor.deleteOnTermination', 'false'] as const;

export interface ApacheApplicationResult {
  job: JobConfig;
  confBlock?: SparkConfBlock;
  /** Spec fields whose values the operator's schema rejects (a count that is not a whole number). */
  problems: SyntaxProblem[];
}

export function readApacheSparkApplication(
  text: string,
  doc: YamlDocument,
  commentVersion: SparkVersionSource | undefined,
): ApacheApplicationResult {
  const root = doc.contents;
  const spec = nodeAt(root, ['spec']);
  const conf = readSparkConf(text, spec);
  const problems: SyntaxProblem[] = [];
  const tolerations = nodeAt(spec, ['applicationTolerations']);
  const facts = operatorFacts(text, tolerations, problems);
  const anchor = defaultsAnchor(text, root, doc.range);
  const entries = [...operatorDefaults(conf.entries, facts, anchor), ...conf.entries];

  const name = stringValue(nodeAt(root, ['metadata', 'name']));
  const job: JobConfig = {
    kind: 'apache-spark-operator',
    range: { ...doc.range },
    entries,
    facts: { platform: 'kubernetes', ...(name !== undefined ? { name } : {}), apacheOperator: facts },
    containers: [],
  };
  const sparkVersion =
    commentVersion ??
    versionField(text, nodeAt(spec, ['runtimeVersions', 'sparkVersion']), 'spec.runtimeVersions.sparkVersion');
  if (sparkVersion) job.sparkVersion = sparkVersion;
  if (!conf.container || !conf.block) return { job, problems };
  job.containers.push(conf.container);
  return { job, confBlock: conf.block, problems };
}

/**
 * The operator's defaults for keys the job leaves unset, ranked below every sparkConf entry and marked implied. They
 * point at the `apiVersion` value, which is what brings them in.
 */
function operatorDefaults(written: readonly ConfigEntry[], facts: ApacheOperatorFacts, anchor: Range): ConfigEntry[] {
  const set = new Set(written.map((entry) => entry.key));
  const defaults: Array<readonly [string, string]> = [...ALWAYS_DEFAULTS];
  const draValue = written.filter((entry) => entry.key === 'spark.dynamicAllocation.enabled').pop()?.value;
  const draOn = draValue !== undefined && draValue.trim().toLowerCase() === 'true';
  const neverRestarts = facts.restartPolicy === undefined || facts.restartPolicy === 'Never';
  if (!draOn && neverRestarts) defaults.push(STATIC_NO_RESTART_DEFAULT);
  return defaults
    .filter(([key]) => !set.has(key))
    .map(([key, value]) => ({
      key,
      value,
      keyRange: { ...anchor },
      valueRange: { ...anchor },
      origin: 'operator-default' as const,
      writtenAs: 'spark.apache.org operator',
      rank: -1,
      implied: true,
    }));
}

function defaultsAnchor(text: string, root: TreeNode | null, document: Range): Range {
  const apiVersion = nodeAt(root, ['apiVersion']);
  if (apiVersion) return innerRange(text, apiVersion);
  return { start: document.start, end: document.start };
}

function operatorFacts(
  text: string,
  tolerations: TreeNode | undefined,
  problems: SyntaxProblem[],
): ApacheOperatorFacts {
  const instance = nodeAt(tolerations, ['instanceConfig']);
  const instanceConfig: ApacheOperatorFacts['instanceConfig'] = {};
  for (const field of ['initExecutors', 'minExecutors', 'maxExecutors'] as const) {
    const number = wholeNumber(text, instance, field, problems);
    if (number) instanceConfig[field] = number;
  }
  const timeout = wholeNumber(
    text,
    nodeAt(tolerations, ['applicationTimeoutConfig']),
    'executorStartTimeoutMillis',
    problems,
  );
  const facts: ApacheOperatorFacts = {
    instanceConfig,
    executorStartTimeoutMillis: timeout ?? { value: DEFAULT_EXECUTOR_START_TIMEOUT_MS },
  };
  const restartPolicy = stringValue(nodeAt(tolerations, ['restartConfig', 'restartPolicy']));
  if (restartPolicy !== undefined) facts.restartPolicy = restartPolicy;
  return facts;
}

/** A field holding a whole number; anything else written there is reported, as the operator's schema refuses it. */
function wholeNumber(
  text: string,
  parent: TreeNode | undefined,
  field: string,
  problems: SyntaxProblem[],
): WrittenNumber | undefined {
  const pair = pairOf(parent, field);
  const node = pair?.value;
  if (!pair || !node || (isScalarNode(node) && node.value === null)) return undefined;
  if (isScalarNode(node) && typeof node.value === 'number' && Number.isInteger(node.value)) {
    return { value: node.value, range: innerRange(text, node) };
  }
  const range = outerRange(text, node);
  problems.push({
    message: `\`${field}\` must be a whole number: the operator's schema refuses \`${text.slice(range.start, range.end)}\`.`,
    range,
  });
  return undefined;
}
