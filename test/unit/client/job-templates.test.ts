// New Job File's templates: every shipped snippet, in the right language.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { isBlankBesides, templatesFrom, TEMPLATE_FILES } from '../../../client/src/job-templates';
import { createSparkDraService } from '../../../server/src/engine';

const ROOT = resolve(__dirname, '../../..');
const all = TEMPLATE_FILES.flatMap((source) =>
  templatesFrom(JSON.parse(readFileSync(resolve(ROOT, source.file), 'utf8')) as unknown, source),
);

test('job templates: one for each platform, each in the language its snippet file is contributed for', () => {
  const names = all.map((t) => `${t.language}: ${t.name}`);
  for (const expected of [
    /^json: EMR on EKS job/,
    /^json: EMR Serverless job/,
    /^yaml: SparkApplication/,
    /^yaml: StorageClass/,
    /^spark-defaults: /,
    /^python: SparkSession/,
  ]) {
    assert.ok(
      names.some((name) => expected.test(name)),
      `${String(expected)} in ${names.join(' | ')}`,
    );
  }
  const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
    contributes: { snippets: { language: string; path: string }[] };
  };
  for (const source of TEMPLATE_FILES) {
    assert.ok(
      manifest.contributes.snippets.some((s) => s.language === source.language && s.path === `./${source.file}`),
      `${source.file} is contributed for ${source.language}`,
    );
  }
});

test('job templates: every job template, placeholders filled with their defaults, is a job spark-dra reads with no problem', () => {
  const service = createSparkDraService();
  const fileNames: Record<string, string> = {
    json: 'job.json',
    yaml: 'job.yaml',
    'spark-defaults': 'spark-defaults.conf',
    python: 'job.py',
  };
  for (const template of all) {
    const text = template.body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
    const doc = service.open({ text, fileName: fileNames[template.language] ?? 'x', languageId: template.language });
    const problems = doc.diagnostics().filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.deepEqual(
      problems.map((f) => `${f.ruleId}: ${f.message}`),
      [],
      template.name,
    );
    if (!/StorageClass/.test(template.name)) assert.equal(doc.jobs.length, 1, template.name);
  }
});

test('job templates: malformed snippet entries are left out, not thrown on', () => {
  const source = { language: 'json', languageLabel: 'JSON' };
  assert.deepEqual(templatesFrom(null, source), []);
  assert.deepEqual(templatesFrom([1, 2], source), []);
  const kept = templatesFrom({ bad: { body: [1] }, none: 3, ok: { body: 'x', description: 'd' } }, source);
  assert.deepEqual(
    kept.map((t) => [t.name, t.body]),
    [['ok', 'x\n']],
  );
});

test('job templates: offered as completions only in a document holding nothing but the word being typed', () => {
  assert.equal(isBlankBesides('', ''), true);
  assert.equal(isBlankBesides('  emr\n', 'emr'), true);
  assert.equal(isBlankBesides('{ "a": 1 }', ''), false);
  assert.equal(isBlankBesides('emr emr', 'emr'), false);
});
