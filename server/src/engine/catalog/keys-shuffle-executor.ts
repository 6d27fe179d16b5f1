// Shuffle service, executor sizing and decommission keys (spark-facts §1.2).
import { defineKey } from './define';
import { CELEBORN_DATA_IO, S3_EXPRESS_PLUGIN, UNIFFLE_DATA_IO } from './keys-remote-shuffle';
import type { KeyInfo } from './types';

export const LOCAL_DISK_SHUFFLE_IO = 'org.apache.spark.shuffle.sort.io.LocalDiskShuffleDataIO';
export const KUBERNETES_SHUFFLE_IO = 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO';

const SD = 'spark.storage.decommission.';

export const SHUFFLE_KEYS = [
  defineKey('spark.shuffle.service.enabled', {
    type: 'bool',
    since: '1.2.0',
    category: 'shuffle',
    default: 'false',
    related: [
      'spark.dynamicAllocation.shuffleTracking.enabled',
      'spark.shuffle.service.port',
      'spark.dynamicAllocation.enabled',
    ],
    doc:
      'Makes executors hand their shuffle files to an external shuffle service that outlives them. That service ' +
      "runs on YARN and standalone nodes, but Kubernetes has none: turning this on there satisfies Spark's " +
      'start-up check yet leaves nobody to serve the files, and it also switches shuffle tracking off. On ' +
      'Kubernetes leave it false.',
  }),
  defineKey('spark.shuffle.service.port', {
    type: 'int',
    since: '1.2.0',
    category: 'shuffle',
    default: '7337',
    related: ['spark.shuffle.service.enabled'],
    doc: 'The port executors use to reach the external shuffle service. Only matters when that service is enabled.',
  }),
  defineKey('spark.shuffle.service.removeShuffle', {
    type: 'bool',
    since: '3.3.0',
    category: 'shuffle',
    defaults: [
      { since: '3.3.0', value: 'false' },
      { since: '4.0.0', value: 'true', note: 'SPARK-47448: on by default from Spark 4.0.0' },
    ],
    related: ['spark.shuffle.service.enabled'],
    doc:
      'Lets the external shuffle service delete shuffle files of executors that were released once the shuffle is ' +
      'no longer needed, so disks do not fill up. Only matters when the external shuffle service is used.',
  }),
  defineKey('spark.shuffle.service.fetch.rdd.enabled', {
    type: 'bool',
    since: '3.0.0',
    category: 'shuffle',
    default: 'false',
    related: ['spark.shuffle.service.enabled', 'spark.dynamicAllocation.cachedExecutorIdleTimeout'],
    doc:
      'Serves cached blocks that were persisted to disk through the external shuffle service, so executors holding ' +
      'only such blocks count as idle after executorIdleTimeout. Needs the external shuffle service.',
  }),
  defineKey('spark.shuffle.sort.io.plugin.class', {
    type: 'class',
    since: '3.0.0',
    category: 'shuffle',
    default: LOCAL_DISK_SHUFFLE_IO,
    choices: [LOCAL_DISK_SHUFFLE_IO, KUBERNETES_SHUFFLE_IO, CELEBORN_DATA_IO, UNIFFLE_DATA_IO, S3_EXPRESS_PLUGIN],
    related: [
      'spark.shuffle.manager',
      'spark.kubernetes.driver.reusePersistentVolumeClaim',
      'spark.kubernetes.driver.ownPersistentVolumeClaim',
    ],
    doc:
      'The plugin that writes and reads shuffle files. On Kubernetes (Spark 3.2.0+), ' +
      '`org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO` picks up shuffle files left on a re-mounted ' +
      'persistent volume claim, so a replacement executor can serve them. It requires ' +
      'spark.kubernetes.driver.reusePersistentVolumeClaim=true (start-up fails otherwise) and works best with the ' +
      'volume named `spark-local-dir-1`. It does not count as reliable storage, so it does not by itself meet ' +
      "dynamic allocation's shuffle requirement. A remote shuffle service names its own class here " +
      '(`…celeborn.CelebornShuffleDataIO`, `…RssShuffleDataIo` for Uniffle): from Spark 3.5 that class tells ' +
      'dynamic allocation the shuffle data is stored safely, so executors can go without shuffle tracking.',
  }),
] as const satisfies readonly KeyInfo[];

