// PersistentVolumeClaims known in the workspace (open documents, and YAML files on disk in trusted workspaces), for
// executor-pvc-fixed-claim: a fixed executor claim that another file shows to be ReadWriteMany is fine. Only what that
// rule reads is kept (name and access modes), in fresh strings, so no file's text stays in memory.
import type { PersistentVolumeClaimInfo, SparkDocument } from '../engine';
import type { WorkspaceYamlIndex } from './workspace-scan';

/** More claims than this across the workspace are not indexed (a repository of generated manifests, say). */
const MAX_CLAIMS = 5000;

export class WorkspaceClaims implements WorkspaceYamlIndex {
  private readonly onDisk = new Map<string, PersistentVolumeClaimInfo[]>();
  private readonly open = new Map<string, PersistentVolumeClaimInfo[]>();
  private diskCount = 0;

  mayHold(text: string): boolean {
    return text.includes('PersistentVolumeClaim');
  }

  takeFromDisk(uri: string, document: SparkDocument): void {
    const found = slim(document.claims);
    if (found.length === 0 || this.diskCount + found.length > MAX_CLAIMS) return;
    this.onDisk.set(uri, found);
    this.diskCount += found.length;
  }

  /** Records the claims an open document declares; true when that changes what other files may be told. */
  updateOpenDocument(uri: string, claims: readonly PersistentVolumeClaimInfo[] | undefined): boolean {
    const before = this.open.get(uri);
    const after = slim(claims ?? []);
    if (after.length > 0) this.open.set(uri, after);
    else this.open.delete(uri);
    return fingerprint(before) !== fingerprint(after);
  }

  /** Every claim outside the given document (the document's own are in its parse). */
  all(exceptUri?: string): PersistentVolumeClaimInfo[] {
    const out: PersistentVolumeClaimInfo[] = [];
    for (const uri of new Set([...this.onDisk.keys(), ...this.open.keys()])) {
      if (uri === exceptUri) continue;
      out.push(...(this.open.get(uri) ?? this.onDisk.get(uri) ?? []));
    }
    return out;
  }
}

function slim(claims: readonly PersistentVolumeClaimInfo[]): PersistentVolumeClaimInfo[] {
  const kept = claims.map(({ name, nameRange, accessModes }) => ({ name, nameRange, accessModes }));
  return JSON.parse(JSON.stringify(kept)) as PersistentVolumeClaimInfo[];
}

/** What other files can learn from a document's claims: names and access modes, not where they are written. */
function fingerprint(claims: readonly PersistentVolumeClaimInfo[] | undefined): string {
  return JSON.stringify((claims ?? []).map(({ name, accessModes }) => [name, accessModes]));
}
