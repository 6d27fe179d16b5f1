// One shuffle-storage mode per configuration: remote service, external service, migration on decommission, local.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveAllocationConfig } from '../../../server/src/engine/simulator/config';

const mode = (conf: Record<string, string>, version = '3.5.1') => resolveAllocationConfig(conf, version).shuffleStorage;

test('shuffle storage: defaults → local; the external shuffle service → external', () => {
  assert.equal(mode({}), 'local');
  assert.equal(mode({ 'spark.shuffle.service.enabled': 'true' }), 'external');
});

test('shuffle storage: decommission migrates only with spark.storage.decommission.enabled as well', () => {
  assert.equal(mode({ 'spark.decommission.enabled': 'true' }), 'local');
  assert.equal(
    mode({ 'spark.decommission.enabled': 'true', 'spark.storage.decommission.enabled': 'true' }),
    'migrated',
  );
  // Shuffle-block migration defaults to false before 3.4.
  const both = { 'spark.decommission.enabled': 'true', 'spark.storage.decommission.enabled': 'true' };
  assert.equal(mode(both, '3.3.2'), 'local');
  assert.equal(mode({ ...both, 'spark.storage.decommission.shuffleBlocks.enabled': 'true' }, '3.3.2'), 'migrated');
});

test('shuffle storage: a remote shuffle manager or (3.5+) a reliable ShuffleDataIO plugin → remote', () => {
  assert.equal(mode({ 'spark.shuffle.manager': 'org.apache.spark.shuffle.celeborn.SparkShuffleManager' }), 'remote');
  assert.equal(mode({ 'spark.shuffle.manager': 'org.apache.spark.shuffle.RssShuffleManager' }, '3.3.2'), 'remote');
  const plugin = { 'spark.shuffle.sort.io.plugin.class': 'org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO' };
  assert.equal(mode(plugin), 'remote');
  assert.equal(mode(plugin, '3.4.1'), 'local');
  assert.equal(mode({ ...plugin, 'spark.celeborn.client.spark.shuffle.forceFallback.enabled': 'true' }), 'local');
  const k8sLocal = {
    'spark.shuffle.sort.io.plugin.class': 'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO',
  };
  assert.equal(mode(k8sLocal), 'local');
});

test('shuffle storage: a bad storage-decommission value falls back without stopping the simulation', () => {
  const cfg = resolveAllocationConfig(
    { 'spark.decommission.enabled': 'true', 'spark.storage.decommission.enabled': 'yes please' },
    '3.5.1',
  );
  assert.equal(cfg.shuffleStorage, 'local');
  assert.deepEqual(cfg.parseErrors, []);
});
