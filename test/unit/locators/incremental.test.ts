// Opening a new version of a file from the previous version's document gives exactly what opening it afresh gives:
// after random edits anywhere in every example (most fall back to a full parse), and after typing inside values and
// keys of a large generated EMR file (which take the shortcut, checked directly).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { createSparkDraService, type SparkDocument } from '../../../server/src/engine';
import { parseFile } from '../../../server/src/engine/locators';
import { reparseFile } from '../../../server/src/engine/locators/incremental';
import { reparseJsonValueEdit } from '../../../server/src/engine/locators/incremental/json-value-edit';
import { findTextChange } from '../../../server/src/engine/locators/incremental/text-change';
import { mulberry32 } from '../../../server/src/engine/workload/prng';
import { analyze, JobFindingsMemo, SingleJobMemo } from '../../../server/src/engine/rules';
import type { SingleJobRunStats } from '../../../server/src/engine/rules/single-job-memo';

const ROOT = join(import.meta.dirname, '../../..');
const EXAMPLES = join(ROOT, 'examples');
const service = createSparkDraService();
let largeEmr = '';
let largeYaml = '';

before(async () => {
  const generator = pathToFileURL(join(ROOT, 'bench/generate.mjs')).href;
  const module = (await import(generator)) as {
    generateEmrJson: (lines: number) => string;
    generateSparkApplicationYaml: (lines: number) => string;
  };
  largeEmr = module.generateEmrJson(3000);
  largeYaml = module.generateSparkApplicationYaml(3000);
});

function exampleFiles(): string[] {
  return readdirSync(EXAMPLES)
    .map((name) => join(EXAMPLES, name))
    .filter((path) => statSync(path).isFile());
}

/** What a document answers that depends on its parse: jobs, classes, claims, findings. */
function answers(doc: SparkDocument): unknown {
  return { jobs: doc.jobs, storageClasses: doc.storageClasses, claims: doc.claims, findings: doc.diagnostics() };
}

/** Characters typed by the random edits: plain ones, and ones that change JSON or YAML structure. */
const TYPED = ['7', 'a', 'g', '.', ' ', '"', '\\', '\n', ':', '{', '}', ',', '#', '-', 'é'];

function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  if (rand() < 0.25 && at < text.length) return text.slice(0, at) + text.slice(at + 1);
  const typed = TYPED[Math.floor(rand() * TYPED.length)] ?? '7';
  return text.slice(0, at) + typed + text.slice(at);
}

test('reopening from the previous version after random edits equals opening afresh, on every example', () => {
  const rand = mulberry32(12);
  for (const path of exampleFiles()) {
    const fileName = path;
    let text = readFileSync(path, 'utf8');
    let previous = service.open({ text, fileName });
    for (let i = 0; i < 40; i++) {
      text = randomEdit(text, rand);
      const reopened = service.open({ text, fileName }, previous);
      const fresh = service.open({ text, fileName });
      assert.deepEqual(answers(reopened), answers(fresh), `${path} after edit ${i + 1}`);
      previous = reopened;
    }
  }
});

/** Offsets inside the values (and, every third, the keys) of spark-defaults properties, spread through the text. */
function typingOffsets(text: string, count: number): number[] {
  const all: number[] = [];
  const pattern = /"(spark\.[A-Za-z.]+)"\s*:\s*"([^"\\]*)"/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const keyStart = m.index + 1;
    const valueStart = m.index + m[0].length - 1 - (m[2] ?? '').length;
    all.push(all.length % 3 === 2 ? keyStart + 3 : valueStart + Math.floor((m[2] ?? '').length / 2));
  }
  return Array.from({ length: count }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / count)] ?? 0);
}

