// Real Spark keys inside the namespaces we own that the catalog does not describe (they are not about allocation).
// Knowing them keeps `unknown-key` from flagging correct configuration such as `spark.kubernetes.container.image`.

/** Known keys the catalog does not describe, written out so they form a type (`OtherKnownKey`). */
export const OTHER_KNOWN_KEYS = [
  // Outside the namespaces we own, but named by the engine's own code (checked by a unit test).
  'spark.master',
  'spark.driver.cores',
  'spark.driver.memory',
  'spark.locality.wait',
  'spark.io.encryption.enabled',
  'spark.kubernetes.driver.annotateExitException',
  // The YARN allocation thread's intervals (the replay of a YARN log runs YARN's allocator).
  'spark.yarn.scheduler.heartbeat.interval-ms',
  'spark.yarn.scheduler.initial-allocation.interval',
  // Keys that only matter when executors hold cached blocks (rules/caching.ts).
  'spark.memory.storageFraction',
  'spark.storage.replication.proactive',
  'spark.rdd.compress',
  // spark.executor.*
  'spark.executor.extraJavaOptions',
  'spark.executor.extraClassPath',
  'spark.executor.extraLibraryPath',
  'spark.executor.userClassPathFirst',
  'spark.executor.heartbeatInterval',
  'spark.executor.heartbeat.maxFailures',
  'spark.executor.pyspark.memory',
  'spark.executor.processTreeMetrics.enabled',
  'spark.executor.metrics.pollingInterval',
  'spark.executor.metrics.fileSystemSchemes',
  'spark.executor.allowSparkContext',
  'spark.executor.maxNumFailures',
  'spark.executor.failuresValidityInterval',
  'spark.executor.syncLogLevel',
  'spark.executor.id',
  // spark.shuffle.*
  'spark.shuffle.compress',
  'spark.shuffle.spill.compress',
  'spark.shuffle.file.buffer',
  'spark.shuffle.file.merge.buffer',
  'spark.shuffle.unsafe.file.output.buffer',
  'spark.shuffle.localDisk.file.output.buffer',
  'spark.shuffle.spill.diskWriteBufferSize',
  'spark.shuffle.sort.bypassMergeThreshold',
  'spark.shuffle.sort.initialBufferSize',
  'spark.shuffle.accurateBlockThreshold',
  'spark.shuffle.accurateBlockSkewedFactor',
  'spark.shuffle.registration.timeout',
  'spark.shuffle.registration.maxAttempts',
  'spark.shuffle.reduceLocality.enabled',
  'spark.shuffle.mapOutput.minSizeForBroadcast',
  'spark.shuffle.mapOutput.dispatcher.numThreads',
  'spark.shuffle.mapOutput.parallelAggregationThreshold',
  'spark.shuffle.mapStatus.compression.codec',
  'spark.shuffle.detectCorrupt',
  'spark.shuffle.detectCorrupt.useExtraMemory',
  'spark.shuffle.useOldFetchProtocol',
  'spark.shuffle.readHostLocalDisk',
  'spark.shuffle.checksum.enabled',
  'spark.shuffle.checksum.algorithm',
  'spark.shuffle.maxChunksBeingTransferred',
  'spark.shuffle.service.name',
  'spark.shuffle.service.index.cache.size',
  'spark.shuffle.service.db.enabled',
  'spark.shuffle.service.db.backend',
  'spark.shuffle.minNumPartitionsToHighlyCompress',
  // spark.kubernetes.*
  'spark.kubernetes.namespace',
  'spark.kubernetes.context',
  'spark.kubernetes.driver.master',
  'spark.kubernetes.container.image',
  'spark.kubernetes.container.image.pullPolicy',
  'spark.kubernetes.container.image.pullSecrets',
  'spark.kubernetes.driver.container.image',
  'spark.kubernetes.executor.container.image',
  'spark.kubernetes.driver.pod.name',
  'spark.kubernetes.driver.podTemplateFile',
  'spark.kubernetes.executor.podTemplateFile',
  'spark.kubernetes.driver.podTemplateContainerName',
  'spark.kubernetes.executor.podTemplateContainerName',
  'spark.kubernetes.scheduler.name',
  'spark.kubernetes.driver.scheduler.name',
  'spark.kubernetes.executor.scheduler.name',
  'spark.kubernetes.configMap.maxSize',
  'spark.kubernetes.submission.waitAppCompletion',
  'spark.kubernetes.submission.connectionTimeout',
  'spark.kubernetes.submission.requestTimeout',
  'spark.kubernetes.report.interval',
  'spark.kubernetes.driver.request.cores',
  'spark.kubernetes.driver.limit.cores',
  'spark.kubernetes.pyspark.pythonVersion',
  'spark.kubernetes.hadoop.configMapName',
  'spark.kubernetes.file.upload.path',
  'spark.kubernetes.appKillPodDeletionGracePeriod',
  'spark.kubernetes.executor.checkAllContainers',
  'spark.kubernetes.executor.enablePollingWithResourceVersion',
  'spark.kubernetes.executor.eventProcessingInterval',
  'spark.kubernetes.executor.rollInterval',
  'spark.kubernetes.executor.rollPolicy',
  'spark.kubernetes.executor.minTasksPerExecutorBeforeRolling',
  'spark.kubernetes.driver.connectionTimeout',
  'spark.kubernetes.driver.requestTimeout',
  'spark.kubernetes.trust.certificates',
  'spark.kubernetes.driver.service.deleteOnTermination',
  'spark.kubernetes.driver.service.ipFamilies',
  'spark.kubernetes.driver.service.ipFamilyPolicy',
  'spark.kubernetes.driver.pod.featureSteps',
  'spark.kubernetes.executor.pod.featureSteps',
  'spark.kubernetes.driver.pod.excludedFeatureSteps',
  'spark.kubernetes.jars.avoidDownloadSchemes',
  'spark.kubernetes.executor.disableConfigMap',
  'spark.kubernetes.driver.minTasksPerExecutorBeforeRolling',
] as const;
export type OtherKnownKey = (typeof OTHER_KNOWN_KEYS)[number];

