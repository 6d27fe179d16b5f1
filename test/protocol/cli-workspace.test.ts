// The CLI reads StorageClasses from the job file's workspace as the editor does: the nearest folder holding .git or
// .vscode, else the job file's folder; --workspace DIR names it, --no-workspace reads only the files given.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { SimulationResult } from '../../protocol/simulation';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

const VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data';
const JOB = `# spark-dra: sparkVersion=3.5.1
spark.master k8s://https://kubernetes.default.svc
spark.dynamicAllocation.enabled true
spark.dynamicAllocation.shuffleTracking.enabled true
spark.dynamicAllocation.maxExecutors 8
${VOLUME}.options.claimName OnDemand
${VOLUME}.options.storageClass keep-elsewhere
${VOLUME}.options.sizeLimit 20Gi
${VOLUME}.mount.path /data
`;
const RETAIN_CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep-elsewhere
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Retain
`;

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** A repository: .git at the top, the job in jobs/, the StorageClass in k8s/ (not below the job's folder). */
function repository(): { root: string; job: string } {
  const root = mkdtempSync(join(tmpdir(), 'spark-dra-cli-ws-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'jobs'));
  mkdirSync(join(root, 'k8s'));
  writeFileSync(join(root, 'k8s', 'storage.yaml'), RETAIN_CLASS);
  const job = join(root, 'jobs', 'spark-defaults.conf');
  writeFileSync(job, JOB);
  return { root, job };
}

function leftBehind(...args: string[]): { gib: number; notes: string[] } {
  const run = cli('simulate', ...args, '--json');
  assert.equal(run.status, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SimulationResult;
  return { gib: result.dra.summary.pvcGiBLeftBehind, notes: result.notes };
}

function checkRules(...args: string[]): string[] {
  const run = cli('check', ...args, '--format', 'json');
  assert.notEqual(run.status, 2, run.stderr);
  const out = JSON.parse(run.stdout) as { files: { findings: { ruleId: string }[] }[] };
  return out.files.flatMap((f) => f.findings.map((x) => x.ruleId));
}

describe('spark-dra and the workspace of a job file', () => {
  it('simulate finds the Retain class in the repository of the job file (the folder with .git)', () => {
    const { job } = repository();
    const found = leftBehind(job);
    assert.ok(found.gib > 0, `GiB left behind: ${found.gib}`);
    assert.equal(found.gib % 20, 0);
    assert.equal(
      found.notes.some((n) => /not found/.test(n)),
      false,
    );
    const alone = leftBehind(job, '--no-workspace');
    assert.equal(alone.gib, 0);
    assert.ok(alone.notes.some((n) => /keep-elsewhere not found: assumed Delete/.test(n)));
  });

  it('check reports storage-class-retain from the class in k8s/, and not with --no-workspace', () => {
    const { job } = repository();
    assert.ok(checkRules(job).includes('storage-class-retain'));
    assert.equal(checkRules(job, '--no-workspace').includes('storage-class-retain'), false);
  });

  it('without .git or .vscode above it, the job file’s own folder is the workspace; --workspace DIR names another', () => {
    const root = mkdtempSync(join(tmpdir(), 'spark-dra-cli-ws-'));
    mkdirSync(join(root, 'jobs'));
    mkdirSync(join(root, 'k8s'));
    writeFileSync(join(root, 'k8s', 'storage.yaml'), RETAIN_CLASS);
    const job = join(root, 'jobs', 'spark-defaults.conf');
    writeFileSync(job, JOB);
    assert.equal(leftBehind(job).gib, 0, 'k8s/ is beside the job folder, not in it');
    assert.ok(leftBehind(job, '--workspace', root).gib > 0);
  });

  it('a symbolic-link loop in the workspace is entered once', () => {
    const { root, job } = repository();
    symlinkSync('..', join(root, 'k8s', 'loop'));
    symlinkSync(root, join(root, 'jobs', 'top'));
    const started = Date.now();
    assert.ok(leftBehind(job).gib > 0);
    assert.ok(Date.now() - started < 30_000);
  });

  it('refuses --workspace with --no-workspace, and a --workspace that is not a folder (exit 2)', () => {
    const { root, job } = repository();
    const both = cli('simulate', job, '--workspace', root, '--no-workspace');
    assert.equal(both.status, 2);
    assert.match(both.stderr, /--workspace DIR or --no-workspace/);
    const notFolder = cli('check', job, '--workspace', job);
    assert.equal(notFolder.status, 2);
    assert.match(notFolder.stderr, /--workspace must be a folder/);
    assert.match(cli('--help').stdout, /--no-workspace reads only the files given/);
  });
});