test('typing in values and keys of a large EMR file takes the shortcut and matches a full parse', () => {
  const fileName = 'large.json';
  let text = largeEmr;
  let previous = { file: { fileName, text }, parsed: parseFile({ fileName, text }) };
  let shortcuts = 0;
  const edits = 60;
  for (let i = 0; i < edits; i++) {
    const at = typingOffsets(text, edits)[i] ?? 0;
    // Insert a digit, or (every fourth time, when a character is there) delete the one at the cursor.
    const remove = i % 4 === 3 && text[at] !== '"';
    const after = remove ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}7${text.slice(at)}`;
    const change = findTextChange(text, after);
    assert.ok(change);
    if (reparseJsonValueEdit(text, previous.parsed, after, change)) shortcuts++;
    const file = { fileName, text: after };
    const parsed = reparseFile(previous, file);
    assert.deepEqual(parsed, parseFile(file), `after edit ${i + 1} at ${at}`);
    previous = { file, parsed };
    text = after;
  }
  assert.equal(shortcuts, edits, 'every edit inside a plain value or key takes the shortcut');
});

test('typing a quote, a backslash or a line break in a value falls back to a full parse', () => {
  const fileName = 'large.json';
  const parsed = parseFile({ fileName, text: largeEmr });
  const at = typingOffsets(largeEmr, 1)[0] ?? 0;
  for (const typed of ['"', '\\', '\n']) {
    const after = `${largeEmr.slice(0, at)}${typed}${largeEmr.slice(at)}`;
    const change = findTextChange(largeEmr, after);
    assert.ok(change);
    assert.equal(reparseJsonValueEdit(largeEmr, parsed, after, change), undefined, JSON.stringify(typed));
    const file = { fileName, text: after };
    assert.deepEqual(reparseFile({ file: { fileName, text: largeEmr }, parsed }, file), parseFile(file));
  }
});

test('findTextChange: the span between the common start and end', () => {
  assert.equal(findTextChange('abc', 'abc'), undefined);
  assert.deepEqual(findTextChange('aa', 'aaa'), { start: 2, oldEnd: 2, newEnd: 3, delta: 1 });
  assert.deepEqual(findTextChange('abXcd', 'abcd'), { start: 2, oldEnd: 3, newEnd: 2, delta: -1 });
  assert.deepEqual(findTextChange('abc', 'aYYc'), { start: 1, oldEnd: 2, newEnd: 3, delta: 1 });
});

test('findTextChange: changes near block boundaries of a long text', () => {
  const base = 'abcdefghij'.repeat(2000);
  for (const at of [0, 1, 4095, 4096, 4097, 8192, 19_999, 20_000]) {
    const inserted = `${base.slice(0, at)}Z${base.slice(at)}`;
    const change = findTextChange(base, inserted);
    assert.ok(change);
    // Applying the change found to the old text gives the new text, and it inserts one character.
    assert.equal(
      base.slice(0, change.start) + inserted.slice(change.start, change.newEnd) + base.slice(change.oldEnd),
      inserted,
    );
    assert.equal(change.delta, 1);
    assert.equal(change.newEnd - change.start, 1);
    if (at === base.length) continue;
    const removed = base.slice(0, at) + base.slice(at + 1);
    const back = findTextChange(base, removed);
    assert.ok(back);
    assert.equal(base.slice(0, back.start) + removed.slice(back.start, back.newEnd) + base.slice(back.oldEnd), removed);
    assert.equal(back.oldEnd - back.start, 1);
    assert.equal(back.newEnd, back.start);
  }
});

/** A memo that counts the jobs whose findings it gave back. */
class CountingMemo extends JobFindingsMemo {
  hits = 0;
  override lookup(key: string, jobStart: number): ReturnType<JobFindingsMemo['lookup']> {
    const found = super.lookup(key, jobStart);
    if (found) this.hits++;
    return found;
  }
}

test("typing in one document of a large multi-document YAML reuses the other documents' findings, exactly", () => {
  const fileName = 'apps.yaml';
  const memo = new CountingMemo();
  let text = largeYaml;
  const first = parseFile({ fileName, text });
  const jobs = first.jobs.length;
  assert.ok(jobs > 20, `${jobs} jobs`);
  analyze({ text, parsed: first, memo });
  const rand = mulberry32(7);
  const typed = ['7', 'x', ' ', '\n', ':', '#'];
  for (let i = 0; i < 12; i++) {
    const at = Math.floor(rand() * text.length);
    text = `${text.slice(0, at)}${typed[i % typed.length] ?? '7'}${text.slice(at)}`;
    const parsed = parseFile({ fileName, text });
    const hitsBefore = memo.hits;
    const reused = analyze({ text, parsed, memo });
    assert.deepEqual(reused, analyze({ text, parsed }), `after edit ${i + 1} at ${at}`);
    // Without a new line, every job but the edited one (and perhaps its neighbour) is reused.
    if (!text.slice(0, at).endsWith('\n') && typed[i % typed.length] !== '\n') {
      assert.ok(memo.hits - hitsBefore >= parsed.jobs.length - 2, `edit ${i + 1}: ${memo.hits - hitsBefore} reused`);
    }
  }
});

test('a new line above a job with a duplicate key: its reused findings name the new line numbers', () => {
  const app = readFileSync(join(EXAMPLES, 'spark-application-dra.yaml'), 'utf8').replace(
    '  sparkConf:\n',
    '  sparkConf:\n    spark.executor.cores: "2"\n    spark.executor.cores: "3"\n',
  );
  const before = `${app}---\n${app}`;
  const memo = new CountingMemo();
  analyze({ text: before, parsed: parseFile({ fileName: 'two.yaml', text: before }), memo });
  const after = `# one more line\n${before}`;
  const parsed = parseFile({ fileName: 'two.yaml', text: after });
  const reused = analyze({ text: after, parsed, memo });
  const fresh = analyze({ text: after, parsed });
  assert.ok(fresh.some((f) => f.ruleId === 'duplicate-key' && /line \d+/.test(f.message)));
  assert.deepEqual(reused, fresh);
  // Same text, new line numbers: nothing could be reused. Typing within a line then reuses the other job.
  assert.equal(memo.hits, 0);
  const typed = after.replace('name: orders-rollup', 'name: orders-rollupx');
  const again = analyze({ text: typed, parsed: parseFile({ fileName: 'two.yaml', text: typed }), memo });
  assert.equal(memo.hits, 1);
  assert.deepEqual(again, analyze({ text: typed, parsed: parseFile({ fileName: 'two.yaml', text: typed }) }));
});

