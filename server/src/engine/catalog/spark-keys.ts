// Every Spark key name the engine's code may write, as a type derived from the catalog's own rows: a reader of
// Spark properties takes a `SparkKey`, so a misspelt or uncatalogued key is a type error, not a silent miss.
import type { DYNAMIC_ALLOCATION_KEYS } from './keys-dynamic-allocation';
import type { EMR_VERTICAL_AUTOSCALING_KEYS } from './keys-emr';
import type { KUBERNETES_ALLOCATION_KEYS, KUBERNETES_POD_KEYS, KUBERNETES_PVC_KEYS } from './keys-kubernetes';
import type { KUBERNETES_RESIZE_KEYS } from './keys-kubernetes-resize';
import type { CELEBORN_KEYS, SHUFFLE_MANAGER_KEYS, UNIFFLE_KEYS } from './keys-remote-shuffle';
import type { DECOMMISSION_KEYS, EXECUTOR_KEYS, SHUFFLE_KEYS } from './keys-shuffle-executor';
import type { FamilyKey, OtherKnownKey } from './other-keys';

type KeysOf<Rows extends readonly { key: string }[]> = Rows[number]['key'];

/** A key the catalog describes. */
export type CatalogKey =
  | KeysOf<typeof DYNAMIC_ALLOCATION_KEYS>
  | KeysOf<typeof SHUFFLE_KEYS>
  | KeysOf<typeof EXECUTOR_KEYS>
  | KeysOf<typeof DECOMMISSION_KEYS>
  | KeysOf<typeof KUBERNETES_ALLOCATION_KEYS>
  | KeysOf<typeof KUBERNETES_PVC_KEYS>
  | KeysOf<typeof KUBERNETES_POD_KEYS>
  | KeysOf<typeof SHUFFLE_MANAGER_KEYS>
  | KeysOf<typeof CELEBORN_KEYS>
  | KeysOf<typeof UNIFFLE_KEYS>
  | KeysOf<typeof KUBERNETES_RESIZE_KEYS>
  | KeysOf<typeof EMR_VERTICAL_AUTOSCALING_KEYS>;

/** A volume key: `spark.kubernetes.{executor,driver}.volumes.[type].[name].[suffix]`, names chosen by the user. */
export type VolumeKeyText = `spark.kubernetes.${'executor' | 'driver'}.volumes.${string}`;

/**
 * A key the engine knows: catalogued, a real Spark key it names outside the catalog (e.g. `spark.master`), or a key
 * of a family whose last parts the user names (volumes, node selectors, labels…).
 */
export type SparkKey = CatalogKey | OtherKnownKey | FamilyKey | VolumeKeyText;
