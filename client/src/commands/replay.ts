// Spark DRA: Replay Event Log… — picks an event-log file (any Spark codec, or a History Server zip) or a rolled
// eventlog_v2_* directory, has the language server read and replay it (progress notification, cancellable), and
// shows the simulation of the logged workload in the simulation panel beside what really ran (the observed executors
// on the chart and an "Observed" card), with the comparison also written to the output channel.
//
// Arguments (all optional; the palette passes none): `sparkDra.replayEventLog(log?: Uri, options?: { job?: Uri |
// string })`. With a log URI nothing is asked: the log's own configuration is simulated, or with `options.job` that
// job file's (opened in the background when needed). For tests and other extensions.
import * as vscode from 'vscode';
import { problemText } from '../../../protocol/result';
import type { ReplayEventLogParams, ReplayEventLogResponse } from '../../../protocol/requests';
import { isJobFile } from '../file-status';
import type { PanelHost } from '../panel-host';
import { logName, replayHeadline, replaySummaryLines, type ReplayTarget } from '../replay-view';
import { errorText, type Services } from '../services';
import { basename } from './target';

type Kind = 'file' | 'folder';

export async function pickLog(): Promise<vscode.Uri | undefined> {
  // Windows and Linux dialogs pick files or folders, not both: ask which first.
  const kinds: (vscode.QuickPickItem & { logKind: Kind })[] = [
    {
      label: '$(file) Event-log file',
      description: 'plain JSON lines, .zstd, .lz4, .snappy, .lzf, or a History Server .zip of one application',
      logKind: 'file',
    },
    {
      label: '$(folder) Rolled event-log directory',
      description: 'eventlog_v2_<appId>/ with events_<n>_… parts',
      logKind: 'folder',
    },
  ];
  const kind = await vscode.window.showQuickPick(kinds, {
    title: 'Replay Event Log',
    placeHolder: 'What does the log look like?',
  });
  if (!kind) return undefined;
  const picked = await vscode.window.showOpenDialog({
    title: kind.logKind === 'file' ? 'Spark event-log file' : 'Rolled Spark event-log directory (eventlog_v2_*)',
    openLabel: 'Replay',
    canSelectFiles: kind.logKind === 'file',
    canSelectFolders: kind.logKind === 'folder',
    canSelectMany: false,
  });
  return picked?.[0];
}

/** Whose configuration to simulate: the log's own, or the active job file's. Undefined when dismissed. */
async function pickConfiguration(services: Services): Promise<{ jobUri?: string } | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || !isJobFile(services.tracker.info(doc.uri))) return {};
  const items: (vscode.QuickPickItem & { jobUri?: string })[] = [
    {
      label: `$(file-code) ${basename(doc.uri)}`,
      description: "what this file's settings would have done",
      jobUri: doc.uri.toString(),
    },
    { label: '$(history) The configuration in the log', description: 'how the run was configured' },
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: 'Replay Event Log',
    placeHolder: 'Simulate the logged workload with which configuration?',
  });
  if (!chosen) return undefined;
  return chosen.jobUri === undefined ? {} : { jobUri: chosen.jobUri };
}

async function showFailure(message: string): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    const manage = 'Manage Workspace Trust';
    const answer = await vscode.window.showWarningMessage(message, manage);
    if (answer === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return;
  }
  void vscode.window.showErrorMessage(message);
}

/** The `options.job` argument as a URI, undefined when absent or not a URI. */
function jobArgument(options: unknown): vscode.Uri | undefined {
  if (!options || typeof options !== 'object') return undefined;
  const job = (options as { job?: unknown }).job;
  if (job instanceof vscode.Uri) return job;
  if (typeof job !== 'string' || job === '') return undefined;
  try {
    return vscode.Uri.parse(job, true);
  } catch {
    return undefined;
  }
}

/**
 * Whose configuration a replay given a log URI simulates: the job file of `options.job` (opened so the language
 * server has it), else the log's own. Undefined after telling the user the job file cannot be opened.
 */
async function configurationFromArgument(options: unknown): Promise<{ jobUri?: string } | undefined> {
  const job = jobArgument(options);
  if (!job) return {};
  try {
    await vscode.workspace.openTextDocument(job);
  } catch (error) {
    void vscode.window.showErrorMessage(`Spark DRA could not open ${basename(job)}: ${errorText(error)}`);
    return undefined;
  }
  return { jobUri: job.toString() };
}

export function registerReplay(services: Services, panels: PanelHost): vscode.Disposable {
  return vscode.commands.registerCommand('sparkDra.replayEventLog', async (arg?: unknown, options?: unknown) => {
    const log = arg instanceof vscode.Uri ? arg : await pickLog();
    if (!log) return;
    if (log.scheme !== 'file') {
      void vscode.window.showErrorMessage('Spark DRA replays event logs from the local file system only.');
      return;
    }
    const conf =
      arg instanceof vscode.Uri ? await configurationFromArgument(options) : await pickConfiguration(services);
    if (!conf) return;
    const target: ReplayTarget =
      conf.jobUri === undefined ? { path: log.fsPath } : { path: log.fsPath, jobUri: conf.jobUri };
    const name = logName(target.path);
    const params: ReplayEventLogParams =
      target.jobUri === undefined ? { path: target.path } : { path: target.path, uri: target.jobUri };
    const started = Date.now();
    let response: ReplayEventLogResponse | undefined;
    try {
      response = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Replaying ${name}`, cancellable: true },
        async (progress, token) => {
          progress.report({ message: 'reading the event log and simulating its workload…' });
          const answer = await services.api.replay(params, token);
          return token.isCancellationRequested ? undefined : answer;
        },
      );
    } catch (error) {
      // A cancelled request rejects; say nothing then.
      if (!/cancel/i.test(errorText(error))) await showFailure(`Replay of ${name} failed: ${errorText(error)}`);
      return;
    }
    if (!response) return;
    if (!response.ok) {
      await showFailure(`Replay of ${name} failed: ${problemText(response.problem)}`);
      return;
    }
    services.log(`replayed ${target.path} in ${Date.now() - started} ms`);
    for (const line of replaySummaryLines(name, response.value)) services.output.appendLine(line);
    panels.showReplay(target, response);
    const details = 'Show Comparison';
    void vscode.window.showInformationMessage(replayHeadline(name, response.value), details).then((answer) => {
      if (answer === details) services.output.show(true);
    });
  });
}
