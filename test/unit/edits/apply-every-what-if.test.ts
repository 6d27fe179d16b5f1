// Every what-if key written into every example, twice: the first write makes the job use the value (read back
// through a fresh parse), the second changes nothing — no duplicate lines, no entries the platform ignores.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { createSparkDraService, type SparkDocument } from '../../../server/src/engine';
import { parseDuration } from '../../../server/src/engine/values/duration';
import { WHAT_IF_KEYS, type WhatIfKey } from '../../../protocol/limits';

const EXAMPLES = resolve(__dirname, '../../../examples');
const VALUES: Record<WhatIfKey, string[]> = {
  'spark.dynamicAllocation.minExecutors': ['2'],
  'spark.dynamicAllocation.maxExecutors': ['7'],
  'spark.dynamicAllocation.initialExecutors': ['3'],
  'spark.dynamicAllocation.schedulerBacklogTimeout': ['2s'],
  'spark.dynamicAllocation.executorIdleTimeout': ['90s'],
  'spark.dynamicAllocation.shuffleTracking.enabled': ['false', 'true'],
  'spark.dynamicAllocation.shuffleTracking.timeout': ['120s'],
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': ['300s'],
  'spark.kubernetes.allocation.batch.size': ['7'],
};
const service = createSparkDraService();

function apply(text: string, edits: { range: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range.start - a.range.start)) {
    out = out.slice(0, edit.range.start) + edit.newText + out.slice(edit.range.end);
  }
  return out;
}

function effective(doc: SparkDocument, jobIndex: number, key: string): string | undefined {
  const config = doc.effectiveConfiguration(jobIndex);
  assert.ok(config.ok);
  return config.value.rows.find((row) => row.key === key)?.value;
}

/** Equal as Spark reads them: `120s` and an operator field's `120000` (ms) are the same timeout. */
function sameValue(actual: string | undefined, expected: string): boolean {
  if (actual === expected) return true;
  if (actual === undefined) return false;
  const a = parseDuration(actual, 'ms');
  const b = parseDuration(expected, 'ms');
  return a.ok && b.ok && a.value === b.value;
}

const files = readdirSync(EXAMPLES).filter((name) => service.reads(name));

describe('value edits: every what-if key into every example, twice', () => {
  for (const name of files) {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const jobs = service.open({ fileName: name, text }).jobs.length;
    if (jobs === 0) continue;
    it(`${name}: each key reads back with its new value, and writing it again changes nothing`, () => {
      for (const key of WHAT_IF_KEYS) {
        for (const value of VALUES[key]) {
          const first = service.open({ fileName: name, text }).valueEdits(0, [[key, value]]);
          assert.ok(first.ok, `${key}=${value}: ${first.ok ? '' : first.problem.message}`);
          const written = apply(text, first.value);
          const reread = service.open({ fileName: name, text: written });
          assert.equal(reread.jobs.length, jobs, `${key}=${value} keeps every job`);
          assert.ok(
            sameValue(effective(reread, 0, key), value),
            `${name}: ${key}=${value} is what the job now uses (reads ${effective(reread, 0, key)})`,
          );
          const second = reread.valueEdits(0, [[key, value]]);
          assert.ok(second.ok);
          assert.deepEqual(second.value, [], `${name}: writing ${key}=${value} again changes nothing`);
        }
      }
    });
  }
});

describe('value edits: fields the spark-operator derives', () => {
  const APP = [
    'apiVersion: sparkoperator.k8s.io/v1beta2',
    'kind: SparkApplication',
    'metadata:',
    '  name: implied',
    'spec:',
    '  sparkVersion: "3.5.1"',
    '  sparkConf:',
    '    spark.executor.cores: "2"',
    '  dynamicAllocation:',
    '    enabled: true',
    '    shuffleTrackingTimeout: 300000',
    '',
  ].join('\n');

  it('shuffle tracking implied by dynamicAllocation.enabled is turned off in the operator field, not in sparkConf', () => {
    const key = 'spark.dynamicAllocation.shuffleTracking.enabled';
    const first = service.open({ fileName: 'app.yaml', text: APP }).valueEdits(0, [[key, 'false']]);
    assert.ok(first.ok);
    const written = apply(APP, first.value);
    assert.match(written, /\n {4}enabled: true\n {4}shuffleTrackingEnabled: false\n/);
    assert.doesNotMatch(written, /sparkConf:[\s\S]*shuffleTracking\.enabled/);
    const reread = service.open({ fileName: 'app.yaml', text: written });
    assert.equal(effective(reread, 0, key), 'false');
    const again = reread.valueEdits(0, [[key, 'false']]);
    assert.ok(again.ok);
    assert.deepEqual(again.value, []);
  });

  it('a duration written to shuffleTrackingTimeout becomes the milliseconds the operator field takes', () => {
    const key = 'spark.dynamicAllocation.shuffleTracking.timeout';
    const edits = service.open({ fileName: 'app.yaml', text: APP }).valueEdits(0, [[key, '2min']]);
    assert.ok(edits.ok);
    assert.match(apply(APP, edits.value), /shuffleTrackingTimeout: 120000\n/);
    const refused = service.open({ fileName: 'app.yaml', text: APP }).valueEdits(0, [[key, 'soon']]);
    assert.equal(refused.ok ? 'ok' : refused.problem.code, 'cannot-edit');
  });
});
