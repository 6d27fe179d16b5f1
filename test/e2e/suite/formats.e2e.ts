// One file per format issue 10 added, in the real workbench: an Apache operator SparkApplication, a Helm template, a
// ConfigMap holding spark-defaults.conf and a shell script running start-job-run. Each gets a diagnostic, a hover and
// a completion from the language server (fixtures in test/fixtures/e2e/formats, copied to <workspace>/fixtures).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  completionItems,
  hoverText,
  labelOf,
  openInEditor,
  positionOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

interface FormatCase {
  title: string;
  file: string;
  /** A finding the file must get, and the text it must cover. */
  rule: string;
  covers: RegExp;
  /** A written key to hover, and what the hover must say. */
  hoverOn: string;
  hover: RegExp;
  /** Text to type on a new line after `afterLine` (`|` marks the caret), and a key completion to expect there. */
  afterLine: string;
  typed: string;
  completes: string;
}

const CASES: readonly FormatCase[] = [
  {
    title: 'Apache operator SparkApplication',
    file: 'fixtures/formats/apache-app.yaml',
    rule: 'apache-operator-init-unreachable',
    covers: /^4$/,
    hoverOn: 'spark.dynamicAllocation.maxExecutors',
    hover: /Default in Spark 4\.0\.1/,
    afterLine: '    spark.dynamicAllocation.maxExecutors: "8"',
    typed: '    spark.dynamicAllocation.executorIdle|',
    completes: 'spark.dynamicAllocation.executorIdleTimeout',
  },
  {
    title: 'Helm template with a templated apiVersion',
    file: 'fixtures/formats/chart/templates/spark-application.yaml',
    rule: 'unknown-key',
    covers: /^spark\.dynamicAllocation\.shuffleTracking\.timout$/,
    hoverOn: 'spark.dynamicAllocation.enabled',
    hover: /Default in Spark 3\.5\.1/,
    afterLine: '    spark.dynamicAllocation.enabled: "true"',
    typed: '    spark.dynamicAllocation.minEx|',
    completes: 'spark.dynamicAllocation.minExecutors',
  },
  {
    title: 'ConfigMap holding spark-defaults.conf',
    file: 'fixtures/formats/spark-defaults-configmap.yaml',
    rule: 'unknown-key',
    covers: /^spark\.dynamicAllocation\.enable$/,
    hoverOn: 'spark.dynamicAllocation.maxExecutors',
    hover: /Default in Spark 3\.5\.1/,
    afterLine: '    spark.dynamicAllocation.maxExecutors           12',
    typed: '    spark.dynamicAllocation.cachedExec|',
    completes: 'spark.dynamicAllocation.cachedExecutorIdleTimeout',
  },
  {
    title: 'shell script running start-job-run with spliced JSON',
    file: 'fixtures/formats/submit-job.sh',
    rule: 'unknown-key',
    covers: /^spark\.dynamicAllocation\.shuffleTracking\.timeot$/,
    hoverOn: 'spark.dynamicAllocation.maxExecutors',
    hover: /Default in Spark 3\.5\.1/,
    afterLine: '    "spark.dynamicAllocation.enabled": "true",',
    typed: '    "spark.dynamicAllocation.minEx|": "1",',
    completes: 'spark.dynamicAllocation.minExecutors',
  },
];

describe('formats from issue 10', () => {
  before(activateExtension);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
  after(closeAllEditors);

  for (const item of CASES) {
    it(`${item.title}: a diagnostic, a hover and a completion`, async () => {
      const uri = workspaceUri(item.file);
      const editor = await openInEditor(uri);
      const doc = editor.document;

      const diagnostics = await waitForDiagnostics(uri, `a ${item.rule} diagnostic`, (list) =>
        list.some((d) => codeOf(d) === item.rule && item.covers.test(doc.getText(d.range))),
      );
      assert.equal(
        diagnostics.some((d) => codeOf(d) === 'syntax'),
        false,
        'no syntax error in a file that reads fine',
      );

      const hover = await hoverText(uri, positionOf(doc, item.hoverOn, 5));
      assert.match(hover, new RegExp(item.hoverOn.replace(/\./g, '\\.')));
      assert.match(hover, item.hover);

      const lineEnd = positionOf(doc, item.afterLine);
      await editor.edit((edit) => edit.insert(lineEnd, `\n${item.typed.replace('|', '')}`));
      const caret = doc.positionAt(doc.offsetAt(lineEnd) + 1 + item.typed.indexOf('|'));
      const labels = (await completionItems(uri, caret))
        .filter((i) => i.kind === vscode.CompletionItemKind.Property)
        .map(labelOf);
      assert.ok(labels.includes(item.completes), `no ${item.completes} among ${labels.slice(0, 20).join(', ')}`);
    });
  }
});
