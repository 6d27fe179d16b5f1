// Diagnostics for a parsed file: runs every rule family on every job, then applies suppressions and severity settings.
import { resolveSparkVersion } from '../effective';
import type { FileFormat, JobConfig, ParsedFile, PersistentVolumeClaimInfo, StorageClassInfo } from '../model';
import { suppressionEdit, startOfLine } from '../edits/suppression';
import type { LineIndex } from '../line-index';
import { buildContext, lazyLineIndex, type AnalyzeSettings, type RuleContext } from './context';
import { ALL_CHECKS } from './checks';
import { sharedInputsKey, type JobFindingsMemo } from './job-memo';
import type { SingleJobMemo } from './single-job-memo';
import type { EntryEdit } from '../locators/incremental';
import { finding } from './report';
import type { Finding, FixData, Severity } from './types';

export type { Finding, FixData, RelatedInfo, Severity, SeveritySetting } from './types';
export { RULES, ruleInfo, type RuleInfo, type RuleFamily } from './registry';
export type { AnalyzeSettings } from './context';
export { JobFindingsMemo } from './job-memo';
export { SingleJobMemo } from './single-job-memo';

export interface AnalyzeInput {
  text: string;
  parsed: ParsedFile;
  settings?: AnalyzeSettings;
  /** The Spark version each job runs; without it, the version is resolved from `settings` (tests, one-off checks). */
  versionOf?: (job: JobConfig) => string;
  /** StorageClasses found anywhere in the workspace, matched by name to the jobs' storageClass options. */
  workspaceStorageClasses?: StorageClassInfo[];
  /** PersistentVolumeClaims found elsewhere in the workspace, matched by name to fixed executor claims. */
  workspaceClaims?: PersistentVolumeClaimInfo[];
  /** Findings of unchanged jobs from the analysis of an earlier version of the file (files of several jobs only). */
  memo?: JobFindingsMemo;
  /** The last analysis of a one-job JSON file, per check (see single-job-memo.ts). */
  singleJobMemo?: SingleJobMemo;
  /** How `parsed` was made from the parse the single-job memo last saw, when it was moved rather than read again. */
  edit?: EntryEdit;
  /** The line index of `text`, when the caller keeps one (a document does, for hover and positions). */
  lines?: () => LineIndex;
}

/** Every finding for the file, sorted by position. Never throws: a failing rule is skipped. */
export function analyze(input: AnalyzeInput): Finding[] {
  const settings = input.settings ?? {};
  const findings: Finding[] = [];
  for (const problem of input.parsed.syntaxErrors) {
    const ruleId = problem.source === 'submit-parameters' ? 'submit-parameters-syntax' : 'syntax';
    findings.push(finding(ruleId, problem.message, problem.range));
  }
  const lines = input.lines ?? lazyLineIndex(input.text);
  const versionOf =
    input.versionOf ??
    ((job: JobConfig) =>
      resolveSparkVersion(job, {
        defaultSparkVersion: settings.defaultSparkVersion,
        override: settings.versionOverride,
      }).version);
  const jobs = input.parsed.jobs;
  const memo = jobs.length > 1 ? input.memo : undefined;
  const single = jobs.length === 1 && input.parsed.format === 'json' ? input.singleJobMemo : undefined;
  const shared = memo
    ? sharedInputsKey(input.parsed, input.workspaceStorageClasses ?? [], input.workspaceClaims ?? [])
    : '';
  for (const job of single ? [] : jobs) {
    const key = memo?.key(input.text, job, versionOf(job), lines().positionAt(job.range.start).line, shared);
    const remembered = key === undefined ? undefined : memo?.lookup(key, job.range.start);
    if (remembered) {
      for (const item of remembered) findings.push(item);
      continue;
    }
    const jobFindings = checkJob(input, job, versionOf(job), lines);
    if (key !== undefined) memo?.store(key, job, jobFindings);
    for (const item of jobFindings) findings.push(item);
  }
  memo?.finish();
  if (single) {
    for (const item of checkSingleJob(input, single, versionOf, lines)) findings.push(item);
  }
  // Plain loops: a file can have tens of thousands of findings, and a small array per finding (flatMap) showed in
  // profiles as garbage-collection time.
  const kept: Finding[] = [];
  const unique = dedupe(findings.sort(byPosition));
  for (let i = 0; i < unique.length; i++) {
    const item = unique[i] as Finding;
    if (suppressed(input.parsed, item)) continue;
    const adjusted = applySeverity(item, settings.severities);
    if (adjusted) kept.push(adjusted);
  }
  return kept;
}