export const EXECUTOR_KEYS = [
  defineKey('spark.executor.instances', {
    type: 'int',
    since: '1.0.0',
    category: 'executor',
    related: [
      'spark.dynamicAllocation.initialExecutors',
      'spark.dynamicAllocation.minExecutors',
      'spark.dynamicAllocation.maxExecutors',
    ],
    doc:
      'A fixed number of executors (`--num-executors`). With dynamic allocation on it no longer fixes the count: it ' +
      'only raises the starting target, which must still fit within maxExecutors. Without dynamic allocation and ' +
      'unset, Kubernetes jobs start 2 executors.',
  }),
  defineKey('spark.executor.cores', {
    type: 'int',
    since: '1.0.0',
    category: 'executor',
    default: '1',
    related: ['spark.task.cpus', 'spark.kubernetes.executor.request.cores', 'spark.kubernetes.executor.limit.cores'],
    doc:
      'How many tasks an executor runs at once (divided by spark.task.cpus, rounded down). Dynamic allocation uses ' +
      'it to turn pending tasks into a number of executors. On Kubernetes the pod CPU request follows it unless ' +
      'spark.kubernetes.executor.request.cores is set. Must be at least spark.task.cpus.',
  }),
  defineKey('spark.executor.memory', {
    type: 'size',
    unit: 'm',
    since: '0.7.0',
    category: 'executor',
    default: '1g',
    related: ['spark.executor.memoryOverhead', 'spark.executor.memoryOverheadFactor'],
    doc:
      'The JVM heap of each executor, e.g. `4g`; a bare number is MiB. The pod asks Kubernetes for this plus the ' +
      'memory overhead. Fractions such as `1.5g` are rejected; write `1536m`.',
  }),
  defineKey('spark.executor.memoryOverhead', {
    type: 'size',
    unit: 'm',
    since: '2.3.0',
    category: 'executor',
    related: ['spark.executor.memoryOverheadFactor', 'spark.executor.minMemoryOverhead', 'spark.executor.memory'],
    doc:
      'Memory per executor beyond the heap (native libraries, Python workers, off-heap buffers); a bare number is ' +
      'MiB. When unset Spark uses memoryOverheadFactor × executor memory, but at least minMemoryOverhead (384 MiB).',
  }),
  defineKey('spark.executor.memoryOverheadFactor', {
    type: 'double',
    since: '3.3.0',
    category: 'executor',
    default: '0.1',
    related: [
      'spark.executor.memoryOverhead',
      'spark.kubernetes.memoryOverheadFactor',
      'spark.executor.minMemoryOverhead',
    ],
    constraint: '> 0',
    doc:
      'The share of executor memory added as overhead when spark.executor.memoryOverhead is not set. On Kubernetes ' +
      'non-JVM jobs (Python, R) effectively get 0.4 unless this is set. Replaces spark.kubernetes.memoryOverheadFactor.',
  }),
  defineKey('spark.executor.minMemoryOverhead', {
    type: 'size',
    unit: 'm',
    since: '4.0.0',
    category: 'executor',
    default: '384m',
    related: ['spark.executor.memoryOverhead', 'spark.executor.memoryOverheadFactor'],
    doc:
      'The smallest overhead Spark computes when spark.executor.memoryOverhead is unset. Earlier versions used a ' +
      'fixed 384 MiB.',
  }),
  defineKey('spark.task.cpus', {
    type: 'int',
    since: '0.5.0',
    category: 'executor',
    default: '1',
    related: ['spark.executor.cores'],
    doc:
      'Cores each task reserves. Task slots per executor are executor cores divided by this, rounded down, so a ' +
      'value that does not divide the cores wastes capacity, and one larger than the cores stops start-up.',
  }),
  defineKey('spark.local.dir', {
    type: 'string',
    since: '0.5.0',
    category: 'executor',
    related: ['spark.kubernetes.local.dirs.tmpfs', 'spark.shuffle.sort.io.plugin.class'],
    doc:
      'Comma-separated scratch directories for shuffle files and spills. On Kubernetes each one becomes an emptyDir ' +
      'volume named `spark-local-dir-1`, `-2`, …, unless a volume you mount is already named `spark-local-dir-*`, in ' +
      'which case its mount paths are used instead. Without it pods use `/var/data/spark-<uuid>`.',
  }),
] as const satisfies readonly KeyInfo[];

