// `spark-dra simulate` quotes savings against static at the DRA peak, prices what Retain leaves behind per month,
// says when nodes are not priced and names the workload it simulated.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import type { SimulationResult } from '../../protocol/simulation';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

const RETAIN_JOB = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: keep-gp3
provisioner: ebs.csi.aws.com
reclaimPolicy: Retain
---
apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: keeps-volumes
spec:
  type: Scala
  mode: cluster
  sparkVersion: "3.5.1"
  sparkConf:
    spark.dynamicAllocation.enabled: "true"
    spark.dynamicAllocation.shuffleTracking.enabled: "true"
    spark.dynamicAllocation.maxExecutors: "100"
    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName: "OnDemand"
    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.storageClass: "keep-gp3"
    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.sizeLimit: "50Gi"
    spark.kubernetes.executor.volumes.persistentVolumeClaim.data.mount.path: "/data"
  executor:
    cores: 4
    memory: 8g
`;

function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
}

function jobFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'spark-dra-honest-')), 'retain.yaml');
  writeFileSync(path, RETAIN_JOB);
  return path;
}

describe('spark-dra simulate: honest figures', () => {
  it('runs a right-sized static baseline at the DRA peak and quotes savings against it', () => {
    const path = jobFile();
    const json = cli('simulate', path, '--preset', 'interactive-burst', '--json');
    assert.equal(json.status, 0, json.stderr);
    const result = JSON.parse(json.stdout) as SimulationResult;
    const fair = result.staticRightSized;
    assert.ok(fair, 'a right-sized baseline with DRA on');
    assert.equal(fair.executors, result.dra.summary.peakExecutors);
    assert.ok(fair.executors < result.static.executors, `peak ${fair.executors} below maxExecutors 100`);
    assert.ok(fair.summary.cost.total < result.static.summary.cost.total);

    const text = cli('simulate', path, '--preset', 'interactive-burst');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`static at DRA peak \\(${fair.executors}\\)\\s+DRA − peak static`));
    assert.match(text.stdout, /static \(100 executors\)/);
    const saving = fair.summary.cost.total - result.dra.summary.cost.total;
    assert.match(text.stdout, new RegExp(`DRA saves \\$${saving.toFixed(3)} .*against static at its peak`));
  });

  it('prices the volumes Retain leaves behind per month, and says nodes are not priced', () => {
    const run = cli('simulate', jobFile(), '--json');
    const result = JSON.parse(run.stdout) as SimulationResult;
    const gib = result.dra.summary.pvcGiBLeftBehind;
    assert.ok(gib > 0, 'Retain leaves volumes behind');
    assert.equal(result.dra.summary.cost.leftBehindPerMonth, Math.round(gib * 0.08 * 1e6) / 1e6);
    assert.equal(result.dra.summary.cost.computePriced, false);
    const text = cli('simulate', jobFile()).stdout;
    assert.match(
      text,
      new RegExp(`left behind \\(reclaimPolicy Retain\\): ${gib} GiB, \\$${(gib * 0.08).toFixed(2)} per month`),
    );
    assert.match(text, /Nodes not priced: .*sparkDra\.simulation\.instanceVcpuHourUsd/);
  });

  it('names the synthetic workload with its description and how to choose another', () => {
    const result = JSON.parse(cli('simulate', jobFile(), '--json').stdout) as SimulationResult;
    assert.equal(result.workload.source, 'preset');
    assert.match(result.workload.description ?? '', /\w+/);
    const text = cli('simulate', jobFile()).stdout;
    const line = text.split('\n').find((l) => l.includes('synthetic workload')) ?? '';
    assert.ok(line.includes(`"${result.workload.name}"`), line);
    assert.ok(line.endsWith(` — ${result.workload.description}`), line);
    assert.match(text, /--preset NAME, --workload FILE\.json or --eventlog LOG/);
  });
});
