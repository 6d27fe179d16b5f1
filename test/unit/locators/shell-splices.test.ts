// Shapes found in public scripts (docs/survey-real-files.md): JSON options that close and reopen their single quotes
// around a shell variable, and start-job-run run inside a command substitution. Fixtures are our own, minimal.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseShellScript } from '../../../server/src/engine/locators/shell';
import { analyze } from '../../../server/src/engine/rules';
import { lexScript } from '../../../server/src/engine/locators/shell/lex';
import { entriesFor, onlyJob, slice } from './json-fixtures';

const SPLICED = `aws emr-containers start-job-run \\
  --release-label emr-6.10.0-latest \\
  --job-driver '{"sparkSubmitJobDriver": {"entryPoint": "'"$CODE"'/job.py",
    "sparkSubmitParameters": "--conf spark.executor.instances='$COUNT' --conf spark.executor.cores=4"}}' \\
  --configuration-overrides '{"applicationConfiguration": [{"classification": "spark-defaults",
    "properties": {"spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.maxExecutors": '$MAX',
      "spark.kubernetes.executor.podNamePrefix": "'$NAME'-exec", "spark.dynamicAllocation.minExecutors": "9x"}}]}'
`;

const SUBSTITUTED = `JOB_ID=$(aws emr-containers start-job-run \\
  --release-label emr-7.1.0-latest \\
  --job-driver '{"sparkSubmitJobDriver": {"entryPoint": "s3://b/a.py"}}' \\
  --configuration-overrides '{"applicationConfiguration": [{"classification": "spark-defaults",
    "properties": {"spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.maxExecutrs": "4"}}]}' \\
  --query id --output text)
echo "$JOB_ID (done)"
`;

describe('shell locator: JSON spliced around shell variables', () => {
  it('the lexer records every single-quoted part of a word', () => {
    const text = `x 'a'"$B"'c' 'd'\n`;
    const [command] = lexScript(text).commands;
    const parts = command?.words[1]?.singleQuotedParts ?? [];
    assert.deepEqual(
      parts.map((range) => slice(text, range)),
      ['a', 'c'],
    );
    assert.equal(command?.words[1]?.singleQuoted, undefined);
    assert.deepEqual(command?.words[2]?.singleQuotedParts?.length, 1);
  });

  it('reads a spliced --job-driver and --configuration-overrides: no syntax error, exact ranges', () => {
    const parsed = parseShellScript(SPLICED);
    const job = onlyJob(parsed);
    assert.equal(job.kind, 'emr-eks');
    assert.deepEqual(parsed.syntaxErrors, []);
    assert.equal(job.sparkVersion?.version, '3.3.1');
    const cores = entriesFor(job, 'spark.executor.cores')[0];
    assert.equal(cores && slice(SPLICED, cores.valueRange), '4');
    const min = entriesFor(job, 'spark.dynamicAllocation.minExecutors')[0];
    assert.equal(min && slice(SPLICED, min.valueRange), '9x');
    assert.equal(min?.dynamic, undefined);
  });

  it('values built from a variable are unknown, not empty: no finding on them, the literal typo still found', () => {
    const parsed = parseShellScript(SPLICED);
    const job = onlyJob(parsed);
    const instances = entriesFor(job, 'spark.executor.instances')[0];
    assert.equal(instances?.dynamic, true);
    assert.ok(instances && slice(SPLICED, instances.valueRange).includes('$COUNT'));
    const max = entriesFor(job, 'spark.dynamicAllocation.maxExecutors')[0];
    assert.equal(max?.dynamic, true);
    assert.equal(max?.value, '$MAX');
    const findings = analyze({ text: SPLICED, parsed });
    const invalid = findings.filter((f) => f.ruleId === 'invalid-value').map((f) => slice(SPLICED, f.range));
    assert.deepEqual(invalid, ['9x']);
  });

  it("reads JSON given as --option='…' (the quoted part after the =), with exact ranges", () => {
    const text = `aws emr-containers start-job-run --release-label=emr-6.6.0-latest \\
  --configuration-overrides='{"applicationConfiguration": [{"classification": "spark-defaults",
    "properties": {"spark.dynamicAllocation.enabled": "true", "spark.executor.cores": "2"}}]}'
`;
    const parsed = parseShellScript(text);
    const job = onlyJob(parsed);
    assert.deepEqual(parsed.syntaxErrors, []);
    assert.equal(job.sparkVersion?.version, '3.2.0');
    const cores = entriesFor(job, 'spark.executor.cores')[0];
    assert.equal(cores && slice(text, cores.keyRange), 'spark.executor.cores');
    assert.equal(cores && slice(text, cores.valueRange), '2');
  });

  it('a word with unquoted literal text between its quoted parts is not read as JSON', () => {
    const text = `aws emr-containers start-job-run --job-driver '{"a": '1'}'x'' --release-label emr-7.1.0-latest\n`;
    assert.deepEqual(parseShellScript(text).jobs, []);
  });
});

describe('shell locator: start-job-run inside $( … )', () => {
  it('reads the request at its own offsets and judges it', () => {
    const parsed = parseShellScript(SUBSTITUTED);
    const job = onlyJob(parsed);
    assert.equal(job.sparkVersion?.version, '3.5.0');
    const typo = entriesFor(job, 'spark.dynamicAllocation.maxExecutrs')[0];
    assert.equal(typo && slice(SUBSTITUTED, typo.keyRange), 'spark.dynamicAllocation.maxExecutrs');
    assert.equal(typo?.dynamic, undefined, 'the $( … ) around the command does not make its values unknown');
    const unknown = analyze({ text: SUBSTITUTED, parsed }).filter((f) => f.ruleId === 'unknown-key');
    assert.equal(unknown.length, 1);
  });

  it('a parenthesis inside quotes does not end the substitution', () => {
    const text = `X=$(echo ')' && aws emr-containers start-job-run --job-driver '{"sparkSubmitJobDriver": {"entryPoint": "a (b).py"}}' --release-label emr-7.1.0-latest)\n`;
    const job = onlyJob(parseShellScript(text));
    assert.equal(job.kind, 'emr-eks');
  });
});
