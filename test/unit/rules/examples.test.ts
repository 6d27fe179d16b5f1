import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parseFile } from '../../../server/src/engine/locators/index';
import { run } from './helpers';

const dir = new URL('../../../examples/', import.meta.url);

test('nothing fires on the correct examples (StorageClasses shared across the workspace)', () => {
  // Top-level files only: examples/mistakes/ is wrong on purpose.
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name);
  assert.ok(files.length > 0);
  const texts = new Map(files.map((name) => [name, readFileSync(new URL(name, dir), 'utf8')]));
  const storageClasses = files.flatMap(
    (name) => parseFile({ fileName: name, text: texts.get(name) ?? '' }).storageClasses,
  );
  for (const name of files) {
    const r = run(name, texts.get(name) ?? '', undefined, storageClasses);
    assert.deepEqual(
      r.findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      name,
    );
  }
});
