// The executor pod's on-demand PersistentVolumeClaim volumes, read from the job's volume keys
// (`spark.kubernetes.executor.volumes.persistentVolumeClaim.<name>.options.claimName=OnDemand`, spark-facts §1.4).
import { parseVolumeKey } from '../../catalog/index';
import { parseK8sQuantity } from '../../values/index';

export interface OnDemandVolume {
  /** The volume name in the keys. */
  name: string;
  storageClass: string | undefined;
  /** options.sizeLimit in bytes, when set and readable. */
  sizeBytes: number | undefined;
  /** Spark creates a claim for it only when both storageClass and sizeLimit are set. */
  creates: boolean;
}

export interface ExecutorVolumes {
  /** On-demand volumes in volume-name order. */
  onDemand: OnDemandVolume[];
  /** Things a person should know (claims nobody creates, unreadable sizes). */
  notes: string[];
}

const PVC = 'persistentVolumeClaim';

export function executorOnDemandVolumes(props: Readonly<Record<string, string>>): ExecutorVolumes {
  const byName = new Map<string, Map<string, string>>();
  for (const key of Object.keys(props).sort()) {
    const parts = parseVolumeKey(key);
    if (!parts || parts.role !== 'executor' || parts.volumeType !== PVC || parts.volumeName === '') continue;
    let options = byName.get(parts.volumeName);
    if (!options) {
      options = new Map();
      byName.set(parts.volumeName, options);
    }
    options.set(parts.suffix, props[key]);
  }
  const onDemand: OnDemandVolume[] = [];
  const notes: string[] = [];
  for (const [name, options] of byName) {
    const claim = options.get('options.claimName');
    if (claim === undefined || !claim.includes('OnDemand')) continue;
    const storageClass = options.get('options.storageClass')?.trim() || undefined;
    const sizeText = options.get('options.sizeLimit');
    let sizeBytes: number | undefined;
    if (sizeText !== undefined) {
      const parsed = parseK8sQuantity(sizeText);
      if (parsed.ok) sizeBytes = parsed.value;
      else
        notes.push(`Volume ${name}: sizeLimit ${JSON.stringify(sizeText)} cannot be read; no claim is created for it.`);
    }
    const creates = storageClass !== undefined && sizeBytes !== undefined;
    if (!creates) {
      notes.push(
        `Volume ${name} is an OnDemand claim without both options.storageClass and options.sizeLimit: Spark creates no claim, ` +
          'so a real executor pod would wait in Pending for a claim that never appears. Simulated without that volume.',
      );
    }
    onDemand.push({ name, storageClass, sizeBytes, creates });
  }
  return { onDemand, notes };
}