/**
 * An EMR request whose properties feed many rule families: the keys that switch dynamic allocation on (which every
 * check depends on), bounds, a truncated duration, a typo, executor volumes, and keys set in two classifications.
 */
const MIXED_EMR = `{
  "name": "mixed",
  "virtualClusterId": "abcdefghijklmnopqrstuvwxyz1",
  "executionRoleArn": "arn:aws:iam::111122223333:role/emr-eks-job-role",
  "releaseLabel": "emr-7.2.0-latest",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://example-bucket/jobs/etl.py",
      "sparkSubmitParameters": "--conf spark.executor.cores=4 --conf spark.dynamicAllocation.maxExecutors=40"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
          "spark.dynamicAllocation.enabled": "true",
          "spark.dynamicAllocation.shuffleTracking.enabled": "true",
          "spark.dynamicAllocation.minExecutors": "2",
          "spark.dynamicAllocation.maxExecutors": "1",
          "spark.dynamicAllocation.initialExecutors": "5",
          "spark.dynamicAllocation.executorIdleTimeout": "60s",
          "spark.dynamicAllocation.schedulerBacklogTimeout": "500ms",
          "spark.dynamicAllocation.executorIdleTimout": "30s",
          "spark.executor.cores": "4",
          "spark.executor.memory": "8g",
          "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.claimName": "OnDemand",
          "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.options.sizeLimit": "100",
          "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.mount.path": "/data",
          "spark.kubernetes.driver.ownPersistentVolumeClaim": "true",
          "spark.kubernetes.driver.reusePersistentVolumeClaim": "true",
          "spark.decommission.enabled": "true",
          "spark.shuffle.service.enabled": "false",
          "spark.sql.shuffle.partitions": "200"
        }
      },
      {
        "classification": "spark-defaults",
        "properties": { "spark.executor.cores": "2", "spark.dynamicAllocation.maxExecutors": "30", "spark.speculation": "true" }
      }
    ]
  }
}
`;

/** Characters typed into keys and values: digits, unit letters, dots, and letters that make or break key names. */
const TYPED_IN_STRINGS = ['7', '0', 's', 'm', 'g', '.', '-', 'e', 'a', ' '];

/** One random edit inside a property's key or value string (a character typed, or one deleted). */
function editInsideProperty(text: string, fileName: string, rand: () => number): string {
  const entries = (parseFile({ fileName, text }).jobs[0]?.entries ?? []).filter((e) => e.origin === 'property');
  const entry = entries[Math.floor(rand() * entries.length)];
  assert.ok(entry, 'the file has properties');
  const range = rand() < 0.25 ? entry.keyRange : entry.valueRange;
  const at = range.start + Math.floor(rand() * (range.end - range.start + 1));
  if (rand() < 0.3 && at < range.end) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + (TYPED_IN_STRINGS[Math.floor(rand() * TYPED_IN_STRINGS.length)] ?? '7') + text.slice(at);
}

/** Opens each version from the previous one and checks its findings against a fresh open; returns the memo's stats. */
function typeAndCompare(start: string, fileName: string, edits: number, seed: number): SingleJobRunStats[] {
  const rand = mulberry32(seed);
  let text = start;
  let doc = service.open({ text, fileName });
  doc.diagnostics();
  const stats: SingleJobRunStats[] = [];
  for (let i = 0; i < edits; i++) {
    const after = editInsideProperty(text, fileName, rand);
    const change = findTextChange(text, after);
    const shortcut = change ? reparseJsonValueEdit(text, parseFile({ fileName, text }), after, change) : undefined;
    doc = service.open({ text: after, fileName }, doc);
    const incremental = doc.diagnostics();
    assert.deepEqual(incremental, service.open({ text: after, fileName }).diagnostics(), `after edit ${i + 1}`);
    if (shortcut) stats.push(memoOf(doc).lastRun);
    text = after;
  }
  return stats;
}

function memoOf(doc: SparkDocument): SingleJobMemo {
  const memo = (doc as unknown as { singleJobMemo?: unknown }).singleJobMemo;
  assert.ok(memo instanceof SingleJobMemo, 'a JSON document keeps a single-job memo');
  return memo;
}

test('typing in keys and values of a one-job JSON file: checks re-run only where needed, findings as a full run', () => {
  const stats = typeAndCompare(MIXED_EMR, 'mixed.json', 250, 21);
  assert.ok(stats.length > 150, `${stats.length} edits took the shortcut`);
  // Some edits touch keys every check depends on (all re-run), most leave most checks as they were.
  assert.ok(stats.some((s) => s.kept === 0 && s.partial === 0));
  assert.ok(stats.filter((s) => s.kept > s.full).length > stats.length / 3);
});

test('typing in a large generated EMR file keeps almost every check and matches a full run', () => {
  const stats = typeAndCompare(largeEmr, 'large.json', 40, 5);
  assert.ok(stats.length > 30, `${stats.length} edits took the shortcut`);
  const mostlyKept = stats.filter((s) => s.full <= 6);
  assert.ok(mostlyKept.length > stats.length / 2, JSON.stringify(stats));
});
