import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveConfig, effectiveValue, resolveSparkVersion } from '../../server/src/engine/effective';
import type { ConfigEntry, EntryOrigin, JobConfig, JobFacts } from '../../server/src/engine/model';
import { DEFAULT_SPARK_VERSION } from '../../server/src/engine/version';
import { configEntry, jobOf } from '../support/jobs';

function entry(key: string, value: string, rank: number, origin: EntryOrigin = 'spark-conf'): ConfigEntry {
  return configEntry(key, value, { rank, origin });
}

function job(entries: ConfigEntry[], facts: Partial<JobFacts> = {}, extra: Partial<JobConfig> = {}): JobConfig {
  return jobOf(entries, facts, { kind: 'spark-operator', ...extra });
}

const MIN = 'spark.dynamicAllocation.minExecutors';
const INITIAL = 'spark.dynamicAllocation.initialExecutors';
const BACKLOG = 'spark.dynamicAllocation.schedulerBacklogTimeout';
const SUSTAINED = 'spark.dynamicAllocation.sustainedSchedulerBacklogTimeout';

test('a single entry wins over the default', () => {
  const written = entry(MIN, '2', 1);
  const result = effectiveValue(job([written]), MIN, '3.5.1');
  assert.equal(result.value, '2');
  assert.equal(result.source, 'entry');
  assert.equal(result.entry, written);
  assert.deepEqual(result.overridden, []);
  assert.equal(result.info?.key, MIN);
  assert.equal(result.default?.value, '0');
});

test('the highest rank wins; the others are listed as overridden', () => {
  const conf = entry(MIN, '1', 1, 'spark-conf');
  const field = entry(MIN, '3', 5, 'operator-field');
  const later = entry(MIN, '2', 1, 'spark-conf');
  const result = effectiveValue(
    job([field, conf, later], { operatorDynamicAllocation: { enabled: true, range: { start: 0, end: 1 } } }),
    MIN,
    '3.5.1',
  );
  assert.equal(result.value, '3');
  assert.equal(result.entry, field);
  assert.equal(result.overridden.length, 2);
  assert.ok(result.overridden.includes(conf) && result.overridden.includes(later));
});

test('equal ranks: the later entry in the document wins', () => {
  const first = entry(MIN, '1', 2);
  const second = entry(MIN, '4', 2);
  const result = effectiveValue(job([first, second]), MIN, '3.5.1');
  assert.equal(result.entry, second);
  assert.deepEqual(result.overridden, [first]);
});

test('operator fields are ignored when spec.dynamicAllocation.enabled is false', () => {
  const field = entry(MIN, '5', 9, 'operator-field');
  const conf = entry(MIN, '1', 1, 'spark-conf');
  const disabled = job([conf, field], { operatorDynamicAllocation: { enabled: false, range: { start: 0, end: 1 } } });
  const result = effectiveValue(disabled, MIN, '3.5.1');
  assert.equal(result.value, '1');
  assert.equal(result.entry, conf);
  assert.deepEqual(result.overridden, []);

  const onlyField = job([field], { operatorDynamicAllocation: { enabled: false, range: { start: 0, end: 1 } } });
  const unset = effectiveValue(onlyField, MIN, '3.5.1');
  assert.equal(unset.source, 'default');
  assert.equal(unset.value, '0');
  assert.equal(effectiveConfig(onlyField, '3.5.1').get(MIN)?.source, 'default');

  // Operator fields outside spark.dynamicAllocation.* still count.
  const instances = entry('spark.executor.instances', '3', 9, 'operator-field');
  const other = job([instances], { operatorDynamicAllocation: { enabled: false, range: { start: 0, end: 1 } } });
  assert.equal(effectiveValue(other, 'spark.executor.instances', '3.5.1').value, '3');
});

test('unset keys use the default in force for the version', () => {
  const empty = job([]);
  const tracking = 'spark.dynamicAllocation.shuffleTracking.enabled';
  assert.equal(effectiveValue(empty, tracking, '3.3.0').value, 'false');
  const newer = effectiveValue(empty, tracking, '3.4.0');
  assert.equal(newer.value, 'true');
  assert.equal(newer.source, 'default');
  assert.equal(newer.default?.since, '3.4.0');
  assert.equal(effectiveValue(empty, 'spark.kubernetes.allocation.batch.size', '4.0.0').value, '10');
  assert.equal(effectiveValue(empty, 'spark.executor.instances', '3.5.1').value, undefined);
});

