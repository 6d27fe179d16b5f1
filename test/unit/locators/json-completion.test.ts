// Completion contexts of the JSON locator, with `|` marking the cursor in each fixture.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { jsonCompletionContext, parseJsonFile } from '../../../server/src/engine/locators/json';
import type { CompletionContext } from '../../../server/src/engine/model';
import { slice, withCaret } from './json-fixtures';

function contextAt(source: string): { text: string; offset: number; context: CompletionContext | undefined } {
  const { text, offset } = withCaret(source);
  return { text, offset, context: jsonCompletionContext(text, parseJsonFile(text), offset) };
}

function props(inner: string): string {
  return `{
  "virtualClusterId": "v",
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {${inner}}
      }
    ]
  }
}`;
}

function submit(parameters: string): string {
  return `{"virtualClusterId": "v", "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "e", "sparkSubmitParameters": "${parameters}"}}}`;
}

describe('JSON completion: properties objects', () => {
  it('inside a key string: the whole key is replaced, the prefix is what precedes the cursor', () => {
    const { text, context } = contextAt(props('\n          "spark.dyn|amic": "true"\n        '));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'json-key');
    assert.equal(context.prefix, 'spark.dyn');
    assert.equal(slice(text, context.replace), 'spark.dynamic');
    assert.equal(context.container.kind, 'json-properties');
    assert.equal(context.job.kind, 'emr-eks');
  });

  it('inside an empty key string that was just opened', () => {
    const { text, offset, context } = contextAt(props('\n          "spark.a": "1",\n          "|"\n        '));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'json-key');
    assert.equal(context.prefix, '');
    assert.deepEqual(context.replace, { start: offset, end: offset });
    assert.equal(slice(text, context.replace), '');
  });

  it('in an unclosed key string', () => {
    const { text, context } = contextAt(props('\n          "spark.a": "1",\n          "spark.dy|\n        '));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.dy');
    assert.equal(slice(text, context.replace), 'spark.dy');
  });

  it('inside a value string: the key is known', () => {
    const { text, context } = contextAt(props('\n          "spark.dynamicAllocation.enabled": "tr|ue"\n        '));
    assert.ok(context && context.kind === 'value');
    assert.equal(context.key, 'spark.dynamicAllocation.enabled');
    assert.equal(context.style, 'json-string');
    assert.equal(context.prefix, 'tr');
    assert.equal(slice(text, context.replace), 'true');
  });

  it('the key of a value context is decoded', () => {
    const { context } = contextAt(props(String.raw`"\u0073park.a": "|"`));
    assert.ok(context && context.kind === 'value');
    assert.equal(context.key, 'spark.a');
  });

  it('on an empty line between members: a whole member is written', () => {
    const { offset, context } = contextAt(
      props('\n          "spark.a": "1",\n          |\n          "spark.b": "2"\n        '),
    );
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'json-key-open');
    assert.deepEqual(context.replace, { start: offset, end: offset });
    assert.equal(context.prefix, '');
  });

  it('in an empty object and after the last member (comma missing)', () => {
    const empty = contextAt(props('\n          |\n        '));
    assert.equal(empty.context?.kind, 'key');
    assert.equal(empty.context?.kind === 'key' && empty.context.style, 'json-key-open');
    const afterLast = contextAt(props('\n          "spark.a": "1"\n          |\n        '));
    assert.equal(afterLast.context?.kind === 'key' && afterLast.context.style, 'json-key-open');
  });

  it('a bare word typed where a member goes is replaced by a quoted member', () => {
    const { text, context } = contextAt(props('\n          "spark.a": "1",\n          spark.dyn|\n        '));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'json-key-open');
    assert.equal(context.prefix, 'spark.dyn');
    assert.equal(slice(text, context.replace), 'spark.dyn');
  });

  it('nothing between a key and its colon, after a colon, or inside a comment', () => {
    assert.equal(contextAt(props('"spark.a"| : "1"')).context, undefined);
    assert.equal(contextAt(props('"spark.a": | "1"')).context, undefined);
    assert.equal(contextAt(props('\n  // a note |here\n')).context, undefined);
  });

  it('nothing in objects that are not spark-defaults properties', () => {
    const text = `{"virtualClusterId": "v", "configurationOverrides": {"applicationConfiguration": [{"classification": "spark-env", "properties": {"|": "x"}}]}}`;
    assert.equal(contextAt(text).context, undefined);
    assert.equal(contextAt('{"virtualClusterId": "v", "na|me": "x"}').context, undefined);
    assert.equal(contextAt('{"name": "pack|age"}').context, undefined);
  });

  it('works in capitalised configuration arrays', () => {
    const { context } = contextAt('[{"Classification": "spark-defaults", "Properties": {"spark.|"}}]');
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.');
    assert.equal(context.job.kind, 'emr-config');
  });
});

