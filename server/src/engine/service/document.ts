// One open file as the engine sees it: parsed once, each job's Spark version decided once, and every question a face
// can ask about it (hover, completion, diagnostics, fixes, effective configuration, simulation, value edits).
import { resolveSparkVersion } from '../effective';
import { matchLineBreaks, spanEdit, writeValues } from '../edits/write-values';
import { complete, type EngineCompletionItem } from '../features/completion';
import { effectiveRows, type EffectiveRow } from '../features/effective-table';
import { hover, type HoverResult } from '../features/hover';
import { JobIndex } from '../features/job-index';
import { storageClassLinks, type StorageClassLink } from '../features/storage-class-links';
import { jobCommandActions, type JobCommandAction } from '../features/job-actions';
import { jobKindLabel } from '../job-kinds';
import { LineIndex, type Position } from '../line-index';
import { detectFormat, type SourceFile } from '../locators';
import { reparseWithEdit, type EntryEdit, type PreviousParse, type TextChange } from '../locators/incremental';
import type {
  FileFormat,
  JobConfig,
  ParsedFile,
  PersistentVolumeClaimInfo,
  Range,
  SparkVersionSource,
  StorageClassInfo,
} from '../model';
import { analyze, JobFindingsMemo, SingleJobMemo, suppressionFix } from '../rules';
import type { Finding, FixData } from '../rules/types';
import { simulateJob } from '../simulator/simulate-job';
import type { Workload } from '../workload/types';
import { failure, success, type Result } from '../../../../protocol/result';
import type { SimulationResult } from '../../../../protocol/simulation';
import { fixAll, type FixAllResult } from './fix-all';
import type { EngineSettings } from './settings';

export interface OpenInput {
  text: string;
  /** Path or name of the file: its extension and name decide the format. */
  fileName: string;
  /** The editor's language id, when there is one. */
  languageId?: string;
  /** A Spark version chosen for this file by the user, over whatever the file says. */
  versionOverride?: string;
}

export interface DiagnosticsInput {
  /** StorageClasses found elsewhere in the workspace (this file's own are always used). */
  workspaceStorageClasses?: readonly StorageClassInfo[];
  /** PersistentVolumeClaims found elsewhere in the workspace (this file's own are always used). */
  workspaceClaims?: readonly PersistentVolumeClaimInfo[];
  /** Leave syntax errors out (the editor already shows them for this format). */
  omitSyntax?: boolean;
}

export interface FileInfo {
  /** The first job's kind, `storage-class` for a file of StorageClasses only, undefined otherwise. */
  kind?: string;
  /** A person's name for the kind. */
  kindLabel?: string;
  sparkVersion?: string;
  versionFrom?: string;
  jobs: number;
}

export interface EffectiveConfiguration {
  sparkVersion: string;
  versionFrom: string;
  kind: string;
  kindLabel: string;
  rows: EffectiveRow[];
}

export interface SimulateInput {
  jobIndex?: number;
  overrides?: Readonly<Record<string, string>>;
  preset?: string;
  workload?: Workload;
  knobs?: Readonly<Record<string, number>>;
  /** StorageClasses found elsewhere in the workspace. */
  workspaceStorageClasses?: readonly StorageClassInfo[];
}

/** A quick fix offered for a finding. */
export interface CodeAction extends FixData {
  finding: Finding;
}

export interface SparkDocument {
  readonly text: string;
  readonly fileName: string;
  /** The format read, or undefined when the file is of no format spark-dra reads. */
  readonly format: FileFormat | undefined;
  readonly jobs: readonly JobConfig[];
  /** StorageClasses this file declares. */
  readonly storageClasses: readonly StorageClassInfo[];
  /** PersistentVolumeClaims this file declares. */
  readonly claims: readonly PersistentVolumeClaimInfo[];
  /** The Spark version a job runs and where that comes from (decided once per job). */
  sparkVersion(job: JobConfig): SparkVersionSource;
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  /** Hover at an offset; `workspaceStorageClasses` lets a storageClass value name the class it resolves to. */
  hover(offset: number, workspaceStorageClasses?: readonly StorageClassInfo[]): HoverResult | undefined;
  complete(offset: number, storageClassNames?: string[]): EngineCompletionItem[];
  /** The `options.storageClass` values that name a known StorageClass, with the class each resolves to. */
  storageClassLinks(workspaceStorageClasses?: readonly StorageClassInfo[]): StorageClassLink[];
  diagnostics(input?: DiagnosticsInput): Finding[];
  /** The fixes of the findings that touch `range`. */
  codeActions(range: Range, findings: readonly Finding[]): CodeAction[];
  /** Every unambiguous fix of the document applied, as one edit (see service/fix-all.ts). */
  fixAll(input?: DiagnosticsInput): FixAllResult;
  /** Command actions on the jobs `range` touches (the DRA advisor); empty outside jobs. */
  commandActions(range: Range): JobCommandAction[];
  fileInfo(): FileInfo;
  effectiveConfiguration(jobIndex?: number): Result<EffectiveConfiguration>;
  simulate(input?: SimulateInput): Result<SimulationResult>;
  /** One edit (offsets in this text) that makes the job use the values; empty when it already does. */
  valueEdits(jobIndex: number, values: readonly [string, string][]): Result<{ range: Range; newText: string }[]>;
}

