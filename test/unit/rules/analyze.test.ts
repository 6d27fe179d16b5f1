import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze, RULES } from '../../../server/src/engine/rules/index';
import type { JobConfig, ParsedFile } from '../../../server/src/engine/model';
import { createSparkDraService } from '../../../server/src/engine';
import { applyEdits } from '../../../server/src/engine/edits/text-edit';
import { confFile, GOOD_DRA, run } from './helpers';

const BAD = { ...GOOD_DRA, 'spark.dynamicAllocation.maxExecutor': '10' };

test('syntax errors become error findings', () => {
  const text = 'apiVersion: sparkoperator.k8s.io/v1beta2\nkind: SparkApplication\nspec: [\n';
  const r = run('app.yaml', text);
  assert.equal(r.of('syntax').length, 1);
  assert.equal(r.of('syntax')[0]?.severity, 'error');
  assert.equal(r.of('syntax')[0]?.fixes, undefined);
});

test('severity overrides: off removes, a level replaces', () => {
  const text = confFile(BAD);
  assert.equal(run('spark-defaults.conf', text).of('unknown-key')[0]?.severity, 'warning');
  assert.equal(
    run('spark-defaults.conf', text, { severities: { 'unknown-key': 'error' } }).of('unknown-key')[0]?.severity,
    'error',
  );
  assert.deepEqual(run('spark-defaults.conf', text, { severities: { 'unknown-key': 'off' } }).of('unknown-key'), []);
});

test('version override setting changes which rules apply', () => {
  const text =
    '# spark-dra: sparkVersion=3.5.1\nspark.dynamicAllocation.enabled true\nspark.dynamicAllocation.maxExecutors 10\nspark.dynamicAllocation.shuffleTracking.timeout 60s\nspark.dynamicAllocation.cachedExecutorIdleTimeout 30min\n';
  assert.deepEqual(run('spark-defaults.conf', text).of('dra-without-shuffle-support'), []);
  assert.equal(
    run('spark-defaults.conf', text, { versionOverride: '3.2.0' }).of('dra-without-shuffle-support').length,
    1,
  );
});

/** The code actions the document offers on a finding (its own fixes, then the suppression comment). */
function actionsOn(fileName: string, text: string, ruleId: string) {
  const doc = createSparkDraService().open({ fileName, text });
  const findings = doc.diagnostics();
  const finding = findings.find((f) => f.ruleId === ruleId);
  assert.ok(finding, `${ruleId} is reported`);
  return doc.codeActions(finding.range, [finding]);
}

test('suppression: the code action inserts a comment that silences the finding (conf and YAML)', () => {
  const text = confFile(BAD);
  const suppress = actionsOn('spark-defaults.conf', text, 'unknown-key').find((a) =>
    a.title.startsWith('Disable unknown-key'),
  );
  assert.ok(suppress);
  const fixed = applyEdits(text, suppress.edits);
  assert.ok(fixed.includes('# spark-dra-disable-next-line unknown-key\nspark.dynamicAllocation.maxExecutor 10'));
  assert.deepEqual(run('spark-defaults.conf', fixed).of('unknown-key'), []);
  // Another rule on that line is not silenced by a comment naming a different rule.
  const other = text.replace(
    'spark.dynamicAllocation.maxExecutor 10',
    '# spark-dra-disable-next-line duplicate-key\nspark.dynamicAllocation.maxExecutor 10',
  );
  assert.equal(run('spark-defaults.conf', other).of('unknown-key').length, 1);
});

test('suppression fixes are not offered for JSON, and no finding carries one before it is asked for', () => {
  const text =
    '{"releaseLabel":"emr-7.2.0-latest","jobDriver":{"sparkSubmitJobDriver":{"entryPoint":"x","sparkSubmitParameters":"--conf spark.dynamicAllocation.maxExecutor=2"}}}';
  assert.equal(
    actionsOn('job.json', text, 'unknown-key').some((a) => a.title.startsWith('Disable')),
    false,
  );
  const conf = run('spark-defaults.conf', confFile(BAD)).of('unknown-key')[0];
  assert.equal(conf?.fixes?.some((f) => f.title.startsWith('Disable')) ?? false, false);
});

test('never throws: malformed parsed input is skipped rule by rule', () => {
  const broken = {
    kind: 'spark-defaults',
    range: { start: 0, end: 0 },
    entries: [null],
    facts: { platform: 'unknown' },
    containers: [],
  } as unknown as JobConfig;
  const parsed: ParsedFile = {
    format: 'spark-defaults',
    jobs: [broken],
    storageClasses: [],
    syntaxErrors: [],
    suppressions: [],
  };
  assert.doesNotThrow(() => analyze({ text: '', parsed }));
});

test('registry: ids are unique kebab-case and every one is documented in docs/rules.md', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.equal(new Set(ids).size, ids.length);
  const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
  for (const rule of RULES) {
    assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
    assert.ok(doc.includes(`### \`${rule.id}\``), `docs/rules.md lacks ${rule.id}`);
    const section = doc.slice(doc.indexOf(`### \`${rule.id}\``)).split('\n### ')[0] ?? '';
    assert.ok(section.includes(`Severity: ${rule.severity}`), `docs/rules.md gives ${rule.id} another severity`);
  }
});
