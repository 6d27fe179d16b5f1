// The shell-script locator: EMR requests in here-documents and inline options, spark-submit command lines, shell
// expansions as unknown values, all with ranges into the script itself.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectFormat, parseFile } from '../../../server/src/engine/locators';
import { parseShellScript, shellCompletionContext } from '../../../server/src/engine/locators/shell';
import { insertKeyEdit } from '../../../server/src/engine/edits/index';
import { analyze } from '../../../server/src/engine/rules';
import type { ConfigEntry, JobConfig } from '../../../server/src/engine/model';
import { badRange, entriesFor, onlyJob, slice, withCaret } from './json-fixtures';
import { EXPANDING_HEREDOC, INLINE_EKS, INLINE_SERVERLESS, QUOTED_HEREDOC, SPARK_SUBMIT } from './shell-fixtures';

function only(job: JobConfig, key: string): ConfigEntry {
  const found = entriesFor(job, key);
  assert.equal(found.length, 1, key);
  return found[0] as ConfigEntry;
}

/** The offset of the `nth` (0-based) occurrence of `needle` in `text`. */
function nth(text: string, needle: string, n = 0): number {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, needle);
  }
  return at;
}

describe('shell locator: format detection', () => {
  it('reads .sh and .bash files and the shellscript language', () => {
    assert.equal(detectFormat({ fileName: 'submit.sh' }), 'shell');
    assert.equal(detectFormat({ fileName: '/x/run-job.bash' }), 'shell');
    assert.equal(detectFormat({ fileName: 'run', languageId: 'shellscript' }), 'shell');
    assert.equal(parseFile({ fileName: 'a.sh', text: QUOTED_HEREDOC }).format, 'shell');
  });

  it('a script without EMR requests or spark-submit yields nothing', () => {
    const parsed = parseShellScript('#!/bin/sh\necho "hello" \'{"a": 1,}\'\ncat <<EOF\n{"x": [1,}\nEOF\n');
    assert.deepEqual(parsed.jobs, []);
    assert.deepEqual(parsed.syntaxErrors, []);
  });
});