const EXACT: ReadonlySet<string> = new Set(OTHER_KNOWN_KEYS);

/** Families of keys whose last parts are user-chosen names (labels, env vars, secrets, resources…). */
const PREFIXES = [
  'spark.executor.resource.',
  'spark.executor.logs.',
  'spark.executorEnv.',
  'spark.shuffle.push.',
  'spark.shuffle.io.',
  'spark.shuffle.service.io.',
  'spark.shuffle.server.',
  'spark.kubernetes.authenticate.',
  'spark.kubernetes.kerberos.',
  'spark.kubernetes.driverEnv.',
  'spark.kubernetes.driver.label.',
  'spark.kubernetes.driver.annotation.',
  'spark.kubernetes.driver.service.label.',
  'spark.kubernetes.driver.service.annotation.',
  'spark.kubernetes.executor.label.',
  'spark.kubernetes.executor.annotation.',
  'spark.kubernetes.node.selector.',
  'spark.kubernetes.driver.node.selector.',
  'spark.kubernetes.executor.node.selector.',
  'spark.kubernetes.driver.secrets.',
  'spark.kubernetes.executor.secrets.',
  'spark.kubernetes.driver.secretKeyRef.',
  'spark.kubernetes.executor.secretKeyRef.',
  'spark.kubernetes.driver.resource.',
] as const;

/** A key of one of those families, e.g. `spark.kubernetes.executor.node.selector.topology.kubernetes.io/zone`. */
export type FamilyKey = `${(typeof PREFIXES)[number]}${string}`;

/**
 * Keys people write that Spark does not have, with the key they meant when it is too far away for did-you-mean:
 * Data-on-EKS's best-practice page uses `spark.executor.decommission.enabled`.
 */
export const MISNAMED_KEYS: ReadonlyMap<string, string> = new Map([
  ['spark.executor.decommission.enabled', 'spark.decommission.enabled'],
]);

/** True for real Spark keys under our namespaces that the catalog does not describe. */
export function isOtherKnownKey(key: string): boolean {
  return EXACT.has(key) || PREFIXES.some((p) => key.startsWith(p) && key.length > p.length);
}

/**
 * Namespaces the catalog describes completely: any key there that the catalog does not know is a mistake.
 * In the broader owned namespaces (spark.executor., spark.shuffle., spark.kubernetes.) only near misses of
 * known keys should be called typos.
 */
export const FULLY_COVERED_PREFIXES: readonly string[] = [
  'spark.dynamicAllocation.',
  'spark.kubernetes.allocation.',
  'spark.kubernetes.dynamicAllocation.',
  'spark.decommission.',
  'spark.storage.decommission.',
  'spark.executor.decommission.',
  'spark.kubernetes.executor.volumes.',
  'spark.kubernetes.driver.volumes.',
];
