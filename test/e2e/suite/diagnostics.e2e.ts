// Diagnostics the language server publishes into VS Code: findings on broken fixtures (test/fixtures/e2e, copied to
// <workspace>/fixtures), and none on the shipped examples.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  describeDiagnostics,
  nextDiagnosticsChange,
  openInEditor,
  waitForDiagnostics,
  workspaceRoot,
  workspaceUri,
} from './helpers';

async function findingsIn(
  relativePath: string,
  ruleId: string,
): Promise<{ doc: vscode.TextDocument; found: vscode.Diagnostic }> {
  const uri = workspaceUri(relativePath);
  const editor = await openInEditor(uri);
  const diagnostics = await waitForDiagnostics(uri, `a ${ruleId} diagnostic`, (list) =>
    list.some((d) => codeOf(d) === ruleId),
  );
  const found = diagnostics.find((d) => codeOf(d) === ruleId);
  assert.ok(found);
  return { doc: editor.document, found };
}

describe('diagnostics', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('EMR JSON with a misspelt key: unknown-key warning on the key, naming the right one', async () => {
    const { doc, found } = await findingsIn('fixtures/emr-typo.json', 'unknown-key');
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(found.message, /Did you mean `spark\.dynamicAllocation\.executorIdleTimeout`/);
    assert.match(doc.getText(found.range), /spark\.dynamicAllocation\.executorIdleTimout/);
    assert.equal(found.range.start.line, 20, 'on the line of the misspelt key');
  });

  it('SparkApplication with minExecutors > maxExecutors: min-greater-than-max error', async () => {
    const { doc, found } = await findingsIn('fixtures/min-greater-than-max.yaml', 'min-greater-than-max');
    assert.equal(doc.languageId, 'yaml');
    assert.equal(found.severity, vscode.DiagnosticSeverity.Error);
    assert.match(found.message, /minExecutors \(10\) is greater than maxExecutors \(2\)/);
    assert.match(doc.lineAt(found.range.start.line).text, /minExecutors: 10/);
  });

  it('spark-defaults.conf with a 500ms backlog timeout: duration-truncated on the value', async () => {
    const { doc, found } = await findingsIn('fixtures/backlog.spark-defaults.conf', 'duration-truncated');
    assert.equal(doc.languageId, 'spark-defaults');
    assert.equal(found.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(doc.getText(found.range), '500ms');
    assert.match(found.message, /read as 0s/);
    // The same value makes the backlog timeout zero, which Spark refuses.
    const all = vscode.languages.getDiagnostics(doc.uri).map(codeOf);
    assert.ok(
      all.includes('backlog-timeout-not-positive'),
      `expected backlog-timeout-not-positive too; got ${all.join(', ')}`,
    );
  });

  it('every file in examples/ gets no spark-dra diagnostics', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'examples');
    const entries = await vscode.workspace.fs.readDirectory(folder);
    const files = entries
      .filter(([, type]) => type === vscode.FileType.File)
      .map(([name]) => name)
      .sort();
    assert.ok(files.length >= 5, `expected the examples in ${folder.path}; found ${files.join(', ')}`);
    const problems: string[] = [];
    for (const name of files) {
      const uri = vscode.Uri.joinPath(folder, name);
      const editor = await openInEditor(uri);
      // An edit that changes nothing Spark reads (a trailing newline) makes the server check the file again and
      // publish, so "no diagnostics" is an answer from the server, not the absence of one.
      const published = nextDiagnosticsChange(uri);
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      assert.ok(await editor.edit((b) => b.insert(end, '\n')));
      const diagnostics = await published;
      await editor.document.save();
      if (diagnostics.length > 0) problems.push(`${name}:\n  ${describeDiagnostics(diagnostics)}`);
    }
    assert.deepEqual(problems, [], `examples with spark-dra diagnostics:\n${problems.join('\n')}`);
  });
});
