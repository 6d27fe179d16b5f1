// Spark DRA: Suggest DRA Settings… — asks the language server's advisor (sparkDra/advise) for the settings that cost
// least for about the same runtime, on a workload preset or the workload of an event log, with a cancellable progress
// notification, and shows the answer in the simulation panel's "Suggest settings" view. Also what the "Suggest DRA
// settings…" code action on a job runs (with the file's URI and the job's index).
import * as vscode from 'vscode';
import { SUGGEST_SETTINGS_COMMAND } from '../../../protocol/commands';
import type { AdviseParams } from '../../../protocol/requests';
import { problemText } from '../../../protocol/result';
import type { AdvicePreview, PanelSimulationResponse } from '../panel/simulation-panel';
import { SimulationPanel } from '../panel/simulation-panel';
import { jobPanelUri, type PanelHost } from '../panel-host';
import { logName, replayForPanel } from '../replay-view';
import { errorText, type Services } from '../services';
import { pickLog } from './replay';
import { basename, jobTarget, pickJob } from './target';

/** The workload a search runs on: a preset (the server's first when absent) or an event log's. */
export type AdviceWorkload = { preset?: string } | { eventLogPath: string };

/** Options a caller may pass as the third argument; given, nothing is asked. */
function workloadOption(x: unknown): AdviceWorkload | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.eventLogPath === 'string' && o.eventLogPath.length > 0) return { eventLogPath: o.eventLogPath };
  return typeof o.preset === 'string' && o.preset.length > 0 ? { preset: o.preset } : {};
}

/**
 * The runtime limit a caller may pass in the options (the panel's field, already checked); absent → the advisor's
 * default. A number out of range goes on, for the server to refuse with a message the user sees.
 */
function slowdownOption(x: unknown): { maxSlowdownPct?: number } {
  if (typeof x !== 'object' || x === null) return {};
  const pct = (x as Record<string, unknown>).maxSlowdownPct;
  return typeof pct === 'number' ? { maxSlowdownPct: pct } : {};
}

async function pickWorkload(services: Services): Promise<AdviceWorkload | undefined> {
  const { presets } = await services.api.serverFacts();
  type Item = vscode.QuickPickItem & { workload?: AdviceWorkload };
  const items: Item[] = [
    ...presets.map((p) => ({ label: `$(pulse) ${p.name}`, description: p.description, workload: { preset: p.name } })),
    { label: '$(history) The workload of an event log…', description: 'search on what a real run did' },
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'Suggest DRA Settings',
    placeHolder: 'Search the settings on which workload?',
    matchOnDescription: true,
  });
  if (!chosen) return undefined;
  if (chosen.workload) return chosen.workload;
  const log = await pickLog();
  if (!log) return undefined;
  if (log.scheme !== 'file') {
    void vscode.window.showErrorMessage('Spark DRA reads event logs from the local file system only.');
    return undefined;
  }
  return { eventLogPath: log.fsPath };
}

function workloadName(workload: AdviceWorkload): string {
  return 'eventLogPath' in workload ? logName(workload.eventLogPath) : (workload.preset ?? 'the default workload');
}

/** Simulates a point's changes on the workload the search used, for the panel's preview. */
function previewFor(services: Services, uri: string, jobIndex: number, workload: AdviceWorkload): AdvicePreview {
  return async (changes, token): Promise<PanelSimulationResponse> => {
    if ('eventLogPath' in workload) {
      const replay = await services.api.replay(
        { path: workload.eventLogPath, uri, jobIndex, overrides: changes },
        token,
      );
      return replay.ok ? { ok: true, ...replayForPanel(replay.value) } : replay;
    }
    const params = { uri, jobIndex, overrides: changes, ...(workload.preset ? { preset: workload.preset } : {}) };
    const response = await services.api.simulate(params, token);
    return response.ok ? { ok: true, result: response.value } : response;
  };
}

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || /cancel/i.test(errorText(error));
}

export function registerSuggestSettings(services: Services, panels: PanelHost): vscode.Disposable {
  return vscode.commands.registerCommand(
    SUGGEST_SETTINGS_COMMAND,
    async (arg?: unknown, index?: unknown, options?: unknown): Promise<void> => {
      const uriArg = typeof arg === 'string' ? vscode.Uri.parse(arg, true) : arg;
      const target = await jobTarget(services, uriArg, 'suggest DRA settings');
      if (!target) return;
      const jobIndex =
        typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 && index < target.info.jobs
          ? index
          : await pickJob(target.info, 'Suggest DRA Settings');
      if (jobIndex === undefined) return;
      const workload = workloadOption(options) ?? (await pickWorkload(services));
      if (!workload) return;

      const documentUri = target.document.uri;
      const uri = documentUri.toString();
      panels.showJob(documentUri, jobIndex);
      const panel = (): SimulationPanel | undefined => SimulationPanel.get(jobPanelUri(documentUri, jobIndex));
      panel()?.showAdviceStatus('searching');
      const params: Omit<AdviseParams, 'workDoneToken'> = { uri, jobIndex, ...workload, ...slowdownOption(options) };
      const name = basename(documentUri);
      const started = Date.now();
      try {
        const response = await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: `Suggesting DRA settings for ${name} on ${workloadName(workload)}`,
            cancellable: true,
          },
          async (progress, token) => {
            let done = 0;
            const answer = await services.api.advise(params, token, (p) => {
              const increment = p.percentage === undefined ? undefined : Math.max(0, p.percentage - done);
              if (p.percentage !== undefined) done = Math.max(done, p.percentage);
              progress.report({ ...(p.message ? { message: p.message } : {}), ...(increment ? { increment } : {}) });
            });
            return token.isCancellationRequested ? undefined : answer;
          },
        );
        if (!response) {
          panel()?.showAdviceStatus('cancelled');
          return;
        }
        if (!response.ok) {
          const message = problemText(response.problem);
          panel()?.showAdviceStatus('failed', message);
          void vscode.window.showErrorMessage(`Spark DRA could not suggest settings for ${name}: ${message}`);
          return;
        }
        services.log(`advised ${uri} (${response.value.candidates} configurations) in ${Date.now() - started} ms`);
        if (!panel()) panels.showJob(documentUri, jobIndex); // closed during the search
        panel()?.showAdvice(response.value, previewFor(services, uri, jobIndex, workload));
      } catch (error) {
        if (isCancellation(error)) {
          panel()?.showAdviceStatus('cancelled');
          return;
        }
        panel()?.showAdviceStatus('failed', errorText(error));
        void vscode.window.showErrorMessage(`Spark DRA could not suggest settings for ${name}: ${errorText(error)}`);
      }
    },
  );
}
