// Volume keys for volumes that already have a name: the one being typed (`…persistentVolumeClaim.data.`) and the ones
// the job already configures. Completion offers each missing suffix with the real name, not a `<name>` template.
import { lookupKey, parseVolumeKey, volumeTypes } from '../catalog';
import type { KeyInfo } from '../catalog/types';
import type { JobConfig } from '../model';

export interface NamedVolumeKey {
  key: string;
  /** The option part after the name, e.g. `options.claimName`. */
  suffix: string;
  volumeType: string;
  info: KeyInfo;
}

/** Every suffix key not yet written for each named volume of the job and for the one named in `prefix`. */
export function namedVolumeKeys(job: JobConfig, prefix: string, present: ReadonlySet<string>): NamedVolumeKey[] {
  const volumes = new Map<string, { role: 'driver' | 'executor'; volumeType: string; volumeName: string }>();
  const typed = parseVolumeKey(prefix);
  // A name counts once its dot is typed: `…persistentVolumeClaim.da` is still being named.
  if (typed && typed.volumeName !== '' && prefix.length > baseOf(typed).length - 1) add(typed);
  for (const entry of job.entries) {
    const parts = parseVolumeKey(entry.key);
    if (parts && parts.volumeName !== '' && parts.suffix !== '') add(parts);
  }
  const out: NamedVolumeKey[] = [];
  for (const volume of volumes.values()) {
    const type = volumeTypes().find((candidate) => candidate.type === volume.volumeType);
    if (!type) continue;
    const suffixes = new Set([...type.required, 'mount.path', ...type.optional, 'mount.readOnly', 'mount.subPath']);
    for (const suffix of suffixes) {
      const key = `${baseOf(volume)}${suffix}`;
      const info = lookupKey(key);
      if (!info || present.has(key)) continue;
      out.push({ key, suffix, volumeType: volume.volumeType, info });
    }
  }
  return out;

  function add(parts: { role: 'driver' | 'executor'; volumeType: string; volumeName: string }): void {
    if (/[<>\s]/.test(parts.volumeName)) return;
    volumes.set(baseOf(parts), { role: parts.role, volumeType: parts.volumeType, volumeName: parts.volumeName });
  }
}

function baseOf(parts: { role: string; volumeType: string; volumeName: string }): string {
  return `spark.kubernetes.${parts.role}.volumes.${parts.volumeType}.${parts.volumeName}.`;
}
