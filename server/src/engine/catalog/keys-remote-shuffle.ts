// Shuffle back-ends other than Spark's own local files: the shuffle manager key and its values, the ShuffleDataIO
// classes remote shuffle services ship, and the client keys of Apache Celeborn and Apache Uniffle that matter for
// dynamic allocation (spark-facts-2026 §3). The Celeborn and Uniffle keys live in those projects' namespaces, which
// are not owned: other keys there are never called unknown.
import { defineKey } from './define';
import type { KeyInfo } from './types';

export const CELEBORN_MANAGER = 'org.apache.spark.shuffle.celeborn.SparkShuffleManager';
/** The manager's name before Celeborn 0.3.0. */
export const CELEBORN_LEGACY_MANAGER = 'org.apache.spark.shuffle.celeborn.RssShuffleManager';
export const CELEBORN_DATA_IO = 'org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO';
export const UNIFFLE_MANAGER = 'org.apache.spark.shuffle.RssShuffleManager';
export const UNIFFLE_DELEGATION_MANAGER = 'org.apache.spark.shuffle.DelegationRssShuffleManager';
export const UNIFFLE_DATA_IO = 'org.apache.spark.shuffle.RssShuffleDataIo';
export const S3_EXPRESS_MANAGER = 'org.apache.spark.shuffle.cloud.CloudShuffleManager';
export const S3_EXPRESS_PLUGIN = 'com.amazonaws.spark.shuffle.io.cloud.ChopperPlugin';

const CELEBORN = 'spark.celeborn.';
const FALLBACK_POLICY = `${CELEBORN}client.spark.shuffle.fallback.policy`;

export const SHUFFLE_MANAGER_KEYS = [
  defineKey('spark.shuffle.manager', {
    type: 'string',
    since: '1.1.0',
    category: 'shuffle',
    default: 'sort',
    choices: ['sort', CELEBORN_MANAGER, UNIFFLE_MANAGER, UNIFFLE_DELEGATION_MANAGER, S3_EXPRESS_MANAGER],
    related: ['spark.shuffle.sort.io.plugin.class', 'spark.dynamicAllocation.shuffleTracking.enabled'],
    doc:
      'Which shuffle implementation moves data between stages: `sort` (Spark writes shuffle files on executor ' +
      'disks) or the class of a remote shuffle service client such as Apache Celeborn or Apache Uniffle. A remote ' +
      'service changes what dynamic allocation needs: the service keeps the shuffle data, but Spark only knows that ' +
      "when spark.shuffle.sort.io.plugin.class names the service's ShuffleDataIO class (Spark 3.5+); before 3.5 the " +
      "service's Spark patch is needed instead.",
  }),
] as const satisfies readonly KeyInfo[];

export const CELEBORN_KEYS = [
  defineKey(`${CELEBORN}master.endpoints`, {
    type: 'string',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn', since: '0.2.0' },
    related: ['spark.shuffle.manager'],
    doc: 'Where the Celeborn masters listen, as `host:port` pairs separated by commas (port 9097 by default).',
  }),
  defineKey(FALLBACK_POLICY, {
    type: 'string',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn', since: '0.5.0' },
    default: 'AUTO',
    choices: ['AUTO', 'ALWAYS', 'NEVER'],
    related: ['spark.shuffle.sort.io.plugin.class', 'spark.dynamicAllocation.shuffleTracking.enabled'],
    doc:
      'When a shuffle may bypass Celeborn and be written the ordinary way, on executor disks: `AUTO` (when Celeborn ' +
      'lacks workers or quota, or a shuffle has too many partitions), `ALWAYS` or `NEVER`. With dynamic allocation ' +
      'and shuffle tracking off, a shuffle that fell back lives on executors that can be removed at any time, and ' +
      'Celeborn (up to 0.7.0) still tells Spark its storage is reliable under `AUTO`. Use `NEVER` there.',
  }),
  defineKey(`${CELEBORN}client.spark.shuffle.forceFallback.enabled`, {
    type: 'bool',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn', since: '0.3.0 (deprecated by fallback.policy in 0.5.0)' },
    default: 'false',
    related: [FALLBACK_POLICY],
    doc:
      'Deprecated switch that sends every shuffle to the ordinary local-disk path. When true, Celeborn also stops ' +
      'reporting reliable storage, so dynamic allocation needs shuffle tracking again.',
  }),
  defineKey(`${CELEBORN}client.spark.shuffle.fallback.numPartitionsThreshold`, {
    type: 'int',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn' },
    related: [FALLBACK_POLICY],
    doc: 'Under the `AUTO` fallback policy, shuffles with more partitions than this bypass Celeborn.',
  }),
  defineKey(`${CELEBORN}client.spark.stageRerun.enabled`, {
    type: 'bool',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn', since: '0.4.0' },
    default: 'true',
    related: [],
    doc: 'Lets a fetch failure from Celeborn rerun the stages that produced the data instead of failing the job.',
  }),
  defineKey(`${CELEBORN}client.shuffle.checkWorker.enabled`, {
    type: 'bool',
    since: '2.4.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Celeborn' },
    default: 'true',
    related: [FALLBACK_POLICY],
    doc: 'Checks that Celeborn workers are available before a shuffle is registered with the service.',
  }),
] as const satisfies readonly KeyInfo[];

export const UNIFFLE_KEYS = [
  defineKey('spark.rss.coordinator.quorum', {
    type: 'string',
    since: '2.3.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Uniffle' },
    related: ['spark.shuffle.manager'],
    doc: 'Where the Uniffle coordinators listen, as `host:port` pairs separated by commas (port 19999 by default).',
  }),
  defineKey('spark.rss.access.id', {
    type: 'string',
    since: '2.3.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Uniffle' },
    related: ['spark.shuffle.manager'],
    doc:
      'The identity DelegationRssShuffleManager presents to the coordinator, which decides whether the job uses ' +
      "Uniffle or Spark's own shuffle.",
  }),
  defineKey('spark.rss.estimate.task.concurrency.dynamic.factor', {
    type: 'double',
    since: '2.3.0',
    category: 'remote-shuffle',
    provider: { name: 'Apache Uniffle' },
    default: '1.0',
    related: ['spark.dynamicAllocation.minExecutors', 'spark.dynamicAllocation.maxExecutors'],
    doc:
      'How far between minExecutors and maxExecutors Uniffle assumes a dynamically allocated job will grow when it ' +
      'estimates task concurrency (1.0 = maxExecutors).',
  }),
] as const satisfies readonly KeyInfo[];
