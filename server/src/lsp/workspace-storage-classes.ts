// StorageClasses known in the workspace: from open documents, and (in trusted workspaces) from YAML files on disk.
import type { SparkDocument, StorageClassInfo } from '../engine';
import type { WorkspaceYamlIndex } from './workspace-scan';

export class WorkspaceStorageClasses implements WorkspaceYamlIndex {
  private readonly onDisk = new Map<string, StorageClassInfo[]>();
  private readonly open = new Map<string, StorageClassInfo[]>();

  mayHold(text: string): boolean {
    return text.includes('StorageClass');
  }

  takeFromDisk(uri: string, document: SparkDocument): void {
    // A fresh copy: what the parse holds may be slices of the whole file, which would keep every file in memory.
    const found = JSON.parse(JSON.stringify(document.storageClasses)) as StorageClassInfo[];
    if (found.length > 0) this.onDisk.set(uri, found);
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
