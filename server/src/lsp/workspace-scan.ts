// One bounded walk of the workspace's YAML files at start-up, feeding every index that wants something from them
// (StorageClasses, PersistentVolumeClaims). Each file is read and parsed at most once, and only when an index says its
// text may hold what it looks for.
import { readFileSync } from 'node:fs';
import type { SparkDocument, SparkDraService } from '../engine';
import { URI } from './uri';
import { walkFiles } from '../walk-files';

const MAX_FILES = 3000;
const MAX_BYTES = 512 * 1024;

export interface WorkspaceYamlIndex {
  /** A cheap look at the text: false skips parsing the file for this index. */
  mayHold(text: string): boolean;
  /** Keeps what the index needs of a parsed file found on disk. */
  takeFromDisk(uri: string, document: SparkDocument): void;
}

/** Reads every small YAML file below the folders that some index may want. Bounded in files, size and depth. */
export function scanWorkspaceYaml(
  folderUris: readonly string[],
  service: SparkDraService,
  indexes: readonly WorkspaceYamlIndex[],
): void {
  let budget = MAX_FILES;
  for (const uri of folderUris) {
    if (!uri.startsWith('file:') || budget <= 0) continue;
    const files = walkFiles(URI.path(uri), { maxFiles: budget, maxDepth: 8, skipHidden: true });
    budget -= files.length;
    for (const file of files) {
      if (/\.ya?ml$/i.test(file.path) && file.size <= MAX_BYTES) indexFile(file.path, service, indexes);
    }
  }
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
