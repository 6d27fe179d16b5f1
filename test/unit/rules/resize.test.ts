import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators/index';
import { applyFix, run, sparkApp } from './helpers';
import { assertFiresOnValue, assertQuiet, everyFormat, runCase } from './formats';

const PLUGINS = 'spark.plugins';
const PVC_PLUGIN = 'org.apache.spark.scheduler.cluster.k8s.ExecutorPVCResizePlugin';
const MEMORY_PLUGIN = 'org.apache.spark.scheduler.cluster.k8s.ExecutorResizePlugin';
const ALLOCATOR = 'spark.kubernetes.allocation.pods.allocator';
const INTERVAL = 'spark.kubernetes.executor.pvc.resizeInterval';
const LOCAL_DIR = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1';
const CLAIM = {
  [`${LOCAL_DIR}.options.claimName`]: 'OnDemand',
  [`${LOCAL_DIR}.options.storageClass`]: 'spark-local',
  [`${LOCAL_DIR}.options.sizeLimit`]: '100Gi',
  [`${LOCAL_DIR}.mount.path`]: '/data',
};

function storageClass(expansion: string): ReturnType<typeof parseFile>['storageClasses'] {
  return parseFile({
    fileName: 'sc.yaml',
    text: `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: spark-local\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\n${expansion}`,
  }).storageClasses;
}

test('resize-plugin-needs-direct-allocator: PVC plugin with the statefulset allocator → warning on spark.plugins, every format', () => {
  const props = { [PLUGINS]: PVC_PLUGIN, [ALLOCATOR]: 'statefulset' };
  assertFiresOnValue(props, '4.2.0', 'resize-plugin-needs-direct-allocator', PLUGINS);
  for (const item of everyFormat(props, '4.2.0')) {
    const found = runCase(item).of('resize-plugin-needs-direct-allocator')[0];
    const fixed = applyFix(item.text, found);
    assert.ok(fixed.includes('direct'), item.format);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('resize-plugin-needs-direct-allocator'), []);
  }
});

test('resize-plugin-needs-direct-allocator: both plugins named; direct (the default) or Spark 4.1 → quiet', () => {
  const both = { [PLUGINS]: `${MEMORY_PLUGIN}, ${PVC_PLUGIN}`, [ALLOCATOR]: 'deployment' };
  const found = runCase(everyFormat(both, '4.2.0')[3]!).of('resize-plugin-needs-direct-allocator');
  assert.match(found[0]?.message ?? '', /ExecutorResizePlugin and ExecutorPVCResizePlugin work only/);
  assertQuiet({ [PLUGINS]: PVC_PLUGIN }, '4.2.0', 'resize-plugin-needs-direct-allocator');
  assertQuiet({ [PLUGINS]: PVC_PLUGIN, [ALLOCATOR]: 'direct' }, '4.2.0', 'resize-plugin-needs-direct-allocator');
  assertQuiet(
    { [PLUGINS]: 'com.example.Other', [ALLOCATOR]: 'statefulset' },
    '4.2.0',
    'resize-plugin-needs-direct-allocator',
  );
});

test('pvc-resize-interval-units: 2min or 90s → error, fix rounds up to 5min, every format', () => {
  for (const value of ['2min', '90s', '7']) {
    const props = { [INTERVAL]: value };
    assertFiresOnValue(props, '4.2.0', 'pvc-resize-interval-units', INTERVAL);
    for (const item of everyFormat(props, '4.2.0')) {
      const found = runCase(item).of('pvc-resize-interval-units')[0];
      assert.equal(found?.severity, 'error');
      const fixed = applyFix(item.text, found);
      assert.deepEqual(run(item.fileName, fixed, item.settings).of('pvc-resize-interval-units'), [], `${value}`);
    }
  }
});

