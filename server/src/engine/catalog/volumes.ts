// Kubernetes volume key templates (spark-facts §1.4):
// `spark.kubernetes.{driver|executor}.volumes.<type>.<name>.<suffix>`.
import { compareVersions } from '../version';
import { defineKey } from './define';
import type { KeyInfo, ValueType, VolumeKey, VolumeTypeInfo } from './types';

export type VolumeType = VolumeTypeInfo['type'];

export const VOLUME_PREFIXES: Readonly<Record<VolumeKey['role'], string>> = {
  driver: 'spark.kubernetes.driver.volumes.',
  executor: 'spark.kubernetes.executor.volumes.',
};

/** One suffix a volume of some type accepts, with the version it works from for that type. */
export interface VolumeSuffixInfo {
  /** e.g. `mount.path`; for label/annotation the part before the name, with its dot: `label.`. */
  suffix: string;
  /** True for `label.` and `annotation.`, which are followed by a name of your choice. */
  isPrefix?: boolean;
  type: ValueType;
  /** The Spark version from which this suffix works on this volume type. */
  since: string;
  required: boolean;
  default?: string;
  choices?: string[];
  doc: string;
}

interface SuffixRow {
  suffix: string;
  isPrefix?: boolean;
  type: ValueType;
  default?: string;
  choices?: string[];
  doc: string;
  /** Volume type → since. Types not listed do not read the suffix. */
  sinceByType: Partial<Record<VolumeType, string>>;
  requiredFor?: VolumeType[];
}

const ALL = (since: string): Partial<Record<VolumeType, string>> => ({
  hostPath: since,
  emptyDir: since,
  persistentVolumeClaim: since,
  nfs: since,
});

const SUFFIXES: readonly SuffixRow[] = [
  {
    suffix: 'mount.path',
    type: 'string',
    sinceByType: ALL('2.4.0'),
    requiredFor: ['hostPath', 'emptyDir', 'persistentVolumeClaim', 'nfs'],
    doc:
      'Where the volume appears inside the container. Required: without it the pod cannot be built. Two volumes ' +
      'of one pod may not share a mount path.',
  },
  {
    suffix: 'mount.readOnly',
    type: 'bool',
    default: 'false',
    sinceByType: ALL('2.4.0'),
    doc: 'Mounts the volume read-only; for a claim the claim itself is also marked read-only.',
  },
  {
    suffix: 'mount.subPath',
    type: 'string',
    default: '',
    sinceByType: ALL('3.0.0'),
    doc: 'Mounts only this directory of the volume instead of its root.',
  },
  {
    suffix: 'mount.subPathExpr',
    type: 'string',
    default: '',
    sinceByType: ALL('4.0.0'),
    doc:
      'Like mount.subPath, but environment variables written as `$(VAR)` are expanded, e.g. to give each pod its ' +
      'own directory. Cannot be combined with mount.subPath.',
  },
  {
    suffix: 'options.claimName',
    type: 'string',
    choices: ['OnDemand'],
    sinceByType: { persistentVolumeClaim: '2.4.0' },
    requiredFor: ['persistentVolumeClaim'],
    doc:
      'The claim to mount. `OnDemand` makes Spark create one claim per pod (it is created only when both ' +
      'options.storageClass and options.sizeLimit are set; otherwise the pod waits for a claim nobody makes). On ' +
      'executors, the text `SPARK_EXECUTOR_ID` in the name is replaced by the executor id, for claims you made ' +
      'beforehand. Both need Spark 3.1.0.',
  },
  {
    suffix: 'options.storageClass',
    type: 'string',
    sinceByType: { persistentVolumeClaim: '3.1.0' },
    doc: 'Storage class of claims Spark creates for `OnDemand`. Without it no claim is created.',
  },
  {
    suffix: 'options.sizeLimit',
    type: 'quantity',
    sinceByType: { emptyDir: '2.4.0', persistentVolumeClaim: '3.1.0' },
    doc:
      'A Kubernetes quantity such as `500Gi` (not a Spark size like `500g`). For emptyDir it caps the volume; for ' +
      'an `OnDemand` claim it is the storage requested, and without it no claim is created. From Spark 4.0.0 a bare ' +
      'number below 1024 is rejected as probably missing its unit.',
  },
  {
    suffix: 'options.medium',
    type: 'string',
    choices: ['Memory'],
    sinceByType: { emptyDir: '2.4.0' },
    doc: 'Storage medium of the emptyDir; `Memory` uses tmpfs, which counts against the pod memory.',
  },
  {
    suffix: 'options.path',
    type: 'string',
    sinceByType: { hostPath: '2.4.0', nfs: '3.1.0' },
    requiredFor: ['hostPath', 'nfs'],
    doc: 'The directory on the node (hostPath) or exported by the NFS server (nfs).',
  },
  {
    suffix: 'options.type',
    type: 'string',
    default: '',
    choices: ['DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'],
    sinceByType: { hostPath: '4.0.0' },
    doc: 'Kubernetes hostPath type check, e.g. `DirectoryOrCreate`. Empty means no check.',
  },
  {
    suffix: 'options.server',
    type: 'string',
    sinceByType: { nfs: '3.1.0' },
    requiredFor: ['nfs'],
    doc: 'Host name or address of the NFS server.',
  },
  {
    suffix: 'label.',
    isPrefix: true,
    type: 'string',
    sinceByType: { persistentVolumeClaim: '4.0.0' },
    doc: 'An extra label on claims Spark creates for `OnDemand` (Spark always adds `spark-app-selector`).',
  },
  {
    suffix: 'annotation.',
    isPrefix: true,
    type: 'string',
    sinceByType: { persistentVolumeClaim: '4.0.0' },
    doc: 'An extra annotation on claims Spark creates for `OnDemand`.',
  },
];

