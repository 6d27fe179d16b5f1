// The Spark properties a job file hands to Spark: for every key it writes, the value that wins. The entries are
// grouped by key once; resolving each key by scanning every entry made simulate quadratic in the number of keys.
import { effectiveValue, isIgnoredByOperator, type WrittenEntries } from '../effective';
import type { ConfigEntry, JobConfig } from '../model';

/** Key → effective value for every key the job writes (operator-dropped entries left out), in document order. */
export function writtenProperties(job: JobConfig, sparkVersion: string): Record<string, string> {
  const byKey = new Map<string, ConfigEntry[]>();
  for (const entry of job.entries) {
    if (isIgnoredByOperator(job, entry)) continue;
    const list = byKey.get(entry.key);
    if (list) list.push(entry);
    else byKey.set(entry.key, [entry]);
  }
  const written: WrittenEntries = (key) => byKey.get(key) ?? [];
  const conf: Record<string, string> = {};
  for (const key of byKey.keys()) {
    const value = effectiveValue(job, key, sparkVersion, written).value;
    if (value !== undefined) conf[key] = value;
  }
  return conf;
}
