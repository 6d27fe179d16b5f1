// Settings reach the language server: sparkDra.rules in the workspace configuration turns a rule off or changes its
// severity, and removing the setting brings the default back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, codeOf, openInEditor, waitForDiagnostics, workspaceUri } from './helpers';

const FIXTURE = 'fixtures/unknown-key-settings.json';

function unknownKey(list: readonly vscode.Diagnostic[]): vscode.Diagnostic | undefined {
  return list.find((d) => codeOf(d) === 'unknown-key');
}

async function setRules(value: Record<string, string> | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('sparkDra').update('rules', value, vscode.ConfigurationTarget.Workspace);
}

describe('settings', () => {
  before(activateExtension);
  after(async () => {
    await setRules(undefined);
    await closeAllEditors();
  });

  it('sparkDra.rules { "unknown-key": "off" } removes the diagnostic; "error" raises it; removing the setting restores it', async () => {
    const uri = workspaceUri(FIXTURE);
    await openInEditor(uri);
    const before = unknownKey(
      await waitForDiagnostics(
        uri,
        'the unknown-key diagnostic (default severity)',
        (list) => unknownKey(list)?.severity === vscode.DiagnosticSeverity.Warning,
      ),
    );
    assert.match(before?.message ?? '', /spark\.dynamicAllocation\.maxExecutor\b/);

    await setRules({ 'unknown-key': 'off' });
    assert.deepEqual(vscode.workspace.getConfiguration('sparkDra').get('rules'), { 'unknown-key': 'off' });
    await waitForDiagnostics(
      uri,
      'unknown-key to disappear with the rule off',
      (list) => unknownKey(list) === undefined,
    );

    await setRules({ 'unknown-key': 'error' });
    await waitForDiagnostics(
      uri,
      'unknown-key as an error',
      (list) => unknownKey(list)?.severity === vscode.DiagnosticSeverity.Error,
    );

    await setRules(undefined);
    await waitForDiagnostics(
      uri,
      'unknown-key back as a warning after the setting is removed',
      (list) => unknownKey(list)?.severity === vscode.DiagnosticSeverity.Warning,
    );
  });
});
