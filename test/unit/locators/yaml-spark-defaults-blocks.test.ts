import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../../server/src/engine/locators';
import { parseYamlFile } from '../../../server/src/engine/locators/yaml';
import type { ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { analyze } from '../../../server/src/engine/rules';
import { insertKeyEdit } from '../../../server/src/engine/edits/insert-key';
import { complete } from '../../../server/src/engine/features/completion';

const slice = (text: string, range: Range | undefined): string => (range ? text.slice(range.start, range.end) : '');

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: spark-defaults
data:
  log4j2.properties: |
    rootLogger.level = info
  spark-defaults.conf: |
    # spark-dra: sparkVersion=3.5.1
    spark.dynamicAllocation.enable true
    spark.dynamicAllocation.maxExecutors   20

    spark.executor.memory=8g
  other: plain
`;

const VALUES = `# values.yaml of a chart
image:
  repository: apache/spark
spark:
  config:
    files:
      - name: defaults
        spark-defaults.conf: |-
            spark.executor.cores 4
            spark.dynamicAllocation.enabled  true
`;

function only(job: JobConfig, key: string): ConfigEntry {
  const found = job.entries.filter((entry) => entry.key === key);
  assert.equal(found.length, 1, `one entry for ${key}`);
  return found[0] as ConfigEntry;
}

test('ConfigMap data spark-defaults.conf: read as spark-defaults with ranges in the YAML text', () => {
  const parsed = parseYamlFile(CONFIG_MAP);
  assert.deepEqual(parsed.syntaxErrors, []);
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  assert.equal(job.kind, 'spark-defaults');
  assert.deepEqual(
    job.entries.map((entry) => [entry.key, entry.value]),
    [
      ['spark.dynamicAllocation.enable', 'true'],
      ['spark.dynamicAllocation.maxExecutors', '20'],
      ['spark.executor.memory', '8g'],
    ],
  );
  const max = only(job, 'spark.dynamicAllocation.maxExecutors');
  assert.equal(slice(CONFIG_MAP, max.keyRange), 'spark.dynamicAllocation.maxExecutors');
  assert.equal(slice(CONFIG_MAP, max.valueRange), '20');
  const memory = only(job, 'spark.executor.memory');
  assert.equal(slice(CONFIG_MAP, memory.valueRange), '8g');
  assert.equal(job.sparkVersion?.version, '3.5.1');
  assert.equal(job.containers[0]?.indent, '    ');
  assert.ok(slice(CONFIG_MAP, job.range).startsWith('    # spark-dra'));
  assert.ok(slice(CONFIG_MAP, job.range).endsWith('spark.executor.memory=8g'));
});

test('unknown-key: spark.dynamicAllocation.enable in a ConfigMap body → did-you-mean enabled', () => {
  const findings = analyze({ text: CONFIG_MAP, parsed: parseYamlFile(CONFIG_MAP) });
  const unknown = findings.filter((finding) => finding.ruleId === 'unknown-key');
  assert.equal(unknown.length, 1);
  assert.equal(slice(CONFIG_MAP, unknown[0]?.range), 'spark.dynamicAllocation.enable');
  assert.match(unknown[0]?.message ?? '', /Did you mean `spark\.dynamicAllocation\.enabled`/);
});

test('Helm values: a spark-defaults.conf key nested anywhere, deeper indentation and strip chomping', () => {
  const parsed = parseFile({ fileName: 'charts/spark/values.yaml', text: VALUES });
  assert.equal(parsed.jobs.length, 1);
  const job = parsed.jobs[0] as JobConfig;
  const cores = only(job, 'spark.executor.cores');
  assert.equal(slice(VALUES, cores.keyRange), 'spark.executor.cores');
  assert.equal(slice(VALUES, cores.valueRange), '4');
  const dra = only(job, 'spark.dynamicAllocation.enabled');
  assert.equal(slice(VALUES, dra.valueRange), 'true');
  assert.equal(job.containers[0]?.indent, '            ');
});

test('spark-defaults blocks: folded scalars, other keys and plain strings are not read', () => {
  const text = `kind: ConfigMap
data:
  spark-defaults.conf: >
    spark.executor.cores 4
  notes.conf: |
    spark.executor.cores 4
  spark-defaults.conf.bak: "spark.executor.cores 4"
`;
  assert.deepEqual(parseYamlFile(text).jobs, []);
});

test('spark-defaults blocks: suppression comments inside the body silence the next line', () => {
  const text = CONFIG_MAP.replace(
    '    spark.dynamicAllocation.enable true',
    '    # spark-dra-disable-next-line unknown-key\n    spark.dynamicAllocation.enable true',
  );
  const findings = analyze({ text, parsed: parseYamlFile(text) });
  assert.equal(findings.filter((finding) => finding.ruleId === 'unknown-key').length, 0);
});

test('spark-defaults blocks: a key added by a fix lands indented after the last line of the body', () => {
  const job = parseYamlFile(CONFIG_MAP).jobs[0] as JobConfig;
  const edit = insertKeyEdit(CONFIG_MAP, job, 'spark.executor.cores', '4');
  assert.ok(edit);
  const after = CONFIG_MAP.slice(0, edit.range.start) + edit.newText + CONFIG_MAP.slice(edit.range.end);
  assert.match(after, /spark\.executor\.memory=8g\n {4}spark\.executor\.cores 4\n {2}other: plain/);
  const reread = parseYamlFile(after).jobs[0] as JobConfig;
  assert.equal(only(reread, 'spark.executor.cores').value, '4');
});

test('spark-defaults blocks: completion offers keys on a body line and values after the key', () => {
  const keyAt = CONFIG_MAP.indexOf('spark.dynamicAllocation.maxExecutors') + 'spark.dyn'.length;
  const file = { fileName: 'cm.yaml', text: CONFIG_MAP };
  const parsed = parseFile(file);
  const keys = complete({ file, parsed, offset: keyAt, sparkVersionOf: () => '3.5.1' });
  const max = keys.find((item) => item.label === 'spark.dynamicAllocation.maxExecutors');
  assert.ok(max, 'the key is offered');
  assert.equal(slice(CONFIG_MAP, max.replace), 'spark.dynamicAllocation.maxExecutors');
  const valueAt = CONFIG_MAP.indexOf('true', CONFIG_MAP.indexOf('spark.dynamicAllocation.enable ')) + 2;
  const values = complete({ file, parsed, offset: valueAt, sparkVersionOf: () => '3.5.1' });
  assert.deepEqual(values, [], 'the unknown key has no value suggestions');
  const boolAt = VALUES.indexOf('true') + 1;
  const valuesFile = { fileName: 'values.yaml', text: VALUES };
  const boolValues = complete({
    file: valuesFile,
    parsed: parseFile(valuesFile),
    offset: boolAt,
    sparkVersionOf: () => '3.5.1',
  });
  assert.deepEqual(boolValues.map((item) => item.label).sort(), ['false', 'true']);
  // Outside the body (the ConfigMap's own keys) there is nothing to complete.
  const outside = complete({
    file,
    parsed,
    offset: CONFIG_MAP.indexOf('other: plain') + 2,
    sparkVersionOf: () => '3.5.1',
  });
  assert.deepEqual(outside, []);
});

test('spark-defaults blocks: key completion on a blank indented line at the end of the block', () => {
  const text = 'kind: ConfigMap\ndata:\n  spark-defaults.conf: |\n    spark.executor.cores 4\n    \n  other: x\n';
  const offset = text.indexOf('    \n') + 4;
  const file = { fileName: 'cm.yaml', text };
  const items = complete({ file, parsed: parseFile(file), offset, sparkVersionOf: () => '3.5.1' });
  const memory = items.find((item) => item.label === 'spark.executor.memory');
  assert.ok(memory, 'keys offered on the blank line');
  assert.equal(memory.replace.start, offset);
  assert.ok(!items.some((item) => item.label === 'spark.executor.cores'), 'written keys left out');
  const onNextKey = complete({
    file,
    parsed: parseFile(file),
    offset: text.indexOf('  other'),
    sparkVersionOf: () => '3.5.1',
  });
  assert.deepEqual(onNextKey, []);
});
