// Seeded fuzzing of the engine: every example and CLI fixture is mutated thousands of times in total (spans deleted,
// swapped or duplicated, syntax characters inserted, text truncated); for each mutant, parsing, analysis, completion
// and hover must not throw, and every range they return must lie inside the document. (Speed is measured by
// `npm run bench`, not here.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveSparkVersion } from '../../server/src/engine/effective';
import { complete } from '../../server/src/engine/features/completion';
import { hover } from '../../server/src/engine/features/hover';
import { detectFormat, parseFile } from '../../server/src/engine/locators/index';
import type { JobConfig, ParsedFile, Range } from '../../server/src/engine/model';
import { CHECK_FAMILIES } from '../../server/src/engine/rules/checks';
import { buildContext } from '../../server/src/engine/rules/context';
import { analyze } from '../../server/src/engine/rules/index';
import { mulberry32 } from '../../server/src/engine/workload/prng';

// Fixed for CI; set SPARK_DRA_FUZZ_SEED to explore other mutants (a failure message names the seed to replay).
const SEED = process.env.SPARK_DRA_FUZZ_SEED ? Number(process.env.SPARK_DRA_FUZZ_SEED) : 0x5eed_d4a;
const MUTANTS_PER_SOURCE = 260;
const ROOT = join(__dirname, '../..');
/** analyze() skips a rule that throws; the fuzzer runs them bare too, so such a throw is seen rather than hidden. */
const RULE_FAMILIES = CHECK_FAMILIES;

/** The engine's seeded generator (mulberry32), so runs are the same on every machine. */
const prng = mulberry32;

interface Source {
  name: string;
  text: string;
}

function sources(): Source[] {
  const found: Source[] = [];
  for (const dir of ['examples', 'test/fixtures/cli']) {
    let names: string[];
    try {
      names = readdirSync(join(ROOT, dir)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!detectFormat({ fileName: name })) continue;
      found.push({ name, text: readFileSync(join(ROOT, dir, name), 'utf8') });
    }
  }
  // Inline fixtures for corners the examples do not reach: suppressions, volumes, flags, version comments, CRLF.
  found.push({
    name: 'inline.spark-defaults.conf',
    text: [
      '# spark-dra: sparkVersion=3.3.2',
      'spark.dynamicAllocation.enabled true',
      '# spark-dra-disable-next-line min-greater-than-max',
      'spark.dynamicAllocation.minExecutors=10',
      'spark.dynamicAllocation.maxExecutors   2',
      'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.claimName OnDemand',
      'spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.mount.path /data \\',
      '  /more',
      'spark.dynamicAllocation.schedulerBacklogTimeout 500ms',
      '',
    ].join('\r\n'),
  });
  found.push({
    name: 'inline_job.py',
    text: [
      'from pyspark.sql import SparkSession',
      '# spark-dra: sparkVersion=3.4.1',
      'spark = (SparkSession.builder.appName("x")',
      '    .config("spark.dynamicAllocation.enabled", "true")  # spark-dra-disable-line dra-without-shuffle-support',
      "    .config('spark.dynamicAllocation.maxExecutors', 5)",
      '    .config("spark.executor.cores", """4""")',
      '    .config(key="spark.dynamicAllocation.minExecutors", value="9")',
      '    .getOrCreate())',
      '',
    ].join('\n'),
  });
  found.push({
    name: 'inline-submit.json',
    text: JSON.stringify(
      {
        name: 'j',
        virtualClusterId: 'v',
        releaseLabel: 'emr-6.9.0-latest',
        jobDriver: {
          sparkSubmitJobDriver: {
            entryPoint: 's3://b/m.py',
            sparkSubmitParameters:
              '--conf spark.dynamicAllocation.enabled=true --num-executors 3 --conf \'spark.executor.memory=4g\' --executor-cores "2" --conf spark.dynamicAllocation.maxExecutors=',
          },
        },
      },
      null,
      2,
    ),
  });
  return found;
}

const ALPHABET = '{}[]:,"\'\n\n  -=#.\\\t|>&*!%@`()0123456789abcdefsparkExecutorTrue\u00e9\u{1F600}';

function randomInt(rand: () => number, below: number): number {
  return Math.floor(rand() * below);
}

function randomSpan(rand: () => number, length: number, maxSpan: number): [number, number] {
  const start = randomInt(rand, length + 1);
  const end = Math.min(length, start + randomInt(rand, maxSpan + 1));
  return [start, end];
}

