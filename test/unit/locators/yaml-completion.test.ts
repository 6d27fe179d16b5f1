import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlFile, yamlCompletionContext } from '../../../server/src/engine/locators/yaml';
import type { CompletionContext } from '../../../server/src/engine/model';
import { caret } from '../../support/caret';

function contextAt(fixture: string): { text: string; context: CompletionContext | undefined } {
  const { text, offset } = caret(fixture);
  return { text, context: yamlCompletionContext(text, parseYamlFile(text), offset) };
}

function app(confLines: string[], tail: string[] = ['  executor:', '    cores: 2']): string {
  return [
    'apiVersion: sparkoperator.k8s.io/v1beta2',
    'kind: SparkApplication',
    'metadata:',
    '  name: a',
    'spec:',
    '  sparkConf:',
    ...confLines,
    ...tail,
    '',
  ].join('\n');
}

function expectKey(fixture: string, replaced: string, prefix: string): void {
  const { text, context } = contextAt(fixture);
  assert.equal(context?.kind, 'key', fixture);
  if (context?.kind !== 'key') return;
  assert.equal(context.style, 'yaml-key');
  assert.equal(context.prefix, prefix);
  assert.equal(text.slice(context.replace.start, context.replace.end), replaced);
  assert.equal(context.container.kind, 'yaml-spark-conf');
}

function expectValue(fixture: string, key: string, replaced: string, prefix: string): void {
  const { text, context } = contextAt(fixture);
  assert.equal(context?.kind, 'value', fixture);
  if (context?.kind !== 'value') return;
  assert.equal(context.style, 'yaml-scalar');
  assert.equal(context.key, key);
  assert.equal(context.prefix, prefix);
  assert.equal(text.slice(context.replace.start, context.replace.end), replaced);
}

function expectNothing(fixture: string): void {
  assert.equal(contextAt(fixture).context, undefined, fixture);
}

test('key being typed without a colon', () => {
  expectKey(app(['    spark.a: "1"', '    spark.dyn|']), 'spark.dyn', 'spark.dyn');
  expectKey(app(['    spark.dyn|', '    spark.a: "1"']), 'spark.dyn', 'spark.dyn');
});

test('cursor in the middle of an existing key replaces the whole key', () => {
  expectKey(
    app(['    spark.dynamicAll|ocation.enabled: "true"']),
    'spark.dynamicAllocation.enabled',
    'spark.dynamicAll',
  );
  expectKey(app(['    |spark.a: "1"']), 'spark.a', '');
});

test('quoted keys, closed or not', () => {
  expectKey(app(['    "spark.dyn|']), 'spark.dyn', 'spark.dyn');
  expectKey(app(['    "spark.dyn|": "1"']), 'spark.dyn', 'spark.dyn');
  expectKey(app(["    'spark.exec|utor.cores': '4'"]), 'spark.executor.cores', 'spark.exec');
});

test('blank line inside sparkConf at the entries indentation', () => {
  const { text, offset } = caret(app(['    spark.a: "1"', '    |', '    spark.b: "2"']));
  const context = yamlCompletionContext(text, parseYamlFile(text), offset);
  assert.equal(context?.kind, 'key');
  if (context?.kind !== 'key') return;
  assert.equal(context.prefix, '');
  assert.deepEqual(context.replace, { start: offset, end: offset });
  // Trailing blank line right after the map, before the next spec field.
  expectKey(app(['    spark.a: "1"', '    |']), '', '');
  // Wrong indentation: that is spec level, not sparkConf.
  expectNothing(app(['    spark.a: "1"', '  |']));
  expectNothing(app(['    spark.a: "1"', '      |']));
});

test('first key under an empty sparkConf', () => {
  expectKey(app(['    spark.d|'], ['  type: Scala']), 'spark.d', 'spark.d');
  expectKey(app(['    |'], ['  type: Scala']), '', '');
});

test('values: quoted, plain, empty', () => {
  expectValue(app(['    spark.executor.cores: "|"']), 'spark.executor.cores', '', '');
  expectValue(app(['    spark.executor.cores: "4|"']), 'spark.executor.cores', '4', '4');
  expectValue(app(['    spark.dynamicAllocation.enabled: tr|']), 'spark.dynamicAllocation.enabled', 'tr', 'tr');
  expectValue(
    app(['    spark.dynamicAllocation.enabled: t|rue  # note']),
    'spark.dynamicAllocation.enabled',
    'true',
    't',
  );
  expectValue(app(['    "spark.executor.memory": \'|4g\'']), 'spark.executor.memory', '4g', '');
  const { text, offset } = caret(app(['    spark.executor.cores: |']));
  const context = yamlCompletionContext(text, parseYamlFile(text), offset);
  assert.equal(context?.kind, 'value');
  assert.deepEqual(context?.replace, { start: offset, end: offset });
});

test('outside sparkConf: nothing', () => {
  expectNothing(app(['    spark.a: "1"'], ['  executor:', '    cor|es: 2']));
  expectNothing(app(['    spark.a: "1"'], ['  type: Sc|ala']));
  expectNothing(app(['    spark.a: "1"', '    # a comm|ent']));
  expectNothing(app(['    spark.a: "1"']).replace('name: a', 'name: a|'));
  expectNothing(app(['    spark.a: "1"']).replace('  sparkConf:', '  spark|Conf:'));
  expectNothing(app(['    spark.a: "1" |']));
  expectNothing(app(['    spark.a: "1"|']));
});

test('no sparkConf map, or not a SparkApplication: nothing', () => {
  expectNothing('kind: SparkApplication\nspec:\n  executor:\n    |\n');
  expectNothing('kind: ConfigMap\ndata:\n  sparkConf:\n    spark.d|\n');
  expectNothing('services:\n  sparkConf:\n    spark.d|\n');
});

test('ScheduledSparkApplication and later documents', () => {
  const scheduled = [
    'kind: StorageClass',
    'metadata:',
    '  name: x',
    '---',
    'kind: ScheduledSparkApplication',
    'spec:',
    '  template:',
    '    sparkConf:',
    '      spark.exec|',
    '    type: Scala',
    '',
  ].join('\n');
  const { text, offset } = caret(scheduled);
  const parsed = parseYamlFile(text);
  const context = yamlCompletionContext(text, parsed, offset);
  assert.equal(context?.kind, 'key');
  assert.equal(context?.job, parsed.jobs[0]);
  assert.equal(context?.kind === 'key' ? context.container : undefined, parsed.jobs[0]?.containers[0]);
  assert.equal(context?.prefix, 'spark.exec');
});

test('works on a copy of the parse result (no shared identity)', () => {
  const { text, offset } = caret(app(['    spark.a: "1"', '    spark.dyn|']));
  const copy = structuredClone(parseYamlFile(text));
  const context = yamlCompletionContext(text, copy, offset);
  assert.equal(context?.kind, 'key');
  assert.equal(context?.job, copy.jobs[0]);
  assert.equal(context?.prefix, 'spark.dyn');
});
