// The checks of a one-job JSON file, re-run only where an edit can change them. Typing inside one property's key or
// value (locators/incremental) changes one entry: the findings of the last analysis are kept per check with what each
// check read (read-tracker.ts), and on the next version
// - a check that read neither the edited key nor anything that depends on every entry keeps its findings, moved past
//   the edit;
// - a check that looks at entries one by one (check-kinds.ts) runs on the edited entry alone, and its findings replace
//   that entry's; one whose findings are per key runs for the edited key alone;
// - every other check runs again.
// The result is exactly what running every check gives (the incremental tests compare the two after random edits).
import type { SparkKey } from '../catalog/index';
import type { EntryEdit } from '../locators/incremental';
import type { TextChange } from '../locators/incremental/text-change';
import { shiftData } from '../locators/incremental/shift-ranges';
import type { LineIndex } from '../line-index';
import type { ConfigEntry, JobConfig, ParsedFile, PersistentVolumeClaimInfo, StorageClassInfo } from '../model';
import { CHECK_KINDS } from './check-kinds';
import { ALL_CHECKS } from './checks';
import { buildContext, KeyGroups, type RuleContext } from './context';
import { emptyReads, ReadTracker, VOLUME_KEYS, type CheckReads } from './read-tracker';
import type { Check } from './report';
import type { Finding } from './types';
import { splitVolumeKey } from './volume-keys';

export interface SingleJobInput {
  text: string;
  parsed: ParsedFile;
  job: JobConfig;
  version: string;
  /** sharedInputsKey of the file and workspace: StorageClasses and claims every check may read. */
  shared: string;
  workspaceStorageClasses: readonly StorageClassInfo[];
  workspaceClaims: readonly PersistentVolumeClaimInfo[];
  lines: () => LineIndex;
  /** How this parse was made from the previous one, when it was. */
  edit?: EntryEdit;
}

interface CheckRecord {
  findings: Finding[];
  reads: CheckReads;
}

interface Analysis {
  parsed: ParsedFile;
  version: string;
  shared: string;
  /** The entries grouped by key: still right after a value edit. */
  groups: KeyGroups;
  context: CheckReads;
  checks: CheckRecord[];
}

/** How the last run got each check's findings: run in full, run on the edited entry or key only, or kept as they were. */
export interface SingleJobRunStats {
  full: number;
  partial: number;
  kept: number;
}

export class SingleJobMemo {
  private last: Analysis | undefined;
  /** For tests and profiling. */
  lastRun: SingleJobRunStats = { full: 0, partial: 0, kept: 0 };

  /** The findings of every check on the job, in check order (before dedupe, suppressions and severities). */
  run(input: SingleJobInput): Finding[] {
    const last = this.last;
    const reusable =
      last !== undefined &&
      last.version === input.version &&
      last.shared === input.shared &&
      !last.context.everything &&
      last.checks.length === ALL_CHECKS.length;
    let analysis: Analysis;
    const stats = { full: 0, partial: 0, kept: 0 };
    if (reusable && last.parsed === input.parsed) {
      analysis = last;
      stats.kept = last.checks.length;
    } else if (reusable && input.edit?.before === last.parsed && !readsAny(last.context, changedKeys(input))) {
      analysis = rerunChanged(input, last, input.edit, stats);
    } else {
      analysis = runAll(input);
      stats.full = analysis.checks.length;
    }
    this.lastRun = stats;
    this.last = analysis;
    return flatten(analysis.checks);
  }

  /** Drops the last analysis (the next run checks everything). */
  forget(): void {
    this.last = undefined;
  }
}

/** The keys (and key groups) whose entries the edit changed. */
function changedKeys(input: SingleJobInput): string[] {
  const edit = input.edit;
  if (!edit) return [];
  const entry = input.job.entries[edit.entryIndex];
  const keys = entry ? [edit.oldKey, entry.key] : [edit.oldKey];
  if (keys.some((key) => splitVolumeKey(key) !== undefined)) keys.push(VOLUME_KEYS);
  return keys;
}