const TYPE_DOCS: Readonly<Record<VolumeType, { since: string; doc: string }>> = {
  hostPath: { since: '2.4.0', doc: 'A directory of the node the pod runs on. Data stays with the node.' },
  emptyDir: { since: '2.4.0', doc: 'Scratch space that lives as long as the pod, on node disk or in memory.' },
  persistentVolumeClaim: {
    since: '2.4.0',
    doc:
      'A PersistentVolumeClaim: an existing claim, one per executor via `SPARK_EXECUTOR_ID`, or one Spark creates ' +
      'per pod with `OnDemand` (Spark 3.1.0+), which can outlive the executor and be reused.',
  },
  nfs: { since: '3.1.0', doc: 'A directory exported by an NFS server, shared by all pods that mount it.' },
};

const TYPES: readonly VolumeType[] = ['hostPath', 'emptyDir', 'persistentVolumeClaim', 'nfs'];

function isVolumeType(text: string): text is VolumeType {
  return (TYPES as readonly string[]).includes(text);
}

function maxVersion(a: string, b: string): string {
  return compareVersions(a, b) >= 0 ? a : b;
}

function rowsFor(type: VolumeType): SuffixRow[] {
  return SUFFIXES.filter((row) => row.sinceByType[type] !== undefined);
}

function toSuffixInfo(row: SuffixRow, type: VolumeType): VolumeSuffixInfo {
  const info: VolumeSuffixInfo = {
    suffix: row.suffix,
    type: row.type,
    since: maxVersion(row.sinceByType[type] ?? TYPE_DOCS[type].since, TYPE_DOCS[type].since),
    required: row.requiredFor?.includes(type) ?? false,
    doc: row.doc,
  };
  if (row.isPrefix) info.isPrefix = true;
  if (row.default !== undefined) info.default = row.default;
  if (row.choices !== undefined) info.choices = row.choices;
  return info;
}

