import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKeys, defaultFor, lookupKey } from '../../../server/src/engine/catalog';
import type { KeyInfo } from '../../../server/src/engine/catalog/types';
import {
  parseDuration,
  parseSize,
  parseSparkBoolean,
  parseSparkDouble,
  parseSparkInt,
} from '../../../server/src/engine/values';
import { compareVersions, NEWEST_SPARK } from '../../../server/src/engine/version';

function key(name: string): KeyInfo {
  const info = lookupKey(name);
  assert.ok(info, `${name} is catalogued`);
  return info;
}

function defaultAt(name: string, version: string): string | undefined {
  return defaultFor(key(name), version).value;
}

const EXPECTED_KEYS = [
  // §1.1
  'spark.dynamicAllocation.enabled',
  'spark.dynamicAllocation.minExecutors',
  'spark.dynamicAllocation.maxExecutors',
  'spark.dynamicAllocation.initialExecutors',
  'spark.dynamicAllocation.executorAllocationRatio',
  'spark.dynamicAllocation.schedulerBacklogTimeout',
  'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout',
  'spark.dynamicAllocation.executorIdleTimeout',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout',
  'spark.dynamicAllocation.shuffleTracking.enabled',
  'spark.dynamicAllocation.shuffleTracking.timeout',
  'spark.dynamicAllocation.testing',
  'spark.testing.dynamicAllocation.schedule.enabled',
  'spark.kubernetes.dynamicAllocation.deleteGracePeriod',
  // §1.2
  'spark.shuffle.service.enabled',
  'spark.shuffle.service.port',
  'spark.shuffle.service.removeShuffle',
  'spark.shuffle.service.fetch.rdd.enabled',
  'spark.shuffle.sort.io.plugin.class',
  'spark.executor.instances',
  'spark.executor.cores',
  'spark.executor.memory',
  'spark.executor.memoryOverhead',
  'spark.executor.memoryOverheadFactor',
  'spark.executor.minMemoryOverhead',
  'spark.task.cpus',
  'spark.local.dir',
  'spark.decommission.enabled',
  'spark.executor.decommission.killInterval',
  'spark.executor.decommission.forceKillTimeout',
  'spark.executor.decommission.signal',
  'spark.storage.decommission.enabled',
  'spark.storage.decommission.shuffleBlocks.enabled',
  'spark.storage.decommission.rddBlocks.enabled',
  'spark.storage.decommission.shuffleBlocks.maxThreads',
  'spark.storage.decommission.shuffleBlocks.maxDiskSize',
  'spark.storage.decommission.fallbackStorage.path',
  'spark.storage.decommission.fallbackStorage.cleanUp',
  'spark.storage.decommission.maxReplicationFailuresPerBlock',
  'spark.storage.decommission.replicationReattemptInterval',
  // §1.3
  'spark.kubernetes.allocation.batch.size',
  'spark.kubernetes.allocation.batch.delay',
  'spark.kubernetes.allocation.maxPendingPods',
  'spark.kubernetes.allocation.maxPendingPodsPerRp',
  'spark.kubernetes.allocation.executor.timeout',
  'spark.kubernetes.allocation.driver.readinessTimeout',
  'spark.kubernetes.allocation.pods.allocator',
  'spark.kubernetes.allocation.maximum',
  'spark.kubernetes.executor.podDeletionCost',
  'spark.kubernetes.driver.ownPersistentVolumeClaim',
  'spark.kubernetes.driver.reusePersistentVolumeClaim',
  'spark.kubernetes.driver.waitToReusePersistentVolumeClaim',
  'spark.kubernetes.legacy.useReadWriteOnceAccessMode',
  'spark.kubernetes.local.dirs.tmpfs',
  'spark.kubernetes.executor.deleteOnTermination',
  'spark.kubernetes.executor.request.cores',
  'spark.kubernetes.executor.limit.cores',
  'spark.kubernetes.memoryOverheadFactor',
  'spark.kubernetes.executor.apiPollingInterval',
  'spark.kubernetes.executor.missingPodDetectDelta',
  'spark.kubernetes.executor.decommissionLabel',
  'spark.kubernetes.executor.decommissionLabelValue',
  'spark.kubernetes.decommission.script',
  'spark.kubernetes.executor.podNamePrefix',
  // spark-facts-2026 §1.3, §3 and §4.2
  'spark.stage.ignoreDecommissionFetchFailure',
  'spark.scheduler.maxRetainedRemovedDecommissionExecutors',
  'spark.shuffle.manager',
  'spark.celeborn.master.endpoints',
  'spark.celeborn.client.spark.shuffle.fallback.policy',
  'spark.celeborn.client.spark.shuffle.forceFallback.enabled',
  'spark.celeborn.client.spark.shuffle.fallback.numPartitionsThreshold',
  'spark.celeborn.client.spark.stageRerun.enabled',
  'spark.celeborn.client.shuffle.checkWorker.enabled',
  'spark.rss.coordinator.quorum',
  'spark.rss.access.id',
  'spark.rss.estimate.task.concurrency.dynamic.factor',
  'spark.plugins',
  'spark.kubernetes.executor.resizeInterval',
  'spark.kubernetes.executor.resizeThreshold',
  'spark.kubernetes.executor.resizeFactor',
  'spark.kubernetes.executor.pvc.resizeInterval',
  'spark.kubernetes.executor.pvc.resizeThreshold',
  'spark.kubernetes.executor.pvc.resizeFactor',
  'spark.kubernetes.allocation.recoveryMode.enabled',
  'spark.kubernetes.executor.useDriverPodIP',
  'spark.kubernetes.securityContext.allowPrivilegeEscalation',
  'spark.kubernetes.driver.label.emr-containers.amazonaws.com/dynamic.sizing',
  'spark.kubernetes.driver.annotation.emr-containers.amazonaws.com/dynamic.sizing',
  'spark.kubernetes.driver.annotation.emr-containers.amazonaws.com/dynamic.sizing.signature',
];

