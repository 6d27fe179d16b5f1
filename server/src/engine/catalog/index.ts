// The key catalog: every Spark key the extension knows. The tables live in keys-*.ts and volumes.ts.
import { memoize } from '../memo';
import { compareVersions } from '../version';
import { DYNAMIC_ALLOCATION_KEYS } from './keys-dynamic-allocation';
import { KUBERNETES_ALLOCATION_KEYS, KUBERNETES_POD_KEYS, KUBERNETES_PVC_KEYS } from './keys-kubernetes';
import { EMR_VERTICAL_AUTOSCALING_KEYS } from './keys-emr';
import { KUBERNETES_RESIZE_KEYS } from './keys-kubernetes-resize';
import { CELEBORN_KEYS, SHUFFLE_MANAGER_KEYS, UNIFFLE_KEYS } from './keys-remote-shuffle';
import { DECOMMISSION_KEYS, EXECUTOR_KEYS, SHUFFLE_KEYS } from './keys-shuffle-executor';
import type { KeyInfo, VersionedDefault, VolumeKey, VolumeTypeInfo } from './types';
import {
  parseVolumeKey as splitVolumeKey,
  VOLUME_PREFIXES,
  volumeKeyInfo,
  volumeTypes as allVolumeTypes,
} from './volumes';

export {
  VOLUME_PREFIXES,
  volumeSuffixes,
  volumeSuffixFor,
  volumeTypeInfo,
  type VolumeSuffixInfo,
  type VolumeType,
} from './volumes';
export { KUBERNETES_SHUFFLE_IO, LOCAL_DISK_SHUFFLE_IO } from './keys-shuffle-executor';
export { POD_ALLOCATORS } from './keys-kubernetes';
export { EXECUTOR_RESIZE_PLUGIN, PVC_RESIZE_PLUGIN } from './keys-kubernetes-resize';
export {
  CELEBORN_DATA_IO,
  CELEBORN_LEGACY_MANAGER,
  CELEBORN_MANAGER,
  S3_EXPRESS_MANAGER,
  S3_EXPRESS_PLUGIN,
  UNIFFLE_DATA_IO,
  UNIFFLE_DELEGATION_MANAGER,
  UNIFFLE_MANAGER,
} from './keys-remote-shuffle';
export { FULLY_COVERED_PREFIXES, isOtherKnownKey, MISNAMED_KEYS } from './other-keys';
export type { CatalogKey, SparkKey } from './spark-keys';

const KEYS: readonly KeyInfo[] = [
  ...DYNAMIC_ALLOCATION_KEYS,
  ...SHUFFLE_KEYS,
  ...EXECUTOR_KEYS,
  ...DECOMMISSION_KEYS,
  ...KUBERNETES_ALLOCATION_KEYS,
  ...KUBERNETES_PVC_KEYS,
  ...KUBERNETES_POD_KEYS,
  ...SHUFFLE_MANAGER_KEYS,
  ...CELEBORN_KEYS,
  ...UNIFFLE_KEYS,
  ...KUBERNETES_RESIZE_KEYS,
  ...EMR_VERTICAL_AUTOSCALING_KEYS,
];

const BY_KEY: ReadonlyMap<string, KeyInfo> = new Map(KEYS.map((info) => [info.key, info]));

/** Every catalogued key (volume templates excluded), including internal ones. */
export function allKeys(): readonly KeyInfo[] {
  return KEYS;
}

/**
 * Looks a key up. Volume keys (`spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path`) resolve to a
 * synthesised KeyInfo for their suffix. Returns undefined for keys we do not know.
 */
export function lookupKey(key: string): KeyInfo | undefined {
  const known = BY_KEY.get(key);
  if (known !== undefined || !underVolumePrefix(key)) return known;
  return volumeKeyInfoOf(key);
}

function underVolumePrefix(key: string): boolean {
  return key.startsWith(VOLUME_PREFIXES.executor) || key.startsWith(VOLUME_PREFIXES.driver);
}

/** The same volume keys recur in job after job: each one's KeyInfo is built once. */
const volumeKeyInfoOf = memoize(volumeKeyInfo);

/**
 * The default in force for a Spark version (`major.minor.patch`). For versions older than the key itself the first
 * entry is returned; compare with `info.since` to tell that case apart.
 */
export function defaultFor(info: KeyInfo, sparkVersion: string): VersionedDefault {
  const fallback: VersionedDefault = { since: info.since, value: undefined };
  let current = info.defaults[0] ?? fallback;
  for (const entry of info.defaults) {
    if (compareVersions(entry.since, sparkVersion) <= 0) current = entry;
  }
  return current;
}

/** Splits a volume key into its parts, or undefined when the key is not under a volumes prefix. */
export function parseVolumeKey(key: string): VolumeKey | undefined {
  return splitVolumeKey(key);
}

export function volumeTypes(): readonly VolumeTypeInfo[] {
  return allVolumeTypes();
}

/** Key prefixes whose every key we know, so an unknown key under them is probably a typo. */
export const OWNED_PREFIXES: readonly string[] = [
  'spark.dynamicAllocation.',
  'spark.shuffle.',
  'spark.executor.',
  'spark.decommission.',
  'spark.storage.decommission.',
  'spark.kubernetes.',
];