export const DECOMMISSION_KEYS = [
  defineKey('spark.decommission.enabled', {
    type: 'bool',
    since: '3.1.0',
    category: 'decommission',
    default: 'false',
    related: [`${SD}enabled`, `${SD}shuffleBlocks.enabled`, 'spark.dynamicAllocation.enabled'],
    doc:
      'Retires executors gracefully instead of killing them: with dynamic allocation, idle executors are ' +
      'decommissioned instead of killed. With shuffle-block migration (on by default from Spark 3.4.0) it satisfies ' +
      "dynamic allocation's start-up check, but blocks only move when spark.storage.decommission.enabled is true as " +
      'well; without it a removed executor still takes its shuffle files with it.',
  }),
  defineKey('spark.executor.decommission.killInterval', {
    type: 'duration',
    unit: 's',
    since: '3.1.0',
    category: 'decommission',
    related: ['spark.decommission.enabled', 'spark.executor.decommission.forceKillTimeout'],
    doc:
      'How long after decommissioning starts an outside system (such as a spot interruption) is expected to kill ' +
      'the executor. Spark uses it to decide whether to launch speculative copies of its tasks.',
  }),
  defineKey('spark.executor.decommission.forceKillTimeout', {
    type: 'duration',
    unit: 's',
    since: '3.2.0',
    category: 'decommission',
    related: ['spark.decommission.enabled', 'spark.executor.decommission.killInterval'],
    doc:
      'Upper bound on how long a decommissioning executor may take to migrate its data; after this Spark makes it ' +
      'exit. Unset means no limit.',
  }),
  defineKey('spark.executor.decommission.signal', {
    type: 'string',
    since: '3.2.0',
    category: 'decommission',
    default: 'PWR',
    choices: ['PWR'],
    related: ['spark.decommission.enabled', 'spark.kubernetes.decommission.script'],
    doc: 'The operating-system signal that tells an executor to begin decommissioning.',
  }),
  defineKey(`${SD}enabled`, {
    type: 'bool',
    since: '3.1.0',
    category: 'decommission',
    default: 'false',
    related: [`${SD}shuffleBlocks.enabled`, `${SD}rddBlocks.enabled`, 'spark.decommission.enabled'],
    doc:
      'Moves blocks off a decommissioning executor before it goes away; nothing migrates without it, whatever the ' +
      "shuffle-block and cached-block settings say. Dynamic allocation's start-up check does not look at this key, " +
      'so a job with only spark.decommission.enabled starts but loses shuffle files when executors are removed.',
  }),
  defineKey(`${SD}shuffleBlocks.enabled`, {
    type: 'bool',
    since: '3.1.0',
    category: 'decommission',
    defaults: [
      { since: '3.1.0', value: 'false' },
      { since: '3.4.0', value: 'true', note: 'SPARK-40198: on by default from Spark 3.4.0' },
    ],
    related: [`${SD}enabled`, 'spark.decommission.enabled', `${SD}shuffleBlocks.maxThreads`],
    doc:
      'Migrates shuffle files from a decommissioning executor to other executors (or to fallback storage). With ' +
      'spark.decommission.enabled it lets dynamic allocation run without shuffle tracking or a shuffle service. Off ' +
      'by default before Spark 3.4.0.',
  }),
  defineKey(`${SD}rddBlocks.enabled`, {
    type: 'bool',
    since: '3.1.0',
    category: 'decommission',
    defaults: [
      { since: '3.1.0', value: 'false' },
      { since: '3.4.0', value: 'true', note: 'on by default from Spark 3.4.0 (3.3 → 3.4 migration guide)' },
    ],
    related: [`${SD}enabled`, 'spark.decommission.enabled'],
    doc: 'Migrates cached blocks from a decommissioning executor to others. Off by default before Spark 3.4.0.',
  }),
  defineKey(`${SD}shuffleBlocks.maxThreads`, {
    type: 'int',
    since: '3.1.0',
    category: 'decommission',
    default: '8',
    related: [`${SD}shuffleBlocks.enabled`],
    constraint: '> 0',
    doc: 'How many threads migrate shuffle files off a decommissioning executor.',
  }),
  defineKey(`${SD}shuffleBlocks.maxDiskSize`, {
    type: 'size',
    unit: 'b',
    since: '3.2.0',
    category: 'decommission',
    related: [`${SD}shuffleBlocks.enabled`],
    doc:
      'Caps the disk an executor may fill with shuffle files migrated to it; beyond this it refuses more. A bare ' +
      'number is bytes.',
  }),
  defineKey(`${SD}fallbackStorage.path`, {
    type: 'string',
    since: '3.1.0',
    category: 'decommission',
    related: [`${SD}fallbackStorage.cleanUp`, `${SD}shuffleBlocks.enabled`],
    constraint: 'ends with /',
    doc:
      'A shared location (for example `s3a://bucket/spark-fallback/`) where blocks go when no other executor can ' +
      'take them during decommissioning; used only when spark.storage.decommission.enabled is on. The path must end ' +
      'with `/`, or Spark stops at start-up.',
  }),
  defineKey(`${SD}fallbackStorage.cleanUp`, {
    type: 'bool',
    since: '3.2.0',
    category: 'decommission',
    default: 'false',
    related: [`${SD}fallbackStorage.path`],
    doc:
      "Deletes the job's data from the fallback storage when shuffles are freed and when the job ends. Left false, " +
      'Spark never deletes it: give the location a lifecycle (TTL) rule or it keeps costing money.',
  }),
  defineKey('spark.stage.ignoreDecommissionFetchFailure', {
    type: 'bool',
    since: '3.4.0',
    category: 'decommission',
    defaults: [
      { since: '3.4.0', value: 'false' },
      { since: '4.0.0', value: 'true', note: 'SPARK-48063: on by default from Spark 4.0.0' },
    ],
    related: ['spark.scheduler.maxRetainedRemovedDecommissionExecutors', 'spark.decommission.enabled'],
    doc:
      "Does not count a fetch failure from a decommissioned executor against the stage's attempt limit. It only " +
      'works when the driver remembers removed decommissioned executors, i.e. when ' +
      'spark.scheduler.maxRetainedRemovedDecommissionExecutors is above 0 (its default is 0).',
  }),
  defineKey('spark.scheduler.maxRetainedRemovedDecommissionExecutors', {
    type: 'int',
    since: '3.4.0',
    category: 'decommission',
    default: '0',
    related: ['spark.stage.ignoreDecommissionFetchFailure'],
    doc:
      'How many removed decommissioned executors the driver remembers, so that fetch failures from them can be told ' +
      'apart. 0 (the default) remembers none, which leaves spark.stage.ignoreDecommissionFetchFailure without effect.',
  }),
  defineKey(`${SD}maxReplicationFailuresPerBlock`, {
    type: 'int',
    since: '3.1.0',
    category: 'decommission',
    default: '3',
    internal: true,
    related: [`${SD}enabled`],
    doc: 'Internal: how often migrating one block may fail before Spark gives up on it.',
  }),
  defineKey(`${SD}replicationReattemptInterval`, {
    type: 'duration',
    unit: 'ms',
    since: '3.1.0',
    category: 'decommission',
    default: '30s',
    internal: true,
    related: [`${SD}enabled`],
    constraint: '> 0',
    doc: 'Internal: pause between rounds of block migration during decommissioning.',
  }),
] as const satisfies readonly KeyInfo[];
