// StorageClasses elsewhere in the workspace are matched to a job's storageClass — only in a trusted workspace.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import type { ReplayEventLogResponse } from '../../protocol/requests';
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

/** The shared public DRA event log (../shared/eventlogs beside the repository; tests run from its root). */
const DRA_LOG = resolve(process.cwd(), '../shared/eventlogs/eventlog_4nodes_8cores_dynamic_alloc.zstd');

/** A Kubernetes job (so its executors get volumes) whose class keep-forever is defined in k8s/storage.yaml. */
const K8S_JOB = `${JOB}spark.master k8s://https://kubernetes.default.svc\n`;

async function replayLeftBehind(rootUri: string): Promise<{ gib: number; notes: string[] }> {
  const client = await TestLspClient.start({ rootUri });
  try {
    const uri = await client.open('spark-defaults.conf', 'spark-defaults', K8S_JOB);
    const answer = await client.request<ReplayEventLogResponse>('sparkDra/replayEventLog', { path: DRA_LOG, uri });
    if (!answer.ok) assert.fail(answer.problem.message);
    return { gib: answer.value.dra.summary.pvcGiBLeftBehind, notes: answer.value.notes };
  } finally {
    await client.stop();
  }
}

describe('replay with workspace StorageClasses', () => {
  it("a job file's replay uses the Retain class of another workspace file: its volumes are left behind", async () => {
    const found = await replayLeftBehind(pathToFileURL(workspace()).toString());
    assert.ok(found.gib > 0, `GiB left behind: ${found.gib}`);
    assert.equal(found.gib % 100, 0, 'whole 100Gi volumes');
    assert.equal(
      found.notes.some((n) => /not found/.test(n)),
      false,
      found.notes.join('\n'),
    );
    // The same job without the class on disk: assumed Delete, and said so.
    const missing = await replayLeftBehind(pathToFileURL(mkdtempSync(join(tmpdir(), 'spark-dra-'))).toString());
    assert.equal(missing.gib, 0);
    assert.ok(
      missing.notes.some((n) => /keep-forever not found: assumed Delete/.test(n)),
      missing.notes.join('\n'),
    );
  });
});

const CLAIM_VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.shared';
const FIXED_CLAIM_JOB = `spark.dynamicAllocation.enabled true
spark.dynamicAllocation.maxExecutors 10
spark.dynamicAllocation.shuffleTracking.timeout 5min
spark.dynamicAllocation.cachedExecutorIdleTimeout 10min
${CLAIM_VOLUME}.options.claimName team-data
${CLAIM_VOLUME}.mount.path /data
`;
const claimFile = (mode: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: team-data
spec:
  accessModes: [${mode}]
  resources:
    requests:
      storage: 50Gi
`;

describe('workspace PersistentVolumeClaims', () => {
  it('executor-pvc-fixed-claim: quiet when a claim file on disk shows the claim ReadWriteMany, warns without it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spark-dra-claims-'));
    mkdirSync(join(root, 'k8s'));
    writeFileSync(join(root, 'k8s', 'claim.yaml'), claimFile('ReadWriteMany'));
    const withClaim = await TestLspClient.start({ rootUri: pathToFileURL(root).toString() });
    try {
      const uri = await withClaim.open('spark-defaults.conf', 'spark-defaults', FIXED_CLAIM_JOB);
      const codes = (await withClaim.nextDiagnostics(uri)).map((d) => d.code);
      assert.equal(codes.includes('executor-pvc-fixed-claim'), false, codes.join(', '));
    } finally {
      await withClaim.stop();
    }
    const empty = await TestLspClient.start({
      rootUri: pathToFileURL(mkdtempSync(join(tmpdir(), 'spark-dra-'))).toString(),
    });
    try {
      const uri = await empty.open('spark-defaults.conf', 'spark-defaults', FIXED_CLAIM_JOB);
      const fixed = (await empty.nextDiagnostics(uri)).find((d) => d.code === 'executor-pvc-fixed-claim');
      assert.ok(fixed, 'executor-pvc-fixed-claim expected without the claim file');
      assert.equal(fixed.range.start.line, 4);
    } finally {
      await empty.stop();
    }
  });

  it('a claim file created, changed and deleted on disk (watched-file events) re-validates the open job', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spark-dra-claims-'));
    const client = await TestLspClient.start({ rootUri: pathToFileURL(root).toString() });
    const claimPath = join(root, 'claim.yaml');
    const claimUri = pathToFileURL(claimPath).toString();
    const fixedClaim = (list: { code?: string | number }[]) => list.some((d) => d.code === 'executor-pvc-fixed-claim');
    const fileEvent = async (type: 1 | 2 | 3) => {
      const next = client.nextDiagnostics(jobUri);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: claimUri, type }],
      });
      return next;
    };
    let jobUri = '';
    try {
      jobUri = await client.open('spark-defaults.conf', 'spark-defaults', FIXED_CLAIM_JOB);
      assert.equal(fixedClaim(await client.nextDiagnostics(jobUri)), true, 'no claim known yet');
      writeFileSync(claimPath, claimFile('ReadWriteMany'));
      assert.equal(fixedClaim(await fileEvent(1)), false, 'created as ReadWriteMany');
      writeFileSync(claimPath, claimFile('ReadWriteOnce'));
      assert.equal(fixedClaim(await fileEvent(2)), true, 'changed to ReadWriteOnce');
      writeFileSync(claimPath, claimFile('ReadWriteMany'));
      assert.equal(fixedClaim(await fileEvent(2)), false, 'changed back');
      rmSync(claimPath);
      assert.equal(fixedClaim(await fileEvent(3)), true, 'deleted');
    } finally {
      await client.stop();
    }
  });

  it('an open claim document changing from ReadWriteOnce to ReadWriteMany re-validates the open job', async () => {
    const client = await TestLspClient.start({});
    try {
      const claimUri = await client.open('claim.yaml', 'yaml', claimFile('ReadWriteOnce'));
      await client.nextDiagnostics(claimUri);
      const jobUri = await client.open('spark-defaults.conf', 'spark-defaults', FIXED_CLAIM_JOB);
      const before = (await client.nextDiagnostics(jobUri)).find((d) => d.code === 'executor-pvc-fixed-claim');
      assert.ok(before, 'a ReadWriteOnce claim warns');
      assert.match(
        typeof before.message === 'string' ? before.message : before.message.value,
        /access modes ReadWriteOnce/,
      );
      const next = client.nextDiagnostics(jobUri);
      await client.change(claimUri, claimFile('ReadWriteMany'));
      const after = await next;
      assert.equal(
        after.some((d) => d.code === 'executor-pvc-fixed-claim'),
        false,
      );
    } finally {
      await client.stop();
    }
  });
});
