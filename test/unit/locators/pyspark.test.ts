import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePyspark, pysparkCompletionContext } from '../../../server/src/engine/locators/pyspark';
import type { CompletionContext, ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { caret } from '../../support/caret';

const slice = (text: string, range: Range): string => text.slice(range.start, range.end);

function onlyJob(text: string): JobConfig {
  const parsed = parsePyspark(text);
  assert.equal(parsed.format, 'python');
  assert.equal(parsed.jobs.length, 1);
  return parsed.jobs[0] as JobConfig;
}

function byKey(job: JobConfig, key: string): ConfigEntry {
  const found = job.entries.filter((e) => e.key === key);
  assert.equal(found.length, 1, key);
  return found[0] as ConfigEntry;
}

const APP = `from pyspark.sql import SparkSession
# spark-dra: sparkVersion=3.4.1

spark = (
    SparkSession.builder
    .appName("etl")
    .config("spark.dynamicAllocation.enabled", "true")
    .config('spark.dynamicAllocation.maxExecutors', '20')
    .config(key="spark.executor.cores", value="4")
    .config("spark.dynamicAllocation.minExecutors", 2)
    .config("spark.dynamicAllocation.shuffleTracking.enabled", True)
    # .config("spark.commented.out", "x")
    .config("spark.executor.memory", memory)
    .getOrCreate()
)
note = ".config('spark.in.a.string', 'x')"
spark.conf.set("spark.sql.shuffle.partitions", "64")
`;

test('config calls in a builder chain with exact ranges', () => {
  const job = onlyJob(APP);
  assert.equal(job.kind, 'pyspark');
  assert.equal(job.facts.platform, 'unknown');
  assert.deepEqual(job.range, { start: 0, end: APP.length });
  const expected: [string, string, boolean][] = [
    ['spark.dynamicAllocation.enabled', 'true', false],
    ['spark.dynamicAllocation.maxExecutors', '20', false],
    ['spark.executor.cores', '4', false],
    ['spark.dynamicAllocation.minExecutors', '2', true],
    ['spark.dynamicAllocation.shuffleTracking.enabled', 'true', true],
    ['spark.sql.shuffle.partitions', '64', false],
  ];
  assert.deepEqual(
    job.entries.map((e) => e.key),
    expected.map(([key]) => key),
  );
  expected.forEach(([key, value, nonString], index) => {
    const entry = byKey(job, key);
    assert.equal(entry.origin, 'pyspark-config');
    assert.equal(entry.rank, index);
    assert.equal(slice(APP, entry.keyRange), key);
    assert.equal(entry.value, value);
    assert.equal(entry.nonStringValue === true, nonString, key);
  });
  assert.equal(slice(APP, byKey(job, 'spark.dynamicAllocation.maxExecutors').valueRange), '20');
  assert.equal(APP[byKey(job, 'spark.dynamicAllocation.maxExecutors').valueRange.start - 1], "'");
  assert.equal(slice(APP, byKey(job, 'spark.dynamicAllocation.minExecutors').valueRange), '2');
  assert.equal(slice(APP, byKey(job, 'spark.dynamicAllocation.shuffleTracking.enabled').valueRange), 'True');
  assert.equal(slice(APP, byKey(job, 'spark.executor.cores').valueRange), '4');
});

test('comments, other strings and non-literal values are not entries', () => {
  const job = onlyJob(APP);
  const keys = job.entries.map((e) => e.key);
  assert.ok(!keys.includes('spark.commented.out'));
  assert.ok(!keys.includes('spark.in.a.string'));
  assert.ok(!keys.includes('spark.executor.memory'));
  const docstring = 'def f():\n    """\n    .config("spark.a", "1")\n    """\n    return 1\n';
  assert.deepEqual(parsePyspark(docstring).jobs, []);
});

test('the builder chain is the container, with the indentation of its .config lines', () => {
  const job = onlyJob(APP);
  const container = job.containers[0];
  assert.equal(container?.kind, 'pyspark-builder');
  const chain = slice(APP, container?.range ?? { start: 0, end: 0 });
  assert.ok(chain.startsWith('SparkSession.builder'), chain);
  assert.ok(chain.endsWith('.getOrCreate()'), chain);
  assert.equal(container?.indent, '    ');

  const oneLine = 'spark = SparkSession.builder.master("local").config("a.b", "c").getOrCreate()\n';
  const c2 = onlyJob(oneLine).containers[0];
  assert.equal(
    slice(oneLine, c2?.range ?? { start: 0, end: 0 }),
    'SparkSession.builder.master("local").config("a.b", "c").getOrCreate()',
  );
  assert.equal(c2?.indent, undefined);

  const backslash = 'spark = SparkSession.builder \\\n        .config("a.b", "c") \\\n        .getOrCreate()\nx = 1\n';
  const c3 = onlyJob(backslash).containers[0];
  assert.ok(slice(backslash, c3?.range ?? { start: 0, end: 0 }).endsWith('.getOrCreate()'));
  assert.equal(c3?.indent, '        ');
});

test('a file without config calls has no job', () => {
  for (const text of [
    '',
    'import os\nprint("hello")\n',
    'spark = SparkSession.builder.getOrCreate()\n',
    'config("a", "b")\n',
  ]) {
    const parsed = parsePyspark(text);
    assert.deepEqual(parsed.jobs, [], text);
    assert.deepEqual(parsed.syntaxErrors, []);
  }
});

test('conf.set only: a job with entries but no builder container', () => {
  const text = "spark.conf.set('spark.sql.adaptive.enabled', 'false')\n";
  const job = onlyJob(text);
  assert.equal(byKey(job, 'spark.sql.adaptive.enabled').value, 'false');
  assert.deepEqual(job.containers, []);
});

test('string prefixes, escapes and negative numbers', () => {
  const text =
    'b = SparkSession.builder.config(r"spark.a", "x\\ty").config("spark.b", -1).config(u\'spark.c\', b"z")\n';
  const job = onlyJob(text);
  assert.equal(byKey(job, 'spark.a').value, 'x\ty');
  assert.equal(slice(text, byKey(job, 'spark.a').valueRange), 'x\\ty');
  assert.equal(byKey(job, 'spark.b').value, '-1');
  assert.equal(slice(text, byKey(job, 'spark.b').valueRange), '-1');
  assert.equal(byKey(job, 'spark.c').value, 'z');
});

test('version comment and suppression comments', () => {
  const text = [
    'spark = (SparkSession.builder',
    '    # spark-dra-disable-next-line some-rule',
    '    .config("spark.a", "1")',
    '    .config("spark.b", "2")  # spark-dra-disable-line',
    '    .getOrCreate())',
    '',
  ].join('\n');
  const parsed = parsePyspark(text);
  assert.equal(parsed.suppressions.length, 2);
  assert.equal(slice(text, parsed.suppressions[0]?.appliesTo ?? { start: 0, end: 0 }), '    .config("spark.a", "1")');
  assert.deepEqual(parsed.suppressions[0]?.rules, ['some-rule']);
  assert.equal(
    slice(text, parsed.suppressions[1]?.appliesTo ?? { start: 0, end: 0 }),
    '    .config("spark.b", "2")  # spark-dra-disable-line',
  );
  assert.equal(onlyJob(APP).sparkVersion?.version, '3.4.1');
  assert.equal(slice(APP, onlyJob(APP).sparkVersion?.range ?? { start: 0, end: 0 }), '3.4.1');
});

test('half-typed calls: an unterminated key, a missing value', () => {
  const text = 'spark = SparkSession.builder.config("spark.dyn\n';
  const job = onlyJob(text);
  assert.equal(byKey(job, 'spark.dyn').value, '');
  assert.equal(slice(text, byKey(job, 'spark.dyn').keyRange), 'spark.dyn');
  const missing = 'spark = SparkSession.builder.config("spark.a", ).getOrCreate()\n';
  const entry = byKey(onlyJob(missing), 'spark.a');
  assert.equal(entry.value, '');
  assert.equal(entry.valueRange.start, entry.valueRange.end);
});

function complete(fixture: string): { text: string; context: CompletionContext | undefined } {
  const { text, offset } = caret(fixture);
  return { text, context: pysparkCompletionContext(text, parsePyspark(text), offset) };
}

test('completion: inside the first string argument is a key', () => {
  for (const [fixture, replaced, prefix] of [
    ['s = SparkSession.builder.config("spark.dyn|")', 'spark.dyn', 'spark.dyn'],
    ["s = SparkSession.builder.config('spark.dyn|", 'spark.dyn', 'spark.dyn'],
    ['s = SparkSession.builder.config("|", "1")', '', ''],
    [
      's = SparkSession.builder.config("spark.dynamicAll|ocation.enabled", "1")',
      'spark.dynamicAllocation.enabled',
      'spark.dynamicAll',
    ],
    ['s = SparkSession.builder.config(key="spark.e|", value="1")', 'spark.e', 'spark.e'],
    ['spark.conf.set("spark.sql.|", "1")', 'spark.sql.', 'spark.sql.'],
  ] as const) {
    const { text, context } = complete(fixture);
    assert.equal(context?.kind, 'key', fixture);
    assert.equal(context?.kind === 'key' ? context.style : '', 'python-string');
    assert.equal(context?.prefix, prefix, fixture);
    assert.equal(slice(text, context?.replace ?? { start: -1, end: -1 }), replaced, fixture);
  }
});

test('completion: inside the second string argument is a value for that key', () => {
  for (const [fixture, key, replaced, prefix] of [
    [
      's = SparkSession.builder.config("spark.dynamicAllocation.enabled", "tr|")',
      'spark.dynamicAllocation.enabled',
      'tr',
      'tr',
    ],
    ["s = SparkSession.builder.config('spark.executor.cores', '|')", 'spark.executor.cores', '', ''],
    ['s = SparkSession.builder.config(value="1|6", key="spark.executor.cores")', 'spark.executor.cores', '16', '1'],
  ] as const) {
    const { text, context } = complete(fixture);
    assert.equal(context?.kind, 'value', fixture);
    if (context?.kind !== 'value') continue;
    assert.equal(context.style, 'python-string');
    assert.equal(context.key, key);
    assert.equal(context.prefix, prefix);
    assert.equal(slice(text, context.replace), replaced);
  }
});

test('completion: nothing outside config strings', () => {
  for (const fixture of [
    's = SparkSession.builder.config("spark.a", "1")\nprint("spark.|")',
    's = SparkSession.builder.config("spark.a", "1")  # "spark.|"',
    's = SparkSession.builder.conf|ig("spark.a", "1")',
    's = SparkSession.builder.config("spark.a"|, "1")',
    's = SparkSession.builder.appName("x|").config("spark.a", "1")',
  ]) {
    assert.equal(complete(fixture).context, undefined, fixture);
  }
});

test('every prefix of a sample: no throw, ranges inside the text', () => {
  for (let length = 0; length <= APP.length; length++) {
    const text = APP.slice(0, length);
    const parsed = parsePyspark(text);
    for (const job of parsed.jobs) {
      for (const entry of job.entries) {
        for (const range of [entry.keyRange, entry.valueRange]) {
          assert.ok(
            range.start >= 0 && range.start <= range.end && range.end <= text.length,
            `${entry.key} @${length}`,
          );
        }
      }
      for (const container of job.containers)
        assert.ok(container.range.end <= text.length && container.range.start >= 0);
    }
    for (const s of parsed.suppressions) assert.ok(s.appliesTo.end <= text.length && s.range.end <= text.length);
    const context = pysparkCompletionContext(text, parsed, length);
    if (context) assert.ok(context.replace.start <= length && context.replace.end <= text.length);
  }
  const full = parsePyspark(APP);
  for (let offset = 0; offset <= APP.length; offset++) {
    const context = pysparkCompletionContext(APP, full, offset);
    if (context) assert.ok(context.replace.start <= offset && offset <= context.replace.end);
  }
});
