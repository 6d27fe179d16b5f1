import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators/index';
import { analyze } from '../../../server/src/engine/rules/index';
import { applyFix, run, sparkApp } from './helpers';
import { assertFiresOnValue, assertQuiet, everyFormat, runCase } from './formats';

const VOLUME = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data';
const CLAIM = `${VOLUME}.options.claimName`;
const DRA = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.shuffleTracking.timeout': '600s',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
const FIXED = { ...DRA, [CLAIM]: 'shared-data', [`${VOLUME}.mount.path`]: '/data' };

test('executor-pvc-fixed-claim: one named claim with DRA → warning on the claim name, every format', () => {
  assertFiresOnValue(FIXED, '3.5.1', 'executor-pvc-fixed-claim', CLAIM);
  for (const item of everyFormat(FIXED, '3.5.1')) {
    const found = runCase(item).of('executor-pvc-fixed-claim')[0];
    assert.match(found?.message ?? '', /SPARK-43342.*ReadWriteMany/);
    const fixed = applyFix(item.text, found, /OnDemand/);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('executor-pvc-fixed-claim'), [], item.format);
  }
});

test('executor-pvc-fixed-claim: OnDemand, SPARK_EXECUTOR_ID, a single static executor or a driver volume → quiet', () => {
  assertQuiet({ ...FIXED, [CLAIM]: 'OnDemand' }, '3.5.1', 'executor-pvc-fixed-claim');
  assertQuiet({ ...FIXED, [CLAIM]: 'data-SPARK_EXECUTOR_ID' }, '3.5.1', 'executor-pvc-fixed-claim');
  const single: Record<string, string> = { [CLAIM]: 'shared-data', 'spark.executor.instances': '1' };
  assertQuiet(single, '3.5.1', 'executor-pvc-fixed-claim');
  const driver = { ...DRA, 'spark.kubernetes.driver.volumes.persistentVolumeClaim.data.options.claimName': 'x' };
  assertQuiet(driver, '3.5.1', 'executor-pvc-fixed-claim');
  // Kubernetes starts two executors when nothing says otherwise.
  const twoByDefault = { [CLAIM]: 'shared-data', 'spark.master': 'k8s://https://api' };
  assert.equal(runCase(everyFormat(twoByDefault)[3]!).of('executor-pvc-fixed-claim').length, 1);
});

const claimDoc = (mode: string) => `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared-data
spec:
  accessModes:
    - ${mode}
  storageClassName: efs-sc
  resources:
    requests:
      storage: 100Gi
`;

test('executor-pvc-fixed-claim: the claim in the same file is ReadWriteMany → quiet; ReadWriteOnce → says so', () => {
  const app = sparkApp(FIXED);
  assert.deepEqual(run('app.yaml', app + claimDoc('ReadWriteMany')).of('executor-pvc-fixed-claim'), []);
  const rwo = run('app.yaml', app + claimDoc('ReadWriteOnce')).of('executor-pvc-fixed-claim');
  assert.equal(rwo.length, 1);
  assert.match(rwo[0]?.message ?? '', /access modes ReadWriteOnce/);
});

test('executor-pvc-fixed-claim: a ReadWriteMany claim elsewhere in the workspace → quiet in every format', () => {
  const claims = parseFile({ fileName: 'pvc.yaml', text: claimDoc('ReadWriteMany') }).claims ?? [];
  assert.deepEqual(
    claims.map((claim) => [claim.name, claim.accessModes, claim.storageClassName]),
    [['shared-data', ['ReadWriteMany'], 'efs-sc']],
  );
  for (const item of everyFormat(FIXED, '3.5.1')) {
    const parsed = parseFile({ fileName: item.fileName, text: item.text });
    const findings = analyze({ text: item.text, parsed, settings: item.settings, workspaceClaims: claims });
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'executor-pvc-fixed-claim'),
      [],
      item.format,
    );
  }
});
