// Reads a Kubernetes StorageClass document (storage.k8s.io/v1) into the facts the PVC rules need.
import type { Range, StorageClassInfo } from '../../model';
import type { YamlDocument } from './syntax/documents';
import { innerRange, nodeAt, scalarPairs, stringValue } from './syntax/nodes';
import { isScalarNode, type TreeNode } from './syntax/tree';

/** True when the document root is a StorageClass (apiVersion must be storage.k8s.io if given). */
export function isStorageClass(root: TreeNode | null): boolean {
  if (stringValue(nodeAt(root, ['kind'])) !== 'StorageClass') return false;
  const apiVersion = stringValue(nodeAt(root, ['apiVersion']));
  return apiVersion === undefined || apiVersion === '' || apiVersion.startsWith('storage.k8s.io');
}

export function readStorageClass(text: string, doc: YamlDocument): StorageClassInfo {
  const root = doc.contents;
  const nameNode = nodeAt(root, ['metadata', 'name']);
  const info: StorageClassInfo = {
    name: scalarText(text, nameNode)?.value ?? '',
    nameRange: nameNode ? innerRange(text, nameNode) : { start: doc.range.start, end: doc.range.start },
    range: { ...doc.range },
    parameters: {},
  };
  const provisioner = scalarText(text, nodeAt(root, ['provisioner']));
  if (provisioner) info.provisioner = provisioner.value;
  const reclaimPolicy = scalarText(text, nodeAt(root, ['reclaimPolicy']));
  if (reclaimPolicy) info.reclaimPolicy = reclaimPolicy;
  const bindingMode = scalarText(text, nodeAt(root, ['volumeBindingMode']));
  if (bindingMode) info.volumeBindingMode = bindingMode;
  const expansion = nodeAt(root, ['allowVolumeExpansion']);
  if (expansion && isScalarNode(expansion) && expansion.value !== null) {
    info.allowVolumeExpansion = expansion.value === true || expansion.value === 'true';
  }
  for (const { key, pair } of scalarPairs(nodeAt(root, ['parameters']))) {
    const value = scalarText(text, pair.value);
    info.parameters[String(key.value)] = value?.value ?? '';
  }
  return info;
}

/** A scalar's text (numbers and booleans as written) with its range, or undefined for non-scalars and nulls. */
function scalarText(text: string, node: TreeNode | null | undefined): { value: string; range: Range } | undefined {
  if (!node || !isScalarNode(node) || node.value === null) return undefined;
  const range = innerRange(text, node);
  return { value: typeof node.value === 'string' ? node.value : text.slice(range.start, range.end), range };
}
