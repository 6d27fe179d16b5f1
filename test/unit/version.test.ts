// Spark versions, EMR release labels and the versions offered for a file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SPARK_VERSION_CHOICES } from '../../server/src/engine/version-choices';
import {
  compareVersions,
  emrReleasesShipping,
  emrSparkVersions,
  normalizeVersion,
  parseEmrReleaseLabel,
  sparkVersionForEmrRelease,
  versionAtLeast,
} from '../../server/src/engine/version';

describe('Spark versions', () => {
  it('normalises the spellings people and vendors use', () => {
    assert.equal(normalizeVersion('3.5'), '3.5.0');
    assert.equal(normalizeVersion('v3.4.1'), '3.4.1');
    assert.equal(normalizeVersion('3.4.1-amzn-0'), '3.4.1');
    assert.equal(normalizeVersion(' 3.1.1.119 '), '3.1.1');
    for (const bad of ['', 'three', '3', '3.x', '3.5.1 beta']) assert.equal(normalizeVersion(bad), undefined, bad);
  });

  it('compares numerically, not as text', () => {
    assert.ok(compareVersions('3.10.0', '3.9.9') > 0);
    assert.ok(compareVersions('3.4.0', '3.4.1') < 0);
    assert.equal(compareVersions('4.0.0', '4.0.0'), 0);
    assert.equal(versionAtLeast('3.4.1', '3.4.1'), true);
    assert.equal(versionAtLeast('3.3.4', '3.4.0'), false);
  });
});

describe('EMR release labels', () => {
  it('resolves plain, -latest and dated labels to the Spark they ship', () => {
    assert.deepEqual(sparkVersionForEmrRelease('emr-6.12.0'), { release: '6.12.0', spark: '3.4.0' });
    assert.equal(sparkVersionForEmrRelease('emr-7.2.0-latest')?.spark, '3.5.1');
    assert.equal(sparkVersionForEmrRelease('emr-6.15.0-20240105')?.spark, '3.4.1');
    assert.equal(sparkVersionForEmrRelease('emr-6.0.1')?.spark, '2.4.4');
    assert.equal(sparkVersionForEmrRelease('emr-7.13.0')?.spark, '3.5.6');
  });

  it('resolves image flavours and notebook images to their release, not to the default Spark', () => {
    assert.equal(sparkVersionForEmrRelease('emr-6.10.0-spark-rapids-latest')?.spark, '3.3.1');
    assert.equal(sparkVersionForEmrRelease('emr-6.10.0-spark-rapids-20230624')?.spark, '3.3.1');
    assert.equal(sparkVersionForEmrRelease('emr-6.10.0-java11-latest')?.spark, '3.3.1');
    assert.equal(sparkVersionForEmrRelease('emr-6.14.0-spark-rapids-java17-al2023-20231005')?.spark, '3.4.1');
    assert.equal(sparkVersionForEmrRelease('notebook-spark/emr-6.10.0-latest')?.spark, '3.3.1');
    assert.deepEqual(parseEmrReleaseLabel('emr-6.14.0-java17-al2023-latest'), {
      family: 'emr',
      release: '6.14.0',
      variant: 'java17-al2023',
      image: 'latest',
    });
  });

  it('resolves the emr-spark family (AWS runtime for Apache Spark) to Spark 4.0.2', () => {
    for (const label of ['emr-spark-8.0.0', 'emr-spark-8.0.0-latest', 'emr-spark-8.0.0-20260421']) {
      assert.deepEqual(sparkVersionForEmrRelease(label), { release: 'spark-8.0.0', spark: '4.0.2' }, label);
    }
    assert.equal(sparkVersionForEmrRelease('emr-spark-9.0.0-latest'), undefined, 'not a release we know');
    assert.deepEqual(parseEmrReleaseLabel('emr-spark-8.0.0-20260421'), {
      family: 'emr-spark',
      release: '8.0.0',
      image: '20260421',
    });
  });

  it('refuses labels it cannot resolve', () => {
    for (const label of [
      'emr-5.32.0',
      'emr-8.0.0',
      'emr-7.2',
      'emr-7.2.0-beta',
      '7.2.0',
      'emr-7.2.0-2024',
      'emr-7.2.0-latest-latest',
      'emr-6.10.0-spark-rapids-java8-latest',
      'emr-spark-8.0',
    ]) {
      assert.equal(sparkVersionForEmrRelease(label), undefined, label);
    }
  });

  it('lists the releases shipping a Spark version', () => {
    assert.deepEqual(emrReleasesShipping('3.4.1'), ['6.13', '6.14', '6.15']);
    assert.deepEqual(emrReleasesShipping('4.0.0'), []);
    assert.deepEqual(emrReleasesShipping('4.0.2'), ['spark-8.0']);
    assert.equal(emrSparkVersions()[0], '2.4.4');
  });
});

describe('versions offered for a file', () => {
  it('includes every Spark that an EMR release ships, with the releases named', () => {
    const versions = SPARK_VERSION_CHOICES.map((c) => c.version);
    for (const v of emrSparkVersions()) assert.ok(versions.includes(v), v);
    assert.equal(SPARK_VERSION_CHOICES.find((c) => c.version === '3.3.0')?.note, 'EMR 6.8–6.9');
    assert.match(
      SPARK_VERSION_CHOICES.find((c) => c.version === '3.4.1')?.note ?? '',
      /^EMR 6\.13–6\.15; idle timeout/,
    );
    for (let i = 1; i < versions.length; i++) assert.ok(compareVersions(versions[i - 1], versions[i]) < 0);
  });
});
