// The JSON locator: recognising EMR job files, reading entries with exact ranges, precedence and versions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonFile } from '../../../server/src/engine/locators/json';
import { CONFIG_ARRAY, EKS_JOB, SERVERLESS_JOB, entriesFor, onlyJob, slice, winner } from './json-fixtures';

describe('JSON locator: EMR on EKS StartJobRun', () => {
  const parsed = parseJsonFile(EKS_JOB);
  const job = onlyJob(parsed);

  it('recognises the job and its facts', () => {
    assert.equal(parsed.format, 'json');
    assert.equal(job.kind, 'emr-eks');
    assert.equal(job.facts.platform, 'kubernetes');
    assert.equal(job.facts.name, 'nightly-etl');
    assert.equal(job.facts.releaseLabel, 'emr-6.12.0-latest');
    assert.deepEqual(parsed.syntaxErrors, []);
    assert.deepEqual(job.range, { start: 0, end: EKS_JOB.length });
  });

  it('resolves the release label to a Spark version with the label range', () => {
    const version = job.sparkVersion;
    assert.ok(version);
    assert.equal(version.version, '3.4.0');
    assert.equal(version.from, 'releaseLabel');
    assert.equal(version.raw, 'emr-6.12.0-latest');
    assert.ok(version.range);
    assert.equal(slice(EKS_JOB, version.range), 'emr-6.12.0-latest');
    assert.equal(version.unresolved, undefined);
  });

  it('reads spark-defaults properties with ranges inside the quotes', () => {
    const [entry] = entriesFor(job, 'spark.dynamicAllocation.enabled');
    assert.equal(entry.value, 'true');
    assert.equal(entry.origin, 'property');
    assert.equal(entry.classification, 'spark-defaults');
    assert.equal(slice(EKS_JOB, entry.keyRange), 'spark.dynamicAllocation.enabled');
    assert.equal(slice(EKS_JOB, entry.valueRange), 'true');
    assert.equal(EKS_JOB[entry.valueRange.start - 1], '"');
    assert.equal(entry.nonStringValue, undefined);
    assert.equal(entry.encoding, undefined);
  });

  it('keeps non-string values and flags them', () => {
    const [entry] = entriesFor(job, 'spark.dynamicAllocation.maxExecutors');
    assert.equal(entry.value, '50');
    assert.equal(entry.nonStringValue, true);
    assert.equal(slice(EKS_JOB, entry.valueRange), '50');
  });

  it('recurses into nested configurations and ignores other classifications', () => {
    const [nested] = entriesFor(job, 'spark.nested');
    assert.equal(nested.value, 'n');
    assert.equal(slice(EKS_JOB, nested.keyRange), 'spark.nested');
    assert.equal(entriesFor(job, 'JAVA_HOME').length, 0);
    assert.equal(entriesFor(job, 'hive.metastore.uris').length, 0);
  });

  it('reads --conf settings and flags from sparkSubmitParameters', () => {
    const conf = entriesFor(job, 'spark.x')[0];
    assert.equal(conf.value, 'a b');
    assert.equal(conf.origin, 'submit-conf');
    assert.equal(conf.encoding, 'json-string');
    assert.equal(slice(EKS_JOB, conf.keyRange), 'spark.x');
    assert.equal(slice(EKS_JOB, conf.valueRange), 'a b');
    assert.equal(EKS_JOB.slice(conf.valueRange.start - 2, conf.valueRange.start), '\\"');

    const flag = entriesFor(job, 'spark.executor.cores').find((e) => e.origin === 'submit-flag');
    assert.ok(flag);
    assert.equal(flag.writtenAs, '--executor-cores');
    assert.equal(flag.value, '4');
    assert.equal(slice(EKS_JOB, flag.keyRange), '--executor-cores');
    assert.equal(slice(EKS_JOB, flag.valueRange), '4');

    const instances = entriesFor(job, 'spark.executor.instances').find((e) => e.origin === 'submit-flag');
    assert.equal(instances?.value, '3');
    assert.equal(instances?.writtenAs, '--num-executors');
  });

  it('reads --conf=key=value and resolves shell escapes', () => {
    const [entry] = entriesFor(job, 'spark.y');
    assert.equal(entry.value, 'tmp');
    assert.equal(slice(EKS_JOB, entry.keyRange), 'spark.y');
    assert.equal(slice(EKS_JOB, entry.valueRange), 'tmp');
  });

  it('ignores options that are not Spark keys, and their arguments', () => {
    assert.ok(job.entries.every((e) => e.key.startsWith('spark.')));
    assert.equal(
      job.entries.some((e) => e.value === 'org.Main'),
      false,
    );
  });

  it('ranks properties below --conf and --conf below flags, whatever the order', () => {
    const cores = entriesFor(job, 'spark.executor.cores');
    assert.equal(cores.length, 2);
    // The flag comes first in the text but wins.
    assert.equal(cores[0].origin, 'submit-flag');
    assert.equal(winner(job, 'spark.executor.cores')?.value, '4');
    const instances = entriesFor(job, 'spark.executor.instances');
    const property = instances.find((e) => e.origin === 'property');
    const flag = instances.find((e) => e.origin === 'submit-flag');
    assert.ok(property && flag && property.rank < flag.rank);
    const dra = entriesFor(job, 'spark.dynamicAllocation.enabled')[0];
    const conf = entriesFor(job, 'spark.x')[0];
    assert.ok(dra.rank < conf.rank);
  });

  it('keeps entries in document order', () => {
    const starts = job.entries.map((e) => e.keyRange.start);
    assert.deepEqual(
      starts,
      [...starts].sort((a, b) => a - b),
    );
  });

  it('offers key containers for the properties objects and the submit parameters', () => {
    const props = job.containers.filter((c) => c.kind === 'json-properties');
    assert.equal(props.length, 2);
    assert.equal(EKS_JOB[props[0].range.start - 1], '{');
    assert.equal(EKS_JOB[props[0].range.end], '}');
    assert.match(slice(EKS_JOB, props[0].range), /^\n {10}"spark.dynamicAllocation.enabled"[\s\S]*"1"\n {8}$/);
    assert.equal(props[0].indent, '          ');
    assert.equal(props[0].classification, 'spark-defaults');
    // Inline object: the indent of the line holding "properties" plus two spaces.
    assert.equal(slice(EKS_JOB, props[1].range), ' "spark.nested": "n" ');
    assert.equal(props[1].indent, '            ');
    const submit = job.containers.find((c) => c.kind === 'submit-parameters');
    assert.ok(submit);
    assert.match(slice(EKS_JOB, submit.range), /^--executor-cores 4 .* --num-executors 3$/);
  });
});