/**
 * Opens a file. `previous`, an earlier version of the same file opened by this engine, lets the parse start from
 * that version's when the edit between them allows; the document is the same either way.
 */
export function openDocument(input: OpenInput, settings: EngineSettings, previous?: SparkDocument): SparkDocument {
  const source: SourceFile = { fileName: input.fileName, languageId: input.languageId, text: input.text };
  const earlier = previous instanceof ParsedDocument ? previous : undefined;
  return new ParsedDocument(
    source,
    settings,
    input.versionOverride,
    earlier?.parse(),
    earlier?.findingsMemo,
    earlier?.singleJobMemo,
    earlier?.builtLines(),
  );
}

class ParsedDocument implements SparkDocument {
  readonly format: FileFormat | undefined;
  private readonly parsed: ParsedFile;
  /** The one entry this version's parse changed from the previous version's, when it was moved rather than read. */
  private readonly edit: EntryEdit | undefined;
  private readonly versions = new Map<JobConfig, SparkVersionSource>();
  /** Lookups hover and completion make in a job, kept for this version's requests (see features/job-index.ts). */
  private readonly indexes = new Map<JobConfig, JobIndex>();
  private lineIndex: LineIndex | undefined;
  /** The previous version's line index and the change since, to derive this version's from (until it is built). */
  private linesBefore: { index: LineIndex; change: TextChange } | undefined;

  constructor(
    private readonly source: SourceFile,
    private readonly settings: EngineSettings,
    private readonly versionOverride: string | undefined,
    previous: PreviousParse | undefined,
    /** Findings of unchanged jobs, shared along the versions of one file (see rules/job-memo.ts). */
    readonly findingsMemo: JobFindingsMemo = new JobFindingsMemo(),
    /** The checks of a one-job JSON file, shared the same way (see rules/single-job-memo.ts). */
    readonly singleJobMemo: SingleJobMemo = new SingleJobMemo(),
    previousLines?: LineIndex,
  ) {
    this.format = detectFormat(source);
    const reparse = reparseWithEdit(previous, source);
    this.parsed = reparse.parsed;
    this.edit = reparse.edit;
    if (previousLines && reparse.change) this.linesBefore = { index: previousLines, change: reparse.change };
  }

  /** This version's line index, if it was built (the next version derives its own from it). */
  builtLines(): LineIndex | undefined {
    return this.lineIndex;
  }

  /** The text and what reading it gave, for opening the next version from. */
  parse(): PreviousParse {
    return { file: this.source, parsed: this.parsed };
  }

  get text(): string {
    return this.source.text;
  }
  get fileName(): string {
    return this.source.fileName;
  }
  get jobs(): readonly JobConfig[] {
    return this.parsed.jobs;
  }
  get storageClasses(): readonly StorageClassInfo[] {
    return this.parsed.storageClasses;
  }
  get claims(): readonly PersistentVolumeClaimInfo[] {
    return this.parsed.claims ?? [];
  }

  sparkVersion(job: JobConfig): SparkVersionSource {
    let version = this.versions.get(job);
    if (!version) {
      version = resolveSparkVersion(job, {
        defaultSparkVersion: this.settings.defaultSparkVersion,
        override: this.versionOverride,
      });
      this.versions.set(job, version);
    }
    return version;
  }

  positionAt(offset: number): Position {
    return this.lines().positionAt(offset);
  }
  offsetAt(position: Position): number {
    return this.lines().offsetAt(position);
  }

  hover(offset: number, workspaceStorageClasses: readonly StorageClassInfo[] = []): HoverResult | undefined {
    return hover({
      text: this.text,
      parsed: this.parsed,
      offset,
      versionOf: (job) => this.sparkVersion(job),
      workspaceStorageClasses,
      indexOf: (job) => this.jobIndex(job),
      lineOf: (at) => this.lines().positionAt(at).line + 1,
    });
  }

  complete(offset: number, storageClassNames: string[] = []): EngineCompletionItem[] {
    return complete({
      file: this.source,
      parsed: this.parsed,
      offset,
      sparkVersionOf: (job) => this.sparkVersion(job).version,
      storageClassNames,
      indexOf: (job) => this.jobIndex(job),
    });
  }

  storageClassLinks(workspaceStorageClasses: readonly StorageClassInfo[] = []): StorageClassLink[] {
    return storageClassLinks(this.parsed, workspaceStorageClasses);
  }

