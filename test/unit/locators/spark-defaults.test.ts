import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSparkDefaults, sparkDefaultsCompletionContext } from '../../../server/src/engine/locators/spark-defaults';
import type { CompletionContext, ConfigEntry, JobConfig, Range } from '../../../server/src/engine/model';
import { caret } from '../../support/caret';

const slice = (text: string, range: Range): string => text.slice(range.start, range.end);

function onlyJob(text: string): JobConfig {
  const parsed = parseSparkDefaults(text);
  assert.equal(parsed.format, 'spark-defaults');
  assert.equal(parsed.jobs.length, 1);
  return parsed.jobs[0] as JobConfig;
}

function entryAt(job: JobConfig, index: number): ConfigEntry {
  const entry = job.entries[index];
  assert.ok(entry, `no entry ${index}`);
  return entry;
}

test('separators: whitespace, =, :, and mixtures; values are trimmed', () => {
  const text = [
    'spark.a 1',
    'spark.b=2',
    'spark.c:3',
    'spark.d   =   four  ',
    '  spark.e\t:\tfive',
    'spark.f\t\tsix words here',
    'spark.g = a=b:c',
    '',
  ].join('\n');
  const job = onlyJob(text);
  const expected = [
    ['spark.a', '1'],
    ['spark.b', '2'],
    ['spark.c', '3'],
    ['spark.d', 'four'],
    ['spark.e', 'five'],
    ['spark.f', 'six words here'],
    ['spark.g', 'a=b:c'],
  ];
  assert.equal(job.entries.length, expected.length);
  expected.forEach(([key, value], index) => {
    const entry = entryAt(job, index);
    assert.equal(entry.key, key);
    assert.equal(entry.value, value);
    assert.equal(slice(text, entry.keyRange), key);
    assert.equal(slice(text, entry.valueRange), value);
    assert.equal(entry.origin, 'conf-line');
    assert.equal(entry.rank, index);
  });
});

test('comments (# and !) and blank lines are skipped; later lines win', () => {
  const text = '# header\n\n   ! also a comment\nspark.a 1\n  # indented comment\nspark.a 2\n';
  const job = onlyJob(text);
  assert.equal(job.entries.length, 2);
  const [first, second] = job.entries;
  assert.ok((second?.rank ?? 0) > (first?.rank ?? 0));
  assert.equal(second?.value, '2');
  // A # after a value is part of the value, as in Java properties files.
  const trailing = onlyJob('spark.a 1 # not a comment\n');
  assert.equal(entryAt(trailing, 0).value, '1 # not a comment');
});

test('half-typed lines are entries with an empty value', () => {
  const text = 'spark.a 1\nspark.dyn\nspark.b=\n';
  const job = onlyJob(text);
  const half = entryAt(job, 1);
  assert.equal(half.key, 'spark.dyn');
  assert.equal(half.value, '');
  assert.equal(half.valueRange.start, half.valueRange.end);
  assert.equal(half.valueRange.start, text.indexOf('spark.dyn') + 'spark.dyn'.length);
  const emptyAfterEquals = entryAt(job, 2);
  assert.equal(emptyAfterEquals.value, '');
  assert.equal(emptyAfterEquals.valueRange.start, text.indexOf('spark.b=') + 'spark.b='.length);
});

test('continuation lines and escapes, as Java properties read them', () => {
  const text =
    'spark.driver.extraJavaOptions -Da=1 \\\n    -Db=2\nspark.x\\:y  v\\tw\nspark.c  \\u0041\r\nspark.d 4\r\n';
  const job = onlyJob(text);
  const opts = entryAt(job, 0);
  assert.equal(opts.value, '-Da=1 -Db=2');
  assert.equal(slice(text, opts.valueRange), '-Da=1 \\\n    -Db=2');
  const escaped = entryAt(job, 1);
  assert.equal(escaped.key, 'spark.x:y');
  assert.equal(slice(text, escaped.keyRange), 'spark.x\\:y');
  assert.equal(escaped.value, 'v\tw');
  assert.equal(entryAt(job, 2).value, 'A');
  assert.equal(slice(text, entryAt(job, 3).valueRange), '4');
});

test('job shape: kind, platform, container, range', () => {
  const text = 'spark.a 1\n';
  const job = onlyJob(text);
  assert.equal(job.kind, 'spark-defaults');
  assert.equal(job.facts.platform, 'unknown');
  assert.deepEqual(job.range, { start: 0, end: text.length });
  assert.deepEqual(job.containers, [{ kind: 'conf-file', range: { start: 0, end: text.length } }]);
  assert.equal(job.sparkVersion, undefined);
  const empty = onlyJob('');
  assert.deepEqual(empty.entries, []);
});

