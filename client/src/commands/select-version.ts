// Spark DRA: Select Spark Version — a per-file Spark version (remembered in the workspace), or back to detection.
import * as vscode from 'vscode';
import { SimulationPanel } from '../panel/simulation-panel';
import { errorText, type Services } from '../services';
import { versionPickItems, type VersionPickItem } from '../versions';
import { basename, jobTarget } from './target';

type Item = vscode.QuickPickItem & { pick: VersionPickItem };

export function registerSelectVersion(services: Services): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.selectSparkVersion', async (arg?: unknown) => {
    const target = await jobTarget(services, arg, 'select its Spark version');
    if (!target) return;
    const uri = target.document.uri.toString();
    const override = services.overrides.get(uri);
    const { sparkVersions } = await services.api.serverFacts();
    const items: Item[] = versionPickItems(sparkVersions, { current: target.info.sparkVersion, override }).map(
      (pick) => ({
        label: pick.label,
        description: pick.description,
        detail: pick.detail,
        picked: pick.picked,
        pick,
      }),
    );
    const chosen = await vscode.window.showQuickPick(items, {
      title: `Spark version for ${basename(target.document.uri)}`,
      placeHolder: `Now: Spark ${target.info.sparkVersion ?? 'unknown'}. Defaults, checks and the simulator follow the version chosen here.`,
      matchOnDescription: true,
    });
    if (!chosen) return;
    const version = chosen.pick.action.kind === 'set' ? chosen.pick.action.version : undefined;
    try {
      await services.overrides.set(uri, version);
      await services.api.setVersionOverride(uri, version);
    } catch (error) {
      void vscode.window.showErrorMessage(`Could not change the Spark version: ${errorText(error)}`);
      return;
    }
    await services.tracker.refresh();
    SimulationPanel.refreshFor(target.document.uri);
  });
}

/** Tells a (re)started server every version remembered for this workspace. */
export async function sendRememberedVersions(services: Services): Promise<void> {
  for (const [uri, version] of services.overrides.entries()) {
    try {
      await services.api.setVersionOverride(uri, version);
    } catch (error) {
      services.log(`could not send the Spark version of ${uri}: ${errorText(error)}`);
    }
  }
}
