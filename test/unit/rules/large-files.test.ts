// Regression tests for the scaling fixes found by the benchmark: results stay the same, and a large job no longer
// takes quadratic time (line numbers in messages, effective values per key, properties per classification).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { effectiveValue, isIgnoredByOperator } from '../../../server/src/engine/effective';
import { lineNumberAt } from '../../../server/src/engine/line-index';
import { parseFile } from '../../../server/src/engine/locators/index';
import type { ConfigEntry, JobConfig } from '../../../server/src/engine/model';
import { analyze } from '../../../server/src/engine/rules/index';
import { compareVersions } from '../../../server/src/engine/version';
import { run } from './helpers';

const EXAMPLES = join(__dirname, '../../../examples');

function naiveLine(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

test('lineNumberAt agrees with counting line breaks, also when texts alternate', () => {
  const a = 'one\ntwo\n\nfour\r\nfive';
  const b = '\n\nx\ny';
  for (const offset of [-3, 0, 1, 3, 4, 8, 9, 10, 15, a.length, a.length + 5]) {
    assert.equal(lineNumberAt(a, offset), naiveLine(a, offset), `a @ ${offset}`);
    assert.equal(lineNumberAt(b, Math.min(offset, 6)), naiveLine(b, Math.min(offset, 6)), `b @ ${offset}`);
  }
  // Two different strings with the same content are treated alike.
  assert.equal(lineNumberAt(`${'x\n'.repeat(3)}`, 6), 4);
  assert.equal(lineNumberAt(['x\n', 'x\n', 'x\n'].join(''), 5), 3);
});

test('effectiveValue with pre-grouped entries equals the plain scan, for every key of every example job', () => {
  // Every file, examples/mistakes/ included.
  const names = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((name) =>
    statSync(join(EXAMPLES, name)).isFile(),
  );
  assert.ok(names.some((name) => name.startsWith('mistakes')));
  for (const name of names) {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const parsed = parseFile({ fileName: name, text });
    for (const job of parsed.jobs) {
      const byKey = group(job);
      const keys = new Set([
        ...job.entries.map((e) => e.key),
        'spark.dynamicAllocation.maxExecutors',
        'spark.executor.instances',
      ]);
      for (const key of keys) {
        assert.deepEqual(
          effectiveValue(job, key, '3.5.1', (k) => byKey.get(k) ?? []),
          effectiveValue(job, key, '3.5.1'),
          `${name}: ${key}`,
        );
      }
    }
  }
});

function group(job: JobConfig): Map<string, ConfigEntry[]> {
  const byKey = new Map<string, ConfigEntry[]>();
  for (const entry of job.entries) {
    if (isIgnoredByOperator(job, entry)) continue;
    byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
  }
  return byKey;
}

test('emr-too-many-properties counts each classification on its own', () => {
  const props = (from: number, count: number): string =>
    Array.from({ length: count }, (_, i) => `"spark.hadoop.k${from + i}": "v"`).join(', ');
  const text = `{
  "releaseLabel": "emr-7.2.0-latest",
  "virtualClusterId": "abc",
  "configurationOverrides": { "applicationConfiguration": [
    { "classification": "spark-defaults", "properties": { ${props(0, 60)} } },
    { "classification": "spark-defaults", "properties": { ${props(100, 101)} } },
    { "classification": "spark-defaults", "properties": { ${props(300, 100)} } }
  ] }
}`;
  assert.deepEqual(run('job.json', text).spans('emr-too-many-properties'), ['spark.hadoop.k200']);
});

test('compareVersions still orders versions numerically', () => {
  assert.ok(compareVersions('3.10.0', '3.9.9') > 0);
  assert.equal(compareVersions('3.5', '3.5.0'), 0);
  assert.ok(compareVersions('3.4.1', '3.4.10') < 0);
});

test('an EMR job with thousands of properties and duplicates is analysed within a generous bound (hang guard)', () => {
  const members: string[] = [];
  for (let i = 0; i < 4000; i++) {
    members.push(
      i % 10 === 0 ? `"spark.dynamicAllocation.maxExecutors": "${i}"` : `"spark.hadoop.setting${i}": "${i}"`,
    );
  }
  const blocks: string[] = [];
  for (let i = 0; i < members.length; i += 80) {
    blocks.push(`{ "classification": "spark-defaults", "properties": {\n${members.slice(i, i + 80).join(',\n')}\n} }`);
  }
  const text = `{ "releaseLabel": "emr-7.2.0-latest", "virtualClusterId": "abc",\n"configurationOverrides": { "applicationConfiguration": [\n${blocks.join(',\n')}\n] } }`;
  const findings = analyze({ text, parsed: parseFile({ fileName: 'big.json', text }) });
  assert.equal(findings.filter((f) => f.ruleId === 'duplicate-key').length, 399);
});