test('the catalog holds exactly the keys of spark-facts §1.1–§1.3 and spark-facts-2026, once each', () => {
  const names = allKeys().map((info) => info.key);
  assert.equal(new Set(names).size, names.length, 'no duplicates');
  assert.deepEqual([...names].sort(), [...EXPECTED_KEYS].sort());
});

test('every key is well formed', () => {
  for (const info of allKeys()) {
    assert.ok(info.defaults.length > 0, info.key);
    assert.equal(info.defaults[0]?.since, info.since, `${info.key}: first default starts at since`);
    for (let i = 1; i < info.defaults.length; i++) {
      assert.ok(compareVersions(info.defaults[i - 1]!.since, info.defaults[i]!.since) < 0, `${info.key}: ordered`);
    }
    assert.ok(info.doc.length > 40, `${info.key}: has a doc`);
    if (info.type === 'duration' || info.type === 'size') assert.ok(info.unit, `${info.key}: has a unit`);
    if (info.type === 'bool') assert.deepEqual(info.choices, ['true', 'false']);
    for (const related of info.related) assert.ok(lookupKey(related), `${info.key}: related ${related} is known`);
    if (info.fallbackKey !== undefined) assert.ok(lookupKey(info.fallbackKey), `${info.key}: fallback known`);
  }
});

test('every default parses with the key type and unit', () => {
  for (const info of allKeys()) {
    for (const entry of info.defaults) {
      if (entry.value === undefined) continue;
      const parsed =
        info.type === 'bool'
          ? parseSparkBoolean(entry.value)
          : info.type === 'int'
            ? parseSparkInt(entry.value)
            : info.type === 'double'
              ? parseSparkDouble(entry.value)
              : info.type === 'duration'
                ? parseDuration(entry.value, info.unit as 'ms')
                : info.type === 'size'
                  ? parseSize(entry.value, info.unit as 'm', NEWEST_SPARK)
                  : { ok: true as const, value: entry.value };
      assert.ok(parsed.ok, `${info.key} default ${entry.value}`);
    }
  }
});

test('defaults that changed over time', () => {
  const tracking = 'spark.dynamicAllocation.shuffleTracking.enabled';
  assert.equal(defaultAt(tracking, '3.0.0'), 'false');
  assert.equal(defaultAt(tracking, '3.3.4'), 'false');
  assert.equal(defaultAt(tracking, '3.4.0'), 'true');
  assert.equal(defaultAt(tracking, '3.5.1'), 'true');

  const batch = 'spark.kubernetes.allocation.batch.size';
  assert.equal(defaultAt(batch, '2.4.0'), '5');
  assert.equal(defaultAt(batch, '3.5.6'), '5');
  assert.equal(defaultAt(batch, '4.0.0'), '10');
  assert.equal(defaultAt(batch, '4.1.1'), '10');
  assert.equal(defaultAt(batch, '4.2.0'), '20');

  for (const name of [
    'spark.kubernetes.driver.ownPersistentVolumeClaim',
    'spark.kubernetes.driver.reusePersistentVolumeClaim',
  ]) {
    assert.equal(defaultAt(name, '3.2.0'), 'false', name);
    assert.equal(defaultAt(name, '3.3.2'), 'false', name);
    assert.equal(defaultAt(name, '3.4.0'), 'true', name);
  }
  for (const name of [
    'spark.storage.decommission.shuffleBlocks.enabled',
    'spark.storage.decommission.rddBlocks.enabled',
  ]) {
    assert.equal(defaultAt(name, '3.1.1'), 'false', name);
    assert.equal(defaultAt(name, '3.3.0'), 'false', name);
    assert.equal(defaultAt(name, '3.4.1'), 'true', name);
  }
  const remove = 'spark.shuffle.service.removeShuffle';
  assert.equal(defaultAt(remove, '3.5.1'), 'false');
  assert.equal(defaultAt(remove, '4.0.0'), 'true');
  assert.match(defaultFor(key(batch), '4.2.0').note ?? '', /SPARK-54422/);
});

