// Key completion leaves each key's documentation to be asked for when the item is shown: items name the key and Spark
// version, and the service writes the markdown on request (completionItem/resolve in the language server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSparkDraService } from '../../../server/src/engine';
import { lookupKey } from '../../../server/src/engine/catalog';
import { keyDocumentation } from '../../../server/src/engine/features/key-docs';

const JOB = `{
  "releaseLabel": "emr-6.12.0-latest",
  "configurationOverrides": {"applicationConfiguration": [{"classification": "spark-defaults", "properties": {
    "spark.dynamicAllocation.minEx|": "1"
  }}]}
}`;

function keyItems() {
  const offset = JOB.indexOf('|');
  const text = JOB.slice(0, offset) + JOB.slice(offset + 1);
  const service = createSparkDraService();
  return { service, items: service.open({ text, fileName: 'job.json' }).complete(offset) };
}

test('key completion items carry a reference to their docs, not the docs', () => {
  const { items } = keyItems();
  const keys = items.filter((item) => item.kind === 'key' || item.kind === 'template');
  assert.ok(keys.length > 100, `${keys.length} key items`);
  for (const item of keys) {
    assert.equal(item.documentation, undefined, item.label);
    assert.ok(item.docsFor, item.label);
  }
  const min = keys.find((item) => item.label === 'spark.dynamicAllocation.minExecutors');
  // emr-6.12.0 ships Spark 3.4.0: the docs are written for the job's version.
  assert.deepEqual(min?.docsFor, { key: 'spark.dynamicAllocation.minExecutors', version: '3.4.0' });
});

test('keyDocs writes the same markdown as the catalog, for the version named; an unknown key has none', () => {
  const { service, items } = keyItems();
  for (const item of items.slice(0, 50)) {
    if (!item.docsFor) continue;
    const info = lookupKey(item.docsFor.key);
    assert.ok(info, item.docsFor.key);
    assert.equal(service.keyDocs(item.docsFor), keyDocumentation(info, item.docsFor.version));
  }
  const docs = service.keyDocs({ key: 'spark.dynamicAllocation.minExecutors', version: '3.4.0' }) ?? '';
  assert.match(docs, /\*\*Default in Spark 3\.4\.0:\*\*/);
  assert.equal(service.keyDocs({ key: 'spark.not.a.key', version: '3.5.1' }), undefined);
});
