// Spark 4.2/4.3 Kubernetes keys (spark-facts-2026 §1.3): the executor and PVC resize plugins, recovery-mode executors,
// executors reaching the driver by pod IP, and the plugin list that turns the resize plugins on.
import { defineKey } from './define';
import type { KeyInfo } from './types';

const K = 'spark.kubernetes.';
const PLUGIN_PACKAGE = 'org.apache.spark.scheduler.cluster.k8s';
export const EXECUTOR_RESIZE_PLUGIN = `${PLUGIN_PACKAGE}.ExecutorResizePlugin`;
export const PVC_RESIZE_PLUGIN = `${PLUGIN_PACKAGE}.ExecutorPVCResizePlugin`;

export const KUBERNETES_RESIZE_KEYS = [
  defineKey('spark.plugins', {
    type: 'string',
    since: '3.0.0',
    category: 'executor',
    choices: [EXECUTOR_RESIZE_PLUGIN, PVC_RESIZE_PLUGIN],
    related: [`${K}executor.resizeInterval`, `${K}executor.pvc.resizeInterval`],
    doc:
      'Comma-separated classes of Spark plugins loaded in the driver and the executors. On Kubernetes (Spark 4.2.0+) ' +
      'this is how the built-in executor memory and executor PVC resize plugins are turned on.',
  }),
  defineKey(`${K}executor.resizeInterval`, {
    type: 'string',
    since: '4.2.0',
    category: 'kubernetes',
    default: '0s',
    related: ['spark.plugins', `${K}executor.resizeThreshold`, `${K}executor.resizeFactor`],
    doc:
      'How often ExecutorResizePlugin looks at executor memory use; 0 turns it off. The plugin only works with the ' +
      '`direct` pods allocator.',
  }),
  defineKey(`${K}executor.resizeThreshold`, {
    type: 'double',
    since: '4.2.0',
    category: 'kubernetes',
    default: '0.9',
    related: [`${K}executor.resizeInterval`, `${K}executor.resizeFactor`],
    doc: 'The share of its memory an executor must use before ExecutorResizePlugin grows it.',
  }),
  defineKey(`${K}executor.resizeFactor`, {
    type: 'double',
    since: '4.2.0',
    category: 'kubernetes',
    default: '0.1',
    related: [`${K}executor.resizeInterval`, `${K}executor.resizeThreshold`],
    doc: 'How much ExecutorResizePlugin adds to an executor it grows, as a share of its current memory.',
  }),
  defineKey(`${K}executor.pvc.resizeInterval`, {
    type: 'duration',
    unit: 'min',
    since: '4.2.0',
    category: 'kubernetes-pvc',
    default: '5min',
    related: ['spark.plugins', `${K}executor.pvc.resizeThreshold`, `${K}executor.pvc.resizeFactor`],
    constraint: '0 or a whole multiple of 5 minutes',
    doc:
      'How often ExecutorPVCResizePlugin compares the disk use of executor `spark-local-dir-*` claims with the ' +
      'threshold; a bare number is minutes and 0 turns the plugin off. Spark accepts only 0 or multiples of 5 ' +
      'minutes. The plugin needs the `direct` pods allocator and a StorageClass with `allowVolumeExpansion: true`; ' +
      'EBS volumes can grow only once every 6 hours.',
  }),
  defineKey(`${K}executor.pvc.resizeThreshold`, {
    type: 'double',
    since: '4.2.0',
    category: 'kubernetes-pvc',
    default: '0.5',
    related: [`${K}executor.pvc.resizeInterval`, `${K}executor.pvc.resizeFactor`],
    doc: 'The share of a local-dir claim that must be full before ExecutorPVCResizePlugin grows it.',
  }),
  defineKey(`${K}executor.pvc.resizeFactor`, {
    type: 'double',
    since: '4.2.0',
    category: 'kubernetes-pvc',
    default: '1.0',
    related: [`${K}executor.pvc.resizeInterval`, `${K}executor.pvc.resizeThreshold`],
    doc: 'How much ExecutorPVCResizePlugin adds to a claim it grows, as a share of its current size (1.0 doubles it).',
  }),
  defineKey(`${K}allocation.recoveryMode.enabled`, {
    type: 'bool',
    since: '4.2.0',
    category: 'kubernetes-allocation',
    default: 'false',
    related: [`${K}allocation.pods.allocator`],
    doc: 'Starts replacement executors in a recovery mode after executors were lost to running out of memory.',
  }),
  defineKey(`${K}executor.useDriverPodIP`, {
    type: 'bool',
    since: '4.3.0',
    category: 'kubernetes',
    default: 'true',
    related: [],
    doc:
      "Executors connect to the driver pod's IP instead of the driver service name. The Apache Spark Kubernetes " +
      'Operator also sets it to true.',
  }),
  defineKey(`${K}securityContext.allowPrivilegeEscalation`, {
    type: 'bool',
    since: '4.3.0',
    category: 'kubernetes',
    default: 'false',
    related: [],
    doc: 'The allowPrivilegeEscalation field of the security context Spark gives driver and executor containers.',
  }),
] as const satisfies readonly KeyInfo[];
