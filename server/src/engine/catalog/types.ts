// Shapes of the key catalog. The catalog itself lives beside this file (index.ts exports the lookups).

/** How Spark reads a value. */
export type ValueType =
  | 'bool'
  | 'int'
  | 'double'
  | 'duration' // Spark time string; `unit` says how a bare number is read
  | 'size' // Spark byte string; `unit` says how a bare number is read
  | 'string'
  | 'class' // a fully qualified class name
  | 'enum' // one of `choices`
  | 'quantity'; // a Kubernetes resource quantity such as `500Gi` (volume sizeLimit)

export type TimeUnit = 'us' | 'ms' | 's' | 'min' | 'h' | 'd';
export type ByteUnit = 'b' | 'k' | 'm' | 'g' | 't' | 'p';

/** A default that holds from `since` (inclusive) until the next entry's `since`. */
export interface VersionedDefault {
  since: string;
  /** The default as Spark would read it, or undefined when the key has no default (unset / optional). */
  value: string | undefined;
  /** How to show it to a person when the raw value is unhelpful, e.g. `infinity` for Int.MaxValue seconds. */
  display?: string;
  /** Why it changed (JIRA id and a few words), for hover. */
  note?: string;
}

export type KeyCategory =
  | 'dynamic-allocation'
  | 'shuffle'
  | 'executor'
  | 'decommission'
  | 'kubernetes-allocation'
  | 'kubernetes-pvc'
  | 'kubernetes-volume'
  | 'kubernetes'
  | 'remote-shuffle'
  | 'platform';

export interface KeyInfo {
  key: string;
  type: ValueType;
  unit?: TimeUnit | ByteUnit;
  /** For enum and suggested values (class names, allocator names). */
  choices?: string[];
  /** Defaults over time, oldest first. The first entry's `since` is the version the key appeared in. */
  defaults: VersionedDefault[];
  /** The Spark version that introduced the key. */
  since: string;
  category: KeyCategory;
  /** Our own one-paragraph explanation. */
  doc: string;
  related: string[];
  /** Internal or test-only keys: known (not flagged as unknown) but not offered in completion. */
  internal?: boolean;
  /** For keys that fall back to another key when unset (e.g. sustainedSchedulerBacklogTimeout). */
  fallbackKey?: string;
  /** Lower bound Spark enforces on the key itself, for docs. */
  constraint?: string;
  /**
   * Keys read by a library or platform outside Spark (Celeborn, Uniffle, EMR): its name and the release that added the
   * key. `since` then only says which Spark the key can be used with, and key-not-in-version leaves the key alone.
   */
  provider?: { name: string; since?: string };
}

/** `spark.kubernetes.{driver|executor}.volumes.<type>.<name>.<suffix>` split into its parts. */
export interface VolumeKey {
  role: 'driver' | 'executor';
  volumeType: string;
  volumeName: string;
  suffix: string;
}

/** A volume type Spark supports, with its option suffixes. */
export interface VolumeTypeInfo {
  type: 'hostPath' | 'emptyDir' | 'persistentVolumeClaim' | 'nfs';
  since: string;
  required: string[];
  optional: string[];
  doc: string;
}