describe('JSON completion: sparkSubmitParameters', () => {
  it('after "--conf " with nothing typed', () => {
    const { offset, context } = contextAt(submit('--conf spark.a=1 --conf |'));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.style, 'submit-conf');
    assert.equal(context.container.kind, 'submit-parameters');
    assert.deepEqual(context.replace, { start: offset, end: offset });
  });

  it('a partial key at the end of the string', () => {
    const { text, context } = contextAt(submit('--conf spark.dyn|'));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.dyn');
    assert.equal(slice(text, context.replace), 'spark.dyn');
  });

  it('in the middle of a key that has a value: only the key is replaced', () => {
    const { text, context } = contextAt(submit('--conf spark.dyn|amicAllocation.enabled=true --num-executors 2'));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.dyn');
    assert.equal(slice(text, context.replace), 'spark.dynamicAllocation.enabled');
  });

  it('after "key=": a value for that key', () => {
    const { offset, context } = contextAt(submit('--conf spark.dynamicAllocation.enabled=| --conf spark.b=1'));
    assert.ok(context && context.kind === 'value');
    assert.equal(context.key, 'spark.dynamicAllocation.enabled');
    assert.equal(context.style, 'submit-conf');
    assert.deepEqual(context.replace, { start: offset, end: offset });
  });

  it('inside a partly typed value, quoted and escaped', () => {
    const { text, context } = contextAt(submit(String.raw`--conf spark.x=\"ab|c d\"`));
    assert.ok(context && context.kind === 'value');
    assert.equal(context.key, 'spark.x');
    assert.equal(context.prefix, 'ab');
    assert.equal(slice(text, context.replace), 'abc d');
  });

  it('in a key written with a \\u escape', () => {
    const { text, context } = contextAt(submit(String.raw`--conf \u0073park.e|x=1`));
    assert.ok(context && context.kind === 'key');
    assert.equal(context.prefix, 'spark.e');
    assert.equal(slice(text, context.replace), String.raw`\u0073park.ex`);
  });

  it('in --conf=key and in a flag value', () => {
    const inline = contextAt(submit('--conf=spark.ab|'));
    assert.ok(inline.context && inline.context.kind === 'key');
    assert.equal(inline.context.prefix, 'spark.ab');
    assert.equal(slice(inline.text, inline.context.replace), 'spark.ab');

    const flag = contextAt(submit('--executor-cores 1| --conf spark.a=1'));
    assert.ok(flag.context && flag.context.kind === 'value');
    assert.equal(flag.context.key, 'spark.executor.cores');
    assert.equal(slice(flag.text, flag.context.replace), '1');

    const flagEmpty = contextAt(submit('--num-executors |'));
    assert.ok(flagEmpty.context && flagEmpty.context.kind === 'value');
    assert.equal(flagEmpty.context.key, 'spark.executor.instances');
  });

  it('nothing on an option name, on "--conf" itself, or on arguments of other options', () => {
    assert.equal(contextAt(submit('--con|')).context, undefined);
    assert.equal(contextAt(submit('--conf| spark.a=1')).context, undefined);
    assert.equal(contextAt(submit('--class org.Ma|in')).context, undefined);
    assert.equal(contextAt(submit('--jars a.jar |')).context, undefined);
  });

  it('right after "--conf " when the next option follows: a fresh key, nothing replaced', () => {
    const { offset, context } = contextAt(submit('--conf |--num-executors 2'));
    assert.ok(context && context.kind === 'key');
    assert.deepEqual(context.replace, { start: offset, end: offset });
  });

  it('works in an unclosed parameters string', () => {
    const { text, context } = contextAt(
      '{"virtualClusterId": "v", "jobDriver": {"sparkSubmitJobDriver": {"sparkSubmitParameters": "--conf spark.dyn|\n}}}',
    );
    assert.ok(context && context.kind === 'key');
    assert.equal(slice(text, context.replace), 'spark.dyn');
  });
});

