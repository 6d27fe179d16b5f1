import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, confFile, run, sparkApp } from './helpers';
import { assertFiresOnValue, assertQuiet, everyFormat, runCase } from './formats';

const DRA = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
const MANAGER = 'spark.shuffle.manager';
const PLUGIN = 'spark.shuffle.sort.io.plugin.class';
const TRACKING = 'spark.dynamicAllocation.shuffleTracking.enabled';
const POLICY = 'spark.celeborn.client.spark.shuffle.fallback.policy';
const CELEBORN = 'org.apache.spark.shuffle.celeborn.SparkShuffleManager';
const CELEBORN_IO = 'org.apache.spark.shuffle.celeborn.CelebornShuffleDataIO';
const UNIFFLE = 'org.apache.spark.shuffle.RssShuffleManager';
const UNIFFLE_IO = 'org.apache.spark.shuffle.RssShuffleDataIo';

test('rss-dra-needs-dataio: Uniffle on 3.5 without its plugin → error on the manager, every format; fix adds the plugin', () => {
  const props = { ...DRA, [MANAGER]: UNIFFLE };
  assertFiresOnValue(props, '3.5.1', 'rss-dra-needs-dataio', MANAGER);
  for (const item of everyFormat(props, '3.5.1')) {
    const r = runCase(item);
    assert.equal(r.of('rss-dra-needs-dataio')[0]?.severity, 'error');
    const fixed = applyFix(item.text, r.of('rss-dra-needs-dataio')[0]);
    assert.ok(fixed.includes(UNIFFLE_IO), item.format);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('rss-dra-needs-dataio'), [], item.format);
  }
});

test('rss-dra-needs-dataio: Celeborn, tracking off, a plugin that is not Celeborn’s → error on the plugin', () => {
  const props = { ...DRA, [MANAGER]: CELEBORN, [TRACKING]: 'false', [PLUGIN]: UNIFFLE_IO };
  assertFiresOnValue(props, '3.5.1', 'rss-dra-needs-dataio', PLUGIN);
});

test('rss-dra-needs-dataio: with the plugin, or Celeborn on tracking → quiet', () => {
  assertQuiet({ ...DRA, [MANAGER]: UNIFFLE, [PLUGIN]: UNIFFLE_IO }, '3.5.1', 'rss-dra-needs-dataio');
  assertQuiet({ ...DRA, [MANAGER]: CELEBORN }, '3.5.1', 'rss-dra-needs-dataio');
});

test('dra-without-shuffle-support: Celeborn with tracking off and no plugin → the fix is the plugin, not tracking', () => {
  const text = confFile({ ...DRA, [MANAGER]: CELEBORN, [TRACKING]: 'false' });
  const r = run('spark-defaults.conf', text);
  const found = r.of('dra-without-shuffle-support');
  assert.equal(found.length, 1);
  assert.match(found[0]?.message ?? '', /CelebornShuffleDataIO/);
  assert.doesNotMatch(found[0]?.message ?? '', /Turn on spark\.dynamicAllocation\.shuffleTracking/);
  assert.deepEqual(r.of('rss-dra-needs-dataio'), [], 'one error for one problem');
  const fixed = applyFix(text, found[0]);
  assert.ok(fixed.includes(`${PLUGIN} ${CELEBORN_IO}`));
  assert.deepEqual(run('spark-defaults.conf', fixed).of('dra-without-shuffle-support'), []);
});

test('dra-without-shuffle-support: Uniffle before 3.5 with tracking off → names the patch, offers no key fix', () => {
  const found = run('spark-defaults.conf', confFile({ ...DRA, [MANAGER]: UNIFFLE, [TRACKING]: 'false' }, '3.4.1')).of(
    'dra-without-shuffle-support',
  )[0];
  assert.match(found?.message ?? '', /Uniffle's dynamic-allocation patch/);
  assert.deepEqual(found?.fixes?.filter((fix) => !fix.title.startsWith('Disable')) ?? [], []);
});

test('rss-dra-old-spark: Celeborn on Spark 3.4 with tracking → warning on the manager, every format', () => {
  assertFiresOnValue({ ...DRA, [MANAGER]: CELEBORN }, '3.4.1', 'rss-dra-old-spark', MANAGER);
  assertQuiet({ ...DRA, [MANAGER]: CELEBORN, [PLUGIN]: CELEBORN_IO }, '3.5.1', 'rss-dra-old-spark');
  assertQuiet({ [MANAGER]: CELEBORN }, '3.4.1', 'rss-dra-old-spark');
});

test('celeborn-auto-fallback-with-dra: plugin, tracking off, default AUTO → warning on the plugin, every format', () => {
  const props = { ...DRA, [MANAGER]: CELEBORN, [PLUGIN]: CELEBORN_IO, [TRACKING]: 'false' };
  assertFiresOnValue(props, '3.5.1', 'celeborn-auto-fallback-with-dra', PLUGIN);
  for (const item of everyFormat(props, '3.5.1')) {
    const r = runCase(item);
    assert.deepEqual(r.of('dra-without-shuffle-support'), [], `starts fine (${item.format})`);
    const fixed = applyFix(item.text, r.of('celeborn-auto-fallback-with-dra')[0], /Never fall back/);
    assert.ok(fixed.includes('NEVER'), item.format);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('celeborn-auto-fallback-with-dra'), []);
  }
});

