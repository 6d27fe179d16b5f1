// Fix all: every unambiguous fix of a document as one edit.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { createSparkDraService } from '../../../server/src/engine';
import { applyEdits } from '../../../server/src/engine/edits/text-edit';
import { fixAll, unambiguousFix } from '../../../server/src/engine/service/fix-all';
import type { Finding } from '../../../server/src/engine/rules/types';
import { confFile, GOOD_DRA } from '../rules/helpers';

const service = createSparkDraService();

test('fix all: the EMR mistakes example → one edit fixing every finding with one preferred fix, nothing else', () => {
  const text = readFileSync(resolve(__dirname, '../../../examples/mistakes/emr-eks-mistakes.json'), 'utf8');
  const doc = service.open({ text, fileName: 'job.json' });
  const before = doc.diagnostics();
  const result = doc.fixAll();
  assert.ok(result.edit);
  const fixedText = applyEdits(text, [result.edit]);
  const after = service.open({ text: fixedText, fileName: 'job.json' }).diagnostics();
  const expected = before.filter((finding) => unambiguousFix(finding)).map((finding) => finding.ruleId);
  // Two findings on the same value (zero backlog, truncated 500ms) share one fix: either may be the one applied.
  assert.ok(result.fixed.length >= expected.length - 1 && result.fixed.every((id) => expected.includes(id)));
  for (const id of expected) assert.ok(!after.some((finding) => finding.ruleId === id), `${id} still reported`);
  assert.match(fixedText, /"spark\.dynamicAllocation\.executorIdleTimeout"/);
  // Placeholder fixes (gp3, 100Gi) are choices for the user, not applied.
  assert.ok(after.some((finding) => finding.ruleId === 'ondemand-pvc-incomplete'));
  // A finding that only the fixes brought to light is left for the user to see.
  assert.ok(!result.fixed.includes('shuffle-tracking-no-timeout'));
  assert.ok(after.some((finding) => finding.ruleId === 'shuffle-tracking-no-timeout'));
});

test('fix all: a correct job → no edit', () => {
  const result = service.open({ text: confFile(GOOD_DRA), fileName: 'spark-defaults.conf' }).fixAll();
  assert.equal(result.edit, undefined);
  assert.deepEqual(result.fixed, []);
});

test('fix all: a finding with two preferred fixes (ambiguous) or only placeholder fixes → left alone', () => {
  const edit = { range: { start: 0, end: 1 }, newText: 'x' };
  const finding = (fixes: Finding['fixes']): Finding => ({
    ruleId: 'unknown-key',
    severity: 'warning',
    message: 'm',
    range: { start: 0, end: 1 },
    fixes,
  });
  assert.equal(
    unambiguousFix(
      finding([
        { title: 'a', edits: [edit], preferred: true },
        { title: 'b', edits: [edit], preferred: true },
      ]),
    ),
    undefined,
  );
  assert.equal(unambiguousFix(finding([{ title: 'placeholder', edits: [edit] }])), undefined);
  assert.equal(unambiguousFix(finding([{ title: 'one', edits: [edit], preferred: true }]))?.title, 'one');
});

test('fix all: a fix that keeps its finding alive ends the run instead of looping', () => {
  let calls = 0;
  // On "a" the finding's fix writes "b"; on "b" the same finding's fix writes "a" again (a text seen before).
  const stubborn = (newText: string): Finding => ({
    ruleId: 'unknown-key',
    severity: 'warning',
    message: 'always here',
    range: { start: 0, end: 1 },
    fixes: [{ title: 'toggle', edits: [{ range: { start: 0, end: 1 }, newText }], preferred: true }],
  });
  const result = fixAll('a', (text) => {
    calls++;
    return [stubborn(text === 'a' ? 'b' : 'a')];
  });
  assert.ok(calls < 10, `${calls} analyses`);
  assert.deepEqual(result.fixed, ['unknown-key']);
  assert.deepEqual(result.edit, { range: { start: 0, end: 1 }, newText: 'b' });
});
