// Validates a run's per-resource-profile figures as they reach the webview: a clean copy, or undefined when any part
// is off (the summary is then refused as a whole, like any other malformed figure).
import type { ProfileSummary } from './simulation';
import { count, isObj, nonNegativeFields } from './value-checks';

/** Spark numbers profiles from 0; a run names a handful. */
const MAX_PROFILES = 256;
const FIELDS = ['executorCores', 'taskCpus', 'peakExecutors', 'executors', 'executorSeconds'] as const;

export function parseProfileSummaries(x: unknown): ProfileSummary[] | undefined {
  if (!Array.isArray(x) || x.length > MAX_PROFILES) return undefined;
  const out: ProfileSummary[] = [];
  for (const item of x) {
    if (!isObj(item) || !count(item.id)) return undefined;
    const figures = nonNegativeFields(item, FIELDS);
    if (!figures) return undefined;
    out.push({ id: item.id, ...figures });
  }
  return out;
}
