// Where a job's shuffle files live, and so what removing an executor does to them (issue 11 item 4). One mode per
// configuration, decided from the keys as Spark reads them — the same conditions as rules/shuffle.ts `shuffleState`
// (which works on a rule context), kept apart so the simulator does not depend on the rules:
//   remote     a remote shuffle service (Celeborn, Uniffle, the S3 Express shuffle manager) or, from 3.5, a
//              ShuffleDataIO plugin that stores shuffle data reliably: nothing lives on executors, nothing is lost;
//   external   the external shuffle service serves the files after the executor is gone: nothing is lost;
//   migrated   decommissioning with block migration (spark.decommission.enabled, spark.storage.decommission.enabled
//              and shuffle-block migration): a removed executor's shuffle files move to a live executor first;
//   local      files stay on the executor's disk and go with it: a later stage reading them recomputes them.
// With `local` (and `migrated`), shuffle tracking decides whether executors holding files are kept (see
// executor-monitor.ts); it does not change where the files are.
import {
  CELEBORN_DATA_IO,
  CELEBORN_LEGACY_MANAGER,
  CELEBORN_MANAGER,
  KUBERNETES_SHUFFLE_IO,
  LOCAL_DISK_SHUFFLE_IO,
  S3_EXPRESS_MANAGER,
  UNIFFLE_DELEGATION_MANAGER,
  UNIFFLE_MANAGER,
} from '../catalog/index';
import { versionAtLeast } from '../version';

export type ShuffleStorageMode = 'remote' | 'external' | 'migrated' | 'local';

/** What the mode is decided from, as Spark reads the configuration. */
export interface ShuffleStorageInputs {
  sparkVersion: string;
  shuffleServiceEnabled: boolean;
  decommissionEnabled: boolean;
  storageDecommissionEnabled: boolean;
  storageDecommissionShuffleBlocksEnabled: boolean;
  shuffleManager: string;
  shuffleIoPluginClass: string;
  celebornForceFallback: boolean;
}

const REMOTE_MANAGERS: ReadonlySet<string> = new Set([
  CELEBORN_MANAGER,
  CELEBORN_LEGACY_MANAGER,
  UNIFFLE_MANAGER,
  UNIFFLE_DELEGATION_MANAGER,
  S3_EXPRESS_MANAGER,
]);

const LOCAL_PLUGINS: ReadonlySet<string> = new Set(['', LOCAL_DISK_SHUFFLE_IO, KUBERNETES_SHUFFLE_IO]);

/** A ShuffleDataIO plugin Spark (3.5+) asks whether shuffle data survives executors (SPARK-42689). */
export function reliablePlugin(inputs: ShuffleStorageInputs): boolean {
  if (!versionAtLeast(inputs.sparkVersion, '3.5.0') || LOCAL_PLUGINS.has(inputs.shuffleIoPluginClass)) return false;
  // Celeborn's plugin stops claiming reliable storage when every shuffle is forced onto local disks.
  return !(inputs.shuffleIoPluginClass === CELEBORN_DATA_IO && inputs.celebornForceFallback);
}

export function shuffleStorageMode(inputs: ShuffleStorageInputs): ShuffleStorageMode {
  if (REMOTE_MANAGERS.has(inputs.shuffleManager) || reliablePlugin(inputs)) return 'remote';
  if (inputs.shuffleServiceEnabled) return 'external';
  const migrates =
    versionAtLeast(inputs.sparkVersion, '3.1.0') &&
    inputs.decommissionEnabled &&
    inputs.storageDecommissionEnabled &&
    inputs.storageDecommissionShuffleBlocksEnabled;
  return migrates ? 'migrated' : 'local';
}

/** How the mode reads in a sentence. */
export const SHUFFLE_STORAGE_TEXT: Record<ShuffleStorageMode, string> = {
  remote: 'a remote shuffle service keeps the shuffle data',
  external: 'the external shuffle service serves shuffle files after their executor is gone',
  migrated: "storage decommissioning migrates a removed executor's shuffle files first",
  local: 'shuffle files live on executor disks and are lost with the executor',
};
