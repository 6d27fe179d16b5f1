// Part of the upgrade diff: effective values and defaults of every catalogued key on two Spark versions, and the
// written keys one of the two versions ignores because they arrived later.
import { effectiveRows, type EffectiveRow } from '../../features/effective-table';
import type { JobConfig } from '../../model';
import { keySince } from '../../rules/keys';
import { compareVersions } from '../../version';
import type { KeyAtVersion, ValueChange, WrittenKeyAvailability } from '../../../../../protocol/upgrade-diff';

/** True when `version` has the key; keys without a Spark release (other projects', unknown ones) always count. */
function knownIn(key: string, version: string): boolean {
  const since = keySince(key);
  return since === undefined || compareVersions(version, since) >= 0;
}

function atVersion(row: EffectiveRow | undefined, version: string, key: string): KeyAtVersion {
  if (!knownIn(key, version)) return { known: false };
  const seen: KeyAtVersion = { known: true };
  if (row?.value !== undefined) seen.value = row.value;
  if (row?.defaultValue !== undefined) seen.defaultValue = row.defaultValue;
  return seen;
}

/** Keys whose value, default or availability differs between the two versions: written keys first, then by name. */
export function valueChanges(job: JobConfig, before: string, after: string): ValueChange[] {
  const beforeRows = new Map(effectiveRows(job, before).map((row) => [row.key, row]));
  const afterRows = new Map(effectiveRows(job, after).map((row) => [row.key, row]));
  const changes: ValueChange[] = [];
  for (const key of new Set([...beforeRows.keys(), ...afterRows.keys()])) {
    const beforeRow = beforeRows.get(key);
    const afterRow = afterRows.get(key);
    const was = atVersion(beforeRow, before, key);
    const will = atVersion(afterRow, after, key);
    const changed: ValueChange['changed'] = [];
    if (was.value !== will.value) changed.push('value');
    if (was.known && will.known && was.defaultValue !== will.defaultValue) changed.push('default');
    if (was.known !== will.known) changed.push('known');
    if (changed.length === 0) continue;
    const written = (beforeRow?.written ?? false) || (afterRow?.written ?? false);
    changes.push({ key, written, changed, before: was, after: will });
  }
  return changes.sort((a, b) => Number(b.written) - Number(a.written) || a.key.localeCompare(b.key));
}

/** Written keys (as Spark receives them) that the current or the target version ignores for being too new. */
export function writtenKeyAvailability(job: JobConfig, before: string, after: string): WrittenKeyAvailability[] {
  const result = new Map<string, WrittenKeyAvailability>();
  for (const entry of job.entries) {
    // An operator's own defaults are written for every Spark it runs; they are not the file's doing.
    if (entry.origin === 'operator-default' || result.has(entry.key)) continue;
    const since = keySince(entry.key);
    if (since === undefined) continue;
    const usedBefore = compareVersions(before, since) >= 0;
    const usedAfter = compareVersions(after, since) >= 0;
    if (usedBefore && usedAfter) continue;
    result.set(entry.key, { key: entry.key, since, usedBefore, usedAfter });
  }
  return [...result.values()].sort((a, b) => a.key.localeCompare(b.key));
}
