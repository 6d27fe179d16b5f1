// Jobs built in code for the tests of every tier: engine-level entries and jobs, and job-file texts.
import type { ConfigEntry, EntryOrigin, JobConfig, JobFacts } from '../../server/src/engine/model';

let nextOffset = 0;

/** One entry of a job; each gets ranges of its own, so entries never overlap. */
export function configEntry(
  key: string,
  value: string,
  options: { rank?: number; origin?: EntryOrigin } = {},
): ConfigEntry {
  const start = (nextOffset += 100);
  return {
    key,
    value,
    keyRange: { start, end: start + key.length },
    valueRange: { start: start + key.length + 2, end: start + key.length + 2 + value.length },
    origin: options.origin ?? 'property',
    rank: options.rank ?? 0,
  };
}

/** A job of the given kind (EMR on EKS unless told) on Kubernetes holding the entries. */
export function jobOf(
  entries: ConfigEntry[],
  facts: Partial<JobFacts> = {},
  extra: Partial<JobConfig> = {},
): JobConfig {
  return {
    kind: 'emr-eks',
    range: { start: 0, end: nextOffset + 1_000 },
    entries,
    facts: { platform: 'kubernetes', ...facts },
    containers: [],
    ...extra,
  };
}