test('defaultFor before a key existed returns its first entry', () => {
  const tracking = key('spark.dynamicAllocation.shuffleTracking.enabled');
  const early = defaultFor(tracking, '2.4.4');
  assert.equal(early.since, '3.0.0');
  assert.equal(early.value, 'false');
});

test('fixed defaults, display values and keys without a default', () => {
  assert.equal(defaultAt('spark.dynamicAllocation.executorIdleTimeout', '3.5.1'), '60s');
  assert.equal(defaultAt('spark.dynamicAllocation.schedulerBacklogTimeout', '3.5.1'), '1s');
  assert.equal(defaultAt('spark.kubernetes.allocation.batch.delay', '3.5.1'), '1s');
  assert.equal(defaultAt('spark.executor.memory', '3.5.1'), '1g');
  assert.equal(defaultAt('spark.kubernetes.allocation.pods.allocator', '3.5.1'), 'direct');
  const max = defaultFor(key('spark.dynamicAllocation.maxExecutors'), '3.5.1');
  assert.equal(max.value, '2147483647');
  assert.equal(max.display, 'infinity');
  assert.equal(defaultFor(key('spark.dynamicAllocation.cachedExecutorIdleTimeout'), '3.5.1').display, 'infinity');
  assert.equal(defaultFor(key('spark.dynamicAllocation.shuffleTracking.timeout'), '3.5.1').display, 'infinity');
  assert.equal(defaultAt('spark.executor.instances', '3.5.1'), undefined);
  assert.equal(defaultAt('spark.executor.memoryOverhead', '3.5.1'), undefined);
});

test('types and units', () => {
  assert.equal(key('spark.dynamicAllocation.executorIdleTimeout').unit, 's');
  assert.equal(key('spark.dynamicAllocation.shuffleTracking.timeout').unit, 'ms');
  assert.equal(key('spark.kubernetes.allocation.batch.delay').unit, 'ms');
  assert.equal(key('spark.kubernetes.allocation.driver.readinessTimeout').unit, 's');
  assert.equal(key('spark.executor.memory').type, 'size');
  assert.equal(key('spark.executor.memory').unit, 'm');
  assert.equal(key('spark.storage.decommission.shuffleBlocks.maxDiskSize').unit, 'b');
  assert.equal(key('spark.dynamicAllocation.executorAllocationRatio').type, 'double');
  assert.equal(key('spark.shuffle.sort.io.plugin.class').type, 'class');
});

test('since versions', () => {
  const expected: Record<string, string> = {
    'spark.dynamicAllocation.enabled': '1.2.0',
    'spark.dynamicAllocation.initialExecutors': '1.3.0',
    'spark.dynamicAllocation.cachedExecutorIdleTimeout': '1.4.0',
    'spark.dynamicAllocation.executorAllocationRatio': '2.4.0',
    'spark.dynamicAllocation.shuffleTracking.enabled': '3.0.0',
    'spark.decommission.enabled': '3.1.0',
    'spark.kubernetes.allocation.maxPendingPods': '3.2.0',
    'spark.kubernetes.driver.ownPersistentVolumeClaim': '3.2.0',
    'spark.kubernetes.allocation.pods.allocator': '3.3.0',
    'spark.shuffle.service.removeShuffle': '3.3.0',
    'spark.kubernetes.driver.waitToReusePersistentVolumeClaim': '3.4.0',
    'spark.kubernetes.legacy.useReadWriteOnceAccessMode': '3.4.3',
    'spark.executor.minMemoryOverhead': '4.0.0',
    'spark.kubernetes.allocation.maximum': '4.1.0',
    'spark.kubernetes.allocation.maxPendingPodsPerRp': '4.1.0',
    'spark.kubernetes.executor.podDeletionCost': '4.2.0',
    'spark.kubernetes.allocation.driver.readinessTimeout': '3.1.3',
    'spark.kubernetes.executor.missingPodDetectDelta': '3.1.1',
  };
  for (const [name, since] of Object.entries(expected)) assert.equal(key(name).since, since, name);
});

