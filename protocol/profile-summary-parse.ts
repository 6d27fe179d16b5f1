// Validates a run's per-resource-profile figures as they reach the webview: a clean copy, or undefined when any part
// is off (the summary is then refused as a whole, like any other malformed figure).
import type { ProfileSummary } from './simulation';
import { count, isObj, listOf, nonNegativeFields } from './value-checks';

/** Spark numbers profiles from 0; a run names a handful. */
const MAX_PROFILES = 256;
const FIELDS = ['executorCores', 'taskCpus', 'peakExecutors', 'executors', 'executorSeconds'] as const;

export function parseProfileSummaries(x: unknown): ProfileSummary[] | undefined {
  return listOf(x, MAX_PROFILES, parseProfileSummary);
}

function parseProfileSummary(item: unknown): ProfileSummary | undefined {
  if (!isObj(item) || !count(item.id)) return undefined;
  const figures = nonNegativeFields(item, FIELDS);
  return figures ? { id: item.id, ...figures } : undefined;
}