describe('JSON locator: submit parameter details', () => {
  function eks(parameters: string, extra = ''): string {
    return `{"virtualClusterId": "v", ${extra}"jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "e", "sparkSubmitParameters": "${parameters}"}}}`;
  }

  it('maps ranges through \\u escapes, escaped quotes and single quotes', () => {
    const text = eks(
      String.raw`--conf \u0073park.a=1 --conf 'spark.b=x y' --conf spark.c=\"q\" --conf \"spark.d=p q\"`,
    );
    const job = onlyJob(parseJsonFile(text));
    const a = entriesFor(job, 'spark.a')[0];
    assert.equal(slice(text, a.keyRange), String.raw`\u0073park.a`);
    assert.equal(slice(text, a.valueRange), '1');
    const b = entriesFor(job, 'spark.b')[0];
    assert.equal(b.value, 'x y');
    assert.equal(slice(text, b.keyRange), 'spark.b');
    assert.equal(slice(text, b.valueRange), 'x y');
    const c = entriesFor(job, 'spark.c')[0];
    assert.equal(c.value, 'q');
    assert.equal(slice(text, c.valueRange), 'q');
    const d = entriesFor(job, 'spark.d')[0];
    assert.equal(d.value, 'p q');
    assert.equal(slice(text, d.keyRange), 'spark.d');
    assert.equal(slice(text, d.valueRange), 'p q');
  });

  it('maps through \\n and \\t escapes used as separators', () => {
    const text = eks(String.raw`--conf\nspark.a=1\t--executor-memory\t4g`);
    const job = onlyJob(parseJsonFile(text));
    assert.equal(slice(text, entriesFor(job, 'spark.a')[0].valueRange), '1');
    const memory = entriesFor(job, 'spark.executor.memory')[0];
    assert.equal(memory.value, '4g');
    assert.equal(slice(text, memory.keyRange), '--executor-memory');
    assert.equal(slice(text, memory.valueRange), '4g');
  });

  it('reads --flag=value spellings and -c', () => {
    const text = eks('--driver-cores=2 -c spark.z=9 --driver-memory 2g');
    const job = onlyJob(parseJsonFile(text));
    const cores = entriesFor(job, 'spark.driver.cores')[0];
    assert.equal(cores.value, '2');
    assert.equal(slice(text, cores.keyRange), '--driver-cores');
    assert.equal(slice(text, cores.valueRange), '2');
    assert.equal(entriesFor(job, 'spark.z')[0].value, '9');
    assert.equal(entriesFor(job, 'spark.driver.memory')[0].value, '2g');
  });

  it('gives the later of two --conf settings of one key the higher rank', () => {
    const job = onlyJob(parseJsonFile(eks('--conf spark.a=1 --conf spark.a=2')));
    assert.equal(winner(job, 'spark.a')?.value, '2');
  });

  it('an empty value gets an empty range after the = sign', () => {
    const text = eks(String.raw`--conf spark.a= --conf spark.b=\"\"`);
    const job = onlyJob(parseJsonFile(text));
    const a = entriesFor(job, 'spark.a')[0];
    assert.equal(a.value, '');
    assert.equal(a.valueRange.start, a.valueRange.end);
    assert.equal(text[a.valueRange.start - 1], '=');
    const b = entriesFor(job, 'spark.b')[0];
    assert.equal(b.value, '');
    assert.equal(b.valueRange.start, b.valueRange.end);
    assert.equal(text.slice(b.valueRange.start - 2, b.valueRange.start + 2), '\\"\\"');
  });

  it('a --conf without = or without an argument yields no entry and a problem, never an exception', () => {
    const noEquals = parseJsonFile(eks('--conf spark.dyn'));
    assert.equal(onlyJob(noEquals).entries.length, 0);
    assert.equal(noEquals.syntaxErrors.length, 1);
    assert.equal(slice(eks('--conf spark.dyn'), noEquals.syntaxErrors[0].range), 'spark.dyn');

    const atEnd = parseJsonFile(eks('--conf spark.a=1 --conf'));
    assert.equal(onlyJob(atEnd).entries.length, 1);
    assert.equal(atEnd.syntaxErrors.length, 1);
    assert.equal(slice(eks('--conf spark.a=1 --conf'), atEnd.syntaxErrors[0].range), '--conf');

    const flagAtEnd = parseJsonFile(eks('--executor-cores'));
    assert.equal(onlyJob(flagAtEnd).entries.length, 0);
    assert.equal(flagAtEnd.syntaxErrors.length, 1);
  });

  it('reports an unclosed shell quote', () => {
    const text = eks(String.raw`--conf spark.a=\"x y`);
    const parsed = parseJsonFile(text);
    assert.equal(parsed.syntaxErrors.length, 1);
    assert.equal(slice(text, parsed.syntaxErrors[0].range), String.raw`spark.a=\"x y`);
    assert.equal(entriesFor(onlyJob(parsed), 'spark.a')[0].value, 'x y');
  });
});