test('celeborn-auto-fallback-with-dra: policy written ALWAYS → on that value; NEVER or tracking on → quiet', () => {
  const props = { ...DRA, [MANAGER]: CELEBORN, [PLUGIN]: CELEBORN_IO, [TRACKING]: 'false' };
  assertFiresOnValue({ ...props, [POLICY]: 'ALWAYS' }, '3.5.1', 'celeborn-auto-fallback-with-dra', POLICY);
  assertQuiet({ ...props, [POLICY]: 'NEVER' }, '3.5.1', 'celeborn-auto-fallback-with-dra');
  assertQuiet({ ...props, [TRACKING]: 'true' }, '3.5.1', 'celeborn-auto-fallback-with-dra');
});

test('rss-shuffle-tracking-on: Uniffle with its plugin and tracking on → warning on the tracking value, every format', () => {
  const props = { ...DRA, [MANAGER]: UNIFFLE, [PLUGIN]: UNIFFLE_IO, [TRACKING]: 'true' };
  assertFiresOnValue(props, '3.5.1', 'rss-shuffle-tracking-on', TRACKING);
  for (const item of everyFormat(props, '3.5.1')) {
    const r = runCase(item);
    assert.deepEqual(r.of('shuffle-tracking-with-migration'), [], `one warning, in RSS terms (${item.format})`);
    const fixed = applyFix(item.text, r.of('rss-shuffle-tracking-on')[0]);
    assert.deepEqual(run(item.fileName, fixed, item.settings).of('rss-shuffle-tracking-on'), [], item.format);
  }
});

test('rss-shuffle-tracking-on: Celeborn under AUTO → no "turn tracking off" fix; the fix sets NEVER first', () => {
  const text = confFile({ ...DRA, [MANAGER]: CELEBORN, [PLUGIN]: CELEBORN_IO });
  const found = run('spark-defaults.conf', text).of('rss-shuffle-tracking-on')[0];
  assert.match(found?.message ?? '', /Do not simply turn tracking off/);
  assert.ok(!found?.fixes?.some((fix) => /Turn off shuffle tracking/.test(fix.title)));
  const step1 = applyFix(text, found);
  assert.ok(step1.includes(`${POLICY} NEVER`));
  const next = run('spark-defaults.conf', step1).of('rss-shuffle-tracking-on')[0];
  const step2 = applyFix(step1, next, /Turn off shuffle tracking/);
  const after = run('spark-defaults.conf', step2);
  assert.deepEqual(after.of('rss-shuffle-tracking-on'), []);
  assert.deepEqual(after.of('celeborn-auto-fallback-with-dra'), []);
  assert.deepEqual(after.of('dra-without-shuffle-support'), []);
});

test('rss-shuffle-tracking-on: kubeflow app → on the operator field, fix writes shuffleTrackingEnabled: false', () => {
  const text = sparkApp(
    { [MANAGER]: UNIFFLE, [PLUGIN]: UNIFFLE_IO },
    `  dynamicAllocation:
    enabled: true
    maxExecutors: 10
`,
  );
  const r = run('app.yaml', text);
  const found = r.of('rss-shuffle-tracking-on')[0];
  assert.deepEqual(r.spans('rss-shuffle-tracking-on'), ['enabled']);
  assert.match(found?.message ?? '', /shuffleTrackingEnabled: false/);
  const fixed = applyFix(text, found);
  assert.ok(fixed.includes('    enabled: true\n    shuffleTrackingEnabled: false\n'));
  assert.deepEqual(run('app.yaml', fixed).of('rss-shuffle-tracking-on'), []);
});

test('rss-shuffle-tracking-on: tracking off or no remote shuffle service → quiet', () => {
  assertQuiet(
    { ...DRA, [MANAGER]: UNIFFLE, [PLUGIN]: UNIFFLE_IO, [TRACKING]: 'false' },
    '3.5.1',
    'rss-shuffle-tracking-on',
  );
  assertQuiet({ ...DRA, [TRACKING]: 'true' }, '3.5.1', 'rss-shuffle-tracking-on');
});

test('shuffle-backend-no-dra: the S3 Express shuffle manager with DRA → warning on the manager, every format', () => {
  const props = { ...DRA, [MANAGER]: 'org.apache.spark.shuffle.cloud.CloudShuffleManager' };
  assertFiresOnValue(props, '3.5.1', 'shuffle-backend-no-dra', MANAGER);
  assertQuiet({ [MANAGER]: 'org.apache.spark.shuffle.cloud.CloudShuffleManager' }, '3.5.1', 'shuffle-backend-no-dra');
  assertQuiet({ ...DRA, [MANAGER]: 'sort' }, '3.5.1', 'shuffle-backend-no-dra');
});
