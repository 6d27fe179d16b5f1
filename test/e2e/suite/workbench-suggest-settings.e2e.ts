// "Suggest DRA settings…": the code action the language server offers on a job, and the command it runs. Runs after
// workbench-commands (file name order): it opens a webview panel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, openInEditor, pollFor, positionOf, workspaceUri } from './helpers';

const COMMAND = 'sparkDra.suggestSettings';

function simulationTabOpen(title: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find(
      (tab) =>
        tab.label === title &&
        tab.input instanceof vscode.TabInputWebview &&
        tab.input.viewType.endsWith('sparkDra.simulation'),
    );
}

describe('Suggest DRA settings', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('the command is registered', async () => {
    const known = new Set(await vscode.commands.getCommands(true));
    assert.ok(known.has(COMMAND), `${COMMAND} is not registered`);
  });

  it('is offered as a refactor on a dynamicAllocation key of the EMR on EKS example, naming the command', async () => {
    const uri = workspaceUri('examples/emr-eks-dra.json');
    const editor = await openInEditor(uri);
    const at = positionOf(editor.document, 'spark.dynamicAllocation.maxExecutors', 3);
    // The server answers once it has read the file: ask again until it does (bounded).
    const found = await (async (): Promise<vscode.CodeAction> => {
      const start = Date.now();
      for (;;) {
        let list: (vscode.CodeAction | vscode.Command)[] | undefined;
        try {
          list = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            uri,
            new vscode.Range(at, at),
            vscode.CodeActionKind.Refactor.value,
          );
        } catch (error) {
          // The workbench cancels a code-action request when the document or selection moves under it: ask again.
          if (!/cancel/i.test(String(error))) throw error;
          if (Date.now() - start > 15_000) throw error;
          await new Promise((r) => setTimeout(r, 200));
          continue;
        }
        const action = (list ?? []).find(
          (a): a is vscode.CodeAction => typeof a.command !== 'string' && a.title === 'Suggest DRA settings…',
        );
        if (action) return action;
        if (Date.now() - start > 15_000)
          assert.fail(
            `no Suggest DRA settings… action; got ${(list ?? []).map((a) => a.title).join(' | ') || '(none)'}`,
          );
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    assert.equal(found.kind?.value, vscode.CodeActionKind.Refactor.value);
    assert.equal(found.edit, undefined);
    const command = found.command;
    assert.ok(command && typeof command !== 'string');
    assert.equal(command.command, COMMAND);
    assert.deepEqual(command.arguments, [uri.toString(), 0]);

    // Running it (default workload, so nothing is asked) opens the job's simulation panel, where the advice shows.
    try {
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []), {});
    } catch (error) {
      assert.fail(`running ${command.command} failed: ${String(error)}`);
    }
    await pollFor('the simulation panel of emr-eks-dra.json', () => simulationTabOpen('Simulation: emr-eks-dra.json'));
  });
});
