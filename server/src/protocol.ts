// Custom LSP requests and notifications shared by the language server and the VS Code client.
// Only plain data here: no imports from vscode or vscode-languageserver.
import type { SimulationResult } from './engine/simulator/result';

export const SimulateRequest = 'sparkDra/simulate';
export interface SimulateParams {
  uri: string;
  /** Which job of the file (multi-document YAML); defaults to the first job. */
  jobIndex?: number;
  /** What-if values for Spark keys, applied over the file's entries. */
  overrides?: Record<string, string>;
  /** Built-in workload preset name; defaults to the first preset. */
  preset?: string;
  /** Simulator knobs that are not Spark keys (pod start latency in seconds, ...). */
  knobs?: Record<string, number>;
}
export type SimulateResponse = { ok: true; result: SimulationResult } | { ok: false; error: string };

export const EffectiveConfigRequest = 'sparkDra/effectiveConfig';
export interface EffectiveConfigParams {
  uri: string;
  jobIndex?: number;
}
export interface EffectiveConfigRow {
  key: string;
  value: string | undefined;
  source: string;
  defaultValue: string | undefined;
  line?: number;
}
export interface EffectiveConfigResponse {
  sparkVersion: string;
  versionFrom: string;
  kind: string;
  rows: EffectiveConfigRow[];
}

export const FileInfoRequest = 'sparkDra/fileInfo';
export interface FileInfoParams {
  uri: string;
}
export interface FileInfoResponse {
  /** Undefined when the file holds no Spark job. */
  kind?: string;
  sparkVersion?: string;
  versionFrom?: string;
  jobs: number;
}

/** Client → server: per-file Spark version chosen with "Select Spark Version". */
export const SetVersionOverrideNotification = 'sparkDra/setVersionOverride';
export interface SetVersionOverrideParams {
  uri: string;
  /** Undefined clears the override. */
  sparkVersion?: string;
}

export const ReplayEventLogRequest = 'sparkDra/replayEventLog';
export interface ReplayEventLogParams {
  /** Absolute path of an event-log file (plain or .zstd/.zst) or of a rolled eventlog_v2_* directory. */
  path: string;
  /** A job file (open in the editor) whose configuration replaces the logged one; absent replays the logged conf. */
  uri?: string;
  /** Which job of that file; defaults to the first. */
  jobIndex?: number;
  /** What-if values for Spark keys, applied over the chosen configuration. */
  overrides?: Record<string, string>;
  /** Simulator knobs that are not Spark keys (pod start latency in seconds, ...). */
  knobs?: Record<string, number>;
}
/** One step of what the real cluster did: from `t` (seconds from application start) on, `running` executors were alive. */
export interface ObservedPoint {
  t: number;
  running: number;
}
export interface ReplayObserved {
  timeline: ObservedPoint[];
  runtimeSec: number;
  peakExecutors: number;
  executorSeconds: number;
  executorsAdded: number;
  executorsRemoved: number;
  /** False when the log has no application end (still running or cut short). */
  complete: boolean;
}
/** What the log says about the run, besides the executor timeline. */
export interface ReplayInfo {
  /** Whose configuration was simulated: the log's own, or the job file's. */
  confFrom: 'event-log' | 'job-file';
  /** Spark version the log says the application ran ("unknown" when it does not say). */
  loggedSparkVersion: string;
  appId?: string;
  appName?: string;
  /** What the reader tolerated or guessed (a truncated last line, ...). */
  warnings: string[];
}
/** The simulation of the logged workload (a SimulationResult, so the simulation panel renders it) plus what really happened. */
export type ReplayResult = SimulationResult & { observed: ReplayObserved; replay: ReplayInfo };
export type ReplayEventLogResponse = { ok: true; result: ReplayResult } | { ok: false; error: string };

export const ValueEditsRequest = 'sparkDra/valueEdits';
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
export type ValueEditsResponse = { ok: true; edits: ValueTextEdit[] } | { ok: false; error: string };
