// StorageClasses elsewhere in the workspace are matched to a job's storageClass — only in a trusted workspace.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TestLspClient } from './lsp-client';

const STORAGE_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep-forever
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
`;

const VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';
const JOB = `spark.dynamicAllocation.enabled true
spark.dynamicAllocation.maxExecutors 10
spark.dynamicAllocation.shuffleTracking.timeout 5min
spark.dynamicAllocation.cachedExecutorIdleTimeout 10min
spark.kubernetes.container.image example/spark:3.5.1
${VOLUME}.options.claimName OnDemand
${VOLUME}.options.storageClass keep-forever
${VOLUME}.options.sizeLimit 100Gi
${VOLUME}.mount.path /data
`;

function workspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'spark-dra-ws-'));
  mkdirSync(join(root, 'k8s'));
  writeFileSync(join(root, 'k8s', 'storage.yaml'), STORAGE_CLASS);
  return root;
}

describe('workspace StorageClasses', () => {
  it('flags a job whose storage class, defined in another workspace file, retains volumes', async () => {
    const client = await TestLspClient.start({ rootUri: pathToFileURL(workspace()).toString() });
    try {
      const uri = await client.open('spark-defaults.conf', 'spark-defaults', JOB);
      const retain = (await client.nextDiagnostics(uri)).find((d) => d.code === 'storage-class-retain');
      assert.ok(retain, 'storage-class-retain expected');
      assert.equal(retain.range.start.line, 6);
    } finally {
      await client.stop();
    }
  });

  it('reads nothing from disk in an untrusted workspace', async () => {
    const client = await TestLspClient.start({
      rootUri: pathToFileURL(workspace()).toString(),
      initializationOptions: { workspaceTrusted: false },
    });
    try {
      const uri = await client.open('spark-defaults.conf', 'spark-defaults', JOB);
      assert.equal(
        (await client.nextDiagnostics(uri)).some((d) => d.code === 'storage-class-retain'),
        false,
      );
    } finally {
      await client.stop();
    }
  });
});
