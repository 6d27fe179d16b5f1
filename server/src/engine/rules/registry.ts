// The single list of rules: id, family, default severity, one line on what it checks. Docs and settings derive from it.
import type { Severity } from './severity';

/** Every family of rules, in the order docs list them (the fuzz test and the docs check import this). */
export const RULE_FAMILIES = [
  'syntax',
  'keys',
  'values',
  'bounds',
  'shuffle',
  'remote-shuffle',
  'volumes',
  'resize',
  'storage-class',
  'cost',
  'emr-limits',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface RuleInfo {
  id: string;
  family: RuleFamily;
  severity: Severity;
  description: string;
}

const RULE_LIST = [
  {
    id: 'syntax',
    family: 'syntax',
    severity: 'error',
    description: 'The file cannot be read (JSON, YAML or Python syntax error).',
  },
  {
    id: 'submit-parameters-syntax',
    family: 'syntax',
    severity: 'error',
    description:
      'A spark-submit option in sparkSubmitParameters is malformed (a --conf without key=value, a flag without its value, an unclosed quote).',
  },

  {
    id: 'unknown-key',
    family: 'keys',
    severity: 'warning',
    description: 'A key under a Spark namespace we know fully is not a Spark key (probably a typo); Spark ignores it.',
  },
  {
    id: 'unknown-volume-type',
    family: 'keys',
    severity: 'error',
    description: 'A Kubernetes volume key names a volume type Spark does not support; the job fails at submission.',
  },
  {
    id: 'volume-name-with-dot',
    family: 'keys',
    severity: 'error',
    description: 'A Kubernetes volume name contains a dot, so Spark splits the key in the wrong place.',
  },
  {
    id: 'key-not-in-version',
    family: 'keys',
    severity: 'warning',
    description: "A key is newer than the job's Spark version and is ignored.",
  },
  {
    id: 'operator-denied-sparkconf-key',
    family: 'keys',
    severity: 'warning',
    description:
      "A kubeflow SparkApplication's sparkConf sets a key the operator's admission webhook rejects (master, image, service account, OAuth).",
  },
  {
    id: 'duplicate-key',
    family: 'keys',
    severity: 'warning',
    description: 'The same key is set more than once; only one value takes effect.',
  },

  {
    id: 'spark-version-unknown',
    family: 'values',
    severity: 'warning',
    description:
      'The Spark version the file states (EMR release label, spec version, comment) cannot be resolved; checks use another version.',
  },
  {
    id: 'invalid-value',
    family: 'values',
    severity: 'error',
    description: 'A value Spark cannot parse for its key (boolean, number, duration, size, quantity, class name).',
  },
  {
    id: 'duration-truncated',
    family: 'values',
    severity: 'warning',
    description: "A duration is truncated to the key's unit (e.g. 500ms on a seconds key becomes 0).",
  },
  {
    id: 'non-string-value',
    family: 'values',
    severity: 'error',
    description: 'EMR properties and SparkApplication sparkConf take string values only.',
  },
  {
    id: 'volume-size-missing-unit',
    family: 'values',
    severity: 'error',
    description: 'A volume sizeLimit is a bare number below 1024 (bytes); rejected from Spark 4.0.',
  },

  {
    id: 'min-max-negative',
    family: 'bounds',
    severity: 'error',
    description: 'minExecutors or maxExecutors is negative; dynamic allocation refuses to start.',
  },
  {
    id: 'max-executors-zero',
    family: 'bounds',
    severity: 'error',
    description: 'maxExecutors is 0; dynamic allocation refuses to start.',
  },
  {
    id: 'min-greater-than-max',
    family: 'bounds',
    severity: 'error',
    description: 'minExecutors is greater than maxExecutors; dynamic allocation refuses to start.',
  },
  {
    id: 'backlog-timeout-not-positive',
    family: 'bounds',
    severity: 'error',
    description: 'A scheduler backlog timeout is 0 or less after truncation to whole seconds.',
  },
  {
    id: 'allocation-ratio-out-of-range',
    family: 'bounds',
    severity: 'error',
    description: 'executorAllocationRatio must be greater than 0 and at most 1.',
  },
  {
    id: 'initial-executors-above-max',
    family: 'bounds',
    severity: 'error',
    description:
      'The initial executor count (initialExecutors, minExecutors or executor.instances) exceeds maxExecutors.',
  },
  {
    id: 'initial-below-min',
    family: 'bounds',
    severity: 'warning',
    description: 'initialExecutors is below minExecutors and is ignored.',
  },
  {
    id: 'task-cpus-exceed-cores',
    family: 'bounds',
    severity: 'error',
    description: 'spark.task.cpus is larger than spark.executor.cores; no task fits on an executor.',
  },
  {
    id: 'batch-delay-too-small',
    family: 'bounds',
    severity: 'error',
    description:
      'spark.kubernetes.allocation.batch.delay must be more than 100 ms from Spark 4.0 (a bare number is milliseconds).',
  },
  {
    id: 'value-out-of-range',
    family: 'bounds',
    severity: 'error',
    description: 'A count or timeout outside the range Spark accepts (must be positive or non-negative).',
  },
  {
    id: 'allocation-maximum-too-low',
    family: 'bounds',
    severity: 'warning',
    description: 'spark.kubernetes.allocation.maximum caps the pods the job may ever create below what it needs.',
  },
  {
    id: 'max-pending-per-rp-exceeds-total',
    family: 'bounds',
    severity: 'error',
    description: 'maxPendingPodsPerRp is larger than maxPendingPods; the executor allocator refuses to start.',
  },
  {
    id: 'deployment-allocator-needs-deletion-cost',
    family: 'bounds',
    severity: 'error',
    description:
      'The deployment pod allocator with dynamic allocation requires spark.kubernetes.executor.podDeletionCost.',
  },

  {
    id: 'dra-without-shuffle-support',
    family: 'shuffle',
    severity: 'error',
    description:
      "Dynamic allocation without shuffle tracking, an external shuffle service, shuffle migration or reliable shuffle storage fails at start-up (judged with the version's defaults).",
  },
  {
    id: 'shuffle-service-on-kubernetes',
    family: 'shuffle',
    severity: 'warning',
    description:
      'The external shuffle service is enabled on Kubernetes, which has none; it also turns shuffle tracking off.',
  },
  {
    id: 'shuffle-tracking-with-migration',
    family: 'shuffle',
    severity: 'warning',
    description:
      'Shuffle tracking together with decommission shuffle migration or reliable shuffle storage keeps idle executors longer than needed.',
  },
  {
    id: 'decommission-without-storage-decommission',
    family: 'shuffle',
    severity: 'warning',
    description:
      'Decommissioning without storage decommissioning and without shuffle tracking: Spark starts, but removed executors lose their shuffle files.',
  },
  {
    id: 'decommission-fetch-failure-not-retained',
    family: 'shuffle',
    severity: 'info',
    description:
      'Spark 4 ignores fetch failures from decommissioned executors only when maxRetainedRemovedDecommissionExecutors is above 0.',
  },

  {
    id: 'rss-dra-needs-dataio',
    family: 'remote-shuffle',
    severity: 'error',
    description:
      "Celeborn or Uniffle with dynamic allocation on Spark 3.5+ without the service's ShuffleDataIO plugin; dynamic allocation refuses to start.",
  },
  {
    id: 'rss-dra-old-spark',
    family: 'remote-shuffle',
    severity: 'warning',
    description:
      "Celeborn or Uniffle with dynamic allocation before Spark 3.5 needs the service's Spark patch; unpatched it pins executors or fails.",
  },
  {
    id: 'celeborn-auto-fallback-with-dra',
    family: 'remote-shuffle',
    severity: 'warning',
    description:
      "Celeborn's AUTO fallback with shuffle tracking off: a shuffle that falls back to executor disks is lost when dynamic allocation removes the executor.",
  },
  {
    id: 'rss-shuffle-tracking-on',
    family: 'remote-shuffle',
    severity: 'warning',
    description:
      'Shuffle tracking on while the shuffle data lives on a remote shuffle service keeps executors alive for nothing.',
  },
  {
    id: 'shuffle-backend-no-dra',
    family: 'remote-shuffle',
    severity: 'warning',
    description: 'A shuffle back-end that does not support dynamic allocation (the AWS S3 Express shuffle manager).',
  },

  {
    id: 'volume-missing-mount-path',
    family: 'volumes',
    severity: 'error',
    description: 'A Kubernetes volume has no mount.path; the job fails at submission.',
  },
  {
    id: 'volume-missing-option',
    family: 'volumes',
    severity: 'error',
    description: 'A volume lacks a required option (claimName for PVCs, path for hostPath/nfs, server for nfs).',
  },
  {
    id: 'ondemand-pvc-incomplete',
    family: 'volumes',
    severity: 'error',
    description:
      'An OnDemand PVC without both storageClass and sizeLimit is never created; executor pods stay Pending.',
  },
  {
    id: 'pvc-reuse-old-spark',
    family: 'volumes',
    severity: 'warning',
    description: 'PVC ownership/reuse is enabled on a Spark version before 3.4, where it is not recommended.',
  },
  {
    id: 'pvc-reuse-without-own',
    family: 'volumes',
    severity: 'warning',
    description: 'reusePersistentVolumeClaim is on while ownPersistentVolumeClaim is off, so no claim is ever reused.',
  },
  {
    id: 'wait-to-reuse-without-reuse',
    family: 'volumes',
    severity: 'warning',
    description: 'waitToReusePersistentVolumeClaim has no effect unless own and reuse PVC are both on.',
  },
  {
    id: 'local-disk-io-without-reuse',
    family: 'volumes',
    severity: 'error',
    description: 'KubernetesLocalDiskShuffleDataIO needs reusePersistentVolumeClaim=true; the job fails at start-up.',
  },
  {
    id: 'local-disk-io-without-local-dir',
    family: 'volumes',
    severity: 'warning',
    description:
      'KubernetesLocalDiskShuffleDataIO recovers nothing without an executor volume named spark-local-dir-*.',
  },
  {
    id: 'local-dir-read-only',
    family: 'volumes',
    severity: 'error',
    description: 'A spark-local-dir-* volume is mounted read-only; executors cannot write shuffle or spill files.',
  },
  {
    id: 'duplicate-mount-path',
    family: 'volumes',
    severity: 'error',
    description: 'Two volumes of the same pod use the same mount path; pod creation fails.',
  },
  {
    id: 'executor-pvc-fixed-claim',
    family: 'volumes',
    severity: 'warning',
    description:
      'Several executors mount one named claim that is not known to be ReadWriteMany; executors on other nodes cannot attach it.',
  },
  {
    id: 'subpath-conflict',
    family: 'volumes',
    severity: 'error',
    description: 'mount.subPath and mount.subPathExpr are set on the same volume; they are mutually exclusive.',
  },

  {
    id: 'resize-plugin-needs-direct-allocator',
    family: 'resize',
    severity: 'warning',
    description:
      'ExecutorResizePlugin or ExecutorPVCResizePlugin with a pods allocator other than direct; the plugin switches itself off.',
  },
  {
    id: 'pvc-resize-interval-units',
    family: 'resize',
    severity: 'error',
    description:
      'spark.kubernetes.executor.pvc.resizeInterval is not 0 or a whole multiple of 5 minutes; Spark refuses it at start-up.',
  },

  {
    id: 'storage-class-immediate-binding',
    family: 'storage-class',
    severity: 'warning',
    description:
      'The StorageClass of executor PVCs binds immediately instead of WaitForFirstConsumer (volumes in the wrong zone, multi-attach errors).',
  },
  {
    id: 'storage-class-retain',
    family: 'storage-class',
    severity: 'warning',
    description:
      'The StorageClass of executor PVCs has reclaimPolicy Retain; every volume outlives the job and keeps billing.',
  },
  {
    id: 'pvc-resize-plugin-needs-expansion',
    family: 'storage-class',
    severity: 'warning',
    description:
      'ExecutorPVCResizePlugin is on but the StorageClass of the spark-local-dir claims does not allow volume expansion.',
  },
  {
    id: 'dra-pvc-reuse-on-ebs',
    family: 'storage-class',
    severity: 'warning',
    description:
      'Executor claims are reused under dynamic allocation on an EBS StorageClass (zonal, single-attach volumes).',
  },

  {
    id: 'shuffle-tracking-no-timeout',
    family: 'cost',
    severity: 'warning',
    description:
      'Shuffle tracking without shuffleTracking.timeout keeps idle executors holding shuffle data of ended jobs until it is garbage-collected.',
  },
  {
    id: 'cached-idle-timeout-infinite',
    family: 'cost',
    severity: 'info',
    description:
      'cachedExecutorIdleTimeout is infinite in a job that shows caching; executors holding cached data are never released.',
  },
  {
    id: 'max-executors-unbounded',
    family: 'cost',
    severity: 'warning',
    description: 'maxExecutors is not set, so dynamic allocation can request an unbounded number of executors.',
  },
  {
    id: 'idle-timeout-below-backlog',
    family: 'cost',
    severity: 'warning',
    description:
      'executorIdleTimeout is shorter than the backlog timeout; executors are released and re-requested (thrashing).',
  },
  {
    id: 'ramp-up-time',
    family: 'cost',
    severity: 'info',
    description:
      "How long reaching maxExecutors takes at the version's allocation batch size and the backlog timeouts.",
  },
  {
    id: 'apache-operator-init-unreachable',
    family: 'cost',
    severity: 'warning',
    description:
      "The Apache operator's instanceConfig.initExecutors is more than Spark starts with (or can create in time): the operator shuts the app down.",
  },
  {
    id: 'operator-dra-in-spark-conf',
    family: 'cost',
    severity: 'info',
    description:
      'spark-operator: dynamic allocation enabled only in sparkConf is not seen by the operator; use spec.dynamicAllocation.',
  },
  {
    id: 'operator-min-executors-zero',
    family: 'cost',
    severity: 'info',
    description:
      'spark-operator: minExecutors 0 still starts one executor when DRA is enabled only via sparkConf (executor instances default to 1).',
  },

  {
    id: 'emr-too-many-configurations',
    family: 'emr-limits',
    severity: 'error',
    description:
      'An EMR configuration list (applicationConfiguration) holds more than 100 classifications; the request is rejected.',
  },
  {
    id: 'emr-too-many-properties',
    family: 'emr-limits',
    severity: 'error',
    description: 'An EMR classification holds more than 100 properties; the request is rejected.',
  },
  {
    id: 'emr-value-too-long',
    family: 'emr-limits',
    severity: 'error',
    description: 'An EMR property key or value is longer than 1024 characters; the request is rejected.',
  },
  {
    id: 'emr-submit-parameters-too-long',
    family: 'emr-limits',
    severity: 'error',
    description: 'sparkSubmitParameters is longer than 102,400 characters; the request is rejected.',
  },
] as const satisfies readonly RuleInfo[];

/** A rule's id: only ids the registry declares. */
export type RuleId = (typeof RULE_LIST)[number]['id'];

export const RULES: readonly (RuleInfo & { id: RuleId })[] = RULE_LIST;

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleInfo(id: string): RuleInfo | undefined {
  return BY_ID.get(id as RuleId);
}

export function defaultSeverity(id: RuleId): Severity {
  return BY_ID.get(id)?.severity ?? 'warning';
}
