// The VS Code face: starts the language server and registers the Spark DRA commands.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

const DOCUMENT_SELECTOR = [
  { language: 'json' },
  { language: 'jsonc' },
  { language: 'yaml' },
  { language: 'python' },
  { language: 'spark-defaults' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { configurationSection: 'sparkDra' },
    initializationOptions: {
      // VS Code's own JSON support already reports JSON syntax errors; the YAML extension, when installed, YAML's.
      editorShowsSyntaxErrors: vscode.extensions.getExtension('redhat.vscode-yaml') ? ['json', 'yaml'] : ['json'],
      workspaceTrusted: vscode.workspace.isTrusted,
    },
  };
  client = new LanguageClient('sparkDra', 'Spark DRA', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