describe('shell locator: here-documents', () => {
  it('a quoted here-document is read as a request file, with exact ranges', () => {
    const parsed = parseShellScript(QUOTED_HEREDOC);
    const job = onlyJob(parsed);
    assert.equal(job.kind, 'emr-eks');
    assert.deepEqual(parsed.syntaxErrors, []);
    assert.equal(badRange(parsed, QUOTED_HEREDOC.length), undefined);
    const enabled = only(job, 'spark.dynamicAllocation.enabled');
    const keyAt = nth(QUOTED_HEREDOC, 'spark.dynamicAllocation.enabled');
    assert.deepEqual(enabled.keyRange, { start: keyAt, end: keyAt + 'spark.dynamicAllocation.enabled'.length });
    assert.equal(slice(QUOTED_HEREDOC, enabled.valueRange), 'true');
    // The body starts on the line after the command and ends before the closing EOF line.
    assert.equal(job.range.start, QUOTED_HEREDOC.indexOf('{\n  "virtualClusterId"'));
    assert.equal(job.range.end, QUOTED_HEREDOC.lastIndexOf('EOF\n'));
    assert.equal(job.sparkVersion?.version, '3.4.1');
    assert.equal(
      job.sparkVersion && slice(QUOTED_HEREDOC, job.sparkVersion.range ?? { start: 0, end: 0 }),
      'emr-6.15.0-20240105',
    );
  });

  it('in a quoted here-document `$5` is literal text, judged like any value', () => {
    const parsed = parseShellScript(QUOTED_HEREDOC);
    const max = only(onlyJob(parsed), 'spark.dynamicAllocation.maxExecutors');
    assert.equal(max.value, '$5');
    assert.equal(max.dynamic, undefined);
    const findings = analyze({ text: QUOTED_HEREDOC, parsed });
    assert.ok(findings.some((f) => f.ruleId === 'invalid-value' && slice(QUOTED_HEREDOC, f.range) === '$5'));
  });

  it('an expanding <<- here-document: expansions are unknown values, offsets unchanged', () => {
    const text = EXPANDING_HEREDOC;
    const parsed = parseShellScript(text);
    const job = onlyJob(parsed);
    assert.deepEqual(parsed.syntaxErrors, [], 'a bare $MAX_EXECUTORS does not break the JSON');
    const memory = only(job, 'spark.executor.memory');
    assert.equal(memory.dynamic, true);
    assert.equal(slice(text, memory.valueRange), '${EXEC_MEM}');
    const max = only(job, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(max.dynamic, true);
    assert.equal(max.value, '$MAX_EXECUTORS');
    assert.equal(slice(text, max.valueRange), '$MAX_EXECUTORS');
    const cores = only(job, 'spark.executor.cores');
    assert.equal(cores.dynamic, undefined);
    assert.equal(slice(text, cores.valueRange), '4');
    const enabled = only(job, 'spark.dynamicAllocation.enabled');
    assert.equal(enabled.keyRange.start, nth(text, 'spark.dynamicAllocation.enabled'));
    // `"releaseLabel": "${RELEASE_LABEL}"` says nothing about the version: no version, nothing unresolved.
    assert.equal(job.sparkVersion, undefined);
    const findings = analyze({ text, parsed });
    assert.equal(findings.filter((f) => f.ruleId === 'invalid-value').length, 0, findings.map((f) => f.ruleId).join());
  });

  it('an expanding here-document with \\$ (the shell drops the backslash): no JSON error, the value not judged', () => {
    const text = QUOTED_HEREDOC.replace("<<'EOF'", '<<EOF').replace('"$5"', '"\\$5"');
    assert.ok(text.includes('"\\$5"'));
    const parsed = parseShellScript(text);
    assert.deepEqual(parsed.syntaxErrors, []);
    const max = only(onlyJob(parsed), 'spark.dynamicAllocation.maxExecutors');
    assert.equal(max.dynamic, true);
    assert.equal(slice(text, max.valueRange), '\\$5');
  });

  it('syntax: a trailing comma in a here-document → one error at the comma in the script', () => {
    const text = QUOTED_HEREDOC.replace('"true",', '"true",\n        "spark.executor.cores": "4",\n      ').replace(
      /"\$5"\n/,
      '"$5",\n',
    );
    const parsed = parseShellScript(text);
    const trailing = parsed.syntaxErrors.filter((p) => /Trailing comma/.test(p.message));
    assert.equal(trailing.length, 1);
    assert.equal(trailing[0]?.range.start, text.indexOf('"$5",') + 4);
  });
});

describe('shell locator: inline start-job-run options', () => {
  it('joins --job-driver, --configuration-overrides and --release-label into one EMR on EKS job', () => {
    const text = INLINE_EKS;
    const parsed = parseShellScript(text);
    const job = onlyJob(parsed);
    assert.equal(job.kind, 'emr-eks');
    assert.deepEqual(parsed.syntaxErrors, []);
    assert.equal(badRange(parsed, text.length), undefined);
    assert.deepEqual(job.range, { start: 0, end: text.lastIndexOf("}'") + 2 });
    const instances = only(job, 'spark.executor.instances');
    assert.equal(instances.origin, 'submit-conf');
    assert.equal(slice(text, instances.keyRange), 'spark.executor.instances');
    assert.equal(instances.keyRange.start, nth(text, 'spark.executor.instances'));
    assert.equal(slice(text, instances.valueRange), '2');
    const min = only(job, 'spark.dynamicAllocation.minExecutors');
    assert.equal(min.origin, 'property');
    assert.equal(min.valueRange.start, nth(text, '"1"') + 1);
    // The release label is a plain word on the command line; the spark-rapids image ships the release's Spark.
    assert.equal(job.sparkVersion?.version, '3.3.1');
    const labelAt = nth(text, 'emr-6.10.0-spark-rapids-latest');
    assert.deepEqual(job.sparkVersion?.range, {
      start: labelAt,
      end: labelAt + 'emr-6.10.0-spark-rapids-latest'.length,
    });
    assert.equal(job.facts.name, 'orders-inline');
  });

  it('reads a whole EMR Serverless request given to --cli-input-json', () => {
    const parsed = parseShellScript(INLINE_SERVERLESS);
    const job = onlyJob(parsed);
    assert.equal(job.kind, 'emr-serverless');
    const max = only(job, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(max.valueRange.start, INLINE_SERVERLESS.indexOf('maxExecutors=8') + 'maxExecutors='.length);
    assert.equal(slice(INLINE_SERVERLESS, max.valueRange), '8');
  });

  it('syntax: a broken inline JSON option → findings inside its quotes, at most three', () => {
    const text = INLINE_EKS.replace(
      '"spark.dynamicAllocation.enabled": "true"',
      '"spark.dynamicAllocation.enabled": "true',
    );
    const parsed = parseShellScript(text);
    assert.ok(parsed.syntaxErrors.length >= 1 && parsed.syntaxErrors.length <= 3, String(parsed.syntaxErrors.length));
    const overrides = text.indexOf("--configuration-overrides '");
    for (const problem of parsed.syntaxErrors) assert.ok(problem.range.start > overrides, problem.message);
    // The other option is still read.
    assert.equal(entriesFor(onlyJob(parsed), 'spark.executor.cores').length, 1);
  });

  it('a dynamic --release-label leaves the version to the fallback', () => {
    const text = INLINE_EKS.replace('emr-6.10.0-spark-rapids-latest', '"$RELEASE_LABEL"');
    const job = onlyJob(parseShellScript(text));
    assert.equal(job.sparkVersion, undefined);
    assert.equal(job.facts.releaseLabel, undefined);
  });
});

describe('shell locator: spark-submit command lines', () => {
  const text = SPARK_SUBMIT;
  const parsed = parseShellScript(text);
  const job = onlyJob(parsed);

  it('reads --conf settings and flags across line continuations, with exact ranges', () => {
    assert.equal(job.kind, 'spark-submit');
    assert.equal(job.facts.platform, 'kubernetes', '--master k8s://');
    assert.deepEqual(parsed.syntaxErrors, []);
    const enabled = only(job, 'spark.dynamicAllocation.enabled');
    assert.equal(enabled.keyRange.start, nth(text, 'spark.dynamicAllocation.enabled'));
    assert.equal(slice(text, enabled.valueRange), 'true');
    const max = only(job, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(max.valueRange.start, nth(text, '=20"') + 1, 'inside the double quotes');
    assert.equal(slice(text, max.valueRange), '20');
    const cores = only(job, 'spark.executor.cores');
    assert.equal(cores.origin, 'submit-flag');
    assert.equal(slice(text, cores.keyRange), '--executor-cores');
    assert.equal(slice(text, cores.valueRange), '4');
  });

  it('${VAR} values are unknown, never judged', () => {
    const memory = only(job, 'spark.executor.memory');
    assert.equal(memory.dynamic, true);
    assert.equal(slice(text, memory.valueRange), '${EXECUTOR_MEMORY}');
    assert.equal(analyze({ text, parsed }).filter((f) => f.ruleId === 'invalid-value').length, 0);
  });

  it('words after the application are its own arguments, not options', () => {
    assert.equal(entriesFor(job, 'not.a.spark.setting').length, 0);
    const container = job.containers[0];
    assert.ok(container);
    assert.equal(container.kind, 'submit-parameters');
    assert.equal(
      container.range.end,
      text.indexOf('=20"') + 4 + text.slice(text.indexOf('=20"') + 4).indexOf('4 \\') + 1,
    );
    assert.equal(text.slice(container.range.start, container.range.start + 8), '--master');
  });

  it('a suppression comment silences the next line', () => {
    const silenced = text.replace('  --conf spark.executor.memory', '  --conf spark.executor.memory');
    const withComment = `# spark-dra-disable-next-line invalid-value\n${silenced.replace('${EXECUTOR_MEMORY}', '12q')}`;
    const reparsed = parseShellScript(withComment);
    assert.equal(reparsed.suppressions.length, 1);
  });
});

describe('shell locator: completion', () => {
  function contextAt(source: string) {
    const { text, offset } = withCaret(source);
    return { text, context: shellCompletionContext(text, parseShellScript(text), offset) };
  }

  it('inside a here-document properties key: a JSON key context', () => {
    const { text, context } = contextAt(
      QUOTED_HEREDOC.replace('"spark.dynamicAllocation.enabled"', '"spark.dyn|amicAllocation.enabled"'),
    );
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'json-key');
    assert.equal(context.prefix, 'spark.dyn');
    assert.equal(slice(text, context.replace), 'spark.dynamicAllocation.enabled');
  });

  it('inside a spark-submit --conf value: a value context for that key', () => {
    const { text, context } = contextAt(SPARK_SUBMIT.replace('maxExecutors=20"', 'maxExecutors=2|0"'));
    assert.ok(context && context.kind === 'value');
    assert.equal(context.key, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(slice(text, context.replace), '20');
    assert.equal(context.prefix, '2');
  });

  it('after a new --conf on a continued line: a key context', () => {
    const { context } = contextAt(
      SPARK_SUBMIT.replace('  --executor-cores 4', '  --conf spark.exec| \\\n  --executor-cores 4'),
    );
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.exec');
    assert.equal(context.style, 'submit-conf');
  });

  it('inside the release label of an inline command: a release-label context over exactly the word', () => {
    const { text, context } = contextAt(INLINE_EKS.replace('emr-6.10.0-spark', 'emr-6.1|0.0-spark'));
    assert.ok(context && context.kind === 'release-label');
    assert.equal(slice(text, context.replace), 'emr-6.10.0-spark-rapids-latest');
    assert.equal(context.prefix, 'emr-6.1');
  });

  it('outside any job: nothing', () => {
    assert.equal(contextAt(`echo hi|\n${SPARK_SUBMIT}`).context, undefined);
  });
});

describe('shell locator: quick fixes edit the script in place', () => {
  function applyFix(text: string, ruleId: string): string {
    const parsed = parseShellScript(text);
    const found = analyze({ text, parsed }).find((f) => f.ruleId === ruleId);
    assert.ok(found?.fixes?.[0], `a fix for ${ruleId}`);
    let result = text;
    for (const edit of [...found.fixes[0].edits].sort((a, b) => b.range.start - a.range.start)) {
      result = result.slice(0, edit.range.start) + edit.newText + result.slice(edit.range.end);
    }
    return result;
  }

  it('dra-without-shuffle-support: spark-submit on Spark 3.3 → --conf added before the application', () => {
    const fixed = applyFix(`# spark-dra: sparkVersion=3.3.0\n${SPARK_SUBMIT}`, 'dra-without-shuffle-support');
    assert.match(
      fixed,
      /--executor-cores 4 --conf spark\.dynamicAllocation\.shuffleTracking\.enabled=true \\\n {2}local:\/\/\/opt\/app\/job\.py/,
    );
    assert.equal(
      entriesFor(onlyJob(parseShellScript(fixed)), 'spark.dynamicAllocation.shuffleTracking.enabled').length,
      1,
    );
  });

  it('dra-without-shuffle-support: inline --configuration-overrides on emr-6.10 → property added inside the quotes', () => {
    const fixed = applyFix(INLINE_EKS, 'dra-without-shuffle-support');
    const job = onlyJob(parseShellScript(fixed));
    const added = only(job, 'spark.dynamicAllocation.shuffleTracking.enabled');
    assert.equal(added.origin, 'property');
    assert.equal(added.value, 'true');
    assert.ok(added.keyRange.start > fixed.indexOf("--configuration-overrides '"));
  });

  it('a value with a space: quoted for the shell on a spark-submit line, JSON-escaped inside sparkSubmitParameters', () => {
    const value = '-XX:+UseG1GC -Dlog=x';
    const submitJob = onlyJob(parseShellScript(SPARK_SUBMIT));
    const onLine = insertKeyEdit(SPARK_SUBMIT, submitJob, 'spark.executor.extraJavaOptions', value);
    assert.equal(onLine?.newText, ` --conf "spark.executor.extraJavaOptions=${value}"`);
    const serverless = onlyJob(parseShellScript(INLINE_SERVERLESS));
    const inJson = insertKeyEdit(INLINE_SERVERLESS, serverless, 'spark.executor.extraJavaOptions', value);
    assert.equal(inJson?.newText, ` --conf \\"spark.executor.extraJavaOptions=${value}\\"`);
  });
});
