// Every custom request and notification between the spark-dra language server and its clients, as typed message
// objects: a face that sends or handles one gets its parameter and result types from here, never by hand.
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { ServerFacts } from './facts';
import type { KnobValues } from './limits';
import type { Advice } from './advice';

export type { ServerFacts } from './facts';
import type { ReplayResult } from './replay';
import type { Result } from './result';
import type { SimulationResult } from './simulation';
import type { UpgradeDiff } from './upgrade-diff';

export type { ObservedPoint, ReplayInfo, ReplayObserved, ReplayResult } from './replay';

// ---------- sparkDra/simulate ----------

export interface SimulateParams {
  uri: string;
  /** Which job of the file (multi-document YAML); defaults to the first job. */
  jobIndex?: number;
  /** What-if values for Spark keys, applied over the file's entries. */
  overrides?: Record<string, string>;
  /** Built-in workload preset name; defaults to the first preset. */
  preset?: string;
  /** Simulator knobs that are not Spark keys. */
  knobs?: KnobValues;
}
export type SimulateResponse = Result<SimulationResult>;
export const SimulateRequest = new RequestType<SimulateParams, SimulateResponse, void>('sparkDra/simulate');

// ---------- sparkDra/effectiveConfig ----------

export interface EffectiveConfigParams {
  uri: string;
  jobIndex?: number;
}
export interface EffectiveConfigRow {
  key: string;
  value: string | undefined;
  source: string;
  defaultValue: string | undefined;
  /** Zero-based line of the entry that sets the value, when the file sets it. */
  line?: number;
}
export interface EffectiveConfig {
  sparkVersion: string;
  versionFrom: string;
  kind: string;
  /** A person's name for the kind (`EMR on EKS`). */
  kindLabel: string;
  rows: EffectiveConfigRow[];
}
export type EffectiveConfigResponse = Result<EffectiveConfig>;
export const EffectiveConfigRequest = new RequestType<EffectiveConfigParams, EffectiveConfigResponse, void>(
  'sparkDra/effectiveConfig',
);

// ---------- sparkDra/fileInfo ----------

export interface FileInfoParams {
  uri: string;
}
export interface FileInfoResponse {
  /** Undefined when the file holds no Spark job. */
  kind?: string;
  /** A person's name for the kind (`EMR on EKS`). */
  kindLabel?: string;
  sparkVersion?: string;
  versionFrom?: string;
  jobs: number;
}
export const FileInfoRequest = new RequestType<FileInfoParams, FileInfoResponse, void>('sparkDra/fileInfo');

// ---------- sparkDra/serverFacts ----------

export const ServerFactsRequest = new RequestType0<ServerFacts, void>('sparkDra/serverFacts');

// ---------- sparkDra/setVersionOverride ----------

/** Client → server: per-file Spark version chosen with "Select Spark Version". */
export interface SetVersionOverrideParams {
  uri: string;
  /** Undefined clears the override. */
  sparkVersion?: string;
}
export const SetVersionOverrideNotification = new NotificationType<SetVersionOverrideParams>(
  'sparkDra/setVersionOverride',
);

// ---------- sparkDra/replayEventLog ----------

export interface ReplayEventLogParams {
  /** Absolute path of an event-log file (plain or compressed), a rolled eventlog_v2_* directory or a History Server zip. */
  path: string;
  /** In a zip of several applications, the id of the one to replay. */
  app?: string;
  /** A job file (open in the editor) whose configuration replaces the logged one; absent replays the logged conf. */
  uri?: string;
  /** Which job of that file; defaults to the first. */
  jobIndex?: number;
  /** What-if values for Spark keys, applied over the chosen configuration. */
  overrides?: Record<string, string>;
  /** Simulator knobs that are not Spark keys. */
  knobs?: KnobValues;
}
export type ReplayEventLogResponse = Result<ReplayResult>;
export const ReplayEventLogRequest = new RequestType<ReplayEventLogParams, ReplayEventLogResponse, void>(
  'sparkDra/replayEventLog',
);

// ---------- sparkDra/valueEdits ----------

export interface ValueEditsParams {
  uri: string;
  jobIndex?: number;
  /** Spark key → new value. Each replaces the entry Spark uses, or is added where new keys of the job go. */
  values: Record<string, string>;
}
/** A text edit in LSP coordinates (zero-based lines, UTF-16 characters). */
export interface ValueTextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
export type ValueEditsResponse = Result<ValueTextEdit[]>;
export const ValueEditsRequest = new RequestType<ValueEditsParams, ValueEditsResponse, void>('sparkDra/valueEdits');

// ---------- sparkDra/upgradeDiff ----------

export interface UpgradeDiffParams {
  uri: string;
  jobIndex?: number;
  /** The Spark version to compare the job's own with. */
  toVersion: string;
  /** Workload preset both sides simulate; the first preset unless given. */
  preset?: string;
}
export type UpgradeDiffResponse = Result<UpgradeDiff>;
export const UpgradeDiffRequest = new RequestType<UpgradeDiffParams, UpgradeDiffResponse, void>('sparkDra/upgradeDiff');

// ---------- sparkDra/advise ----------

export interface AdviseParams {
  uri: string;
  jobIndex?: number;
  /** Workload preset to search on; the first preset unless given. Ignored when `eventLogPath` is given. */
  preset?: string;
  /** Search on the workload of this event log (absolute path) instead of a preset. */
  eventLogPath?: string;
  /** Runtime constraint: at most this many percent slower than the file as written (default 5). */
  maxSlowdownPct?: number;
  /** What-if values the search starts from, applied over the file's entries. */
  overrides?: Record<string, string>;
  knobs?: KnobValues;
  /** LSP work-done progress token (the client shows a progress notification and can cancel). */
  workDoneToken?: string | number;
}
export type AdviseResponse = Result<Advice>;
export const AdviseRequest = new RequestType<AdviseParams, AdviseResponse, void>('sparkDra/advise');
