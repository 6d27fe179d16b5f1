// The language server: wires LSP requests to the engine. Holds no Spark knowledge of its own.
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  EffectiveConfigRequest,
  FileInfoRequest,
  SetVersionOverrideNotification,
  SimulateRequest,
  type EffectiveConfigParams,
  type FileInfoParams,
  type SetVersionOverrideParams,
  type SimulateResponse,
} from '../protocol';
import { DocumentAnalyses } from './documents';
import { readClientOptions, type ClientOptions } from './client-options';
import { DiagnosticsPublisher } from './diagnostics';
import { provideCodeActions } from './handlers/code-actions';
import { provideCompletion } from './handlers/completion';
import { provideHover } from './handlers/hover';
import { effectiveConfigFor, fileInfoFor } from './handlers/info';
import { checkSimulateParams, simulateFor } from './handlers/simulate';
import { replayHandler } from './handlers/replay';
import { valueEditsHandler } from './handlers/value-edits';
import {
  ReplayEventLogRequest,
  ValueEditsRequest,
  type ReplayEventLogResponse,
  type ValueEditsResponse,
} from '../protocol';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { WorkspaceStorageClasses } from './workspace-storage-classes';
import { normalizeVersion } from '../engine/version';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let clientOptions: ClientOptions = {};
  let canAskConfiguration = false;
  const analyses = new DocumentAnalyses(() => settings.defaultSparkVersion);
  const storageClasses = new WorkspaceStorageClasses();
  const diagnostics = new DiagnosticsPublisher(
    connection,
    documents,
    analyses,
    storageClasses,
    () => settings,
    () => clientOptions,
  );

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientOptions = readClientOptions(params.initializationOptions);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    if (clientOptions.workspaceTrusted !== false) storageClasses.scanFolders(folders);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '"', '=', ' ', ':', "'"], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'spark-dra', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canAskConfiguration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'sparkDra' })
        .catch(() => undefined);
      void refreshSettings();
    }
  });

  async function refreshSettings(): Promise<void> {
    if (!canAskConfiguration) return;
    try {
      const [raw] = await connection.workspace.getConfiguration([{ section: 'sparkDra' }]);
      settings = readSettings(raw);
    } catch {
      settings = DEFAULT_SETTINGS;
    }
    analyses.clear();
    diagnostics.revalidateAll();
  }

  connection.onDidChangeConfiguration((change) => {
    if (canAskConfiguration) void refreshSettings();
    else {
      const raw = (change.settings as { sparkDra?: unknown } | undefined)?.sparkDra;
      settings = readSettings(raw);
      analyses.clear();
      diagnostics.revalidateAll();
    }
  });

  documents.onDidChangeContent((event) => {
    storageClasses.updateOpenDocument(event.document.uri, analyses.get(event.document).parsed.storageClasses);
    diagnostics.schedule(event.document);
    // A StorageClass edit can change findings in other open job files.
    if (analyses.get(event.document).parsed.storageClasses.length > 0) diagnostics.revalidateAll(event.document.uri);
  });
  documents.onDidClose((event) => {
    analyses.forget(event.document.uri);
    storageClasses.updateOpenDocument(event.document.uri, undefined);
    diagnostics.clear(event.document.uri);
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc
      ? guard(() => provideCompletion(doc, analyses.get(doc), params.position, storageClasses.names()), [])
      : [];
  });
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    return doc
      ? guard(() => provideHover(doc, analyses.get(doc), params.position, storageClasses.all(doc.uri)), null)
      : null;
  });
  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return guard(
      () => provideCodeActions(doc, diagnostics.findings(doc), params.range, params.context.diagnostics),
      [],
    );
  });

  connection.onRequest(FileInfoRequest, (params: FileInfoParams) => {
    const doc = documents.get(params?.uri);
    return doc ? fileInfoFor(analyses.get(doc)) : { jobs: 0 };
  });
  connection.onRequest(EffectiveConfigRequest, (params: EffectiveConfigParams) => {
    const doc = documents.get(params?.uri);
    return doc ? guard(() => effectiveConfigFor(doc, analyses.get(doc), params.jobIndex ?? 0), null) : null;
  });
  connection.onRequest<SimulateResponse, void>(SimulateRequest, (raw: unknown): SimulateResponse => {
    const checked = checkSimulateParams(raw);
    if (!checked.ok) return checked;
    const doc = documents.get(checked.params.uri);
    if (!doc) return { ok: false, error: 'The document is not open.' };
    const run = () => simulateFor(analyses.get(doc), checked.params, settings, storageClasses.all(doc.uri));
    return guard(run, { ok: false, error: 'The simulation failed unexpectedly; see the Spark DRA output.' });
  });
  connection.onRequest<ReplayEventLogResponse, void>(
    ReplayEventLogRequest,
    replayHandler({
      documents,
      analyses,
      settings: () => settings,
      trusted: () => clientOptions.workspaceTrusted !== false,
    }),
  );
  connection.onRequest<ValueEditsResponse, void>(ValueEditsRequest, valueEditsHandler(documents, analyses));
  connection.onNotification(SetVersionOverrideNotification, (params: SetVersionOverrideParams) => {
    if (!params || typeof params.uri !== 'string') return;
    const version = typeof params.sparkVersion === 'string' ? normalizeVersion(params.sparkVersion) : undefined;
    analyses.setVersionOverride(params.uri, version);
    const doc = documents.get(params.uri);
    if (doc) diagnostics.invalidate(doc);
  });

  documents.listen(connection);
  connection.listen();

  /** A handler that throws must not take the server down; the request just gets an empty answer. */
  function guard<T>(run: () => T, fallback: T): T {
    try {
      return run();
    } catch (error) {
      connection.console.error(`spark-dra: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return fallback;
    }
  }
}
