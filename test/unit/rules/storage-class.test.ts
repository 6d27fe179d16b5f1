import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators/index';
import { applyFix, emrJob, GOOD_DRA, run } from './helpers';

const PVC = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';
const app = (storageClassYaml: string) => `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: job
spec:
  type: Python
  sparkVersion: "3.5.1"
  mainApplicationFile: local:///opt/app/main.py
  dynamicAllocation:
    enabled: true
    maxExecutors: 10
    shuffleTrackingTimeout: 600000
  sparkConf:
    spark.dynamicAllocation.cachedExecutorIdleTimeout: "30min"
    ${PVC}.options.claimName: "OnDemand"
    ${PVC}.options.storageClass: "spark-scratch"
    ${PVC}.options.sizeLimit: "100Gi"
    ${PVC}.mount.path: "/data"
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: spark-scratch
provisioner: ebs.csi.aws.com
${storageClassYaml}`;

test('storage-class-retain, storage-class-immediate-binding: both in the same file → flagged on the StorageClass field, fix edits it', () => {
  const text = app('reclaimPolicy: Retain\nvolumeBindingMode: Immediate\n');
  const r = run('app.yaml', text);
  assert.deepEqual(r.spans('storage-class-retain'), ['Retain']);
  assert.deepEqual(r.spans('storage-class-immediate-binding'), ['Immediate']);
  const related = r.of('storage-class-retain')[0]?.related?.[0];
  assert.equal(text.slice(related?.range.start, related?.range.end), 'spark-scratch');
  const fixed = applyFix(
    applyFix(text, r.of('storage-class-retain')[0]),
    run('app.yaml', applyFix(text, r.of('storage-class-retain')[0])).of('storage-class-immediate-binding')[0],
  );
  assert.ok(fixed.includes('reclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\n'));
  assert.deepEqual(
    run('app.yaml', fixed).findings.map((f) => f.ruleId),
    [],
  );
});

test('storage-class-immediate-binding: no volumeBindingMode (Immediate) → flagged on the name', () => {
  const r = run('app.yaml', app('reclaimPolicy: Delete\n'));
  assert.deepEqual(r.spans('storage-class-immediate-binding'), ['spark-scratch']);
  assert.equal(r.of('storage-class-immediate-binding')[0]?.range.start, r.text.lastIndexOf('spark-scratch'));
});

test('storage-class-retain: a Retain class elsewhere in the workspace → flagged on the job value naming it', () => {
  const scFile = parseFile({
    fileName: 'sc.yaml',
    text: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: gp3\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: Retain\nvolumeBindingMode: WaitForFirstConsumer\n',
  });
  assert.equal(scFile.storageClasses.length, 1);
  const text = emrJob({
    ...GOOD_DRA,
    [`${PVC}.options.claimName`]: 'OnDemand',
    [`${PVC}.options.storageClass`]: 'gp3',
    [`${PVC}.options.sizeLimit`]: '100Gi',
    [`${PVC}.mount.path`]: '/data',
  });
  const r = run('job.json', text, undefined, scFile.storageClasses);
  assert.deepEqual(r.spans('storage-class-retain'), ['gp3']);
  assert.deepEqual(r.of('storage-class-immediate-binding'), []);
  assert.deepEqual(run('job.json', text).of('storage-class-retain'), []);
});
