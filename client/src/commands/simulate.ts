// Spark DRA: Simulate Dynamic Allocation — opens the simulation panel for the job file, beside the editor.
import * as vscode from 'vscode';
import type { PanelHost } from '../panel-host';
import type { Services } from '../services';
import { jobTarget } from './target';

export function registerSimulate(services: Services, panels: PanelHost): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.simulate', async (arg?: unknown) => {
    const target = await jobTarget(services, arg, 'simulate dynamic allocation');
    if (!target) return;
    panels.showJob(target.document.uri);
  });
}
