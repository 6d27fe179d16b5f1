// Value completion marks the key's default for the job's Spark version.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';

function valuesFor(key: string, version: string): { label: string; isDefault?: boolean; detail?: string }[] {
  const text = `# spark-dra: sparkVersion=${version}\n${key} `;
  return createSparkDraService().open({ text, fileName: 'spark-defaults.conf' }).complete(text.length);
}

test('value completion: a duration key → its default among the examples, marked, with the version in the detail', () => {
  const items = valuesFor('spark.dynamicAllocation.executorIdleTimeout', '3.5.1');
  const marked = items.filter((item) => item.isDefault);
  assert.deepEqual(
    marked.map((item) => [item.label, item.detail]),
    [['60s', 'default in Spark 3.5.1']],
  );
});

test('value completion: the batch size default follows the version (5 on 3.5.1, 10 on 4.0.1)', () => {
  const on = (version: string) =>
    valuesFor('spark.kubernetes.allocation.batch.size', version)
      .filter((item) => item.isDefault)
      .map((item) => item.label);
  assert.deepEqual(on('3.5.1'), ['5']);
  assert.deepEqual(on('4.0.1'), ['10']);
});

test('value completion: an infinite default is not offered as a value, and nothing is marked', () => {
  const items = valuesFor('spark.dynamicAllocation.cachedExecutorIdleTimeout', '3.5.1');
  assert.ok(items.length > 0);
  assert.ok(!items.some((item) => item.isDefault));
  assert.ok(!items.some((item) => /2147483647|9223372036854775807/.test(item.label)));
});

test('value completion: a boolean → exactly one of true/false is marked default', () => {
  const items = valuesFor('spark.dynamicAllocation.shuffleTracking.enabled', '3.5.1');
  assert.deepEqual(
    items.map((item) => [item.label, item.isDefault === true]),
    [
      ['true', true],
      ['false', false],
    ],
  );
});
