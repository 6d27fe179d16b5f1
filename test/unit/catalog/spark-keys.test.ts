// The SparkKey type that readers of Spark properties take: derived from the catalog's rows, so a misspelt key is a
// compile error. The @ts-expect-error lines fail `npm run typecheck` if the type ever widens to plain string.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKeys, lookupKey, type SparkKey } from '../../../server/src/engine/catalog';
import { OTHER_KNOWN_KEYS } from '../../../server/src/engine/catalog/other-keys';

const catalogued: SparkKey = 'spark.dynamicAllocation.shuffleTracking.timeout';
const outside: SparkKey = 'spark.master';
const family: SparkKey = 'spark.kubernetes.executor.node.selector.topology.kubernetes.io/zone';
const volume: SparkKey = 'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName';
// @ts-expect-error a misspelt key is not a SparkKey
const misspelt: SparkKey = 'spark.dynamicAllocation.shuffleTracking.timeOut';
// @ts-expect-error a key outside every namespace the engine knows is not a SparkKey
const foreign: SparkKey = 'spark.sql.shuffle.partitions.typo';

test('SparkKey: the examples above are what the type admits and rejects', () => {
  assert.ok(lookupKey(catalogued), 'a catalogued key the type admits is in the catalog');
  assert.equal(lookupKey(outside), undefined);
  assert.ok([family, volume, misspelt, foreign].every((key) => key.startsWith('spark.')));
});

test('known keys outside the catalog never repeat a catalogued key (one place describes each key)', () => {
  const inCatalog = new Set(allKeys().map((info) => info.key));
  assert.deepEqual(
    OTHER_KNOWN_KEYS.filter((key) => inCatalog.has(key)),
    [],
  );
  assert.equal(inCatalog.size, allKeys().length, 'every catalog row has its own key');
});
