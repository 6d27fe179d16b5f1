// After a Helm template was read with its actions masked (template-mask.ts): marks what the actions render, so that
// no rule judges text Helm replaces, and puts the text as written back where the mask stood.
import type { ConfigEntry, JobConfig, Range, StorageClassInfo } from '../../model';
import { branchAt, templateBranches } from './template-branches';
import { overlapsTemplate } from './template-mask';

/** Marks the entries of `job` whose key or value overlaps an action; drops a version that an action renders. */
export function markTemplatedJob(job: JobConfig, original: string, spans: readonly Range[]): void {
  const branches = templateBranches(original, spans);
  job.entries = job.entries.map((entry) => {
    const marked = markEntry(entry, original, spans);
    const branch = entry.implied ? '' : branchAt(branches, entry.keyRange.start);
    return branch === '' ? marked : { ...marked, templateBranch: branch };
  });
  const version = job.sparkVersion;
  // A rendered version is unknown here: the job falls back to the settings, as when none is written.
  if (version?.range && overlapsTemplate(spans, version.range)) delete job.sparkVersion;
}

export function markTemplatedStorageClass(info: StorageClassInfo, original: string, spans: readonly Range[]): void {
  if (overlapsTemplate(spans, info.nameRange)) info.name = original.slice(info.nameRange.start, info.nameRange.end);
}

function markEntry(entry: ConfigEntry, original: string, spans: readonly Range[]): ConfigEntry {
  // Implied entries point at a field they do not spell; only written text can be a template.
  if (entry.implied) return entry;
  if (overlapsTemplate(spans, entry.keyRange)) {
    return { ...entry, key: original.slice(entry.keyRange.start, entry.keyRange.end), templated: 'key' };
  }
  if (entry.valueRange.end > entry.valueRange.start && overlapsTemplate(spans, entry.valueRange)) {
    return { ...entry, value: original.slice(entry.valueRange.start, entry.valueRange.end), templated: 'value' };
  }
  return entry;
}
