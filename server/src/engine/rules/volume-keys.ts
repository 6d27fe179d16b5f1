// Kubernetes volume keys split the way Spark splits them, and what each volume of a pod is made of.
// A local table (spark-facts §1.4) so the rules do not depend on how the catalog synthesises volume keys.
import type { ConfigEntry, Range } from '../model';
import { pickWinner } from './context';

export type VolumeRole = 'driver' | 'executor';

export interface VolumeTypeSpec {
  type: string;
  since: string;
  required: string[];
  optional: Record<string, string>;
}

export const VOLUME_TYPES: readonly VolumeTypeSpec[] = [
  { type: 'hostPath', since: '2.4.0', required: ['options.path'], optional: { 'options.type': '4.0.0' } },
  { type: 'emptyDir', since: '2.4.0', required: [], optional: { 'options.medium': '2.4.0', 'options.sizeLimit': '2.4.0' } },
  {
    type: 'persistentVolumeClaim',
    since: '2.4.0',
    required: ['options.claimName'],
    optional: { 'options.storageClass': '3.1.0', 'options.sizeLimit': '3.1.0' },
  },
  { type: 'nfs', since: '3.1.0', required: ['options.path', 'options.server'], optional: {} },
];

/** Suffixes every volume type takes, with the Spark version that introduced them. */
export const MOUNT_SUFFIXES: Readonly<Record<string, string>> = {
  'mount.path': '2.4.0',
  'mount.readOnly': '2.4.0',
  'mount.subPath': '3.0.0',
  'mount.subPathExpr': '4.0.0',
};

/** Open-ended suffix prefixes (`label.<name>`, `annotation.<name>`) and their first version. */
export const OPEN_SUFFIXES: Readonly<Record<string, string>> = { 'label.': '4.0.0', 'annotation.': '4.0.0' };

const PREFIX = /^spark\.kubernetes\.(driver|executor)\.volumes\./;

export interface SplitVolumeKey {
  role: VolumeRole;
  type: string;
  name: string;
  suffix: string;
  /** Offsets of each part inside the key string. */
  typeStart: number;
  nameStart: number;
  suffixStart: number;
}

/** Splits a key under a volumes prefix into type, name and suffix, as Spark does (first two segments, then the rest). */
export function splitVolumeKey(key: string): SplitVolumeKey | undefined {
  const prefix = PREFIX.exec(key);
  if (!prefix) return undefined;
  const rest = key.slice(prefix[0].length);
  const firstDot = rest.indexOf('.');
  if (firstDot <= 0) return undefined;
  const secondDot = rest.indexOf('.', firstDot + 1);
  if (secondDot <= firstDot + 1) return undefined;
  const base = prefix[0].length;
  return {
    role: prefix[1] as VolumeRole,
    type: rest.slice(0, firstDot),
    name: rest.slice(firstDot + 1, secondDot),
    suffix: rest.slice(secondDot + 1),
    typeStart: base,
    nameStart: base + firstDot + 1,
    suffixStart: base + secondDot + 1,
  };
}

export function volumeTypeSpec(type: string): VolumeTypeSpec | undefined {
  return VOLUME_TYPES.find((spec) => spec.type === type);
}

/** The version a suffix appeared in for a volume type, or undefined when the suffix is not one Spark reads. */
export function suffixSince(spec: VolumeTypeSpec, suffix: string): string | undefined {
  if (MOUNT_SUFFIXES[suffix] !== undefined) return MOUNT_SUFFIXES[suffix];
  if (spec.required.includes(suffix)) return spec.since;
  if (spec.optional[suffix] !== undefined) return spec.optional[suffix];
  for (const [open, since] of Object.entries(OPEN_SUFFIXES)) if (suffix.startsWith(open) && suffix.length > open.length) return since;
  return undefined;
}

export function knownSuffixes(spec: VolumeTypeSpec): string[] {
  return [...Object.keys(MOUNT_SUFFIXES), ...spec.required, ...Object.keys(spec.optional)];
}

/** One volume of one pod: its type, name and the entries Spark uses for each suffix. */
export interface Volume {
  role: VolumeRole;
  type: string;
  name: string;
  /** Winning entry per suffix. */
  options: Map<string, ConfigEntry>;
  /** Every entry of the volume, in document order. */
  entries: ConfigEntry[];
}

/** Groups the job's volume entries into volumes (per role, type and name). */
export function collectVolumes(entries: readonly ConfigEntry[]): Volume[] {
  const volumes = new Map<string, Volume & { all: Map<string, ConfigEntry[]> }>();
  for (const entry of entries) {
    const split = splitVolumeKey(entry.key);
    if (!split) continue;
    const id = `${split.role}/${split.type}/${split.name}`;
    let volume = volumes.get(id);
    if (!volume) {
      volume = { role: split.role, type: split.type, name: split.name, options: new Map(), entries: [], all: new Map() };
      volumes.set(id, volume);
    }
    volume.entries.push(entry);
    const list = volume.all.get(split.suffix) ?? [];
    list.push(entry);
    volume.all.set(split.suffix, list);
  }
  const result: Volume[] = [];
  for (const volume of volumes.values()) {
    for (const [suffix, list] of volume.all) {
      const winner = pickWinner(list);
      if (winner) volume.options.set(suffix, winner);
    }
    result.push({ role: volume.role, type: volume.type, name: volume.name, options: volume.options, entries: volume.entries });
  }
  return result;
}

/** The span of part of a key inside the entry's key range, when the key is written verbatim; else the whole key. */
export function keyPartRange(text: string, entry: ConfigEntry, start: number, end: number): Range {
  if (text.slice(entry.keyRange.start, entry.keyRange.end) !== entry.key) return { ...entry.keyRange };
  return { start: entry.keyRange.start + start, end: entry.keyRange.start + end };
}