describe('JSON completion: releaseLabel', () => {
  const eks = (label: string) =>
    `{\n  "virtualClusterId": "v",\n  "releaseLabel": ${label},\n  "jobDriver": {"sparkSubmitJobDriver": {"sparkSubmitParameters": "--conf spark.a=1"}}\n}`;

  it('inside the label string: the whole text inside the quotes is replaced', () => {
    const { text, context } = contextAt(eks('"emr-7.|2.0-latest"'));
    assert.ok(context && context.kind === 'release-label');
    assert.equal(context.prefix, 'emr-7.');
    assert.equal(slice(text, context.replace), 'emr-7.2.0-latest');
    assert.equal(context.job.kind, 'emr-eks');
  });

  it('at either end of the label and in an empty label', () => {
    const atStart = contextAt(eks('"|emr-6.12.0-latest"'));
    assert.ok(atStart.context && atStart.context.kind === 'release-label');
    assert.equal(atStart.context.prefix, '');
    assert.equal(slice(atStart.text, atStart.context.replace), 'emr-6.12.0-latest');

    const atEnd = contextAt(eks('"emr-6.12.0-latest|"'));
    assert.ok(atEnd.context && atEnd.context.kind === 'release-label');
    assert.equal(atEnd.context.prefix, 'emr-6.12.0-latest');

    const empty = contextAt(eks('"|"'));
    assert.ok(empty.context && empty.context.kind === 'release-label');
    assert.deepEqual(empty.context.replace, { start: empty.offset, end: empty.offset });
  });

  it('in an unclosed label string', () => {
    const { text, context } = contextAt('{"virtualClusterId": "v", "releaseLabel": "emr-7|');
    assert.ok(context && context.kind === 'release-label');
    assert.equal(context.prefix, 'emr-7');
    assert.equal(slice(text, context.replace), 'emr-7');
  });

  it('in a job template and in an EMR Serverless application', () => {
    const template = contextAt(
      '{"jobTemplateData": {"releaseLabel": "emr-6.9.0-l|atest", "jobDriver": {"sparkSubmitJobDriver": {}}}}',
    );
    assert.ok(template.context && template.context.kind === 'release-label');
    assert.equal(slice(template.text, template.context.replace), 'emr-6.9.0-latest');

    const serverless = contextAt(
      '{"releaseLabel": "emr-7.|1.0", "runtimeConfiguration": [{"classification": "spark-defaults", "properties": {}}]}',
    );
    assert.ok(serverless.context && serverless.context.kind === 'release-label');
    assert.equal(serverless.context.job.kind, 'emr-serverless');
    assert.equal(slice(serverless.text, serverless.context.replace), 'emr-7.1.0');
  });

  it('nothing outside the label string, on its key, or on a label that is not a string', () => {
    assert.equal(contextAt(eks('|"emr-7.2.0-latest"')).context, undefined);
    assert.equal(contextAt(eks('"emr-7.2.0-latest"|')).context, undefined);
    assert.equal(contextAt(eks('"emr-7.2.0-latest" |')).context, undefined);
    assert.equal(contextAt('{"virtualClusterId": "v", "release|Label": "emr-7.2.0-latest"}').context, undefined);
    assert.equal(contextAt(eks('7|2')).context, undefined);
    assert.equal(contextAt(eks('|72')).context, undefined);
  });

  it('nothing in a releaseLabel that is not the job’s own', () => {
    const nested = `{"virtualClusterId": "v", "tags": {"releaseLabel": "emr-7.|2.0"}, "releaseLabel": "emr-7.2.0-latest"}`;
    assert.equal(contextAt(nested).context, undefined);
    assert.equal(contextAt('{"name": "x", "releaseLabel": "emr-7.|2.0"}').context, undefined, 'not an EMR job');
  });

  it('nothing in a spark-dra comment that gives the version instead of a label', () => {
    const text =
      '// spark-dra: sparkVersion=3.5|.1\n{"virtualClusterId": "v", "jobDriver": {"sparkSubmitJobDriver": {"sparkSubmitParameters": ""}}}';
    const { context } = contextAt(text);
    assert.equal(context, undefined);
  });
});
