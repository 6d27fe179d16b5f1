// The upgrade diff of the engine facade: one job opened at its own Spark version and at a target version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';
import type { UpgradeDiff } from '../../../protocol/upgrade-diff';
import { emrJobText } from '../../support/job-texts';

const service = createSparkDraService();

/** An EMR on EKS job on emr-7.2.0 (Spark 3.5.1) with dynamic allocation and these extra properties. */
function jobText(extra: Record<string, string> = {}, releaseLabel?: string): string {
  return emrJobText(
    { 'spark.dynamicAllocation.enabled': 'true', 'spark.dynamicAllocation.maxExecutors': '10', ...extra },
    releaseLabel,
  );
}

function diffOf(text: string, toVersion: string, options: { preset?: string; jobIndex?: number } = {}): UpgradeDiff {
  const result = service.upgradeDiff({ text, fileName: 'job.json', toVersion, ...options });
  assert.ok(result.ok, result.ok ? '' : result.problem.message);
  return result.value;
}

describe('upgrade diff: values', () => {
  it('an unwritten key whose default changes (pod batch size 5 → 20) is listed with both values', () => {
    const diff = diffOf(jobText(), '4.2.0');
    assert.deepEqual(diff.from, { sparkVersion: '3.5.1', versionFrom: 'releaseLabel' });
    assert.deepEqual(diff.to, { sparkVersion: '4.2.0' });
    const batch = diff.values.find((change) => change.key === 'spark.kubernetes.allocation.batch.size');
    assert.deepEqual(batch, {
      key: 'spark.kubernetes.allocation.batch.size',
      written: false,
      changed: ['value', 'default'],
      before: { known: true, value: '5', defaultValue: '5' },
      after: { known: true, value: '20', defaultValue: '20' },
    });
  });

  it('a written key keeps its value while its default moves: only the default changed', () => {
    const diff = diffOf(jobText({ 'spark.kubernetes.allocation.batch.size': '10' }), '4.0.0');
    const batch = diff.values.find((change) => change.key === 'spark.kubernetes.allocation.batch.size');
    assert.equal(batch?.written, true);
    assert.deepEqual(batch?.changed, ['default']);
    assert.equal(batch?.before.defaultValue, '5');
    assert.equal(batch?.after.defaultValue, '10');
    // Written keys come first.
    assert.equal(diff.values[0]?.key, 'spark.kubernetes.allocation.batch.size');
  });

  it('keys whose value and default are the same on both versions are absent', () => {
    const diff = diffOf(jobText({ 'spark.dynamicAllocation.executorIdleTimeout': '60s' }), '4.2.0');
    const keys = diff.values.map((change) => change.key);
    assert.ok(!keys.includes('spark.dynamicAllocation.executorIdleTimeout'));
    assert.ok(!keys.includes('spark.dynamicAllocation.maxExecutors'));
    assert.ok(!keys.includes('spark.dynamicAllocation.schedulerBacklogTimeout'));
  });

  it('a key that arrives in the target version is listed as unknown before and with its default after', () => {
    const diff = diffOf(jobText(), '4.1.0');
    const maximum = diff.values.find((change) => change.key === 'spark.kubernetes.allocation.maximum');
    assert.deepEqual(maximum?.changed, ['value', 'known']);
    assert.deepEqual(maximum?.before, { known: false });
    assert.equal(maximum?.after.known, true);
    // 4.2.0-only keys stay out of a diff to 4.1.0.
    assert.ok(!diff.values.some((change) => change.key === 'spark.kubernetes.executor.podDeletionCost'));
  });

  it('the same version on both sides changes nothing', () => {
    const diff = diffOf(jobText({ 'spark.kubernetes.allocation.batch.delay': '50ms' }), '3.5.1');
    assert.deepEqual(diff.values, []);
    assert.deepEqual(diff.findings, { appeared: [], disappeared: [], changed: [] });
    assert.deepEqual(diff.writtenKeys, []);
    assert.deepEqual(diff.simulation.before, diff.simulation.after);
  });
});

