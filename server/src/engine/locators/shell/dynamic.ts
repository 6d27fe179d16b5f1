// Entries whose key or value holds a shell expansion: the key is unknown (the entry is dropped), the value is only
// known when the script runs (the entry is kept and flagged, so no rule judges it).
import type { JobConfig, Range } from '../../model';
import { touchesExpansion } from './mask';

export function flagDynamicEntries(text: string, job: JobConfig, expansions: readonly Range[]): void {
  if (expansions.length === 0) return;
  job.entries = job.entries.filter((entry) => !touchesExpansion(entry.keyRange, expansions));
  for (const entry of job.entries) {
    if (!touchesExpansion(entry.valueRange, expansions)) continue;
    entry.dynamic = true;
    // A bare expansion (`"maxExecutors": $MAX`) was read through a blank stand-in: the value is the expansion itself.
    const bare = expansions.find((e) => e.start < entry.valueRange.start && entry.valueRange.end < e.end);
    if (bare) {
      entry.valueRange = { ...bare };
      entry.value = text.slice(bare.start, bare.end);
    }
  }
  const version = job.sparkVersion;
  if (version?.from === 'releaseLabel' && version.range && touchesExpansion(version.range, expansions)) {
    // `"releaseLabel": "${RELEASE}"`: the version is unknown, so the file's fallback applies.
    delete job.sparkVersion;
    delete job.facts.releaseLabel;
  }
}
