// Kubernetes allocation, PVC and pod keys (spark-facts §1.3).
import { defineKey, INT_MAX } from './define';
import type { KeyInfo } from './types';

const K = 'spark.kubernetes.';
const AL = 'spark.kubernetes.allocation.';

export const POD_ALLOCATORS = ['direct', 'statefulset', 'deployment'];

export const KUBERNETES_ALLOCATION_KEYS = [
  defineKey(`${AL}batch.size`, {
    type: 'int',
    since: '2.3.0',
    category: 'kubernetes-allocation',
    defaults: [
      { since: '2.3.0', value: '5' },
      { since: '4.0.0', value: '10', note: 'SPARK-50996: raised from 5 to 10 in Spark 4.0.0' },
      { since: '4.2.0', value: '20', note: 'SPARK-54422: raised from 10 to 20 in Spark 4.2.0' },
    ],
    related: [`${AL}batch.delay`, `${AL}maxPendingPods`],
    constraint: '> 0',
    doc:
      'The most executor pods Spark creates in one allocation round (per resource profile). Together with ' +
      'batch.delay it limits how fast a job ramps up: the default 5 (10 from Spark 4.0.0, 20 from 4.2.0) pods per ' +
      'second can make a scale-out to hundreds of executors take minutes.',
  }),
  defineKey(`${AL}batch.delay`, {
    type: 'duration',
    unit: 'ms',
    since: '2.3.0',
    category: 'kubernetes-allocation',
    default: '1s',
    related: [`${AL}batch.size`, `${AL}executor.timeout`],
    constraint: '> 0; from Spark 4.0.0 more than 100 ms',
    doc:
      'How often the pod allocator wakes up to compare requested and existing executor pods. A bare number is ' +
      'milliseconds, so `1` means 1 ms — rejected from Spark 4.0.0, which requires more than 100 ms.',
  }),
  defineKey(`${AL}maxPendingPods`, {
    type: 'int',
    since: '3.2.0',
    category: 'kubernetes-allocation',
    default: INT_MAX,
    display: 'infinity',
    related: [`${AL}maxPendingPodsPerRp`, `${AL}batch.size`, 'spark.dynamicAllocation.maxExecutors'],
    constraint: '> 0',
    doc:
      'Caps executor pods that are requested but not yet running, over all resource profiles. Useful when the ' +
      'cluster autoscaler is slow: Spark stops piling up Pending pods and new requests wait.',
  }),
  defineKey(`${AL}maxPendingPodsPerRp`, {
    type: 'int',
    since: '4.1.0',
    category: 'kubernetes-allocation',
    default: INT_MAX,
    display: 'infinity',
    related: [`${AL}maxPendingPods`],
    constraint: '> 0 and <= maxPendingPods',
    doc: 'Like maxPendingPods, but for each resource profile separately. Must not exceed maxPendingPods.',
  }),
  defineKey(`${AL}executor.timeout`, {
    type: 'duration',
    unit: 'ms',
    since: '3.1.0',
    category: 'kubernetes-allocation',
    default: '600s',
    related: [`${AL}batch.delay`],
    constraint: '> 0',
    doc:
      'If a pod Spark created does not show up in the Kubernetes API within this time (at least five batch delays), ' +
      'Spark deletes it and asks for a new one. In Spark 4.0+ it is also how old a released volume claim must be ' +
      'before it can be reused.',
  }),
  defineKey(`${AL}driver.readinessTimeout`, {
    type: 'duration',
    unit: 's',
    since: '3.1.3',
    category: 'kubernetes-allocation',
    default: '1s',
    related: [`${AL}batch.delay`],
    doc: 'At start-up, how long Spark waits for the driver pod to become Ready before creating executor pods.',
  }),
  defineKey(`${AL}pods.allocator`, {
    type: 'string',
    since: '3.3.0',
    category: 'kubernetes-allocation',
    default: 'direct',
    choices: POD_ALLOCATORS,
    related: ['spark.kubernetes.executor.podDeletionCost', `${AL}batch.size`],
    doc:
      'How executor pods are created: `direct` (Spark creates each pod), `statefulset`, `deployment` (Spark 4.2.0+; ' +
      'with dynamic allocation it needs spark.kubernetes.executor.podDeletionCost), or the class name of your own ' +
      'allocator.',
  }),
  defineKey(`${AL}maximum`, {
    type: 'int',
    since: '4.1.0',
    category: 'kubernetes-allocation',
    default: INT_MAX,
    display: 'infinity',
    related: ['spark.dynamicAllocation.maxExecutors'],
    doc:
      'A lifetime limit on executor pods the job may create, replacements included. Executor ids start at 1 and ' +
      'creation fails once the next id reaches this value, so at most value − 1 pods are created.',
  }),
  defineKey(`${K}executor.podDeletionCost`, {
    type: 'int',
    since: '4.2.0',
    category: 'kubernetes-allocation',
    related: [`${AL}pods.allocator`],
    doc:
      'Value of the pod-deletion-cost annotation the deployment allocator puts on executors it wants to remove, so ' +
      'Kubernetes scales down those pods first. Required with the deployment allocator and dynamic allocation.',
  }),
] as const satisfies readonly KeyInfo[];

