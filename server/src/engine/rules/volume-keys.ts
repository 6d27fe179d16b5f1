// Kubernetes volume keys split the way Spark splits them, and what each volume of a pod is made of.
// Volume types and their options come from the catalog; this module adds key-part offsets and grouping by volume.
import { volumeSuffixes, volumeSuffixFor, volumeTypes } from '../catalog';
import type { ConfigEntry, Range } from '../model';
import { pickWinner } from '../effective';
import type { RuleContext } from './context';
import { entriesForGroup, VOLUME_KEYS } from './read-tracker';

export type VolumeRole = 'driver' | 'executor';

export interface VolumeTypeSpec {
  type: string;
  since: string;
  /** Options the type requires besides `mount.path` (checked by its own rule). */
  required: string[];
}

/** The volume types Spark supports, from the catalog. */
export const VOLUME_TYPES: readonly VolumeTypeSpec[] = volumeTypes().map((info) => ({
  type: info.type,
  since: info.since,
  required: info.required.filter((suffix) => suffix !== 'mount.path'),
}));

const PREFIX = /^spark\.kubernetes\.(driver|executor)\.volumes\./;
const K8S_PREFIX = 'spark.kubernetes.';

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
  // Most keys are not volume keys; several rules ask for every entry, so reject them before running the pattern.
  if (!key.startsWith(K8S_PREFIX)) return undefined;
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
  return volumeSuffixFor({ role: 'executor', volumeType: spec.type, volumeName: 'v', suffix })?.since;
}

export function knownSuffixes(spec: VolumeTypeSpec): string[] {
  return volumeSuffixes(spec.type).map((info) => info.suffix);
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
  // Indexed, like the other loops over every entry (see buildContext).
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as ConfigEntry;
    const split = splitVolumeKey(entry.key);
    if (!split) continue;
    const id = `${split.role}/${split.type}/${split.name}`;
    let volume = volumes.get(id);
    if (!volume) {
      volume = {
        role: split.role,
        type: split.type,
        name: split.name,
        options: new Map(),
        entries: [],
        all: new Map(),
      };
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
    result.push({
      role: volume.role,
      type: volume.type,
      name: volume.name,
      options: volume.options,
      entries: volume.entries,
    });
  }
  return result;
}

const volumesByContext = new WeakMap<RuleContext, readonly Volume[]>();

/**
 * The job's volumes (collectVolumes of its entries), grouped once per rule context: several rules look at them, and
 * each regrouping walks every entry of the job. Callers must not modify what they get.
 */
export function jobVolumes(ctx: RuleContext): readonly Volume[] {
  // Read even when the volumes are cached: every caller depends on every volume entry (see read-tracker.ts).
  const entries = entriesForGroup(ctx, VOLUME_KEYS) ?? ctx.job.entries;
  let volumes = volumesByContext.get(ctx);
  if (volumes === undefined) {
    volumes = collectVolumes(entries);
    volumesByContext.set(ctx, volumes);
  }
  return volumes;
}

/** The span of part of a key inside the entry's key range, when the key is written verbatim; else the whole key. */
export function keyPartRange(text: string, entry: ConfigEntry, start: number, end: number): Range {
  if (text.slice(entry.keyRange.start, entry.keyRange.end) !== entry.key) return { ...entry.keyRange };
  return { start: entry.keyRange.start + start, end: entry.keyRange.start + end };
}
