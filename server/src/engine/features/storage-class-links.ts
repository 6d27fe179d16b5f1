// Links from `options.storageClass` values to the StorageClass each names, found the way hover finds it (this file,
// then the same folder, then the workspace): editors make the value a link to the class's definition.
import { parseVolumeKey } from '../catalog';
import type { ParsedFile, Range, StorageClassInfo } from '../model';
import { findStorageClass } from '../storage-class-lookup';

export interface StorageClassLink {
  /** The value that names the class. */
  range: Range;
  /** The class it resolves to; `file` is undefined when it is in this file. */
  target: StorageClassInfo;
  /** The class is declared in this file (link to `target.nameRange` here). */
  inThisFile: boolean;
}

export function storageClassLinks(parsed: ParsedFile, workspace: readonly StorageClassInfo[]): StorageClassLink[] {
  const links: StorageClassLink[] = [];
  for (const job of parsed.jobs) {
    for (const entry of job.entries) {
      if (entry.templated !== undefined || entry.valueRange.end <= entry.valueRange.start) continue;
      if (parseVolumeKey(entry.key)?.suffix !== 'options.storageClass') continue;
      const match = findStorageClass(entry.value.trim(), parsed, workspace);
      if (!match) continue;
      links.push({ range: entry.valueRange, target: match.chosen, inThisFile: match.place === 'this file' });
    }
  }
  return links;
}