/** One to three random edits of the text. */
function mutate(rand: () => number, text: string): string {
  let out = text;
  const edits = 1 + randomInt(rand, 3);
  for (let i = 0; i < edits; i++) {
    const choice = randomInt(rand, 6);
    if (choice === 0) {
      const [start, end] = randomSpan(rand, out.length, 40);
      out = out.slice(0, start) + out.slice(end);
    } else if (choice === 1 || choice === 2) {
      const at = randomInt(rand, out.length + 1);
      let insert = '';
      const count = 1 + randomInt(rand, 6);
      for (let j = 0; j < count; j++) insert += [...ALPHABET][randomInt(rand, [...ALPHABET].length)];
      out = out.slice(0, at) + insert + out.slice(at);
    } else if (choice === 3) {
      const [aStart, aEnd] = randomSpan(rand, out.length, 30);
      const [bStart, bEnd] = randomSpan(rand, out.length, 30);
      if (aEnd <= bStart)
        out =
          out.slice(0, aStart) +
          out.slice(bStart, bEnd) +
          out.slice(aEnd, bStart) +
          out.slice(aStart, aEnd) +
          out.slice(bEnd);
    } else if (choice === 4) {
      out = out.slice(0, randomInt(rand, out.length + 1));
    } else {
      const [start, end] = randomSpan(rand, out.length, 60);
      out = out.slice(0, end) + out.slice(start, end) + out.slice(end);
    }
  }
  return out;
}

function assertRange(range: Range | undefined, length: number, what: string): void {
  assert.ok(range, `${what}: missing range`);
  assert.ok(
    Number.isInteger(range.start) && Number.isInteger(range.end),
    `${what}: non-integer range ${JSON.stringify(range)}`,
  );
  assert.ok(
    range.start >= 0 && range.start <= range.end && range.end <= length,
    `${what}: ${JSON.stringify(range)} outside 0..${length}`,
  );
}

function checkParsed(parsed: ParsedFile, length: number): void {
  for (const job of parsed.jobs) {
    assertRange(job.range, length, 'job');
    for (const entry of job.entries) {
      assertRange(entry.keyRange, length, `key range of ${entry.key}`);
      assertRange(entry.valueRange, length, `value range of ${entry.key}`);
    }
    for (const container of job.containers) assertRange(container.range, length, `container ${container.kind}`);
    if (job.sparkVersion?.range) assertRange(job.sparkVersion.range, length, 'version source');
  }
  for (const problem of parsed.syntaxErrors) assertRange(problem.range, length, `syntax error "${problem.message}"`);
  for (const suppression of parsed.suppressions) assertRange(suppression.appliesTo, length, 'suppression');
  for (const storageClass of parsed.storageClasses) assertRange(storageClass.nameRange, length, 'storage class name');
}

/** Runs every engine feature on one document and checks what comes back. */
function exercise(name: string, text: string, rand: () => number): void {
  const parsed = parseFile({ fileName: name, text });
  checkParsed(parsed, text.length);
  const findings = analyze({ text, parsed, settings: { defaultSparkVersion: rand() < 0.5 ? '3.5.1' : '3.3.0' } });
  for (const item of findings) {
    assertRange(item.range, text.length, `finding ${item.ruleId}`);
    for (const related of item.related ?? []) assertRange(related.range, text.length, `related of ${item.ruleId}`);
    for (const fix of item.fixes ?? [])
      for (const edit of fix.edits) assertRange(edit.range, text.length, `fix "${fix.title}"`);
  }
  for (const job of parsed.jobs) {
    const ctx = buildContext(text, parsed, job, '3.4.1', []);
    for (const [family, checks] of Object.entries(RULE_FAMILIES)) {
      checks.forEach((check, index) => {
        try {
          check(ctx);
        } catch (error) {
          throw new Error(
            `${family}[${index}] threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
            { cause: error },
          );
        }
      });
    }
  }
  const versionOf = (job: JobConfig) => resolveSparkVersion(job, { defaultSparkVersion: '3.5.1' });
  for (let i = 0; i < 3; i++) {
    // Mostly near entries, where the interesting contexts are; sometimes anywhere.
    const entries = parsed.jobs.flatMap((job) => job.entries);
    const near = entries.length > 0 && rand() < 0.6 ? entries[randomInt(rand, entries.length)] : undefined;
    const offset = near
      ? Math.min(
          text.length,
          Math.max(0, near.keyRange.start + randomInt(rand, near.valueRange.end - near.keyRange.start + 3) - 1),
        )
      : randomInt(rand, text.length + 1);
    const items = complete({
      file: { fileName: name, text },
      parsed,
      offset,
      sparkVersionOf: (job) => versionOf(job).version,
      storageClassNames: ['gp3'],
    });
    for (const item of items) assertRange(item.replace, text.length, `completion ${item.label}`);
    const shown = hover({ text, parsed, offset, versionOf });
    if (shown) assertRange(shown.range, text.length, 'hover');
  }
}

test('the engine survives thousands of mutated job files', () => {
  const rand = prng(SEED);
  const all = sources();
  assert.ok(all.length >= 8, `expected the examples to be found, got ${all.length} sources`);
  let documents = 0;
  for (const source of all) {
    for (let i = 0; i < MUTANTS_PER_SOURCE; i++) {
      const text = i === 0 ? source.text : mutate(rand, source.text);
      try {
        exercise(source.name, text, rand);
      } catch (error) {
        const shown = text.length > 3000 ? `${text.slice(0, 3000)}…` : text;
        throw new Error(
          `${source.name}, mutant ${i} (seed ${SEED}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n--- mutant ---\n${shown}`,
          { cause: error },
        );
      }
      documents++;
    }
  }
  assert.ok(documents >= 3000, `only ${documents} documents`);
});