test('initialExecutors falls back to minExecutors', () => {
  const viaDefault = effectiveValue(job([]), INITIAL, '3.5.1');
  assert.equal(viaDefault.source, 'fallback');
  assert.equal(viaDefault.fallbackFrom, MIN);
  assert.equal(viaDefault.value, '0');

  const viaEntry = effectiveValue(job([entry(MIN, '4', 1)]), INITIAL, '3.5.1');
  assert.equal(viaEntry.source, 'fallback');
  assert.equal(viaEntry.value, '4');
  assert.equal(viaEntry.entry, undefined);

  const own = effectiveValue(job([entry(MIN, '4', 1), entry(INITIAL, '6', 1)]), INITIAL, '3.5.1');
  assert.equal(own.source, 'entry');
  assert.equal(own.value, '6');
  assert.equal(own.fallbackFrom, undefined);
});

test('sustainedSchedulerBacklogTimeout falls back to schedulerBacklogTimeout', () => {
  assert.equal(effectiveValue(job([]), SUSTAINED, '3.5.1').value, '1s');
  const result = effectiveValue(job([entry(BACKLOG, '5s', 1)]), SUSTAINED, '3.5.1');
  assert.equal(result.value, '5s');
  assert.equal(result.fallbackFrom, BACKLOG);
});

test('unknown and volume keys', () => {
  const volumeKey = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName';
  const unknown = effectiveValue(job([]), 'spark.made.up', '3.5.1');
  assert.equal(unknown.value, undefined);
  assert.equal(unknown.info, undefined);
  assert.equal(unknown.source, 'default');
  const volume = effectiveValue(job([entry(volumeKey, 'OnDemand', 1)]), volumeKey, '3.5.1');
  assert.equal(volume.value, 'OnDemand');
  assert.equal(volume.info?.category, 'kubernetes-volume');
});

test('effectiveConfig: written keys first, then every non-internal catalog key', () => {
  const custom = entry('spark.custom.key', 'x', 1);
  const min = entry(MIN, '2', 1);
  const config = effectiveConfig(job([custom, min, entry(MIN, '3', 0)]), '3.5.1');
  const keys = [...config.keys()];
  assert.deepEqual(keys.slice(0, 2), ['spark.custom.key', MIN]);
  assert.equal(config.get(MIN)?.value, '2');
  assert.equal(config.get(MIN)?.overridden.length, 1);
  assert.equal(config.get(INITIAL)?.value, '2');
  assert.ok(config.has('spark.kubernetes.allocation.batch.size'));
  assert.ok(!config.has('spark.dynamicAllocation.testing'));
  assert.equal(new Set(keys).size, keys.length);

  const testing = effectiveConfig(job([entry('spark.dynamicAllocation.testing', 'true', 1)]), '3.5.1');
  assert.equal(testing.get('spark.dynamicAllocation.testing')?.value, 'true');
});

test('effectiveConfig: Celeborn keys are listed only when the job writes one', () => {
  const policy = 'spark.celeborn.client.spark.shuffle.fallback.policy';
  assert.ok(!effectiveConfig(job([]), '3.5.1').has(policy));
  assert.ok(effectiveConfig(job([]), '3.5.1').has('spark.shuffle.manager'));
  const celeborn = effectiveConfig(job([entry(policy, 'NEVER', 1)]), '3.5.1');
  assert.equal(celeborn.get(policy)?.value, 'NEVER');
});

test('resolveSparkVersion precedence', () => {
  const stated = job([], {}, { sparkVersion: { version: '3.3.0', from: 'spec.sparkVersion', raw: '3.3.0' } });
  const broken = job(
    [],
    {},
    { sparkVersion: { version: '0.0.0', from: 'releaseLabel', raw: 'emr-9.9.0', unresolved: true } },
  );

  assert.deepEqual(resolveSparkVersion(stated, { override: '4.0', defaultSparkVersion: '3.4.1' }), {
    version: '4.0.0',
    from: 'setting',
  });
  assert.equal(resolveSparkVersion(stated, { defaultSparkVersion: '3.4.1' }), stated.sparkVersion);
  assert.deepEqual(resolveSparkVersion(broken, { defaultSparkVersion: '3.4.1' }), {
    version: '3.4.1',
    from: 'setting',
  });
  assert.deepEqual(resolveSparkVersion(undefined, {}), { version: DEFAULT_SPARK_VERSION, from: 'fallback' });
  assert.deepEqual(resolveSparkVersion(job([]), { defaultSparkVersion: 'latest' }), {
    version: DEFAULT_SPARK_VERSION,
    from: 'fallback',
  });
  assert.deepEqual(resolveSparkVersion(job([]), { override: 'nope', defaultSparkVersion: '3.2' }), {
    version: '3.2.0',
    from: 'setting',
  });
});
