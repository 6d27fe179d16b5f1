// Reads a Kubernetes PersistentVolumeClaim document (core v1) into what the executor-claim rules need: its name and
// access modes, which tell whether many executors on different nodes may mount it.
import type { PersistentVolumeClaimInfo } from '../../model';
import type { YamlDocument } from './syntax/documents';
import { innerRange, nodeAt, stringValue } from './syntax/nodes';
import { isScalarNode, isSeqNode, type TreeNode } from './syntax/tree';

/** True when the document root is a PersistentVolumeClaim (apiVersion must be v1 if given). */
export function isPersistentVolumeClaim(root: TreeNode | null): boolean {
  if (stringValue(nodeAt(root, ['kind'])) !== 'PersistentVolumeClaim') return false;
  const apiVersion = stringValue(nodeAt(root, ['apiVersion']));
  return apiVersion === undefined || apiVersion === '' || apiVersion === 'v1';
}

export function readPersistentVolumeClaim(text: string, doc: YamlDocument): PersistentVolumeClaimInfo {
  const root = doc.contents;
  const nameNode = nodeAt(root, ['metadata', 'name']);
  const modes = nodeAt(root, ['spec', 'accessModes']);
  const accessModes: string[] = [];
  if (isSeqNode(modes)) {
    for (const item of modes.items) {
      if (item && isScalarNode(item) && typeof item.value === 'string') accessModes.push(item.value);
    }
  }
  const info: PersistentVolumeClaimInfo = {
    name: stringValue(nameNode) ?? '',
    nameRange: nameNode ? innerRange(text, nameNode) : { start: doc.range.start, end: doc.range.start },
    accessModes,
  };
  const storageClassName = stringValue(nodeAt(root, ['spec', 'storageClassName']));
  if (storageClassName !== undefined) info.storageClassName = storageClassName;
  return info;
}
