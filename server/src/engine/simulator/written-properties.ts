// The Spark properties a job file hands to Spark: for every key it writes, the value that wins. The entries are
// grouped by key once; resolving each key by scanning every entry made simulate quadratic in the number of keys.
import { effectiveValue, groupWrittenEntries, type WrittenEntries } from '../effective';
import type { JobConfig } from '../model';

/**
 * Key → effective value for every key the job writes (operator-dropped entries left out), in document order. A value a
 * Helm template renders is known only once rendered: such keys are left unset and listed in `rendered`.
 */
export function writtenProperties(
  job: JobConfig,
  sparkVersion: string,
): { conf: Record<string, string>; rendered: Set<string> } {
  const byKey = groupWrittenEntries(job);
  const written: WrittenEntries = (key) => byKey.get(key) ?? [];
  const conf: Record<string, string> = {};
  const rendered = new Set<string>();
  for (const key of byKey.keys()) {
    const effective = effectiveValue(job, key, sparkVersion, written);
    if (effective.entry?.templated !== undefined) {
      rendered.add(effective.entry.templated === 'key' ? key : `${key} = ${effective.entry.value}`);
      continue;
    }
    if (effective.value !== undefined) conf[key] = effective.value;
  }
  return { conf, rendered };
}