function readsAny(reads: CheckReads, keys: readonly string[]): boolean {
  return keys.some((key) => reads.keys.has(key));
}

function flatten(records: readonly CheckRecord[]): Finding[] {
  const all: Finding[] = [];
  for (const record of records)
    for (let i = 0; i < record.findings.length; i++) all.push(record.findings[i] as Finding);
  return all;
}

function contextFor(input: SingleJobInput, tracker: ReadTracker, reads: CheckReads, groups: KeyGroups): RuleContext {
  return tracker.record(reads, () =>
    buildContext(
      input.text,
      input.parsed,
      input.job,
      input.version,
      input.workspaceStorageClasses,
      input.lines,
      input.workspaceClaims,
      tracker,
      groups,
    ),
  );
}

/** One check with its reads recorded; a check that throws has no findings and counts as reading everything. */
function runCheck(check: Check, ctx: RuleContext, tracker: ReadTracker): CheckRecord {
  const reads = emptyReads();
  try {
    return { findings: tracker.record(reads, () => check(ctx)), reads };
  } catch {
    reads.everything = true;
    return { findings: [], reads };
  }
}

function runAll(input: SingleJobInput): Analysis {
  const tracker = new ReadTracker();
  const context = emptyReads();
  const checks: CheckRecord[] = [];
  const groups = new KeyGroups(input.job);
  let ctx: RuleContext | undefined;
  try {
    ctx = contextFor(input, tracker, context, groups);
  } catch {
    context.everything = true;
  }
  if (ctx) for (const check of ALL_CHECKS) checks.push(runCheck(check, ctx, tracker));
  return { parsed: input.parsed, version: input.version, shared: input.shared, groups, context, checks };
}

function rerunChanged(input: SingleJobInput, last: Analysis, edit: EntryEdit, stats: SingleJobRunStats): Analysis {
  const tracker = new ReadTracker();
  const context = emptyReads();
  const groups = edit.inKey ? new KeyGroups(input.job) : last.groups;
  const ctx = contextFor(input, tracker, context, groups);
  const keys = changedKeys(input);
  const entry = input.job.entries[edit.entryIndex];
  const checks = ALL_CHECKS.map((check, i): CheckRecord => {
    const previous = last.checks[i] as CheckRecord;
    const readChanged = readsAny(previous.reads, keys);
    const kind = CHECK_KINDS.get(check);
    let kept: CheckRecord | undefined;
    try {
      if (kind === 'per-entry' && entry && !readChanged) {
        kept = rerunEntry(check, ctx, tracker, input, previous, entry);
        if (kept) stats.partial++;
      } else if (kind === 'per-key' && entry && !edit.inKey && !readChanged) {
        kept = rerunKey(check, ctx, tracker, previous, entry, edit);
        if (kept) stats.partial++;
      } else if (
        (kind === 'structure' ? !edit.inKey : kind === undefined && !previous.reads.everything) &&
        !readChanged
      ) {
        kept = moved(previous, edit);
        stats.kept++;
      }
    } catch {
      kept = undefined;
    }
    if (kept) return kept;
    stats.full++;
    return runCheck(check, ctx, tracker);
  });
  return { parsed: input.parsed, version: input.version, shared: input.shared, groups, context, checks };
}

/** The record's findings moved past the edit, with the same reads. */
function moved(record: CheckRecord, edit: EntryEdit): CheckRecord {
  return { findings: shiftFindings(record.findings, edit.change), reads: record.reads };
}

/** True when every place a finding names ends before `offset` (so an edit there moves nothing in it). */
function endsBefore(finding: Finding, offset: number): boolean {
  if (finding.range.end >= offset) return false;
  if (finding.related?.some((item) => item.range.end >= offset)) return false;
  return !finding.fixes?.some((fix) => fix.edits.some((edit) => edit.range.end >= offset));
}