/** Findings in file order: by start, then end, then rule id (a stable sort keeps the order checks found them in). */
function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId);
}

/** The findings of the one job of a JSON file, through the memo; in full if the memo fails. */
function checkSingleJob(
  input: AnalyzeInput,
  memo: SingleJobMemo,
  versionOf: (job: JobConfig) => string,
  lines: () => LineIndex,
): Finding[] {
  const job = input.parsed.jobs[0] as JobConfig;
  const version = versionOf(job);
  const workspaceStorageClasses = input.workspaceStorageClasses ?? [];
  const workspaceClaims = input.workspaceClaims ?? [];
  try {
    return memo.run({
      text: input.text,
      parsed: input.parsed,
      job,
      version,
      shared: sharedInputsKey(input.parsed, workspaceStorageClasses, workspaceClaims),
      workspaceStorageClasses,
      workspaceClaims,
      lines,
      edit: input.edit,
    });
  } catch {
    memo.forget();
    return checkJob(input, job, version, lines);
  }
}

/** The findings of every check on one job; a job whose context cannot be built has none. */
function checkJob(input: AnalyzeInput, job: JobConfig, version: string, lines: () => LineIndex): Finding[] {
  let ctx: RuleContext;
  try {
    ctx = buildContext(
      input.text,
      input.parsed,
      job,
      version,
      input.workspaceStorageClasses ?? [],
      lines,
      input.workspaceClaims,
    );
  } catch {
    return [];
  }
  const findings: Finding[] = [];
  for (const check of ALL_CHECKS) {
    try {
      for (const item of check(ctx)) findings.push(item);
    } catch {
      // A rule that fails on unexpected input is skipped; the others still report.
    }
  }
  return findings;
}

/**
 * The findings without repeats (same rule, range and message), the first of each kept. The findings are sorted by
 * position, so repeats sit in one run of equal rule and range: comparing within runs spares a string key per finding.
 */
function dedupe(sorted: readonly Finding[]): Finding[] {
  const unique: Finding[] = [];
  let runStart = 0;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as Finding;
    const first = unique[runStart];
    if (
      first === undefined ||
      first.ruleId !== item.ruleId ||
      first.range.start !== item.range.start ||
      first.range.end !== item.range.end
    ) {
      runStart = unique.length;
    } else if (sameMessageIn(unique, runStart, item)) continue;
    unique.push(item);
  }
  return unique;
}

function sameMessageIn(unique: readonly Finding[], from: number, item: Finding): boolean {
  for (let i = from; i < unique.length; i++) if ((unique[i] as Finding).message === item.message) return true;
  return false;
}

function suppressed(parsed: ParsedFile, item: Finding): boolean {
  if (item.ruleId === 'syntax') return false;
  return parsed.suppressions.some(
    (comment) =>
      item.range.start >= comment.appliesTo.start &&
      item.range.start <= comment.appliesTo.end &&
      (comment.rules.length === 0 || comment.rules.includes(item.ruleId)),
  );
}

/** The finding with the severity the settings give its rule; undefined when the rule is turned off. */
function applySeverity(item: Finding, severities: AnalyzeSettings['severities']): Finding | undefined {
  const setting = severities?.[item.ruleId];
  if (setting === undefined) return item;
  if (setting === 'off') return undefined;
  return { ...item, severity: setting as Severity };
}

/**
 * The "disable this rule for this line" fix of a finding, where the format has comments. Built when a code action is
 * asked for, not for every finding: a large file can have tens of thousands of findings.
 */
export function suppressionFix(text: string, format: FileFormat, item: Finding): FixData | undefined {
  if (item.ruleId === 'syntax') return undefined;
  const edit = suppressionEdit(text, format, startOfLine(text, item.range.start), item.ruleId);
  return edit ? { title: `Disable ${item.ruleId} for this line`, edits: [edit] } : undefined;
}
