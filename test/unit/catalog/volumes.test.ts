import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKeys, lookupKey, parseVolumeKey, volumeSuffixes, volumeTypes } from '../../../server/src/engine/catalog';

const EXEC = 'spark.kubernetes.executor.volumes.';
const DRIVER = 'spark.kubernetes.driver.volumes.';

test('parseVolumeKey splits role, type, name and suffix', () => {
  assert.deepEqual(parseVolumeKey(`${EXEC}persistentVolumeClaim.data.mount.path`), {
    role: 'executor',
    volumeType: 'persistentVolumeClaim',
    volumeName: 'data',
    suffix: 'mount.path',
  });
  assert.deepEqual(parseVolumeKey(`${DRIVER}hostPath.logs.options.path`), {
    role: 'driver',
    volumeType: 'hostPath',
    volumeName: 'logs',
    suffix: 'options.path',
  });
  assert.deepEqual(parseVolumeKey(`${EXEC}persistentVolumeClaim.data.label.team`)?.suffix, 'label.team');
});

test('parseVolumeKey keeps partial keys and rejects other prefixes', () => {
  assert.deepEqual(parseVolumeKey(`${EXEC}persistentVolumeClaim.`), {
    role: 'executor',
    volumeType: 'persistentVolumeClaim',
    volumeName: '',
    suffix: '',
  });
  assert.deepEqual(parseVolumeKey(`${EXEC}emptyDir.scratch`), {
    role: 'executor',
    volumeType: 'emptyDir',
    volumeName: 'scratch',
    suffix: '',
  });
  assert.equal(parseVolumeKey('spark.kubernetes.executor.volume.emptyDir.x.mount.path'), undefined);
  assert.equal(parseVolumeKey('spark.executor.memory'), undefined);
});

test('volume keys resolve to a synthesised KeyInfo', () => {
  const key = `${EXEC}persistentVolumeClaim.spark-local-dir-1.mount.path`;
  const info = lookupKey(key);
  assert.ok(info);
  assert.equal(info.key, key);
  assert.equal(info.type, 'string');
  assert.equal(info.category, 'kubernetes-volume');
  assert.equal(info.since, '2.4.0');
  assert.ok(info.related.includes(`${EXEC}persistentVolumeClaim.spark-local-dir-1.options.claimName`));
  const readOnly = lookupKey(`${DRIVER}emptyDir.tmp.mount.readOnly`);
  assert.equal(readOnly?.type, 'bool');
  assert.equal(readOnly?.defaults[0]?.value, 'false');
  assert.equal(lookupKey(`${EXEC}emptyDir.tmp.options.sizeLimit`)?.type, 'quantity');
});

test('since = the later of the volume type and the suffix', () => {
  assert.equal(lookupKey(`${EXEC}nfs.share.mount.path`)?.since, '3.1.0');
  assert.equal(lookupKey(`${EXEC}nfs.share.options.server`)?.since, '3.1.0');
  assert.equal(lookupKey(`${EXEC}hostPath.h.options.path`)?.since, '2.4.0');
  assert.equal(lookupKey(`${EXEC}hostPath.h.options.type`)?.since, '4.0.0');
  assert.equal(lookupKey(`${EXEC}emptyDir.e.options.sizeLimit`)?.since, '2.4.0');
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.p.options.sizeLimit`)?.since, '3.1.0');
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.p.options.storageClass`)?.since, '3.1.0');
  assert.equal(lookupKey(`${EXEC}emptyDir.e.mount.subPath`)?.since, '3.0.0');
  assert.equal(lookupKey(`${EXEC}emptyDir.e.mount.subPathExpr`)?.since, '4.0.0');
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.p.label.team`)?.since, '4.0.0');
  assert.equal(lookupKey(`${DRIVER}persistentVolumeClaim.p.annotation.owner`)?.since, '4.0.0');
});

test('unknown types, suffixes and options of another type are not found', () => {
  assert.equal(lookupKey(`${EXEC}pvc.data.mount.path`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentvolumeclaim.data.mount.path`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.data.mount.pth`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.data.options.server`), undefined);
  assert.equal(lookupKey(`${EXEC}hostPath.h.options.claimName`), undefined);
  assert.equal(lookupKey(`${EXEC}emptyDir.e.label.team`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.data.label.`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim.data`), undefined);
  assert.equal(lookupKey(`${EXEC}persistentVolumeClaim..mount.path`), undefined);
});

test('volume types with required and optional suffixes', () => {
  const byType = new Map(volumeTypes().map((info) => [info.type, info]));
  assert.deepEqual([...byType.keys()], ['hostPath', 'emptyDir', 'persistentVolumeClaim', 'nfs']);
  assert.deepEqual(byType.get('persistentVolumeClaim')?.required, ['mount.path', 'options.claimName']);
  assert.deepEqual(byType.get('nfs')?.required, ['mount.path', 'options.path', 'options.server']);
  assert.deepEqual(byType.get('hostPath')?.required, ['mount.path', 'options.path']);
  assert.deepEqual(byType.get('emptyDir')?.required, ['mount.path']);
  assert.ok(byType.get('emptyDir')?.optional.includes('options.medium'));
  assert.ok(byType.get('persistentVolumeClaim')?.optional.includes('label.'));
  assert.equal(byType.get('nfs')?.since, '3.1.0');
  const labels = volumeSuffixes('persistentVolumeClaim').find((suffix) => suffix.suffix === 'label.');
  assert.equal(labels?.isPrefix, true);
  assert.deepEqual(volumeSuffixes('tmpfs'), []);
});

test('volume templates are not listed among catalog keys', () => {
  assert.ok(allKeys().every((info) => !info.key.includes('.volumes.')));
});
