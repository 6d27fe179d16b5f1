// Which StorageClass an `options.storageClass` name refers to when several files define classes: one in the job's own
// file first, then one in the same folder, then any other in the workspace (the order a chart or a deploy folder
// implies: the class deployed alongside the job is the one it gets).
import type { ParsedFile, StorageClassInfo } from './model';

export type StorageClassPlace = 'this file' | 'this folder' | 'workspace';

export interface StorageClassMatch {
  chosen: StorageClassInfo;
  place: StorageClassPlace;
  /** Other classes with the same name, in the order they rank. */
  alsoNamed: StorageClassInfo[];
}

/** The file's own classes, then the workspace's from the same folder, then the rest (each group keeps its order). */
export function rankStorageClasses(parsed: ParsedFile, workspace: readonly StorageClassInfo[]): StorageClassInfo[] {
  const folder = parsed.fileName !== undefined ? folderOf(parsed.fileName) : undefined;
  const near = workspace.filter(
    (info) => folder !== undefined && info.file !== undefined && folderOf(info.file) === folder,
  );
  const far = workspace.filter((info) => !near.includes(info));
  return [...parsed.storageClasses, ...near, ...far];
}

/** The class `name` refers to from a job of `parsed`, with where it was found and the others of that name. */
export function findStorageClass(
  name: string,
  parsed: ParsedFile,
  workspace: readonly StorageClassInfo[],
): StorageClassMatch | undefined {
  const ranked = rankStorageClasses(parsed, workspace).filter((info) => info.name === name);
  const chosen = ranked[0];
  if (!chosen) return undefined;
  return { chosen, place: placeOf(chosen, parsed), alsoNamed: ranked.slice(1) };
}

function placeOf(info: StorageClassInfo, parsed: ParsedFile): StorageClassPlace {
  if (parsed.storageClasses.includes(info)) return 'this file';
  if (parsed.fileName !== undefined && info.file !== undefined && folderOf(info.file) === folderOf(parsed.fileName)) {
    return 'this folder';
  }
  return 'workspace';
}

function folderOf(path: string): string {
  const normal = path.replace(/\\/g, '/');
  const slash = normal.lastIndexOf('/');
  return slash < 0 ? '' : normal.slice(0, slash);
}
