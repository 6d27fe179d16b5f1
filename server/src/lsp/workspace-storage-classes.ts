// StorageClasses known in the workspace: from open documents, and (in trusted workspaces) from YAML files on disk.
import { readFileSync } from 'node:fs';
import type { SparkDraService, StorageClassInfo } from '../engine';
import { URI } from './uri';
import { walkFiles } from '../walk-files';

const MAX_FILES = 3000;
const MAX_BYTES = 512 * 1024;

export class WorkspaceStorageClasses {
  private readonly onDisk = new Map<string, StorageClassInfo[]>();
  private readonly open = new Map<string, StorageClassInfo[]>();

  /** Reads every small YAML file below the folders that mentions a StorageClass. Bounded in files and depth. */
  scanFolders(folderUris: string[], service: SparkDraService): void {
    let budget = MAX_FILES;
    for (const uri of folderUris) {
      if (!uri.startsWith('file:') || budget <= 0) continue;
      const files = walkFiles(URI.path(uri), { maxFiles: budget, maxDepth: 8, skipHidden: true });
      budget -= files.length;
      for (const file of files)
        if (/\.ya?ml$/i.test(file.path) && file.size <= MAX_BYTES) this.readFile(file.path, service);
    }
  }

  private readFile(path: string, service: SparkDraService): void {
    try {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('StorageClass')) return;
      // A fresh copy: what the parse holds may be slices of the whole file, which would keep every file in memory.
      const found = JSON.parse(
        JSON.stringify(service.open({ fileName: path, text }).storageClasses),
      ) as StorageClassInfo[];
      if (found.length > 0) this.onDisk.set(URI.fromPath(path), found);
    } catch {
      // Unreadable files are simply not indexed.
    }
  }

  /** Records the StorageClasses an open document declares; true when that changes what the workspace knows. */
  updateOpenDocument(uri: string, classes: readonly StorageClassInfo[] | undefined): boolean {
    const before = this.open.get(uri);
    if (classes && classes.length > 0) this.open.set(uri, [...classes]);
    else this.open.delete(uri);
    return fingerprint(before) !== fingerprint(classes);
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

/** What matters of a document's StorageClasses to other files: names and what each says. */
function fingerprint(classes: readonly StorageClassInfo[] | undefined): string {
  if (!classes || classes.length === 0) return '';
  return JSON.stringify(classes.map(({ nameRange: _n, range: _r, ...meaning }) => meaning));
}
