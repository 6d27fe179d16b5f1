// The on-demand executor claims of a job together with the StorageClass each names, for the cross-file rules that
// judge a StorageClass by what the job does with it (resizing, reuse with dynamic allocation).
import type { ConfigEntry, StorageClassInfo } from '../model';
import type { RuleContext } from './context';
import { jobVolumes, type Volume } from './volume-keys';

export interface ClassOfVolume {
  volume: Volume;
  /** The `options.storageClass` entry. */
  entry: ConfigEntry;
  storageClass: StorageClassInfo;
  /** The StorageClass document is in the file being analysed. */
  local: boolean;
}

/** Executor OnDemand PVC volumes whose StorageClass is known in the file or the workspace. */
export function executorClaimClasses(
  ctx: RuleContext,
  filter: (volume: Volume) => boolean = () => true,
): ClassOfVolume[] {
  const out: ClassOfVolume[] = [];
  for (const volume of jobVolumes(ctx)) {
    if (volume.role !== 'executor' || volume.type !== 'persistentVolumeClaim' || !filter(volume)) continue;
    if (!volume.options.get('options.claimName')?.value.includes('OnDemand')) continue;
    const entry = volume.options.get('options.storageClass');
    const name = entry?.value.trim();
    if (!entry || !name) continue;
    const storageClass = ctx.storageClasses.find((candidate) => candidate.name === name);
    if (!storageClass) continue;
    out.push({ volume, entry, storageClass, local: ctx.parsed.storageClasses.includes(storageClass) });
  }
  return out;
}
