// A job after an edit in a multi-document YAML file is a moved copy whose entries are moved when first read
// (locators/yaml/moved-job.ts). To every reader it must look like the job a full read gives: same fields in the same
// order, same JSON, same spread copy; its entries can be replaced; copies of copies never read stay right.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFile } from '../../../server/src/engine/locators';
import { reparseFile } from '../../../server/src/engine/locators/incremental';
import type { JobConfig, ParsedFile } from '../../../server/src/engine/model';

const fileName = 'apps.yaml';
const app = (name: string, cores: string): string =>
  `apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nmetadata:\n  name: ${name}\nspec:\n` +
  `  sparkVersion: "3.5.1"\n  sparkConf:\n    spark.executor.cores: "${cores}"\n    spark.dynamicAllocation.enabled: "true"\n`;
const TEXT = `${app('first', '4')}---\n${app('second', '2')}`;

/** The text with `inserted` typed right after the first `cores: "`. */
function typed(text: string, inserted: string): string {
  const at = text.indexOf('cores: "') + 'cores: "'.length;
  return text.slice(0, at) + inserted + text.slice(at);
}

function secondJob(parsed: ParsedFile): JobConfig {
  const job = parsed.jobs[1];
  assert.ok(job, 'two jobs');
  return job;
}

test('moved job: a job after the edit → same keys, JSON and spread copy as a full read', () => {
  const before = { file: { fileName, text: TEXT }, parsed: parseFile({ fileName, text: TEXT }) };
  const after = { fileName, text: typed(TEXT, '1') };
  const moved = secondJob(reparseFile(before, after));
  const fresh = secondJob(parseFile(after));
  assert.notEqual(moved, secondJob(before.parsed), 'a copy, not the previous version’s job');
  assert.deepEqual(Object.keys(moved), Object.keys(fresh));
  assert.equal(JSON.stringify(moved), JSON.stringify(fresh));
  assert.deepEqual({ ...moved }, fresh);
  assert.equal(moved.entries[0]?.valueRange.start, fresh.entries[0]?.valueRange.start);
});

test('moved job: entries replaced before they were read → the new entries are kept', () => {
  const before = { file: { fileName, text: TEXT }, parsed: parseFile({ fileName, text: TEXT }) };
  const moved = secondJob(reparseFile(before, { fileName, text: typed(TEXT, '1') }));
  moved.entries = [];
  assert.deepEqual(moved.entries, []);
  assert.equal(JSON.parse(JSON.stringify(moved)).entries.length, 0);
});

test('moved job: copies of copies whose entries were never read → what a full read of the last text gives', () => {
  let carried = { file: { fileName, text: TEXT }, parsed: parseFile({ fileName, text: TEXT }) };
  for (const inserted of ['1', '22', '', '333']) {
    const file = { fileName, text: typed(carried.file.text, inserted) };
    carried = { file, parsed: reparseFile(carried, file) };
  }
  assert.deepEqual(carried.parsed, parseFile(carried.file));
});
