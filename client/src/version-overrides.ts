// Per-file Spark versions chosen with "Select Spark Version", remembered in the workspace state.
import type * as vscode from 'vscode';

const KEY = 'sparkDra.versionOverrides';
/** Oldest choices are forgotten beyond this many files. */
const MAX_FILES = 500;

export class VersionOverrides {
  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, string> {
    const raw = this.state.get<unknown>(KEY);
    const out: Record<string, string> = {};
    if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      for (const [uri, version] of Object.entries(raw as Record<string, unknown>)) {
        if (typeof version === 'string') out[uri] = version;
      }
    }
    return out;
  }

  get(uri: string): string | undefined {
    return this.all()[uri];
  }

  entries(): [string, string][] {
    return Object.entries(this.all());
  }

  async set(uri: string, version: string | undefined): Promise<void> {
    const all = this.all();
    delete all[uri];
    if (version !== undefined) all[uri] = version; // re-inserted last: the most recent choice
    const entries = Object.entries(all);
    await this.state.update(KEY, Object.fromEntries(entries.slice(Math.max(0, entries.length - MAX_FILES))));
  }
}
