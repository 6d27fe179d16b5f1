// Issue 12: the workspace StorageClass index kept whole source files (1,000 files of 500 KB held 549 MB), because what
// a parse returns may be slices of the file's text. The index keeps copies: indexing large files keeps only the
// classes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSparkDraService, type StorageClassInfo } from '../../../server/src/engine';
import { WorkspaceStorageClasses } from '../../../server/src/lsp/workspace-storage-classes';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const FILES = 60;
const FILE_BYTES = 500 * 1024;

/** A StorageClass with long values (long enough to be held as slices of the text), then 500 KB of comments. */
function storageClassFile(n: number): string {
  const head =
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n' +
    `  name: workspace-class-number-${n}\nprovisioner: ebs.csi.aws.com/provisioner-${n}\n` +
    `reclaimPolicy: Retain\nvolumeBindingMode: WaitForFirstConsumer\nparameters:\n  type: gp3-volume-type-${n}\n`;
  const line = `# padding line of file ${n} ${'x'.repeat(60)}\n`;
  return head + line.repeat(Math.ceil(FILE_BYTES / line.length));
}

function heapMiB(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Heap still used after parsing every file and keeping what `keep` returns of it. */
function retainedMiB(keep: (uri: string, classes: () => readonly StorageClassInfo[]) => void): number {
  const service = createSparkDraService();
  const before = heapMiB();
  for (let n = 0; n < FILES; n++) {
    const uri = `file:///workspace/classes-${n}.yaml`;
    const document = service.open({ fileName: `/workspace/classes-${n}.yaml`, text: storageClassFile(n) });
    keep(uri, () => document.storageClasses);
  }
  return heapMiB() - before;
}

test('workspace StorageClass index: 60 files of 500 KB indexed → it keeps their classes, not the files', () => {
  const sourceMiB = (FILES * FILE_BYTES) / 1024 / 1024;
  const index = new WorkspaceStorageClasses();
  const indexed = retainedMiB((uri, classes) =>
    // takeFromDisk reads only `storageClasses` of the document.
    index.takeFromDisk(uri, { storageClasses: classes() } as Parameters<typeof index.takeFromDisk>[1]),
  );
  assert.equal(index.all().length, FILES);
  assert.equal(index.all()[FILES - 1]?.provisioner, `ebs.csi.aws.com/provisioner-${FILES - 1}`);
  assert.ok(indexed < sourceMiB / 10, `the index holds ${indexed.toFixed(1)} MiB for ${sourceMiB} MiB of files`);

  // Control: holding the parse's own objects does keep the files, so the figure above would show a regression.
  const held: (readonly StorageClassInfo[])[] = [];
  const heldMiB = retainedMiB((_uri, classes) => held.push(classes()));
  assert.equal(held.length, FILES);
  assert.ok(
    heldMiB > sourceMiB / 2,
    `holding the parse's objects kept ${heldMiB.toFixed(1)} MiB (expected most of ${sourceMiB} MiB)`,
  );
});
