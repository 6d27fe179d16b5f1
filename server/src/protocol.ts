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
