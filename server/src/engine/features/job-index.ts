// What hover and completion look up in a job on every request, worked out once per job of one document version: each
// key's effective value (when first asked for), the keys written, and the volumes named. In a job of tens of thousands
// of entries, scanning them all on every hover or completion was most of the request's time. Entries are not grouped
// by key up front: a job of tens of thousands of distinct keys would pay for a list per key on its first hover.
import { parseVolumeKey } from '../catalog';
import { effectiveValue, type EffectiveValue } from '../effective';
import type { JobConfig } from '../model';

/** A volume the job names in a key (`spark.kubernetes.<role>.volumes.<type>.<name>.…`). */
export interface NamedVolume {
  role: 'driver' | 'executor';
  type: string;
  name: string;
}

/** The volume a key names, when it names one with a plain name. */
export function volumeNamedBy(key: string): NamedVolume | undefined {
  const parts = parseVolumeKey(key);
  if (!parts || parts.volumeName === '' || !/^[A-Za-z0-9_-]+$/.test(parts.volumeName)) return undefined;
  return { role: parts.role, type: parts.volumeType, name: parts.volumeName };
}

/** The id of a named volume: role, type and name. */
export const volumeId = (volume: NamedVolume): string => `${volume.role}.${volume.type}.${volume.name}`;

export class JobIndex {
  private writtenKeys: Set<string> | undefined;
  private volumes: Map<string, NamedVolume> | undefined;
  private readonly values = new Map<string, EffectiveValue>();

  constructor(
    readonly job: JobConfig,
    private readonly version: string,
  ) {}

  /** The value Spark uses for `key` in the job (see effective.ts). */
  effective(key: string): EffectiveValue {
    let value = this.values.get(key);
    if (value === undefined) {
      value = effectiveValue(this.job, key, this.version);
      this.values.set(key, value);
    }
    return value;
  }

  /** The keys the job writes itself (keys the platform only implies left out). */
  keysWritten(): ReadonlySet<string> {
    if (this.writtenKeys === undefined) {
      this.writtenKeys = new Set();
      for (const entry of this.job.entries) if (!entry.implied) this.writtenKeys.add(entry.key);
    }
    return this.writtenKeys;
  }

  /** The volumes the job's keys name, each once, in the order they first appear. */
  namedVolumes(): ReadonlyMap<string, NamedVolume> {
    if (this.volumes === undefined) {
      this.volumes = new Map();
      for (const entry of this.job.entries) {
        const volume = volumeNamedBy(entry.key);
        if (volume && !this.volumes.has(volumeId(volume))) this.volumes.set(volumeId(volume), volume);
      }
    }
    return this.volumes;
  }
}
