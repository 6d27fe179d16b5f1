// Quick fixes: the did-you-mean fix of unknown-key, fetched through VS Code's code-action command and applied as the
// light bulb applies it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeAllEditors,
  codeOf,
  copyWorkspaceFile,
  openInEditor,
  waitForDiagnostics,
} from './helpers';

describe('quick fixes', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('unknown-key: applying "did you mean" replaces the key and the diagnostic goes away', async () => {
    const uri = await copyWorkspaceFile('fixtures/emr-typo.json', 'e2e-tmp/emr-typo-fix.json');
    const editor = await openInEditor(uri);
    const doc = editor.document;
    const [diagnostic] = await waitForDiagnostics(uri, 'the unknown-key diagnostic', (list) =>
      list.some((d) => codeOf(d) === 'unknown-key'),
    ).then((list) => list.filter((d) => codeOf(d) === 'unknown-key'));
    assert.ok(diagnostic);

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = (actions ?? []).filter((a): a is vscode.CodeAction => typeof a.command !== 'string');
    const fix = fixes.find((a) => /spark\.dynamicAllocation\.executorIdleTimeout/.test(a.title));
    assert.ok(fix, `no did-you-mean fix; code actions: ${(actions ?? []).map((a) => a.title).join(' | ') || '(none)'}`);
    assert.ok(fix.edit, `the fix "${fix.title}" has no edit`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // vscode.executeCodeActionProvider does not carry an action's `diagnostics` over to its result; isPreferred it does
    // (that is what makes the fix the one Ctrl+. / "Auto Fix" applies).
    assert.equal(fix.isPreferred, true, 'the did-you-mean fix is the preferred fix');

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'workspace.applyEdit refused the fix');
    const text = doc.getText();
    assert.match(text, /"spark\.dynamicAllocation\.executorIdleTimeout": "60s"/);
    assert.doesNotMatch(text, /executorIdleTimout/);
    JSON.parse(text);

    await waitForDiagnostics(
      uri,
      'the unknown-key diagnostic to go away after the fix',
      (list) => !list.some((d) => codeOf(d) === 'unknown-key'),
    );
    await doc.save();
  });
});
