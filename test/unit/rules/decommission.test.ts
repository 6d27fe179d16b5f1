import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, run } from './helpers';
import { assertFiresOnValue, assertQuiet, everyFormat, runCase } from './formats';

const DRA = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
const NO_TRACKING = { ...DRA, 'spark.dynamicAllocation.shuffleTracking.enabled': 'false' };

test('decommission-without-storage-decommission: decommission alone with tracking off → warning on the decommission value, every format', () => {
  const props = { ...NO_TRACKING, 'spark.decommission.enabled': 'true' };
  assertFiresOnValue(props, '3.5.1', 'decommission-without-storage-decommission', 'spark.decommission.enabled');
  for (const item of everyFormat(props, '3.5.1')) {
    const r = runCase(item);
    assert.deepEqual(r.of('dra-without-shuffle-support'), [], `Spark still starts (${item.format})`);
    const fixed = applyFix(item.text, r.of('decommission-without-storage-decommission')[0]);
    assert.ok(fixed.includes('spark.storage.decommission.enabled'), item.format);
    const again = run(item.fileName, fixed, item.settings);
    assert.deepEqual(again.of('decommission-without-storage-decommission'), [], `fixed in ${item.format}`);
  }
});

test('decommission-without-storage-decommission: storage decommission on, or tracking on → quiet', () => {
  assertQuiet(
    { ...NO_TRACKING, 'spark.decommission.enabled': 'true', 'spark.storage.decommission.enabled': 'true' },
    '3.5.1',
    'decommission-without-storage-decommission',
  );
  assertQuiet({ ...DRA, 'spark.decommission.enabled': 'true' }, '3.5.1', 'decommission-without-storage-decommission');
});

test('decommission-without-storage-decommission: written false → related place points at it', () => {
  const text = confFile({
    ...NO_TRACKING,
    'spark.decommission.enabled': 'true',
    'spark.storage.decommission.enabled': 'false',
  });
  const found = run('spark-defaults.conf', text).of('decommission-without-storage-decommission')[0];
  assert.match(found?.message ?? '', /set to false/);
  const related = found?.related?.[0]?.range;
  assert.equal(text.slice(related?.start, related?.end), 'false');
});

test('decommission-without-storage-decommission: shuffle blocks off before 3.4 → the start-up rule speaks instead', () => {
  const r = run('spark-defaults.conf', confFile({ ...NO_TRACKING, 'spark.decommission.enabled': 'true' }, '3.3.2'));
  assert.deepEqual(r.of('decommission-without-storage-decommission'), []);
  assert.equal(r.of('dra-without-shuffle-support').length, 1);
});

test('invalid-value: fallbackStorage.path without a trailing slash → error, fix appends /, every format', () => {
  const props = { 'spark.storage.decommission.fallbackStorage.path': 's3a://bucket/fallback' };
  assertFiresOnValue(props, '3.5.1', 'invalid-value', 'spark.storage.decommission.fallbackStorage.path');
  for (const item of everyFormat(props, '3.5.1')) {
    const fixed = applyFix(item.text, runCase(item).of('invalid-value')[0]);
    assert.ok(fixed.includes('s3a://bucket/fallback/'), item.format);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('invalid-value'), [], item.format);
  }
  assertQuiet(
    { 'spark.storage.decommission.fallbackStorage.path': 's3a://bucket/fallback/' },
    '3.5.1',
    'invalid-value',
  );
});

test('decommission-fetch-failure-not-retained: Spark 4 decommission with nothing retained → info, every format', () => {
  const props = { ...DRA, 'spark.decommission.enabled': 'true' };
  assertFiresOnValue(props, '4.0.0', 'decommission-fetch-failure-not-retained', 'spark.decommission.enabled');
  const found = runCase(everyFormat(props, '4.0.0')[3]!).of('decommission-fetch-failure-not-retained')[0];
  assert.equal(found?.severity, 'info');
});

test('decommission-fetch-failure-not-retained: retained executors, Spark 3.5, or the feature off → quiet', () => {
  const props = { ...DRA, 'spark.decommission.enabled': 'true' };
  assertQuiet(
    { ...props, 'spark.scheduler.maxRetainedRemovedDecommissionExecutors': '20' },
    '4.0.0',
    'decommission-fetch-failure-not-retained',
  );
  assertQuiet(props, '3.5.1', 'decommission-fetch-failure-not-retained');
  assertQuiet(
    { ...props, 'spark.stage.ignoreDecommissionFetchFailure': 'false' },
    '4.0.0',
    'decommission-fetch-failure-not-retained',
  );
});

test('decommission-fetch-failure-not-retained: maxRetainedRemovedDecommissionExecutors written as 0 → the finding is on that 0', () => {
  const text = confFile(
    { ...DRA, 'spark.decommission.enabled': 'true', 'spark.scheduler.maxRetainedRemovedDecommissionExecutors': '0' },
    '4.0.0',
  );
  const found = run('spark-defaults.conf', text).of('decommission-fetch-failure-not-retained')[0];
  assert.equal(found?.range.start, text.indexOf(' 0\n', text.indexOf('maxRetained')) + 1);
});

test('unknown-key: spark.executor.decommission.enabled → did you mean spark.decommission.enabled, every format', () => {
  for (const item of everyFormat({ 'spark.executor.decommission.enabled': 'true' }, '3.5.1')) {
    const r = runCase(item);
    const found = r.of('unknown-key');
    assert.equal(found.length, 1, item.format);
    assert.match(found[0]?.message ?? '', /Did you mean `spark\.decommission\.enabled`/, item.format);
    const start = item.text.indexOf('spark.executor.decommission.enabled');
    assert.deepEqual(found[0]?.range, { start, end: start + 'spark.executor.decommission.enabled'.length });
    const fixed = applyFix(item.text, found[0]);
    assert.ok(fixed.includes('spark.decommission.enabled') && !fixed.includes('executor.decommission.enabled'));
  }
  assertQuiet({ 'spark.executor.decommission.killInterval': '60s' }, '3.5.1', 'unknown-key');
  // Typos elsewhere in the now owned sub-namespace are flagged even without a near match.
  const r = run('spark-defaults.conf', confFile({ 'spark.executor.decommission.gracePeriodSeconds': '60' }));
  assert.equal(r.of('unknown-key').length, 1);
});

test('unknown-key: unknown spark.celeborn.* / spark.rss.* keys → quiet (namespaces not owned)', () => {
  assertQuiet(
    {
      'spark.celeborn.client.push.replicate.enabled': 'true',
      'spark.rss.storage.type': 'MEMORY_LOCALFILE',
      'spark.celeborn.client.spark.shuffle.fallback.policy': 'NEVER',
    },
    '3.5.1',
    'unknown-key',
  );
});