export const KUBERNETES_PVC_KEYS = [
  defineKey(`${K}driver.ownPersistentVolumeClaim`, {
    type: 'bool',
    since: '3.2.0',
    category: 'kubernetes-pvc',
    defaults: [
      { since: '3.2.0', value: 'false' },
      { since: '3.4.0', value: 'true', note: 'SPARK-39450: on by default from Spark 3.4.0' },
    ],
    related: [`${K}driver.reusePersistentVolumeClaim`, `${K}driver.waitToReusePersistentVolumeClaim`],
    doc:
      'Makes the driver pod, not the executor pod, the owner of on-demand volume claims, so a claim survives its ' +
      'executor and can be handed to the next one. Off by default in Spark 3.2–3.3.',
  }),
  defineKey(`${K}driver.reusePersistentVolumeClaim`, {
    type: 'bool',
    since: '3.2.0',
    category: 'kubernetes-pvc',
    defaults: [
      { since: '3.2.0', value: 'false' },
      { since: '3.4.0', value: 'true', note: 'SPARK-39450: on by default from Spark 3.4.0' },
    ],
    related: [
      `${K}driver.ownPersistentVolumeClaim`,
      `${K}driver.waitToReusePersistentVolumeClaim`,
      'spark.shuffle.sort.io.plugin.class',
    ],
    doc:
      'Mounts leftover on-demand claims of gone executors on new executors instead of creating fresh ones, which ' +
      'saves provisioning time and, with KubernetesLocalDiskShuffleDataIO, recovers shuffle files. Needs ' +
      'ownPersistentVolumeClaim=true. Off by default in Spark 3.2–3.3.',
  }),
  defineKey(`${K}driver.waitToReusePersistentVolumeClaim`, {
    type: 'bool',
    since: '3.4.0',
    category: 'kubernetes-pvc',
    default: 'false',
    related: [`${K}driver.ownPersistentVolumeClaim`, `${K}driver.reusePersistentVolumeClaim`],
    doc:
      'When the job already has as many on-demand claims as it can ever need, waits for one to be freed instead of ' +
      'creating more executors with new claims. Caps storage cost, but executors may wait. Needs own and reuse ' +
      'PersistentVolumeClaim set to true.',
  }),
  defineKey(`${K}legacy.useReadWriteOnceAccessMode`, {
    type: 'bool',
    since: '3.4.3',
    category: 'kubernetes-pvc',
    default: 'false',
    internal: true,
    related: [`${K}driver.ownPersistentVolumeClaim`],
    doc:
      'Internal escape hatch: create on-demand claims with access mode ReadWriteOnce instead of ReadWriteOncePod ' +
      '(the mode used from Spark 4.0.0), for storage drivers that do not support the latter.',
  }),
] as const satisfies readonly KeyInfo[];

