// StorageClasses known in the workspace: from open documents, and (in trusted workspaces) from YAML files on disk.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../engine/locators';
import type { StorageClassInfo } from '../engine/model';
import { URI } from './uri';

const MAX_FILES = 3000;
const MAX_BYTES = 512 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'out', 'target', '.venv', 'venv', '__pycache__']);

export class WorkspaceStorageClasses {
  private readonly onDisk = new Map<string, StorageClassInfo[]>();
  private readonly open = new Map<string, StorageClassInfo[]>();

  /** Reads every small YAML file below the folders that mentions a StorageClass. Bounded in files and depth. */
  scanFolders(folderUris: string[]): void {
    let budget = MAX_FILES;
    const visit = (dir: string, depth: number): void => {
      if (depth > 8 || budget <= 0) return;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (budget <= 0) return;
        const path = join(dir, name);
        let stat;
        try {
          stat = statSync(path);
        } catch {
          continue;
        }
        if (stat.isDirectory()) {
          if (!SKIP_DIRS.has(name) && !name.startsWith('.')) visit(path, depth + 1);
        } else if (/\.ya?ml$/i.test(name) && stat.size <= MAX_BYTES) {
          budget--;
          this.readFile(path);
        }
      }
    };
    for (const uri of folderUris) if (uri.startsWith('file:')) visit(URI.path(uri), 0);
  }

  private readFile(path: string): void {
    try {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('StorageClass')) return;
      const found = parseFile({ fileName: path, text }).storageClasses;
      if (found.length > 0) this.onDisk.set(URI.fromPath(path), found);
    } catch {
      // Unreadable files are simply not indexed.
    }
  }

  updateOpenDocument(uri: string, classes: StorageClassInfo[] | undefined): void {
    if (classes && classes.length > 0) this.open.set(uri, classes);
    else this.open.delete(uri);
  }

  /** Every StorageClass outside the given document (the document's own are in its parse). */
  all(exceptUri?: string): StorageClassInfo[] {
    const out: StorageClassInfo[] = [];
    const uris = new Set([...this.onDisk.keys(), ...this.open.keys()]);
    for (const uri of uris) {
      if (uri === exceptUri) continue;
      out.push(...(this.open.get(uri) ?? this.onDisk.get(uri) ?? []));
    }
    return out;
  }

  names(): string[] {
    return [...new Set(this.all().map((c) => c.name))].sort();
  }
}
