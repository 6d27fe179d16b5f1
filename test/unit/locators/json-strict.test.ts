// Strict JSON for EMR requests: trailing commas are errors (the AWS CLI rejects them), and one syntax mistake yields a
// few findings, not one per token the parser stumbles over afterwards.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonFile } from '../../../server/src/engine/locators/json';
import { PROBLEMS_PER_BREAK } from '../../../server/src/engine/locators/json/syntax';
import { entriesFor, onlyJob, slice } from './json-fixtures';

/** An EMR on EKS request with `count` spark-defaults properties, pretty-printed or on one line. */
function request(count: number, oneLine: boolean): string {
  const properties: Record<string, string> = {};
  for (let i = 0; i < count; i++) properties[`spark.example.key${i}`] = `value${i}`;
  const job = {
    virtualClusterId: 'vc1',
    releaseLabel: 'emr-7.2.0-latest',
    jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://bucket/main.py' } },
    configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties }] },
  };
  return oneLine ? JSON.stringify(job) : JSON.stringify(job, null, 2);
}

describe('JSON strictness: trailing commas', () => {
  it('syntax: comma before a closing brace → one error on the comma, the job still read', () => {
    const text = request(3, false).replace('"value2"', '"value2",');
    const parsed = parseJsonFile(text);
    assert.equal(parsed.syntaxErrors.length, 1);
    const [problem] = parsed.syntaxErrors;
    assert.ok(problem);
    assert.equal(slice(text, problem.range), ',');
    assert.equal(problem.range.start, text.indexOf('"value2",') + '"value2"'.length);
    assert.equal(problem.source, undefined, 'a format error');
    assert.equal(entriesFor(onlyJob(parsed), 'spark.example.key2')[0]?.value, 'value2');
  });

  it('syntax: comma before a closing bracket, with a comment between → reported at the comma', () => {
    const text = request(1, false).replace(/\}\n(\s*)\]/, '}, // last\n$1]');
    const parsed = parseJsonFile(text);
    assert.equal(parsed.syntaxErrors.length, 1);
    const [problem] = parsed.syntaxErrors;
    assert.ok(problem);
    assert.equal(problem.range.start, text.indexOf(', // last'));
  });

  it('syntax: trailing comma in a file that has other errors → still reported, alongside them', () => {
    const text = request(2, false).replace('"value1"', '"value1",').replace('"vc1"', '"vc1" "x"');
    const parsed = parseJsonFile(text);
    const trailing = parsed.syntaxErrors.filter((p) => /Trailing comma/.test(p.message));
    assert.equal(trailing.length, 1);
    assert.equal(trailing[0]?.range.start, text.indexOf('"value1",') + '"value1"'.length);
    assert.ok(parsed.syntaxErrors.some((p) => /Expected ','/.test(p.message)));
  });

  it('syntax: a well-formed request → no errors', () => {
    assert.deepEqual(parseJsonFile(request(5, false)).syntaxErrors, []);
  });
});

describe('JSON strictness: one mistake, few findings', () => {
  it('syntax: a lost quote in a one-line request → at most three findings', () => {
    const text = request(40, true).replace('"value3"', '"value3');
    const parsed = parseJsonFile(text);
    assert.ok(parsed.syntaxErrors.length >= 1);
    assert.ok(parsed.syntaxErrors.length <= PROBLEMS_PER_BREAK, `${parsed.syntaxErrors.length} findings`);
    assert.equal(PROBLEMS_PER_BREAK, 3);
    // The first finding is at the mistake, not somewhere later.
    assert.ok((parsed.syntaxErrors[0]?.range.start ?? -1) <= text.indexOf('"value3') + 10);
  });

  it('syntax: a lost opening quote of a key → at most three findings; later lines still read', () => {
    const text = request(30, false).replace('"spark.example.key4"', 'spark.example.key4"');
    const parsed = parseJsonFile(text);
    assert.ok(parsed.syntaxErrors.length <= PROBLEMS_PER_BREAK, `${parsed.syntaxErrors.length} findings`);
    const job = onlyJob(parsed);
    assert.equal(entriesFor(job, 'spark.example.key29')[0]?.value, 'value29', 'the rest of the file is checked');
    assert.equal(entriesFor(job, 'spark.example.key3')[0]?.value, 'value3');
  });

  it('syntax: two mistakes far apart → each reported', () => {
    const text = request(30, false).replace('"value2"', '"value2" "x"').replace('"value25"', '"value25" "y"');
    const parsed = parseJsonFile(text);
    const missingCommas = parsed.syntaxErrors.filter((p) => /Expected ','/.test(p.message));
    assert.equal(missingCommas.length, 2);
    assert.ok(parsed.syntaxErrors.length <= 2 * PROBLEMS_PER_BREAK);
  });
});