export const KUBERNETES_POD_KEYS = [
  defineKey(`${K}local.dirs.tmpfs`, {
    type: 'bool',
    since: '3.0.0',
    category: 'kubernetes',
    default: 'false',
    related: ['spark.local.dir', 'spark.executor.memoryOverhead'],
    doc:
      'Backs the scratch emptyDir volumes Spark creates with memory (tmpfs) instead of node disk. Faster, but what ' +
      'is written there counts against the pod memory, so raise the memory overhead.',
  }),
  defineKey(`${K}executor.deleteOnTermination`, {
    type: 'bool',
    since: '3.0.0',
    category: 'kubernetes',
    default: 'true',
    related: ['spark.kubernetes.dynamicAllocation.deleteGracePeriod'],
    doc:
      'Deletes executor pods when they finish or fail. Set false to keep failed pods around for debugging; they ' +
      'then hold their node resources until removed.',
  }),
  defineKey(`${K}executor.request.cores`, {
    type: 'string',
    since: '2.4.0',
    category: 'kubernetes',
    related: ['spark.executor.cores', `${K}executor.limit.cores`],
    doc:
      'CPU request of executor pods as a Kubernetes quantity (`500m`, `1.5`, `2`). It helps packing pods on nodes ' +
      'but does not change how many tasks an executor runs — that is spark.executor.cores.',
  }),
  defineKey(`${K}executor.limit.cores`, {
    type: 'string',
    since: '2.3.0',
    category: 'kubernetes',
    related: ['spark.executor.cores', `${K}executor.request.cores`],
    doc: 'CPU limit of executor pods as a Kubernetes quantity. Unset means no limit.',
  }),
  defineKey(`${K}memoryOverheadFactor`, {
    type: 'double',
    since: '2.4.0',
    category: 'kubernetes',
    default: '0.1',
    related: ['spark.executor.memoryOverheadFactor', 'spark.executor.memoryOverhead'],
    doc:
      'Older Kubernetes-only overhead factor. spark.executor.memoryOverheadFactor (Spark 3.3.0+) takes precedence ' +
      'when set.',
  }),
  defineKey(`${K}executor.apiPollingInterval`, {
    type: 'duration',
    unit: 'ms',
    since: '2.4.0',
    category: 'kubernetes',
    default: '30s',
    related: [`${K}executor.missingPodDetectDelta`],
    doc: 'How often Spark lists all executor pods in addition to watching them, to catch missed events.',
  }),
  defineKey(`${K}executor.missingPodDetectDelta`, {
    type: 'duration',
    unit: 'ms',
    since: '3.1.1',
    category: 'kubernetes',
    default: '30s',
    related: [`${K}executor.apiPollingInterval`],
    doc: 'How long a registered executor may be missing from the Kubernetes API before Spark treats it as lost.',
  }),
  defineKey(`${K}executor.decommissionLabel`, {
    type: 'string',
    since: '3.3.0',
    category: 'kubernetes',
    related: [`${K}executor.decommissionLabelValue`, 'spark.decommission.enabled'],
    doc: 'A label Spark puts on an executor pod when it starts decommissioning, e.g. for monitoring or policies.',
  }),
  defineKey(`${K}executor.decommissionLabelValue`, {
    type: 'string',
    since: '3.3.0',
    category: 'kubernetes',
    related: [`${K}executor.decommissionLabel`],
    doc: 'The value of the label set by spark.kubernetes.executor.decommissionLabel.',
  }),
  defineKey(`${K}decommission.script`, {
    type: 'string',
    since: '3.2.0',
    category: 'kubernetes',
    default: '/opt/decom.sh',
    related: ['spark.decommission.enabled', 'spark.executor.decommission.signal'],
    doc: 'The script in the executor image run to decommission an executor gracefully before its pod stops.',
  }),
  defineKey(`${K}executor.podNamePrefix`, {
    type: 'string',
    since: '2.3.0',
    category: 'kubernetes',
    related: [],
    constraint: 'DNS subdomain, at most 237 characters',
    doc:
      'Prefix of executor pod names (`<prefix>-exec-<id>`) and of on-demand claim names. Defaults to one derived ' +
      'from the application name. Must be a valid DNS subdomain of at most 237 characters.',
  }),
] as const satisfies readonly KeyInfo[];