describe('JSON locator: other shapes', () => {
  it('reads EMR Serverless StartJobRun without a Spark version', () => {
    const job = onlyJob(parseJsonFile(SERVERLESS_JOB));
    assert.equal(job.kind, 'emr-serverless');
    assert.equal(job.facts.platform, 'emr-serverless');
    assert.equal(job.facts.name, 'adhoc');
    assert.equal(job.sparkVersion, undefined);
    assert.equal(job.facts.releaseLabel, undefined);
    const max = entriesFor(job, 'spark.dynamicAllocation.maxExecutors')[0];
    assert.equal(max.value, '20');
    assert.equal(max.origin, 'submit-conf');
    assert.equal(slice(SERVERLESS_JOB, max.valueRange), '20');
    assert.equal(entriesFor(job, 'spark.driver.memory')[0].writtenAs, '--driver-memory');
    assert.equal(entriesFor(job, 'spark.executor.memory')[0].origin, 'property');
  });

  it('recognises a Serverless request by jobDriver.sparkSubmit alone', () => {
    const job = onlyJob(parseJsonFile('{"jobDriver": {"sparkSubmit": {"entryPoint": "x"}}}'));
    assert.equal(job.kind, 'emr-serverless');
  });

  it('recognises EKS requests by releaseLabel + configurationOverrides and by jobTemplateData', () => {
    const byLabel = onlyJob(parseJsonFile('{"releaseLabel": "emr-7.2.0-latest", "configurationOverrides": {}}'));
    assert.equal(byLabel.kind, 'emr-eks');
    assert.equal(byLabel.sparkVersion?.version, '3.5.1');
    const template = String.raw`{"name": "tmpl", "jobTemplateData": {"releaseLabel": "emr-6.6.0-latest", "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "e", "sparkSubmitParameters": "--conf spark.a=1"}}}}`;
    const fromTemplate = onlyJob(parseJsonFile(template));
    assert.equal(fromTemplate.kind, 'emr-eks');
    assert.equal(fromTemplate.sparkVersion?.version, '3.2.0');
    assert.equal(entriesFor(fromTemplate, 'spark.a')[0].value, '1');
  });

  it('reads a bare configuration array with capitalised member names', () => {
    const parsed = parseJsonFile(CONFIG_ARRAY);
    const job = onlyJob(parsed);
    assert.equal(job.kind, 'emr-config');
    assert.equal(job.facts.platform, 'unknown');
    assert.equal(job.sparkVersion, undefined);
    assert.deepEqual(
      job.entries.map((e) => [e.key, e.value, e.classification]),
      [['spark.dynamicAllocation.enabled', 'true', 'spark-defaults']],
    );
    assert.equal(slice(CONFIG_ARRAY, job.entries[0].keyRange), 'spark.dynamicAllocation.enabled');
    assert.equal(job.containers.length, 1);
    assert.equal(job.containers[0].indent, '      ');
  });

  it('reads a file holding only configurationOverrides (AWS CLI file:// input)', () => {
    const text =
      '{"applicationConfiguration": [{"classification": "spark-defaults", "properties": {"spark.a": "1"}}], "monitoringConfiguration": {}}';
    const job = onlyJob(parseJsonFile(text));
    assert.equal(job.kind, 'emr-config');
    assert.equal(job.facts.platform, 'unknown');
    assert.deepEqual(
      job.entries.map((e) => [e.key, slice(text, e.valueRange)]),
      [['spark.a', '1']],
    );
    assert.deepEqual(parseJsonFile('{"applicationConfiguration": [1, 2]}').jobs, []);
  });

  it('reads an EMR Serverless application runtimeConfiguration with its release label', () => {
    const text =
      '{"name": "app", "releaseLabel": "emr-6.9.0", "type": "SPARK", "runtimeConfiguration": [{"classification": "spark-defaults", "properties": {"spark.a": "1"}}]}';
    const job = onlyJob(parseJsonFile(text));
    assert.equal(job.kind, 'emr-serverless');
    assert.equal(job.facts.platform, 'emr-serverless');
    assert.equal(job.sparkVersion?.version, '3.3.0');
    assert.equal(job.entries[0].key, 'spark.a');
  });

  it('counts the top-level configuration list of requests and configuration files, not nested lists', () => {
    const eks = onlyJob(parseJsonFile(EKS_JOB)).facts.applicationConfiguration;
    assert.equal(eks?.count, 3);
    assert.equal(slice(EKS_JOB, eks.range), '[');
    assert.deepEqual(
      eks.items.map((item) => slice(EKS_JOB, item).split('\n')[0]),
      ['{', '{', '{ "classification": "spark-hive-site", "properties": { "hive.metastore.uris": "thrift://x" } }'],
    );
    assert.equal(onlyJob(parseJsonFile(SERVERLESS_JOB)).facts.applicationConfiguration?.count, 1);
    const array = onlyJob(parseJsonFile(CONFIG_ARRAY)).facts.applicationConfiguration;
    assert.equal(array?.count, 2);
    assert.equal(array.range.start, CONFIG_ARRAY.indexOf('['));
    assert.equal(
      slice(CONFIG_ARRAY, array.items[1] ?? array.range),
      '{ "Classification": "spark", "Properties": { "maximizeResourceAllocation": "true" } }',
    );
    // An EMR Serverless application's runtimeConfiguration is not a StartJobRun list.
    const app =
      '{"name": "app", "releaseLabel": "emr-6.9.0", "runtimeConfiguration": [{"classification": "spark-defaults", "properties": {}}]}';
    assert.equal(onlyJob(parseJsonFile(app)).facts.applicationConfiguration, undefined);
    // A request without configurationOverrides has no list to count.
    assert.equal(
      onlyJob(parseJsonFile('{"jobDriver": {"sparkSubmit": {"entryPoint": "x"}}}')).facts.applicationConfiguration,
      undefined,
    );
  });

  it('marks an unknown release label as unresolved', () => {
    const text = '{"virtualClusterId": "v", "releaseLabel": "emr-9.99.0-latest"}';
    const version = onlyJob(parseJsonFile(text)).sparkVersion;
    assert.ok(version?.range);
    assert.equal(version.unresolved, true);
    assert.equal(version.version, '');
    assert.equal(version.raw, 'emr-9.99.0-latest');
    assert.equal(slice(text, version.range), 'emr-9.99.0-latest');
  });

  it('takes the Spark version from a spark-dra comment when there is no release label', () => {
    const text = '// spark-dra: sparkVersion=3.3.2\n{"applicationId": "a"}';
    const version = onlyJob(parseJsonFile(text)).sparkVersion;
    assert.equal(version?.version, '3.3.2');
    assert.equal(version?.from, 'comment');
    assert.ok(version?.range);
    assert.equal(slice(text, version.range), '3.3.2');
  });

  it('reads suppression comments', () => {
    const text = '{"applicationId": "a",\n  // spark-dra-disable-next-line dra-min-max, dra-shuffle\n  "name": "x"\n}';
    const parsed = parseJsonFile(text);
    assert.equal(parsed.suppressions.length, 1);
    assert.deepEqual(parsed.suppressions[0].rules, ['dra-min-max', 'dra-shuffle']);
    assert.equal(slice(text, parsed.suppressions[0].appliesTo), '  "name": "x"');
  });

  it('yields nothing for JSON that is not a job, even when it is broken', () => {
    const pkg = '{\n  "name": "my-app",\n  "version": "1.0.0",\n  "dependencies": {"left-pad": "1.0.0"}\n}';
    assert.deepEqual(parseJsonFile(pkg), {
      format: 'json',
      jobs: [],
      storageClasses: [],
      syntaxErrors: [],
      suppressions: [],
    });
    const brokenTsconfig = '{ "compilerOptions": { "strict": true "target": "es2022" }';
    assert.deepEqual(parseJsonFile(brokenTsconfig).syntaxErrors, []);
    assert.deepEqual(parseJsonFile('[1, 2, {"name": "x"}]').jobs, []);
    assert.deepEqual(parseJsonFile('').jobs, []);
    assert.deepEqual(parseJsonFile('"just a string"').jobs, []);
  });

  it('reports a missing comma between two properties at the spot between them', () => {
    const text = '{"virtualClusterId": "v",\n  "name": "a"\n  "releaseLabel": "emr-6.9.0-latest"\n}';
    const parsed = parseJsonFile(text);
    assert.equal(parsed.syntaxErrors.length, 1);
    const { range, message } = parsed.syntaxErrors[0];
    const expected = text.indexOf('"a"') + 3;
    assert.deepEqual(range, { start: expected, end: expected });
    assert.match(message, /','/);
    // The job is still read.
    assert.equal(onlyJob(parsed).sparkVersion?.version, '3.3.0');
  });

  it('reports an unclosed string with the range of the string', () => {
    const text = '{"virtualClusterId": "v", "name": "abc\n}';
    const parsed = parseJsonFile(text);
    const unclosed = parsed.syntaxErrors.find((p) => /Unclosed string/.test(p.message));
    assert.ok(unclosed);
    assert.equal(slice(text, unclosed.range), '"abc');
  });

  it('accepts comments without complaint, reads past a trailing comma and reports it', () => {
    const text = '{\n  // a job\n  "virtualClusterId": "v",\n  "name": "x",\n}';
    const parsed = parseJsonFile(text);
    const [problem, ...others] = parsed.syntaxErrors;
    assert.ok(problem);
    assert.deepEqual(others, []);
    assert.deepEqual(problem.range, { start: text.lastIndexOf(','), end: text.lastIndexOf(',') + 1 });
    assert.match(problem.message, /Trailing comma/);
    assert.equal(onlyJob(parsed).facts.name, 'x');
  });

  it('keeps a property with a missing value as an empty entry', () => {
    const text =
      '{"virtualClusterId": "v", "configurationOverrides": {"applicationConfiguration": [{"classification": "spark-defaults", "properties": {"spark.a": }}]}}';
    const parsed = parseJsonFile(text);
    const entry = entriesFor(onlyJob(parsed), 'spark.a')[0];
    assert.equal(entry.value, '');
    assert.equal(entry.valueRange.start, entry.valueRange.end);
    assert.equal(text[entry.valueRange.start - 1], ':');
    assert.ok(parsed.syntaxErrors.length > 0);
  });
});
