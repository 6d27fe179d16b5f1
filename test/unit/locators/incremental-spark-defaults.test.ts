// Opening a new version of a spark-defaults.conf file from the previous version re-reads only the edited property
// line when the edit stays inside it, and gives exactly what a full read gives: the parse, the findings and completion
// (whose lines are carried over from the previous version), after random edits of every kind and typing in a large file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';
import { parseFile } from '../../../server/src/engine/locators';
import { reparseFile } from '../../../server/src/engine/locators/incremental';
import { reparseSparkDefaultsLineEdit } from '../../../server/src/engine/locators/incremental/spark-defaults-line-edit';
import { findTextChange } from '../../../server/src/engine/locators/incremental/text-change';
import { mulberry32 } from '../../../server/src/engine/workload/prng';

const ROOT = join(import.meta.dirname, '../../..');
const service = createSparkDraService();
const fileName = '/work/conf/spark-defaults.conf';

/** The example, with what makes lines tricky: continuations, escapes, separators, directives, CRLF, repeated keys. */
function trickyDefaults(): string {
  const example = readFileSync(join(ROOT, 'examples/spark-defaults.conf'), 'utf8');
  return [
    example,
    'spark.executor.memory=4g',
    'spark.executor.cores:2',
    '  spark.driver.memory   \\',
    '      2g',
    '# spark-dra-disable-next-line duplicate-key',
    'spark.executor.cores 3\r',
    'spark.kubernetes.executor.volumes.persistentVolumeClaim.data.options.claimName OnDemand',
    'spark.app.name a\\u0041b',
    '! bang comment',
    '',
    'spark.executor.cores 6',
  ].join('\n');
}

const TYPED = ['7', 'a', ' ', '=', ':', '.', '#', '!', '\\', '\n', '\r', '\t', 'é'];

function randomEdit(text: string, rand: () => number): string {
  const at = Math.floor(rand() * (text.length + 1));
  if (rand() < 0.3 && at < text.length) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rand() * 3));
  return text.slice(0, at) + (TYPED[Math.floor(rand() * TYPED.length)] ?? '7') + text.slice(at);
}

test('spark-defaults-line-edit: random edits → the same parse, findings and completion as a full read', () => {
  const rand = mulberry32(5);
  let text = trickyDefaults();
  let previous = service.open({ text, fileName });
  let carried = { file: { fileName, text }, parsed: parseFile({ fileName, text }) };
  let shortcuts = 0;
  for (let i = 0; i < 300; i++) {
    const after = randomEdit(text, rand);
    const file = { fileName, text: after };
    const full = parseFile(file);
    const label = `after edit ${i + 1}`;
    const change = findTextChange(text, after);
    if (change && reparseSparkDefaultsLineEdit(text, carried.parsed, after, change)) shortcuts++;
    carried = { file, parsed: reparseFile(carried, file) };
    assert.deepEqual(carried.parsed, full, label);
    const reopened = service.open(file, previous);
    const fresh = service.open(file);
    assert.deepEqual(reopened.diagnostics(), fresh.diagnostics(), label);
    for (const offset of [change?.start ?? 0, Math.floor(rand() * after.length)]) {
      assert.deepEqual(reopened.complete(offset), fresh.complete(offset), `${label}, completion at ${offset}`);
    }
    previous = reopened;
    text = after;
  }
  assert.ok(shortcuts > 50, `${shortcuts} edits took the shortcut`);
});

test('spark-defaults-line-edit: typing in values of a large file with repeated keys takes the shortcut, exactly', () => {
  const lines = ['# spark-dra: sparkVersion=3.5.1'];
  for (let i = 0; lines.length < 4000; i++) {
    lines.push(`spark.dynamicAllocation.maxExecutors ${10 + (i % 90)}`, `spark.executor.cores ${1 + (i % 8)}`);
  }
  let text = `${lines.join('\n')}\n`;
  let previous = service.open({ text, fileName });
  for (let i = 0; i < 25; i++) {
    const at = text.indexOf(' ', Math.floor(((i + 0.5) * text.length) / 25)) + 1;
    const after = i % 5 === 4 ? text.slice(0, at) + text.slice(at + 1) : `${text.slice(0, at)}7${text.slice(at)}`;
    const change = findTextChange(text, after);
    assert.ok(change);
    const parsed = reparseSparkDefaultsLineEdit(text, parseFile({ fileName, text }), after, change);
    assert.ok(parsed, `keystroke ${i + 1} at ${at} takes the shortcut`);
    assert.deepEqual(parsed, parseFile({ fileName, text: after }), `keystroke ${i + 1}`);
    const reopened = service.open({ text: after, fileName }, previous);
    const fresh = service.open({ text: after, fileName });
    assert.deepEqual(reopened.diagnostics(), fresh.diagnostics(), `keystroke ${i + 1}`);
    assert.deepEqual(reopened.complete(at), fresh.complete(at), `keystroke ${i + 1}: completion`);
    previous = reopened;
    text = after;
  }
});

test('spark-defaults-line-edit: a line break, a backslash or a property turning into a comment is read in full', () => {
  const text = 'spark.executor.cores 4\nspark.executor.memory 8g\n';
  const parsed = parseFile({ fileName, text });
  const at = text.indexOf('8g');
  for (const typed of ['\n', '\\', '#']) {
    const where = typed === '#' ? text.indexOf('spark.executor.memory') : at;
    const after = `${text.slice(0, where)}${typed}${text.slice(where)}`;
    const change = findTextChange(text, after);
    assert.ok(change);
    assert.equal(reparseSparkDefaultsLineEdit(text, parsed, after, change), undefined, JSON.stringify(typed));
    const file = { fileName, text: after };
    assert.deepEqual(reparseFile({ file: { fileName, text }, parsed }, file), parseFile(file));
  }
});
