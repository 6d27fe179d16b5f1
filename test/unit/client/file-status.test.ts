// Status bar text and tooltip, and the job-file test behind the sparkDra.isJobFile context key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJobFile, statusBarView, versionSourceText } from '../../../client/src/file-status';
import { jobKindLabel as kindLabel } from '../../../server/src/engine/job-kinds';

describe('status bar', () => {
  it('shows the kind and the Spark version of a job file', () => {
    const view = statusBarView(
      { kind: 'emr-eks', kindLabel: 'EMR on EKS', sparkVersion: '3.5.1', versionFrom: 'releaseLabel', jobs: 1 },
      false,
    );
    assert.deepEqual(view?.text, '$(graph-line) EMR on EKS · Spark 3.5.1');
    assert.match(view?.tooltip ?? '', /Spark 3\.5\.1: from the EMR releaseLabel/);
    assert.match(view?.tooltip ?? '', /Click for Spark DRA actions/);
  });

  it('counts jobs and marks a version chosen by hand', () => {
    const view = statusBarView(
      { kind: 'spark-operator', kindLabel: 'SparkApplication', sparkVersion: '3.4.1', versionFrom: 'setting', jobs: 3 },
      true,
    );
    assert.equal(view?.text, '$(graph-line) SparkApplication · Spark 3.4.1 · 3 jobs $(pinned)');
    assert.match(view?.tooltip ?? '', /chosen with "Spark DRA: Select Spark Version"/);
    assert.match(view?.tooltip ?? '', /3 jobs; the first one is shown/);
  });

  it('is hidden for files without a Spark job (storage classes, plain JSON, no answer)', () => {
    assert.equal(statusBarView({ kind: 'storage-class', jobs: 0 }, false), undefined);
    assert.equal(statusBarView({ jobs: 0 }, false), undefined);
    assert.equal(statusBarView(undefined, false), undefined);
    assert.equal(isJobFile({ jobs: 0 }), false);
    assert.equal(isJobFile({ kind: 'pyspark', jobs: 1 }), true);
  });

  it('names every job kind and every version source', () => {
    for (const [kind, label] of [
      ['emr-serverless', 'EMR Serverless'],
      ['emr-config', 'EMR configuration'],
      ['spark-defaults', 'spark-defaults.conf'],
      ['pyspark', 'PySpark'],
      ['something-new', 'something-new'],
    ]) {
      assert.equal(kindLabel(kind), label);
    }
    assert.match(versionSourceText('spec.sparkVersion', false), /spec\.sparkVersion/);
    assert.match(versionSourceText('comment', false), /comment/);
    assert.match(versionSourceText('fallback', false), /built-in default/);
    assert.match(versionSourceText('setting', false), /sparkDra\.defaultSparkVersion/);
    assert.equal(versionSourceText(undefined, false), 'unknown');
  });
});