test('pvc-resize-interval-units: 0, 5min, 300s, 10 and 1h → quiet; older Spark → quiet (key ignored)', () => {
  for (const value of ['0', '5min', '300s', '10', '1h'])
    assertQuiet({ [INTERVAL]: value }, '4.2.0', 'pvc-resize-interval-units');
  assertQuiet({ [INTERVAL]: '2min' }, '4.1.0', 'pvc-resize-interval-units');
});

test('pvc-resize-plugin-needs-expansion: StorageClass without allowVolumeExpansion → warning on the job value, every format', () => {
  const props = { [PLUGINS]: PVC_PLUGIN, ...CLAIM };
  const key = `${LOCAL_DIR}.options.storageClass`;
  assertFiresOnValue(props, '4.2.0', 'pvc-resize-plugin-needs-expansion', key, storageClass(''));
  assertFiresOnValue(
    props,
    '4.2.0',
    'pvc-resize-plugin-needs-expansion',
    key,
    storageClass('allowVolumeExpansion: false\n'),
  );
  assertQuiet(props, '4.2.0', 'pvc-resize-plugin-needs-expansion', storageClass('allowVolumeExpansion: true\n'));
  assertQuiet({ ...CLAIM }, '4.2.0', 'pvc-resize-plugin-needs-expansion', storageClass(''));
});

test('pvc-resize-plugin-needs-expansion: StorageClass in the same file → related place on its name', () => {
  const text = `${sparkApp({ [PLUGINS]: PVC_PLUGIN, ...CLAIM }, '', '4.2.0')}---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: spark-local
provisioner: ebs.csi.aws.com
volumeBindingMode: WaitForFirstConsumer
`;
  const found = run('app.yaml', text).of('pvc-resize-plugin-needs-expansion')[0];
  const related = found?.related?.[0]?.range;
  assert.equal(related?.start, text.lastIndexOf('spark-local'));
});

const EBS_DRA = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.shuffleTracking.timeout': '600s',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
  'spark.kubernetes.driver.reusePersistentVolumeClaim': 'true',
  ...CLAIM,
};

test('dra-pvc-reuse-on-ebs: written reuse with DRA on an EBS class → warning on the storageClass value, every format', () => {
  const key = `${LOCAL_DIR}.options.storageClass`;
  assertFiresOnValue(EBS_DRA, '3.5.1', 'dra-pvc-reuse-on-ebs', key, storageClass(''));
});

test('dra-pvc-reuse-on-ebs: executors pinned to a zone, reuse only by default, non-EBS class or no DRA → quiet', () => {
  const ebs = storageClass('');
  const pinned = { ...EBS_DRA, 'spark.kubernetes.node.selector.topology.kubernetes.io/zone': 'us-east-1a' };
  assertQuiet(pinned, '3.5.1', 'dra-pvc-reuse-on-ebs', ebs);
  const byDefault: Record<string, string> = { ...EBS_DRA };
  delete byDefault['spark.kubernetes.driver.reusePersistentVolumeClaim'];
  assertQuiet(byDefault, '3.5.1', 'dra-pvc-reuse-on-ebs', ebs);
  const efs = parseFile({
    fileName: 'sc.yaml',
    text: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: spark-local\nprovisioner: efs.csi.aws.com\n',
  }).storageClasses;
  assertQuiet(EBS_DRA, '3.5.1', 'dra-pvc-reuse-on-ebs', efs);
  const noDra: Record<string, string> = { ...EBS_DRA, 'spark.dynamicAllocation.enabled': 'false' };
  assertQuiet(noDra, '3.5.1', 'dra-pvc-reuse-on-ebs', ebs);
});

test('resize-plugin-needs-direct-allocator: the short plugin name without the direct allocator → flagged too', () => {
  assertFiresOnValue(
    { [PLUGINS]: 'ExecutorResizePlugin', [ALLOCATOR]: 'statefulset' },
    '4.2.0',
    'resize-plugin-needs-direct-allocator',
    PLUGINS,
  );
});
