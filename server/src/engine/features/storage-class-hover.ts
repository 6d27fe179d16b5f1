// The hover section for an `options.storageClass` value: which StorageClass the name refers to, where it was found,
// and which others share the name.
import { parseVolumeKey } from '../catalog';
import type { ConfigEntry, ParsedFile, StorageClassInfo } from '../model';
import { findStorageClass } from '../storage-class-lookup';

export function storageClassSection(
  entry: ConfigEntry,
  parsed: ParsedFile,
  workspace: readonly StorageClassInfo[],
): string | undefined {
  if (parseVolumeKey(entry.key)?.suffix !== 'options.storageClass' || entry.templated !== undefined) return undefined;
  const name = entry.value.trim();
  if (name === '') return undefined;
  const match = findStorageClass(name, parsed, workspace);
  if (!match) return `No StorageClass named \`${name}\` in this file or the workspace.`;
  const { chosen, place, alsoNamed } = match;
  const facts = [
    chosen.provisioner !== undefined ? `provisioner \`${chosen.provisioner}\`` : undefined,
    `reclaimPolicy \`${chosen.reclaimPolicy?.value ?? 'Delete'}\``,
    `volumeBindingMode \`${chosen.volumeBindingMode?.value ?? 'Immediate'}\``,
    `allowVolumeExpansion \`${chosen.allowVolumeExpansion === true}\``,
  ].filter((fact): fact is string => fact !== undefined);
  const lines = [`**StorageClass \`${name}\`** (${whereFound(chosen, place)}): ${facts.join(', ')}.`];
  if (alsoNamed.length > 0) {
    const others = alsoNamed.map((info) => `\`${info.file ?? 'an open file'}\``).join(', ');
    lines.push(
      '',
      `${alsoNamed.length + 1} StorageClasses are named \`${name}\`; spark-dra uses the one ${whereFound(chosen, place)} ` +
        `(a class in the job's file first, then one in the same folder, then the rest of the workspace). Also: ${others}.`,
    );
  }
  return lines.join('\n');
}

function whereFound(info: StorageClassInfo, place: string): string {
  if (place === 'this file') return 'in this file';
  const file = info.file !== undefined ? ` \`${info.file}\`` : '';
  return place === 'this folder' ? `in${file}, in this folder` : `in${file}`;
}