test('fallbacks, internal keys and choices', () => {
  assert.equal(key('spark.dynamicAllocation.initialExecutors').fallbackKey, 'spark.dynamicAllocation.minExecutors');
  assert.equal(
    key('spark.dynamicAllocation.sustainedSchedulerBacklogTimeout').fallbackKey,
    'spark.dynamicAllocation.schedulerBacklogTimeout',
  );
  const internal = allKeys()
    .filter((info) => info.internal)
    .map((info) => info.key)
    .sort();
  assert.deepEqual(internal, [
    'spark.dynamicAllocation.testing',
    'spark.kubernetes.legacy.useReadWriteOnceAccessMode',
    'spark.storage.decommission.maxReplicationFailuresPerBlock',
    'spark.storage.decommission.replicationReattemptInterval',
    'spark.testing.dynamicAllocation.schedule.enabled',
  ]);
  assert.deepEqual(key('spark.kubernetes.allocation.pods.allocator').choices, ['direct', 'statefulset', 'deployment']);
  assert.ok(
    key('spark.shuffle.sort.io.plugin.class').choices?.includes(
      'org.apache.spark.shuffle.KubernetesLocalDiskShuffleDataIO',
    ),
  );
});

test('unknown keys are not found', () => {
  assert.equal(lookupKey('spark.dynamicAllocation.maxExecutor'), undefined);
  assert.equal(lookupKey('spark.kubernetes.container.image'), undefined);
  assert.equal(lookupKey(''), undefined);
});

test('2026 keys: decommission fetch-failure default flips in 4.0; PVC resize interval counts minutes', () => {
  const ignore = 'spark.stage.ignoreDecommissionFetchFailure';
  assert.equal(defaultAt(ignore, '3.5.1'), 'false');
  assert.equal(defaultAt(ignore, '4.0.0'), 'true');
  assert.equal(defaultAt('spark.scheduler.maxRetainedRemovedDecommissionExecutors', '4.0.0'), '0');
  const interval = key('spark.kubernetes.executor.pvc.resizeInterval');
  assert.equal(interval.unit, 'min');
  assert.equal(interval.since, '4.2.0');
  assert.equal(defaultAt('spark.kubernetes.executor.useDriverPodIP', '4.3.0'), 'true');
  assert.equal(key('spark.kubernetes.executor.useDriverPodIP').since, '4.3.0');
});

test('2026 keys: Celeborn, Uniffle and EMR keys name their project; shuffle classes are offered as values', () => {
  const policy = key('spark.celeborn.client.spark.shuffle.fallback.policy');
  assert.deepEqual(policy.provider, { name: 'Apache Celeborn', since: '0.5.0' });
  assert.deepEqual(policy.choices, ['AUTO', 'ALWAYS', 'NEVER']);
  assert.equal(key('spark.rss.coordinator.quorum').provider?.name, 'Apache Uniffle');
  assert.match(
    key('spark.kubernetes.driver.label.emr-containers.amazonaws.com/dynamic.sizing').doc,
    /label.*annotation/,
  );
  assert.ok(key('spark.shuffle.manager').choices?.includes('org.apache.spark.shuffle.celeborn.SparkShuffleManager'));
  const plugins = key('spark.shuffle.sort.io.plugin.class').choices ?? [];
  assert.ok(plugins.includes('org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO'));
  assert.ok(plugins.includes('org.apache.spark.shuffle.RssShuffleDataIo'));
});

test('2026 keys: hover names the project instead of a Spark version; completion offers the shuffle classes', async () => {
  const { keyDocumentation } = await import('../../../server/src/engine/features/key-docs');
  const { valueSuggestions } = await import('../../../server/src/engine/features/value-suggestions');
  const doc = keyDocumentation(key('spark.celeborn.client.spark.shuffle.fallback.policy'), '3.5.1');
  assert.match(doc, /\*\*Read by:\*\* Apache Celeborn 0\.5\.0, not by Spark itself/);
  assert.doesNotMatch(doc, /\*\*Since:\*\*/);
  assert.match(
    keyDocumentation(key('spark.stage.ignoreDecommissionFetchFailure'), '3.5.1'),
    /\*\*Since:\*\* Spark 3\.4\.0/,
  );
  const managers = valueSuggestions(key('spark.shuffle.manager'), '3.5.1').map((s) => s.value);
  assert.ok(managers.includes('org.apache.spark.shuffle.RssShuffleManager'));
  assert.equal(valueSuggestions(key('spark.shuffle.manager'), '3.5.1')[0]?.detail, 'default in Spark 3.5.1');
});