test('version comment and suppressions', () => {
  const text = [
    '# spark-dra: sparkVersion=3.3.2',
    '# spark-dra-disable-next-line dra-needs-shuffle-tracking',
    'spark.dynamicAllocation.enabled true',
    'spark.executor.cores 4',
    '',
  ].join('\n');
  const parsed = parseSparkDefaults(text);
  const job = parsed.jobs[0];
  assert.equal(job?.sparkVersion?.version, '3.3.2');
  assert.equal(job?.sparkVersion?.from, 'comment');
  assert.equal(slice(text, job?.sparkVersion?.range ?? { start: 0, end: 0 }), '3.3.2');
  assert.equal(parsed.suppressions.length, 1);
  assert.deepEqual(parsed.suppressions[0]?.rules, ['dra-needs-shuffle-tracking']);
  assert.equal(
    slice(text, parsed.suppressions[0]?.appliesTo ?? { start: 0, end: 0 }),
    'spark.dynamicAllocation.enabled true',
  );
});

function complete(fixture: string): { text: string; context: CompletionContext | undefined } {
  const { text, offset } = caret(fixture);
  return { text, context: sparkDefaultsCompletionContext(text, parseSparkDefaults(text), offset) };
}

test('completion: key part of a line', () => {
  for (const [fixture, replaced, prefix] of [
    ['spark.a 1\nspark.dyn|\n', 'spark.dyn', 'spark.dyn'],
    ['spark.dynamic|Allocation.enabled true\n', 'spark.dynamicAllocation.enabled', 'spark.dynamic'],
    ['|spark.a=1', 'spark.a', ''],
    ['spark.a 1\n|\nspark.b 2', '', ''],
    ['spark.a 1\n|', '', ''],
    ['|', '', ''],
  ] as const) {
    const { text, context } = complete(fixture);
    assert.equal(context?.kind, 'key', fixture);
    assert.equal(context?.kind === 'key' ? context.style : '', 'conf-line');
    assert.equal(context?.prefix, prefix, fixture);
    assert.equal(slice(text, context?.replace ?? { start: -1, end: -1 }), replaced, fixture);
  }
});

test('completion: value after the separator', () => {
  for (const [fixture, key, replaced, prefix] of [
    ['spark.dynamicAllocation.enabled tr|', 'spark.dynamicAllocation.enabled', 'tr', 'tr'],
    ['spark.executor.cores=|4', 'spark.executor.cores', '4', ''],
    ['spark.executor.cores : 1|6  ', 'spark.executor.cores', '16', '1'],
    ['spark.executor.cores |', 'spark.executor.cores', '', ''],
    ['spark.executor.cores=|\n', 'spark.executor.cores', '', ''],
  ] as const) {
    const { text, context } = complete(fixture);
    assert.equal(context?.kind, 'value', fixture);
    if (context?.kind !== 'value') continue;
    assert.equal(context.key, key);
    assert.equal(context.prefix, prefix, fixture);
    assert.equal(slice(text, context.replace), replaced, fixture);
  }
});

test('completion: nothing in comments or in the blank run before a value', () => {
  assert.equal(complete('# spark.dyn|').context, undefined);
  assert.equal(complete('  ! spark.dyn|').context, undefined);
  assert.equal(complete('  |# comment').context, undefined);
  assert.equal(complete('spark.a |  4').context, undefined);
});

const SAMPLE = `# spark-dra: sparkVersion=3.5.1
# spark-dra-disable-next-line a, b
spark.dynamicAllocation.enabled         true
spark.dynamicAllocation.minExecutors=1
spark.dynamicAllocation.maxExecutors : 20
! legacy comment
spark.driver.extraJavaOptions  -Dx=1 \\
   -Dy=2
spark.key\\ with\\ space   v\\u00e9
spark.dyn
`;

test('every prefix of a sample: no throw, ranges inside the text, completion at the end is sane', () => {
  for (let length = 0; length <= SAMPLE.length; length++) {
    const text = SAMPLE.slice(0, length);
    const parsed = parseSparkDefaults(text);
    assert.equal(parsed.jobs.length, 1);
    for (const entry of parsed.jobs[0]?.entries ?? []) {
      for (const range of [entry.keyRange, entry.valueRange]) {
        assert.ok(range.start >= 0 && range.start <= range.end && range.end <= text.length, `${entry.key} @${length}`);
      }
    }
    for (const s of parsed.suppressions) assert.ok(s.appliesTo.end <= text.length && s.range.end <= text.length);
    const context = sparkDefaultsCompletionContext(text, parsed, length);
    if (context) assert.ok(context.replace.start <= length && context.replace.end <= text.length);
  }
  const full = parseSparkDefaults(SAMPLE);
  for (let offset = 0; offset <= SAMPLE.length; offset++) {
    const context = sparkDefaultsCompletionContext(SAMPLE, full, offset);
    if (context) assert.ok(context.replace.start <= offset && context.replace.end <= SAMPLE.length);
  }
  const keys = full.jobs[0]?.entries.map((e) => e.key);
  assert.deepEqual(keys, [
    'spark.dynamicAllocation.enabled',
    'spark.dynamicAllocation.minExecutors',
    'spark.dynamicAllocation.maxExecutors',
    'spark.driver.extraJavaOptions',
    'spark.key with space',
    'spark.dyn',
  ]);
  assert.equal(full.jobs[0]?.entries[4]?.value, 'vé');
});
