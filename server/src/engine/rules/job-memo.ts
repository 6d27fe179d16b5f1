// Findings of the jobs of a multi-job file (a YAML file of many documents), remembered between versions of the file:
// typing in one document leaves the others as they were, and their findings are reused instead of checked again.
//
// A job's findings are reused only when everything the checks read is the same: the job's own text and parse (ranges
// taken relative to the job's start), its Spark version, the line it starts on (messages name lines), and the
// StorageClasses and claims of the file and the workspace. Findings are stored relative to the job's start, and only
// when every range they hold lies inside the job (a finding that points into another document is checked again).
import type { JobConfig, ParsedFile, PersistentVolumeClaimInfo, Range, StorageClassInfo } from '../model';
import type { Finding } from './types';

/** True for a plain `{ start, end }` object, the shape of every range in the model and in findings. */
function isRange(value: object): value is Range {
  return (
    typeof (value as Partial<Range>).start === 'number' &&
    typeof (value as Partial<Range>).end === 'number' &&
    Object.keys(value).length === 2
  );
}

/** A deep copy of plain data with every range moved by `delta`. */
export function moveRanges<T>(value: T, delta: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => moveRanges(item, delta)) as T;
  if (isRange(value)) return { start: value.start + delta, end: value.end + delta } as T;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = moveRanges(item, delta);
  return out as T;
}

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

export class JobFindingsMemo {
  private last = new Map<string, Finding[]>();
  private current = new Map<string, Finding[]>();

  /** The key of a job's findings; `startLine` is the 0-based line the job starts on. */
  key(text: string, job: JobConfig, version: string, startLine: number, shared: string): string {
    const start = job.range.start;
    // Offsets written relative to the job's start, without copying the job first.
    const relative = (key: string, value: unknown): unknown =>
      (key === 'start' || key === 'end') && typeof value === 'number' ? value - start : value;
    const parse = JSON.stringify(job, relative);
    return [version, startLine, shared, text.slice(start, job.range.end), parse].join('\u0000');
  }

  /** The findings remembered under `key`, moved to a job starting at `jobStart`. */
  lookup(key: string, jobStart: number): Finding[] | undefined {
    const hit = this.current.get(key) ?? this.last.get(key);
    if (hit === undefined) return undefined;
    this.current.set(key, hit);
    return moveRanges(hit, jobStart);
  }

  /** Remembers a job's findings, unless one of them points outside the job or the job's parse reaches outside it. */
  store(key: string, job: JobConfig, findings: readonly Finding[]): void {
    if (!rangesWithin(job.entries, job.range) || !rangesWithin(findings, job.range)) return;
    this.current.set(key, moveRanges([...findings], -job.range.start));
  }

  /** Ends an analysis: what it used or stored is kept for the next one, the rest is forgotten. */
  finish(): void {
    this.last = this.current;
    this.current = new Map();
  }
}
