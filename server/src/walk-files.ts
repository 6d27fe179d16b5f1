// Lists the files below a folder for the CLI and the workspace index: sorted, bounded, never throwing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders that never hold job files worth reading. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'target', '.venv', 'venv', '__pycache__']);

export interface WalkLimits {
  /** Stop after this many files (default: no limit). */
  maxFiles?: number;
  /** Do not descend deeper than this (default: no limit). */
  maxDepth?: number;
  /** Also skip folders whose name starts with a dot. */
  skipHidden?: boolean;
}

/**
 * Every file below `dir` (unreadable entries are skipped), in a stable order. Symbolic links are followed, but a
 * folder already visited (a link back up the tree, or two links to one place) is not entered again.
 */
export function walkFiles(dir: string, limits: WalkLimits = {}): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const maxFiles = limits.maxFiles ?? Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const visit = (folder: string, depth: number): void => {
    if (depth > (limits.maxDepth ?? Number.POSITIVE_INFINITY)) return;
    let identity: string;
    try {
      const info = statSync(folder, { bigint: true });
      identity = `${info.dev}:${info.ino}`;
    } catch {
      return;
    }
    if (seen.has(identity)) return;
    seen.add(identity);
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= maxFiles) return;
      const path = join(folder, name);
      let stat;
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !(limits.skipHidden && name.startsWith('.'))) visit(path, depth + 1);
      } else if (stat.isFile()) out.push({ path, size: stat.size });
    }
  };
  visit(dir, 0);
  return out;
}
