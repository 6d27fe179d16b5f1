// Spark DRA: Simulate Dynamic Allocation — opens the simulation panel for a job of the file, beside the editor.
// Arguments (optional): `sparkDra.simulate(file?: Uri | string, jobIndex?: number)`. A code lens passes both, so the
// lens above the second job of a multi-document file opens that job's panel; without a job index a file of several
// jobs asks which one.
import * as vscode from 'vscode';
import type { PanelHost } from '../panel-host';
import type { Services } from '../services';
import { jobTarget, pickJob } from './target';

export function registerSimulate(services: Services, panels: PanelHost): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.simulate', async (arg?: unknown, index?: unknown) => {
    const target = await jobTarget(services, arg, 'simulate dynamic allocation');
    if (!target) return;
    const given = typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 && index < target.info.jobs;
    const jobIndex = given ? index : await pickJob(target.info, 'Simulate Dynamic Allocation');
    if (jobIndex === undefined) return;
    panels.showJob(target.document.uri, jobIndex);
  });
}
