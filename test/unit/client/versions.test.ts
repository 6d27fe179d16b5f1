// The versions offered by "Select Spark Version".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeVersion, compareVersions, OLDEST_SPARK, NEWEST_SPARK } from '../../../server/src/engine/version';
import { versionPickItems } from '../../../client/src/versions';
import { SPARK_VERSION_CHOICES as SPARK_VERSIONS } from '../../../server/src/engine/version-choices';

describe('Spark version list', () => {
  it('runs from 2.4.4 (EMR 6.0) to 4.2.0, oldest first, normalised and within the catalog', () => {
    const versions = SPARK_VERSIONS.map((v) => v.version);
    assert.equal(versions[0], '2.4.4');
    assert.equal(versions[versions.length - 1], '4.2.0');
    for (let i = 1; i < versions.length; i++)
      assert.ok(compareVersions(versions[i - 1], versions[i]) < 0, `${versions[i - 1]} < ${versions[i]}`);
    for (const v of versions) {
      assert.equal(normalizeVersion(v), v);
      assert.ok(compareVersions(v, OLDEST_SPARK) >= 0 && compareVersions(v, NEWEST_SPARK) <= 0);
    }
    assert.ok(versions.includes('3.4.0') && versions.includes('3.4.1'), 'both sides of the 3.4.1 timeout change');
  });

  it('offers "Detect from file" first, then versions newest first, marking the one in use', () => {
    const items = versionPickItems(SPARK_VERSIONS, { current: '3.5.1' });
    assert.equal(items[0].action.kind, 'clear');
    assert.equal(items[0].description, 'in use');
    assert.equal(items[1].label, 'Spark 4.2.0');
    assert.equal(items[items.length - 1].label, 'Spark 2.4.4');
    const current = items.find((i) => i.label === 'Spark 3.5.1');
    assert.equal(current?.picked, true);
    assert.match(current?.description ?? '', /^detected · EMR 7\.2–7\.3$/);
    assert.deepEqual(current?.action, { kind: 'set', version: '3.5.1' });
  });

  it('marks a chosen version instead of the detected one', () => {
    const items = versionPickItems(SPARK_VERSIONS, { current: '3.4.0', override: '3.4.0' });
    assert.equal(items[0].description, undefined);
    const chosen = items.find((i) => i.label === 'Spark 3.4.0');
    assert.match(chosen?.description ?? '', /^chosen for this file/);
    assert.equal(items.filter((i) => i.picked).length, 1);
  });
});