describe('upgrade diff: findings and written keys', () => {
  it('batch-delay-too-small: 50ms from 3.5.1 to 4.2.0 → appears, and the target side would not start', () => {
    const text = jobText({ 'spark.kubernetes.allocation.batch.delay': '50ms' });
    const diff = diffOf(text, '4.2.0');
    const appeared = diff.findings.appeared.find((item) => item.ruleId === 'batch-delay-too-small');
    assert.ok(appeared, JSON.stringify(diff.findings));
    assert.equal(text.slice(appeared.range.start, appeared.range.end), '50ms');
    assert.equal(text.split('\n')[appeared.line]?.slice(appeared.character, appeared.character + 4), '50ms');
    assert.equal(diff.simulation.before.ok, true);
    assert.equal(diff.simulation.after.ok ? 'ok' : diff.simulation.after.problem.code, 'spark-would-not-start');
  });

  it('key-not-in-version: a 4.1 key on a 3.5.1 job → disappears on 4.2.0 and the key is used after', () => {
    const diff = diffOf(jobText({ 'spark.kubernetes.allocation.maximum': '100' }), '4.2.0');
    assert.deepEqual(
      diff.findings.disappeared.map((item) => item.ruleId),
      ['key-not-in-version'],
    );
    assert.deepEqual(diff.writtenKeys, [
      { key: 'spark.kubernetes.allocation.maximum', since: '4.1.0', usedBefore: false, usedAfter: true },
    ]);
  });

  it('key-not-in-version: downgrading a 4.1 job that writes a 4.1 key → appears, and the target ignores the key', () => {
    const diff = diffOf(jobText({ 'spark.kubernetes.allocation.maximum': '100' }, 'emr-spark-8.0.0'), '3.5.1');
    assert.equal(diff.from.sparkVersion, '4.0.2');
    // 4.0.2 does not have the key either: the warning is on both sides, worded for each version.
    assert.deepEqual(diff.findings.appeared, []);
    assert.deepEqual(
      diff.findings.changed.map((change) => change.after.ruleId),
      ['key-not-in-version'],
    );
    assert.match(diff.findings.changed[0]?.after.message ?? '', /Spark 3\.5\.1/);
    assert.deepEqual(diff.writtenKeys, [
      { key: 'spark.kubernetes.allocation.maximum', since: '4.1.0', usedBefore: false, usedAfter: false },
    ]);
  });
});

describe('upgrade diff: simulation and refusals', () => {
  it('reports both sides on the named preset, deterministically', () => {
    const text = jobText();
    const first = diffOf(text, '4.2.0', { preset: 'interactive-burst' });
    const second = diffOf(text, '4.2.0', { preset: 'interactive-burst' });
    assert.deepEqual(first, second);
    assert.equal(first.simulation.workload, 'interactive-burst');
    for (const side of [first.simulation.before, first.simulation.after]) {
      assert.ok(side.ok);
      assert.ok(side.figures.runtimeSec > 0 && side.figures.peakExecutors <= 10 && side.figures.costUsd > 0);
    }
  });

  it('a larger pod batch on 4.2.0 (20 instead of 5) brings 100 executors up sooner: the run ends earlier', () => {
    const diff = diffOf(jobText({ 'spark.dynamicAllocation.maxExecutors': '100' }), '4.2.0');
    const { before, after } = diff.simulation;
    assert.ok(before.ok && after.ok);
    assert.equal(diff.simulation.workload, 'wide-then-narrow');
    assert.equal(before.figures.peakExecutors, 100);
    assert.equal(after.figures.peakExecutors, 100);
    assert.ok(
      after.figures.runtimeSec < before.figures.runtimeSec,
      `${after.figures.runtimeSec} s on 4.2.0 vs ${before.figures.runtimeSec} s on 3.5.1`,
    );
  });

  it('refuses a version it cannot read or does not know, an unknown preset, and a missing job', () => {
    const text = jobText();
    const code = (input: { toVersion: string; preset?: string; jobIndex?: number; text?: string }) => {
      const result = service.upgradeDiff({ text, fileName: 'job.json', ...input });
      return result.ok ? 'ok' : result.problem.code;
    };
    assert.equal(code({ toVersion: 'four' }), 'invalid-params');
    assert.equal(code({ toVersion: '5.0.0' }), 'invalid-params');
    assert.equal(code({ toVersion: '4.2.0', preset: 'no-such-preset' }), 'invalid-params');
    assert.equal(code({ toVersion: '4.2.0', jobIndex: 1 }), 'no-job');
    assert.equal(code({ toVersion: '4.2.0', text: '{}' }), 'no-job');
  });
});
