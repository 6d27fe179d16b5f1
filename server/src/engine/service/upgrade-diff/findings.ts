// Part of the upgrade diff: the findings of one job on two Spark versions, matched by rule and place. A finding on
// both sides whose wording or severity differs (it often names the version) is "changed", not gone and new.
import type { Finding } from '../../rules/types';
import type { JobConfig, Range } from '../../model';
import type { Position } from '../../line-index';
import type { ChangedFinding, DiffFinding } from '../../../../../protocol/upgrade-diff';

export interface FindingChanges {
  appeared: DiffFinding[];
  disappeared: DiffFinding[];
  changed: ChangedFinding[];
}

const overlaps = (a: Range, b: Range): boolean => a.start <= b.end && b.start <= a.end;

/** The findings that belong to the job: inside its extent, or outside every job's (about the file as a whole). */
export function findingsOfJob(findings: readonly Finding[], job: JobConfig, jobs: readonly JobConfig[]): Finding[] {
  return findings.filter(
    (item) => overlaps(item.range, job.range) || !jobs.some((other) => overlaps(item.range, other.range)),
  );
}

const place = (item: Finding): string => `${item.ruleId}|${item.range.start}|${item.range.end}`;
const same = (a: Finding, b: Finding): boolean => a.message === b.message && a.severity === b.severity;

export function compareFindings(
  before: readonly Finding[],
  after: readonly Finding[],
  positionAt: (offset: number) => Position,
): FindingChanges {
  const plain = (item: Finding): DiffFinding => {
    const start = positionAt(item.range.start);
    return {
      ruleId: item.ruleId,
      severity: item.severity,
      message: item.message,
      range: { start: item.range.start, end: item.range.end },
      line: start.line,
      character: start.character,
    };
  };
  const unmatchedAfter = [...after];
  const changes: FindingChanges = { appeared: [], disappeared: [], changed: [] };
  for (const was of before) {
    // An identical finding first; failing that, one of the same rule at the same place.
    let index = unmatchedAfter.findIndex((will) => place(will) === place(was) && same(will, was));
    if (index < 0) index = unmatchedAfter.findIndex((will) => place(will) === place(was));
    if (index < 0) {
      changes.disappeared.push(plain(was));
      continue;
    }
    const [will] = unmatchedAfter.splice(index, 1);
    if (!same(will, was)) changes.changed.push({ before: plain(was), after: plain(will) });
  }
  changes.appeared = unmatchedAfter.map(plain);
  return changes;
}
