// Spark DRA: Compare with Spark Version… — what the job file does differently on another Spark version: defaults,
// checks, keys one side ignores, and the simulated effect. Shown as a text document beside the file.
import * as vscode from 'vscode';
import { problemText } from '../../../protocol/result';
import { formatUpgradeDiff } from '../../../protocol/upgrade-diff-text';
import { errorText, type Services } from '../services';
import { basename, jobTarget, pickJob } from './target';

export function registerCompareVersion(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.compareSparkVersion', async (arg?: unknown) => {
    const target = await jobTarget(services, arg, 'compare it with another Spark version');
    if (!target) return;
    const jobIndex = await pickJob(target.info, 'Compare with Spark Version');
    if (jobIndex === undefined) return;
    const { sparkVersions } = await services.api.serverFacts();
    const current = target.info.sparkVersion;
    const items = [...sparkVersions]
      .reverse()
      .filter((choice) => choice.version !== current)
      .map((choice) => ({ label: `Spark ${choice.version}`, description: choice.note, version: choice.version }));
    const chosen = await vscode.window.showQuickPick(items, {
      title: `Compare ${basename(target.document.uri)} (Spark ${current ?? 'unknown'}) with…`,
      placeHolder: 'The Spark version to compare with: defaults, checks and the simulated effect that change',
      matchOnDescription: true,
    });
    if (!chosen) return;
    const uri = target.document.uri.toString();
    const response = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Comparing with Spark ${chosen.version}…`,
        cancellable: true,
      },
      (_progress, token) => services.api.upgradeDiff({ uri, jobIndex, toVersion: chosen.version }, token),
    );
    if (!response.ok) {
      void vscode.window.showErrorMessage(`Spark DRA could not compare versions: ${problemText(response.problem)}`);
      return;
    }
    try {
      const text = formatUpgradeDiff(basename(target.document.uri), response.value);
      const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    } catch (error) {
      void vscode.window.showErrorMessage(`Spark DRA could not show the comparison: ${errorText(error)}`);
    }
  });
}