/** Findings moved past a change; those wholly before it are shared, not copied. */
function shiftFindings(findings: readonly Finding[], change: TextChange): Finding[] {
  const out: Finding[] = new Array<Finding>(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i] as Finding;
    out[i] = endsBefore(finding, change.start) ? finding : shiftData(finding, change);
  }
  return out;
}

const startsWithin = (finding: Finding, start: number, end: number): boolean =>
  finding.range.start >= start && finding.range.start <= end;

/** Findings sorted by where they start (what a per-entry check gives when entries do not overlap). */
function inStartOrder(findings: readonly Finding[]): boolean {
  for (let i = 1; i < findings.length; i++) {
    if ((findings[i - 1] as Finding).range.start > (findings[i] as Finding).range.start) return false;
  }
  return true;
}

/**
 * A per-entry check run on the edited entry alone, its findings put where that entry's were; undefined when the
 * entry overlaps a neighbour or the findings are not in entry order (the caller runs the check on every entry).
 */
function rerunEntry(
  check: Check,
  ctx: RuleContext,
  tracker: ReadTracker,
  input: SingleJobInput,
  previous: CheckRecord,
  entry: ConfigEntry,
): CheckRecord | undefined {
  const entries = input.job.entries;
  const index = entries.indexOf(entry);
  const start = entry.keyRange.start;
  const end = entry.valueRange.end;
  const before = entries[index - 1];
  const after = entries[index + 1];
  if (before && Math.max(before.keyRange.end, before.valueRange.end) >= start) return undefined;
  if (after && Math.min(after.keyRange.start, after.valueRange.start) <= end) return undefined;
  const old = previous.findings;
  if (!inStartOrder(old)) return undefined;
  const alone: RuleContext = Object.create(ctx, {
    job: { value: { ...input.job, entries: [entry] }, enumerable: true },
  }) as RuleContext;
  const reads = emptyReads();
  const fresh = tracker.record(reads, () => check(alone));
  if (!fresh.every((finding) => startsWithin(finding, start, end))) return undefined;
  const shifted = shiftFindings(old, changeOf(input));
  const findings: Finding[] = [];
  let placed = false;
  for (const finding of shifted) {
    if (startsWithin(finding, start, end)) continue;
    if (!placed && finding.range.start > end) {
      findings.push(...fresh);
      placed = true;
    }
    findings.push(finding);
  }
  if (!placed) findings.push(...fresh);
  for (const key of reads.keys) previous.reads.keys.add(key);
  return { findings, reads: previous.reads };
}

function changeOf(input: SingleJobInput): EntryEdit['change'] {
  return (input.edit as EntryEdit).change;
}

/**
 * A per-key check run for the edited entry's key alone (a value edit: the key's entries stay where they are), its
 * findings put where that key's were; undefined when the key had none before (the caller runs the check in full).
 */
function rerunKey(
  check: Check,
  ctx: RuleContext,
  tracker: ReadTracker,
  previous: CheckRecord,
  entry: ConfigEntry,
  edit: EntryEdit,
): CheckRecord | undefined {
  const group = ctx.entries(entry.key as SparkKey);
  const keyStarts = new Set(group.map((item) => item.keyRange.start));
  const shifted = shiftFindings(previous.findings, edit.change);
  const first = shifted.findIndex((finding) => keyStarts.has(finding.range.start));
  // What repeatedKeys() holds for the key: its entries, when Spark receives it more than once.
  const repeated = group.length > 1 ? [[entry.key, group] as const] : [];
  const alone: RuleContext = Object.create(ctx, { repeatedKeys: { value: () => repeated, enumerable: true } });
  const reads = emptyReads();
  const fresh = tracker.record(reads, () => check(alone));
  if (first < 0) return fresh.length === 0 ? { findings: shifted, reads: previous.reads } : undefined;
  const others = shifted.filter((finding) => !keyStarts.has(finding.range.start));
  const removed = shifted.length - others.length;
  if (removed !== fresh.length) return undefined;
  others.splice(first, 0, ...fresh);
  for (const key of reads.keys) previous.reads.keys.add(key);
  return { findings: others, reads: previous.reads };
}
