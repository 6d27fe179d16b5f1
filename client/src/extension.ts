// The VS Code face: starts the language server and registers the Spark DRA commands, status bar and panels.
// Holds no Spark knowledge: every answer comes from the language server.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCompareVersion } from './commands/compare-version';
import { registerNewJobFile } from './commands/new-job-file';
import { registerWalkthrough } from './commands/walkthrough';
import { registerEffectiveConfig } from './commands/effective-config';
import { registerReplay } from './commands/replay';
import { registerSelectVersion, sendRememberedVersions } from './commands/select-version';
import { registerSimulate } from './commands/simulate';
import { registerSuggestSettings } from './commands/suggest-settings';
import { registerStatusMenu } from './status-menu';
import { registerEmptyFileTemplates } from './empty-file-templates';
import { JobFileTracker } from './job-file-tracker';
import { JOB_FILE_LANGUAGES } from './languages';
import { SimulationPanel } from './panel/simulation-panel';
import { PanelHost } from './panel-host';
import { ServerApi } from './server-api';
import { errorText, type Services } from './services';
import { VersionOverrides } from './version-overrides';

let client: LanguageClient | undefined;

function debounceMs(): number {
  const value = vscode.workspace.getConfiguration('sparkDra').get<number>('debounceMs', 200);
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, 5000) : 200;
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: JOB_FILE_LANGUAGES.map((language) => ({ language })),
    synchronize: { configurationSection: 'sparkDra' },
    outputChannel: output,
    // A function: read again on every (re)start, so a restart after the workspace is trusted tells the server.
    initializationOptions: () => ({
      // VS Code's own JSON support already reports JSON syntax errors; the YAML extension, when installed, YAML's.
      editorShowsSyntaxErrors: vscode.extensions.getExtension('redhat.vscode-yaml') ? ['json', 'yaml'] : ['json'],
      // In an untrusted workspace the server reads nothing beyond the open files.
      workspaceTrusted: vscode.workspace.isTrusted,
    }),
  };
  return new LanguageClient('sparkDra', 'Spark DRA', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Spark DRA', { log: true });
  context.subscriptions.push(output);
  const log = (message: string): void => output.info(message);

  const languageClient = createClient(context, output);
  client = languageClient;
  let running: Promise<void> | undefined;
  const ready = (): Promise<void> => (running ??= languageClient.start());
  const api = new ServerApi(languageClient, ready);
  const overrides = new VersionOverrides(context.workspaceState);
  const tracker = new JobFileTracker(api, overrides, debounceMs, log);
  const services: Services = { context, api, tracker, overrides, output, log };
  // Panels first: VS Code may be restoring a simulation panel (activation event onWebviewPanel:sparkDra.simulation).
  const panels = new PanelHost(services, debounceMs);

  context.subscriptions.push(
    tracker,
    panels,
    registerSimulate(services, panels),
    registerSuggestSettings(services, panels),
    registerReplay(services, panels),
    registerSelectVersion(services),
    registerStatusMenu(),
    registerCompareVersion(services),
    ...registerEffectiveConfig(services, debounceMs),
    registerNewJobFile(services),
    registerEmptyFileTemplates(context),
    ...registerWalkthrough(services),
    { dispose: () => SimulationPanel.disposeAll() },
    languageClient.onDidChangeState((event) => {
      // A restarted server has forgotten the versions chosen for files.
      if (event.oldState !== State.Running && event.newState === State.Running) void sendRememberedVersions(services);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      log('workspace trusted: restarting the language server so it may read the workspace');
      void languageClient.restart().catch((error: unknown) => log(`restart failed: ${errorText(error)}`));
    }),
  );

  // Activation ends here; the language server starts in the background (requests wait for it).
  const registered = performance.now();
  log(`activate: ${(registered - started).toFixed(0)} ms (commands, status bar and panels registered)`);
  ready().then(
    () => {
      log(`language server running ${(performance.now() - started).toFixed(0)} ms after activation began`);
      void tracker.refresh();
    },
    (error: unknown) => {
      log(`the language server did not start: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`Spark DRA: the language server did not start (${errorText(error)}).`);
    },
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
