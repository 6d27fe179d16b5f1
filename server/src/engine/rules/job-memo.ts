// Findings of the jobs of a multi-job file (a YAML file of many documents), remembered between versions of the file:
// typing in one document leaves the others as they were, and their findings are reused instead of checked again.
//
// A job's findings are reused only when everything the checks read is the same: the job's own text and parse (ranges
// taken relative to the job's start), its Spark version, the line it starts on (messages name lines), and the
// StorageClasses and claims of the file and the workspace. Findings are stored relative to the job's start, and only
// when every range they hold lies inside the job (a finding that points into another document is checked again).
import type { JobConfig, ParsedFile, PersistentVolumeClaimInfo, Range, StorageClassInfo } from '../model';
import { isRange, moveRanges } from '../move-ranges';
import { firstReadOf } from '../moved-jobs';
import type { Finding } from './types';

/** True when every range in `value` lies inside `outer`. */
function rangesWithin(value: unknown, outer: Range): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every((item) => rangesWithin(item, outer));
  if (isRange(value)) return value.start >= outer.start && value.end <= outer.end;
  return Object.values(value).every((item) => rangesWithin(item, outer));
}

/** Where things are is left out: a StorageClass in another document moves when that document is edited. */
const withoutRanges = (key: string, value: unknown): unknown =>
  key === 'range' || key === 'nameRange' ? undefined : value;

/** What the checks of every job read besides the job itself, as one string. */
export function sharedInputsKey(
  parsed: ParsedFile,
  workspaceStorageClasses: readonly StorageClassInfo[],
  workspaceClaims: readonly PersistentVolumeClaimInfo[],
): string {
  return JSON.stringify(
    [parsed.storageClasses, workspaceStorageClasses, parsed.claims ?? [], workspaceClaims],
    withoutRanges,
  );
}

/** What a job's text and parse say, relative to its start, worked out once per job as first read (see moved-jobs.ts). */
const bodies = new WeakMap<JobConfig, string>();

function bodyOf(text: string, job: JobConfig): string {
  const first = firstReadOf(job);
  let body = bodies.get(first);
  if (body === undefined) {
    const start = job.range.start;
    // Offsets written relative to the job's start, without copying the job first.
    const relative = (key: string, value: unknown): unknown =>
      (key === 'start' || key === 'end') && typeof value === 'number' ? value - start : value;
    // Joined into one flat string: a slice would keep the whole text of this version alive.
    body = [text.slice(start, job.range.end), JSON.stringify(job, relative)].join('\u0000');
    bodies.set(first, body);
  }
  return body;
}

/**
 * Findings moved by `delta`. Jobs after an edit are moved on every keystroke, so a finding is copied by its known
 * shape; only quick-fix data, which few findings carry, goes through the generic walk.
 */
function placeFindings(findings: readonly Finding[], delta: number): Finding[] {
  const placed: Finding[] = new Array<Finding>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const item = findings[i] as Finding;
    const moved: Finding = { ...item, range: { start: item.range.start + delta, end: item.range.end + delta } };
    if (item.related) {
      moved.related = item.related.map((r) => ({
        ...r,
        range: { start: r.range.start + delta, end: r.range.end + delta },
      }));
    }
    if (item.fixes) moved.fixes = moveRanges(item.fixes, delta);
    placed[i] = moved;
  }
  return placed;
}

/** Findings remembered for a key: relative to the job's start, and as last placed in a file. */
interface Remembered {
  relative: Finding[];
  start: number;
  placed: Finding[];
}

/**
 * Small numbers for long strings (job bodies, shared inputs), so that keys stay short: a file of a thousand jobs
 * would otherwise build and hash a key as long as the file on every analysis. Numbers live as long as findings do.
 */
class Numbering {
  private last = new Map<string, number>();
  private current = new Map<string, number>();
  private next = 0;

  of(text: string): number {
    let id = this.current.get(text);
    if (id === undefined) {
      id = this.last.get(text) ?? this.next++;
      this.current.set(text, id);
    }
    return id;
  }

  finish(): void {
    this.last = this.current;
    this.current = new Map();
  }
}

export class JobFindingsMemo {
  private last = new Map<string, Remembered>();
  private current = new Map<string, Remembered>();
  private readonly numbers = new Numbering();

  /** The key of a job's findings; `startLine` is the 0-based line the job starts on. */
  key(text: string, job: JobConfig, version: string, startLine: number, shared: string): string {
    return `${version}\u0000${startLine}\u0000${this.numbers.of(shared)}\u0000${this.numbers.of(bodyOf(text, job))}`;
  }

  /** The findings remembered under `key`, moved to a job starting at `jobStart` (shared while the job stays put). */
  lookup(key: string, jobStart: number): Finding[] | undefined {
    let hit = this.current.get(key) ?? this.last.get(key);
    if (hit === undefined) return undefined;
    if (hit.start !== jobStart) hit = { ...hit, start: jobStart, placed: placeFindings(hit.relative, jobStart) };
    this.current.set(key, hit);
    return hit.placed;
  }

  /** Remembers a job's findings, unless one of them points outside the job or the job's parse reaches outside it. */
  store(key: string, job: JobConfig, findings: readonly Finding[]): void {
    if (!rangesWithin(job.entries, job.range) || !rangesWithin(findings, job.range)) return;
    const start = job.range.start;
    this.current.set(key, { relative: moveRanges([...findings], -start), start, placed: [...findings] });
  }

  /** Ends an analysis: what it used or stored is kept for the next one, the rest is forgotten. */
  finish(): void {
    this.last = this.current;
    this.current = new Map();
    this.numbers.finish();
  }
}
