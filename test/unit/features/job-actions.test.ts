// The "Suggest DRA settings…" command action: offered on every job the range touches, prominent (refactor) on the
// job's dynamic-allocation entries, quiet (source) elsewhere, naming the advisor command and the job's index.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';
import { SUGGEST_SETTINGS_COMMAND } from '../../../protocol/commands';

const service = createSparkDraService();
const EXAMPLES = resolve(import.meta.dirname, '../../../examples');

function open(name: string, text = readFileSync(resolve(EXAMPLES, name), 'utf8')) {
  return { doc: service.open({ text, fileName: name }), text };
}

/** The range of the first occurrence of `needle` (or an empty range at its start). */
function at(text: string, needle: string, empty = false): { start: number; end: number } {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, `${needle} not in the text`);
  return { start, end: empty ? start : start + needle.length };
}

describe('job command actions', () => {
  it('suggest-settings: cursor on a dynamicAllocation key of the EMR on EKS example → refactor action for job 0', () => {
    const { doc, text } = open('emr-eks-dra.json');
    const actions = doc.commandActions(at(text, 'spark.dynamicAllocation.maxExecutors', true));
    assert.deepEqual(actions, [
      { title: 'Suggest DRA settings…', kind: 'refactor', command: SUGGEST_SETTINGS_COMMAND, jobIndex: 0 },
    ]);
    assert.equal(SUGGEST_SETTINGS_COMMAND, 'sparkDra.suggestSettings');
  });

  it('suggest-settings: cursor elsewhere in the job → source action only', () => {
    const { doc, text } = open('emr-eks-dra.json');
    const actions = doc.commandActions(at(text, 'executionRoleArn'));
    assert.deepEqual(
      actions.map((a) => [a.kind, a.jobIndex]),
      [['source', 0]],
    );
  });

  it('suggest-settings: a value of a dynamicAllocation entry counts as the entry → refactor', () => {
    const { doc, text } = open('spark-defaults.conf');
    const line = text.split('\n').find((l) => l.startsWith('spark.dynamicAllocation.'));
    assert.ok(line);
    const valueAt = text.indexOf(line) + line.length - 1;
    assert.deepEqual(
      doc.commandActions({ start: valueAt, end: valueAt }).map((a) => a.kind),
      ['refactor'],
    );
  });

  it('suggest-settings: a file of two SparkApplications → one action per touched job, titled with its number', () => {
    const one = readFileSync(resolve(EXAMPLES, 'spark-application-dra.yaml'), 'utf8').trimEnd();
    const text = `${one}\n---\n${one}\n`;
    const { doc } = open('two-apps.yaml', text);
    assert.equal(doc.jobs.length, 2);
    const second = doc.jobs[1];
    assert.ok(second);
    const inSecond = doc.commandActions({ start: second.range.start + 5, end: second.range.start + 5 });
    assert.deepEqual(
      inSecond.map((a) => [a.title, a.jobIndex]),
      [['Suggest DRA settings for job 2…', 1]],
    );
    const both = doc.commandActions({ start: 0, end: text.length });
    assert.deepEqual(
      both.map((a) => a.jobIndex),
      [0, 1],
    );
  });

  it('suggest-settings: a file with no Spark job (a StorageClass) or of no known format → no action', () => {
    const { doc, text } = open('storageclass-spark-local.yaml');
    assert.deepEqual(doc.commandActions({ start: 0, end: text.length }), []);
    const plain = service.open({ text: 'hello world\n', fileName: 'notes.txt' });
    assert.deepEqual(plain.commandActions({ start: 0, end: 5 }), []);
  });
});