  diagnostics(input: DiagnosticsInput = {}): Finding[] {
    if (this.format === undefined) return [];
    const findings = analyze({
      text: this.text,
      parsed: this.parsed,
      versionOf: (job) => this.sparkVersion(job).version,
      settings: { severities: this.settings.rules },
      workspaceStorageClasses: [...(input.workspaceStorageClasses ?? [])],
      workspaceClaims: [...(input.workspaceClaims ?? [])],
      memo: this.findingsMemo,
      singleJobMemo: this.singleJobMemo,
      edit: this.edit,
      lines: () => this.lines(),
    });
    return input.omitSyntax ? findings.filter((f) => f.ruleId !== 'syntax') : findings;
  }

  codeActions(range: Range, findings: readonly Finding[]): CodeAction[] {
    const actions: CodeAction[] = [];
    for (const finding of findings) {
      if (finding.range.end < range.start || finding.range.start > range.end) continue;
      for (const fix of finding.fixes ?? []) actions.push({ ...fix, finding });
      const suppress = this.format === undefined ? undefined : suppressionFix(this.text, this.format, finding);
      if (suppress) actions.push({ ...suppress, finding });
    }
    return actions;
  }

  fixAll(input: DiagnosticsInput = {}): FixAllResult {
    if (this.format === undefined) return { fixed: [] };
    return fixAll(this.text, (text) =>
      text === this.text
        ? this.diagnostics(input)
        : new ParsedDocument({ ...this.source, text }, this.settings, this.versionOverride, undefined).diagnostics(
            input,
          ),
    );
  }

  commandActions(range: Range): JobCommandAction[] {
    return this.format === undefined ? [] : jobCommandActions(this.parsed.jobs, range);
  }

  fileInfo(): FileInfo {
    const job = this.parsed.jobs[0];
    if (!job) {
      return this.parsed.storageClasses.length > 0
        ? { jobs: 0, kind: 'storage-class', kindLabel: 'StorageClass' }
        : { jobs: 0 };
    }
    const version = this.sparkVersion(job);
    return {
      kind: job.kind,
      kindLabel: jobKindLabel(job.kind),
      sparkVersion: version.version,
      versionFrom: version.from,
      jobs: this.parsed.jobs.length,
    };
  }

  effectiveConfiguration(jobIndex = 0): Result<EffectiveConfiguration> {
    const job = this.parsed.jobs[jobIndex];
    if (!job) return failure('no-job', this.noJobMessage(jobIndex));
    const version = this.sparkVersion(job);
    return success({
      sparkVersion: version.version,
      versionFrom: version.from,
      kind: job.kind,
      kindLabel: jobKindLabel(job.kind),
      rows: effectiveRows(job, version.version),
    });
  }

  simulate(input: SimulateInput = {}): Result<SimulationResult> {
    const jobIndex = input.jobIndex ?? 0;
    const job = this.parsed.jobs[jobIndex];
    if (!job) return failure('no-job', this.noJobMessage(jobIndex));
    return simulateJob(job, {
      sparkVersion: this.sparkVersion(job).version,
      overrides: input.overrides ? { ...input.overrides } : undefined,
      preset: input.preset,
      workload: input.workload,
      knobs: { ...this.settings.knobs, ...(input.knobs ?? {}) },
      prices: this.settings.prices,
      storageClasses: [...this.parsed.storageClasses, ...(input.workspaceStorageClasses ?? [])],
      // Job and stage times and executor lifetimes, for the panel's bands and lifetime view (the CLI gets the same).
      details: true,
    });
  }

  valueEdits(jobIndex: number, values: readonly [string, string][]): Result<{ range: Range; newText: string }[]> {
    const job = this.parsed.jobs[jobIndex];
    if (!job) return failure('no-job', this.noJobMessage(jobIndex));
    const written = writeValues(this.source, jobIndex, values, this.sparkVersion(job).version);
    if (!written.ok) return written;
    const span = spanEdit(this.text, written.value);
    if (!span) return success([]);
    return success([{ range: span.range, newText: matchLineBreaks(this.text, span.newText) }]);
  }

  private jobIndex(job: JobConfig): JobIndex {
    let index = this.indexes.get(job);
    if (index === undefined) {
      index = new JobIndex(job, this.sparkVersion(job).version);
      this.indexes.set(job, index);
    }
    return index;
  }

  private lines(): LineIndex {
    if (this.lineIndex === undefined) {
      const before = this.linesBefore;
      this.lineIndex = before ? before.index.afterChange(this.text, before.change) : new LineIndex(this.text);
      this.linesBefore = undefined;
    }
    return this.lineIndex;
  }

  private noJobMessage(jobIndex: number): string {
    const count = this.parsed.jobs.length;
    if (count === 0) return 'This file holds no Spark job.';
    return `This file holds ${count} job${count === 1 ? '' : 's'}; there is no job ${jobIndex + 1}.`;
  }
}
