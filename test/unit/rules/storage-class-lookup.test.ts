import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { findStorageClass } from '../../../server/src/engine/storage-class-lookup';
import { analyze } from '../../../server/src/engine/rules';
import { hover } from '../../../server/src/engine/features/hover';
import type { StorageClassInfo } from '../../../server/src/engine/model';

const PVC = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';
const JOB = `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
spec:
  sparkVersion: "3.5.1"
  dynamicAllocation:
    enabled: true
    maxExecutors: 10
    shuffleTrackingTimeout: 600000
  sparkConf:
    ${PVC}.options.claimName: "OnDemand"
    ${PVC}.options.storageClass: "scratch"
    ${PVC}.options.sizeLimit: "100Gi"
    ${PVC}.mount.path: "/data"
`;
const storageClass = (reclaimPolicy: string) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: scratch\nprovisioner: ebs.csi.aws.com\nreclaimPolicy: ${reclaimPolicy}\nvolumeBindingMode: WaitForFirstConsumer\n`;

function classesOf(fileName: string, text: string): StorageClassInfo[] {
  return parseFile({ fileName, text }).storageClasses;
}

const FAR_RETAIN = classesOf('deploy/other/classes.yaml', storageClass('Retain'));
const NEAR_DELETE = classesOf('deploy/jobs/classes.yaml', storageClass('Delete'));

test('StorageClass lookup: the same file first, then the same folder, then the workspace', () => {
  const job = parseFile({ fileName: 'deploy/jobs/app.yaml', text: JOB });
  const near = findStorageClass('scratch', job, [...FAR_RETAIN, ...NEAR_DELETE]);
  assert.equal(near?.place, 'this folder');
  assert.equal(near?.chosen.reclaimPolicy?.value, 'Delete');
  assert.equal(near?.alsoNamed.length, 1);
  const own = parseFile({ fileName: 'deploy/jobs/app.yaml', text: `${JOB}---\n${storageClass('Retain')}` });
  const inFile = findStorageClass('scratch', own, [...FAR_RETAIN, ...NEAR_DELETE]);
  assert.equal(inFile?.place, 'this file');
  assert.equal(inFile?.alsoNamed.length, 2);
  assert.equal(findStorageClass('scratch', job, FAR_RETAIN)?.place, 'workspace');
  assert.equal(findStorageClass('missing', job, FAR_RETAIN), undefined);
});

test('storage-class-retain: a Retain class elsewhere and a Delete class in the same folder → not reported', () => {
  const text = JOB;
  const parsed = parseFile({ fileName: 'deploy/jobs/app.yaml', text });
  const nearFirst = analyze({ text, parsed, workspaceStorageClasses: [...FAR_RETAIN, ...NEAR_DELETE] });
  assert.equal(nearFirst.filter((finding) => finding.ruleId === 'storage-class-retain').length, 0);
  const onlyFar = analyze({ text, parsed, workspaceStorageClasses: FAR_RETAIN });
  assert.equal(onlyFar.filter((finding) => finding.ruleId === 'storage-class-retain').length, 1);
});

test('hover on options.storageClass: names the class used, where it was found, and the others of that name', () => {
  const text = JOB;
  const parsed = parseFile({ fileName: 'deploy/jobs/app.yaml', text });
  const offset = text.indexOf('"scratch"') + 3;
  const result = hover({
    text,
    parsed,
    offset,
    versionOf: () => ({ version: '3.5.1', from: 'fallback' }),
    workspaceStorageClasses: [...FAR_RETAIN, ...NEAR_DELETE],
  });
  const markdown = result?.markdown ?? '';
  assert.match(markdown, /\*\*StorageClass `scratch`\*\* \(in `deploy\/jobs\/classes\.yaml`, in this folder\)/);
  assert.match(markdown, /reclaimPolicy `Delete`/);
  assert.match(markdown, /2 StorageClasses are named `scratch`/);
  assert.match(markdown, /Also: `deploy\/other\/classes\.yaml`/);
  const single = hover({
    text,
    parsed,
    offset,
    versionOf: () => ({ version: '3.5.1', from: 'fallback' }),
    workspaceStorageClasses: FAR_RETAIN,
  });
  assert.doesNotMatch(single?.markdown ?? '', /StorageClasses are named/);
});
