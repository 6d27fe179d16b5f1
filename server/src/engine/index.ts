// The engine's one front door. Faces (the language server, the CLI) create a service with their settings, open
// documents through it and ask the documents their questions; nothing else of the engine is theirs to import.
// Modelled on a language service: `createSparkDraService(settings).open({ text, fileName })`.
import { jobKindLabel, JOB_KINDS } from './job-kinds';
import { lookupKey } from './catalog';
import type { KeyDocsRef } from './features/completion-item';
import { keyDocumentation } from './features/key-docs';
import { detectFormat } from './locators';
import { readEventLog, parseEventLogText, type EventLogReplay } from './eventlog';
import { runTrace } from './simulator/trace';
import { workloadPresets } from './workload/presets';
import { parseWorkload } from './workload/parse';
import type { Workload } from './workload/types';
import { SPARK_VERSION_CHOICES } from './version-choices';
import { normalizeVersion } from './version';
import { openDocument, type OpenInput, type SparkDocument } from './service/document';
import { replayLog, type ReplayInput } from './service/replay';
import { upgradeDiff, type UpgradeDiffInput } from './service/upgrade-diff';
import { adviseJob, type AdviseInput } from './service/advise';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from './service/settings';
import { failure, success, type Result } from '../../../protocol/result';
import type { ReplayResult } from '../../../protocol/replay';
import type { ServerFacts } from '../../../protocol/facts';
import type { UpgradeDiff } from '../../../protocol/upgrade-diff';
import type { Advice } from '../../../protocol/advice';

export interface SparkDraService {
  readonly settings: EngineSettings;
  /**
   * Parses the text once; the document answers every question about it. `previous`, the document of an earlier
   * version of the same file, lets a small edit (a character typed in a value) skip most of the parse.
   */
  open(input: OpenInput, previous?: SparkDocument): SparkDocument;
  /** True when spark-dra reads files of this name (and language). */
  reads(fileName: string, languageId?: string): boolean;
  /**
   * Reads an event log from disk: a file (plain or compressed), a rolled directory, or a History Server zip (`app`
   * chooses the application when it holds several).
   */
  readEventLog(path: string, options?: { app?: string }): Promise<Result<EventLogReplay>>;
  /** Reads an event log already in memory (JSON lines); `name` appears in messages. */
  parseEventLog(text: string, name: string): Result<EventLogReplay>;
  /** Simulates a read log's workload with its own configuration or a job file's, beside what really happened. */
  replay(input: ReplayInput): Result<ReplayResult>;
  /** What changes for one job of a file when it runs on another Spark version (values, findings, simulation). */
  upgradeDiff(input: UpgradeDiffInput): Result<UpgradeDiff>;
  /**
   * Searches one job's allocation settings on a workload (preset, workload or event log) for the cheapest points at
   * about the same runtime; simulates on both cores, stops early on `signal`.
   */
  advise(input: AdviseInput): Promise<Result<Advice>>;
  /** Reads a workload description (docs/workload-format.md). */
  parseWorkload(raw: unknown): Result<Workload>;
  /** What pickers and labels show: Spark versions, job kinds, workload presets. */
  facts(): ServerFacts;
  /** The markdown a completion item's `docsFor` names; undefined for a key the catalog does not hold. */
  keyDocs(ref: KeyDocsRef): string | undefined;
}

export function createSparkDraService(settings: Partial<EngineSettings> = {}): SparkDraService {
  const resolved: EngineSettings = { ...DEFAULT_ENGINE_SETTINGS, ...settings };
  return {
    settings: resolved,
    open: (input, previous) => openDocument(input, resolved, previous),
    reads: (fileName, languageId) => detectFormat({ fileName, languageId }) !== undefined,
    readEventLog: async (path, options = {}) => logResult(await readEventLog(path, options)),
    parseEventLog: (text, name) => logResult(parseEventLogText(text, name)),
    replay: (input) => replayLog(input, resolved),
    upgradeDiff: (input) => upgradeDiff(input, resolved),
    advise: (input) => adviseJob(input, resolved),
    parseWorkload: (raw) => parseWorkload(raw),
    facts: serverFacts,
    keyDocs: (ref) => {
      const info = lookupKey(ref.key);
      return info ? keyDocumentation(info, ref.version) : undefined;
    },
  };
}

function logResult(read: Awaited<ReturnType<typeof readEventLog>>): Result<EventLogReplay> {
  if (!read.ok) {
    if (read.limit) return { ok: false, problem: { code: 'over-budget', message: read.error, limit: read.limit } };
    return failure('unreadable-input', read.error);
  }
  const { ok: _ok, ...log } = read;
  return success(log);
}

function serverFacts(): ServerFacts {
  return {
    sparkVersions: SPARK_VERSION_CHOICES.map((choice) => ({ ...choice })),
    jobKindLabels: Object.fromEntries(JOB_KINDS.map((kind) => [kind, jobKindLabel(kind)])),
    presets: workloadPresets().map((preset) => ({ name: preset.name, description: preset.description })),
  };
}

/** Runs an allocation trace (docs/trace-format.md): Spark's algorithm tick by tick. */
export function runAllocationTrace(input: unknown): ReturnType<typeof runTrace> {
  return runTrace(input);
}

export { normalizeVersion };
export { DEFAULT_ENGINE_SETTINGS } from './service/settings';
export type { EngineSettings } from './service/settings';
export type {
  CodeAction,
  DiagnosticsInput,
  EffectiveConfiguration,
  FileInfo,
  OpenInput,
  SimulateInput,
  SparkDocument,
} from './service/document';
export type { ReplayInput } from './service/replay';
export type { FixAllResult } from './service/fix-all';
export type { UpgradeDiffInput } from './service/upgrade-diff';
export type { AdviseInput } from './service/advise';
export { DEFAULT_MAX_SLOWDOWN_PCT } from './advisor';
export type { EventLogReplay, ObservedRun } from './eventlog';
export type { EngineCompletionItem } from './features/completion';
export type { KeyDocsRef } from './features/completion-item';
export type { HoverResult } from './features/hover';
export type { StorageClassLink } from './features/storage-class-links';
export type { JobCommandAction } from './features/job-actions';
export type { EffectiveRow } from './features/effective-table';
export type { Finding, Severity, SeveritySetting, FixData } from './rules/types';
export { RULES, ruleInfo, type RuleInfo } from './rules/registry';
export type { FileFormat, JobConfig, JobKind, PersistentVolumeClaimInfo, Range, StorageClassInfo } from './model';
export type { Position } from './line-index';
export type { Prices } from './simulator/prices';
export type { TraceOutput } from './simulator/trace';
export type { Workload } from './workload/types';
export { jobKindLabel } from './job-kinds';
export {
  jobLensOffset,
  jobLensOutcome,
  jobLensText,
  jobLensTextOf,
  type JobLensOutcome,
  type JobLensText,
} from './features/job-lens';
export { parseConfAssignments, parseKnobAssignments, KNOB_NAMES } from './simulator/knobs';
export { observedWindows } from './eventlog/fidelity';
export { observedProfilePeaks } from './eventlog/profile-peaks';
export { PRESET_NAMES } from './workload/presets';
export { DEFAULT_SPARK_VERSION } from './version';