const TYPE_INFOS: readonly VolumeTypeInfo[] = TYPES.map((type) => {
  const rows = rowsFor(type);
  return {
    type,
    since: TYPE_DOCS[type].since,
    required: rows.filter((row) => row.requiredFor?.includes(type)).map((row) => row.suffix),
    optional: rows.filter((row) => !row.requiredFor?.includes(type)).map((row) => row.suffix),
    doc: TYPE_DOCS[type].doc,
  };
});

/**
 * Every volume type. `required` lists the suffixes a volume of the type must have (including `mount.path`);
 * `optional` the others, where `label.` and `annotation.` stand for `label.<name>` and `annotation.<name>`.
 */
export function volumeTypes(): readonly VolumeTypeInfo[] {
  return TYPE_INFOS;
}

export function volumeTypeInfo(type: string): VolumeTypeInfo | undefined {
  return TYPE_INFOS.find((info) => info.type === type);
}

/** The suffixes a volume type reads, in a sensible order for completion. Empty for unknown types. */
export function volumeSuffixes(type: string): VolumeSuffixInfo[] {
  if (!isVolumeType(type)) return [];
  return rowsFor(type).map((row) => toSuffixInfo(row, type));
}

/**
 * Splits a volume key into its parts, or undefined when the key is not under a volumes prefix. Missing parts are
 * empty strings (`spark.kubernetes.executor.volumes.persistentVolumeClaim.` → name and suffix empty). Volume names
 * cannot contain dots, so everything after the name is the suffix.
 */
export function parseVolumeKey(key: string): VolumeKey | undefined {
  for (const role of ['driver', 'executor'] as const) {
    const prefix = VOLUME_PREFIXES[role];
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const firstDot = rest.indexOf('.');
    if (firstDot < 0) return { role, volumeType: rest, volumeName: '', suffix: '' };
    const volumeType = rest.slice(0, firstDot);
    const afterType = rest.slice(firstDot + 1);
    const secondDot = afterType.indexOf('.');
    if (secondDot < 0) return { role, volumeType, volumeName: afterType, suffix: '' };
    return { role, volumeType, volumeName: afterType.slice(0, secondDot), suffix: afterType.slice(secondDot + 1) };
  }
  return undefined;
}

/** The suffix row a parsed volume key refers to, or undefined for unknown types and suffixes. */
export function volumeSuffixFor(parts: VolumeKey): VolumeSuffixInfo | undefined {
  if (!isVolumeType(parts.volumeType) || parts.volumeName === '') return undefined;
  const row = rowsFor(parts.volumeType).find((candidate) =>
    candidate.isPrefix
      ? parts.suffix.startsWith(candidate.suffix) && parts.suffix.length > candidate.suffix.length
      : parts.suffix === candidate.suffix,
  );
  return row ? toSuffixInfo(row, parts.volumeType) : undefined;
}

/** A KeyInfo for a full volume key, or undefined when its type or suffix is not one Spark reads. */
export function volumeKeyInfo(key: string): KeyInfo | undefined {
  const parts = parseVolumeKey(key);
  if (!parts) return undefined;
  const suffix = volumeSuffixFor(parts);
  if (!suffix) return undefined;
  const base = `${VOLUME_PREFIXES[parts.role]}${parts.volumeType}.${parts.volumeName}.`;
  const related = volumeSuffixes(parts.volumeType)
    .filter((other) => !other.isPrefix && other.suffix !== suffix.suffix)
    .map((other) => `${base}${other.suffix}`);
  const roleText = parts.role === 'driver' ? 'the driver pod' : 'each executor pod';
  const typeDoc = TYPE_DOCS[parts.volumeType as VolumeType].doc;
  const spec: Parameters<typeof defineKey>[1] = {
    type: suffix.type,
    since: suffix.since,
    category: 'kubernetes-volume',
    related,
    doc: `${suffix.doc} (Volume \`${parts.volumeName}\` of type ${parts.volumeType} on ${roleText}. ${typeDoc})`,
  };
  if (suffix.default !== undefined) spec.default = suffix.default;
  if (suffix.choices !== undefined) spec.choices = suffix.choices;
  return defineKey(key, spec);
}
