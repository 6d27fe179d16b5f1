// What the commands share: the extension context, the server calls, the active-file tracker, remembered versions.
import type * as vscode from 'vscode';
import type { JobFileTracker } from './job-file-tracker';
import type { ServerApi } from './server-api';
import type { VersionOverrides } from './version-overrides';

export interface Services {
  context: vscode.ExtensionContext;
  api: ServerApi;
  tracker: JobFileTracker;
  overrides: VersionOverrides;
  output: vscode.LogOutputChannel;
  log(message: string): void;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
