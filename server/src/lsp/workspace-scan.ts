// One bounded walk of the workspace's YAML files at start-up, feeding every index that wants something from them
// (StorageClasses, PersistentVolumeClaims). Each file is read and parsed at most once, and only when an index says its
// text may hold what it looks for.
import { readFileSync, statSync } from 'node:fs';
import type { SparkDocument, SparkDraService } from '../engine';
import { URI } from './uri';
import { isWorkspaceYamlPath, WORKSPACE_SCAN_MAX_BYTES, workspaceYamlFiles } from '../workspace-yaml-files';

export interface WorkspaceYamlIndex {
  /** A cheap look at the text: false skips parsing the file for this index. */
  mayHold(text: string): boolean;
  /** Keeps what the index needs of a parsed file found on disk. */
  takeFromDisk(uri: string, document: SparkDocument): void;
  /** Drops what the index kept of a file on disk. */
  forgetDisk(uri: string): void;
  /** What other files can learn from what the index keeps of a file on disk ('' for nothing). */
  diskFingerprint(uri: string): string;
}

/** Reads every small YAML file below the folders that some index may want. Bounded in files, size and depth. */
export function scanWorkspaceYaml(
  folderUris: readonly string[],
  service: SparkDraService,
  indexes: readonly WorkspaceYamlIndex[],
): void {
  const folders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => URI.path(uri));
  for (const path of workspaceYamlFiles(folders)) indexFile(path, service, indexes);
}

/**
 * A YAML file on disk was created, changed or deleted (the client's file watcher): indexes it again. True when that
 * changes what some index tells other files, so open documents must be checked again.
 */
export function reindexWorkspaceFile(
  uri: string,
  deleted: boolean,
  service: SparkDraService,
  indexes: readonly WorkspaceYamlIndex[],
): boolean {
  if (!uri.startsWith('file:') || !isWorkspaceYamlPath(uri)) return false;
  const before = indexes.map((index) => index.diskFingerprint(uri));
  for (const index of indexes) index.forgetDisk(uri);
  const path = URI.path(uri);
  if (!deleted) {
    try {
      if (statSync(path).size <= WORKSPACE_SCAN_MAX_BYTES) indexFile(path, service, indexes);
    } catch {
      // A file gone again or unreadable is simply not indexed.
    }
  }
  return indexes.some((index, i) => index.diskFingerprint(uri) !== before[i]);
}

function indexFile(path: string, service: SparkDraService, indexes: readonly WorkspaceYamlIndex[]): void {
  try {
    const text = readFileSync(path, 'utf8');
    const wanting = indexes.filter((index) => index.mayHold(text));
    if (wanting.length === 0) return;
    const document = service.open({ fileName: path, text });
    const uri = URI.fromPath(path);
    for (const index of wanting) index.takeFromDisk(uri, document);
  } catch {
    // Unreadable files are simply not indexed.
  }
}
