// A compact way to write catalog rows: one default or a list of defaults over time; booleans get true/false choices.
import { INT_MAX as SPARK_INT_MAX } from '../spark-constants';
import type { ByteUnit, KeyCategory, KeyInfo, TimeUnit, ValueType, VersionedDefault } from './types';

export interface KeySpec {
  type: ValueType;
  unit?: TimeUnit | ByteUnit;
  since: string;
  category: KeyCategory;
  doc: string;
  related?: string[];
  /** The one default the key has had since `since` (omit for keys with no default). */
  default?: string;
  /** How to show that one default, e.g. `infinity`. */
  display?: string;
  /** Defaults over time, oldest first, when the default changed. Wins over `default`. */
  defaults?: VersionedDefault[];
  choices?: string[];
  internal?: boolean;
  fallbackKey?: string;
  constraint?: string;
  provider?: { name: string; since?: string };
}

/** A catalog row; the key's literal type is kept, so the catalog's keys form a type (see spark-keys.ts). */
export function defineKey<K extends string>(key: K, spec: KeySpec): KeyInfo & { readonly key: K } {
  const first: VersionedDefault = { since: spec.since, value: spec.default };
  if (spec.display !== undefined) first.display = spec.display;
  const info: KeyInfo & { key: K } = {
    key,
    type: spec.type,
    defaults: spec.defaults ?? [first],
    since: spec.since,
    category: spec.category,
    doc: spec.doc,
    related: spec.related ?? [],
  };
  if (spec.unit !== undefined) info.unit = spec.unit;
  const choices = spec.choices ?? (spec.type === 'bool' ? ['true', 'false'] : undefined);
  if (choices !== undefined) info.choices = choices;
  if (spec.internal) info.internal = true;
  if (spec.fallbackKey !== undefined) info.fallbackKey = spec.fallbackKey;
  if (spec.constraint !== undefined) info.constraint = spec.constraint;
  if (spec.provider !== undefined) info.provider = spec.provider;
  return info;
}

/** Int.MaxValue, the "no limit" default of several count keys. */
/** Integer.MAX_VALUE as a default value's text. */
export const INT_MAX = String(SPARK_INT_MAX);
