// The YAML files of a workspace that StorageClasses and PersistentVolumeClaims are read from, for the language server's
// workspace scan and the CLI alike, so both read the same files within the same bounds.
import { walkFiles } from './walk-files';

/** At most this many files are looked at across all folders of one scan. */
export const WORKSPACE_SCAN_MAX_FILES = 3000;
/** YAML files larger than this are not read. */
export const WORKSPACE_SCAN_MAX_BYTES = 512 * 1024;
/** Folders deeper than this below a workspace folder are not entered. */
export const WORKSPACE_SCAN_MAX_DEPTH = 8;

/** True for a path the workspace scan reads when it is small enough. */
export function isWorkspaceYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

/**
 * The small YAML files below `folders` (absolute paths), in a stable order. Hidden folders and build output are
 * skipped, symbolic-link loops are entered once, and the file budget is shared by all folders.
 */
export function workspaceYamlFiles(folders: readonly string[]): string[] {
  let budget = WORKSPACE_SCAN_MAX_FILES;
  const out: string[] = [];
  for (const folder of folders) {
    if (budget <= 0) break;
    const files = walkFiles(folder, { maxFiles: budget, maxDepth: WORKSPACE_SCAN_MAX_DEPTH, skipHidden: true });
    budget -= files.length;
    for (const file of files)
      if (isWorkspaceYamlPath(file.path) && file.size <= WORKSPACE_SCAN_MAX_BYTES) out.push(file.path);
  }
  return out;
}
