// Half-typed input: every prefix of a sample job is read and completed at without an exception, and every
// range stays inside the text. Calls the unguarded readers so that a bug cannot hide behind the public guard.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readJsonFile } from '../../../server/src/engine/locators/json/read';
import { completionAt } from '../../../server/src/engine/locators/json/completion';
import { badRange, CONFIG_ARRAY, EKS_JOB } from './json-fixtures';

const SAMPLE = String.raw`{
  // spark-dra-disable-next-line some-rule
  "name": "t\u0065st",
  "virtualClusterId": "abc",
  "releaseLabel": "emr-7.1.0-latest",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://b/x.py",
      "sparkSubmitParameters": "--conf spark.a=\"x y\" --conf=\u0073park.b='q r' -c spark.c=1\\2 --executor-cores 2 --conf"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      { "classification": "spark-defaults", "properties": { "spark.d": "1", "spark.e": 2, "spark.f": true, },
        "configurations": [ { "classification": "spark-defaults", "properties": { "spark.g": "\"" } } ] }
    ]
  }
}`;

function check(prefix: string, allOffsets: boolean): void {
  const parsed = readJsonFile(prefix);
  const bad = badRange(parsed, prefix.length);
  assert.equal(bad, undefined, `bad range (${bad}) for prefix of length ${prefix.length}`);
  for (const job of parsed.jobs) {
    for (const entry of job.entries) assert.equal(typeof entry.value, 'string');
  }
  const offsets = allOffsets ? Array.from({ length: prefix.length + 1 }, (_, i) => i) : [prefix.length];
  for (const offset of offsets) {
    const context = completionAt(prefix, parsed, offset);
    if (!context) continue;
    assert.ok(
      context.replace.start <= offset && offset <= context.replace.end && context.replace.end <= prefix.length,
      `replace range must hold the cursor (prefix ${prefix.length}, offset ${offset})`,
    );
  }
}

describe('JSON locator: truncated input', () => {
  for (const [name, sample] of [
    ['sample job', SAMPLE],
    ['EKS fixture', EKS_JOB],
    ['configuration array', CONFIG_ARRAY],
  ] as const) {
    it(`every prefix of the ${name} reads without throwing and keeps ranges in the text`, () => {
      for (let end = 0; end <= sample.length; end++)
        check(sample.slice(0, end), end % 11 === 0 || end === sample.length);
    });
  }

  it('the full sample is read as expected', () => {
    const parsed = readJsonFile(SAMPLE);
    const job = parsed.jobs[0];
    assert.equal(job.facts.name, 'test');
    assert.equal(job.sparkVersion?.version, '3.5.0');
    assert.deepEqual(
      job.entries.map((e) => `${e.key}=${e.value}`),
      [
        'spark.a=x y',
        'spark.b=q r',
        'spark.c=12',
        'spark.executor.cores=2',
        'spark.d=1',
        'spark.e=2',
        'spark.f=true',
        'spark.g="',
      ],
    );
    // The trailing "--conf" with no setting is a problem, not an exception; the comma before `}` is strict JSON's.
    assert.deepEqual(
      parsed.syntaxErrors.map((p) => p.source ?? 'format'),
      ['format', 'submit-parameters'],
    );
    assert.match(parsed.syntaxErrors[0]?.message ?? '', /Trailing comma/);
    assert.equal(parsed.suppressions.length, 1);
  });
});
