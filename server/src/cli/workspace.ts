// StorageClasses and PersistentVolumeClaims from the rest of a job file's workspace, so the CLI sees what the editor
// sees when that folder is open: the same YAML files (server/src/workspace-yaml-files.ts), read once per run.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PersistentVolumeClaimInfo, SparkDraService, StorageClassInfo } from '../engine';
import { UsageError } from './args';
import { readTextFile } from './read-text';
import { WORKSPACE_SCAN_MAX_BYTES, workspaceYamlFiles } from '../workspace-yaml-files';

/** What the rest of the workspace declares that a job's checks and simulation read. */
export interface WorkspaceResources {
  storageClasses: StorageClassInfo[];
  claims: PersistentVolumeClaimInfo[];
}

/** Which folder is the workspace: found from each job file, one given folder, or none (only the files given). */
export type WorkspaceChoice = { kind: 'detect' } | { kind: 'folder'; path: string } | { kind: 'none' };

/** Entries whose presence marks the folder an editor would open as the workspace. */
const ROOT_MARKERS = ['.git', '.vscode'];

/**
 * The workspace folder of a file: the nearest folder at or above it holding `.git` or `.vscode` (a repository or an
 * editor workspace), else the file's own folder.
 */
export function detectWorkspaceRoot(filePath: string): string {
  const own = dirname(resolve(filePath));
  for (let dir = own; ;) {
    if (ROOT_MARKERS.some((marker) => existsSync(join(dir, marker)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return own;
    dir = parent;
  }
}

/** The workspace resources of job files, each workspace folder scanned once per run. */
export class CliWorkspace {
  private readonly scanned = new Map<string, { path: string; resources: WorkspaceResources }[]>();

  constructor(
    private readonly service: SparkDraService,
    private readonly choice: WorkspaceChoice,
  ) {}

  /** The folder scanned for a job file, undefined when none is. */
  rootOf(jobPath: string): string | undefined {
    if (this.choice.kind === 'none') return undefined;
    return this.choice.kind === 'folder' ? resolve(this.choice.path) : detectWorkspaceRoot(jobPath);
  }

  /** What the workspace of `jobPath` declares outside the job file itself and outside `alsoExcept` (files already read). */
  resourcesFor(jobPath: string, alsoExcept: readonly string[] = []): WorkspaceResources {
    const root = this.rootOf(jobPath);
    const out: WorkspaceResources = { storageClasses: [], claims: [] };
    if (root === undefined) return out;
    const skip = new Set([resolve(jobPath), ...alsoExcept.map((p) => resolve(p))]);
    for (const file of this.scan(root)) {
      if (skip.has(file.path)) continue;
      out.storageClasses.push(...file.resources.storageClasses);
      out.claims.push(...file.resources.claims);
    }
    return out;
  }

  private scan(root: string): { path: string; resources: WorkspaceResources }[] {
    let found = this.scanned.get(root);
    if (found) return found;
    found = [];
    for (const path of workspaceYamlFiles([root])) {
      const read = readTextFile(path, WORKSPACE_SCAN_MAX_BYTES);
      // Unreadable files, and files that cannot declare either kind, are skipped as the editor skips them.
      if (!read.ok || !/StorageClass|PersistentVolumeClaim/.test(read.value)) continue;
      const document = this.service.open({ fileName: path, text: read.value });
      if (document.storageClasses.length === 0 && document.claims.length === 0) continue;
      found.push({
        path: resolve(path),
        resources: { storageClasses: [...document.storageClasses], claims: [...document.claims] },
      });
    }
    this.scanned.set(root, found);
    return found;
  }
}

/** The workspace choice of `--workspace DIR` / `--no-workspace`; detected from each job file when neither is given. */
export function workspaceChoiceFrom(options: ReadonlyMap<string, string>, flags: ReadonlySet<string>): WorkspaceChoice {
  const folder = options.get('workspace');
  if (folder !== undefined && flags.has('no-workspace'))
    throw new UsageError('give --workspace DIR or --no-workspace, not both');
  if (flags.has('no-workspace')) return { kind: 'none' };
  if (folder === undefined) return { kind: 'detect' };
  if (!isFolder(folder)) throw new UsageError(`--workspace must be a folder (got '${folder}')`);
  return { kind: 'folder', path: folder };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
