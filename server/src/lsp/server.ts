// The language server: wires LSP requests to the engine's facade. Holds no Spark knowledge of its own.
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  FileChangeType,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeLens,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSparkDraService, normalizeVersion, type SparkDraService } from '../engine';
import {
  AdviseRequest,
  EffectiveConfigRequest,
  FileInfoRequest,
  ReplayEventLogRequest,
  ServerFactsRequest,
  SetVersionOverrideNotification,
  SimulateRequest,
  UpgradeDiffRequest,
  ValueEditsRequest,
  type SetVersionOverrideParams,
} from '../../../protocol/requests';
import { PACKAGE_VERSION } from '../../../protocol/build-info';
import { failure } from '../../../protocol/result';
import { readClientOptions, type ClientOptions } from './client-options';
import type { ServerContext } from './context';
import { DiagnosticsPublisher } from './diagnostics';
import { findRulesDoc, RuleDocs } from './rule-docs';
import { DocumentModels } from './documents';
import { adviseHandler } from './handlers/advise';
import { codeActionHandler } from './handlers/code-actions';
import { FIX_ALL_KIND } from './handlers/fix-all';
import {
  codeLensHandler,
  codeLensResolveHandler,
  JobLensRuns,
  lensArguments,
  LENS_COMMAND,
} from './handlers/code-lens';
import { completionHandler, completionResolveHandler } from './handlers/completion';
import { documentLinkHandler } from './handlers/document-links';
import { hoverHandler } from './handlers/hover';
import { effectiveConfigHandler, fileInfoHandler, serverFactsHandler } from './handlers/info';
import { replayHandler } from './handlers/replay';
import { simulateHandler } from './handlers/simulate';
import { upgradeDiffHandler } from './handlers/upgrade-diff';
import { valueEditsHandler } from './handlers/value-edits';
import { DEFAULT_SETTINGS, readSettings, type ServerSettings } from './settings';
import { findWorkerBundle, WorkPool } from './work/pool';
import { WorkspaceClaims } from './workspace-claims';
import { reindexWorkspaceFile, scanWorkspaceYaml } from './workspace-scan';
import { WorkspaceStorageClasses } from './workspace-storage-classes';

export function startServer(connection: Connection): void {
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let service: SparkDraService = createSparkDraService(settings.engine);
  let clientOptions: ClientOptions = {};
  let canAskConfiguration = false;
  let canRefreshLenses = false;
  const lensRuns = new JobLensRuns();
  const documents = new TextDocuments(TextDocument);
  const models = new DocumentModels(() => service);
  const ctx: ServerContext = {
    connection,
    documents,
    models,
    storageClasses: new WorkspaceStorageClasses(),
    claims: new WorkspaceClaims(),
    service: () => service,
    settings: () => settings,
    client: () => clientOptions,
    work: new WorkPool(findWorkerBundle(), () => settings.work),
  };
  const diagnostics = new DiagnosticsPublisher(ctx, new RuleDocs(findRulesDoc()));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientOptions = readClientOptions(params.initializationOptions);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    if (canAskConfiguration) diagnostics.waitForSettings();
    canRefreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    if (clientOptions.workspaceTrusted !== false) {
      scanWorkspaceYaml(folders, service, [ctx.storageClasses, ctx.claims]);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', '"', '=', ' ', ':', "'"], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source, FIX_ALL_KIND],
        },
        codeLensProvider: { resolveProvider: true },
        documentLinkProvider: { resolveProvider: false },
      },
      serverInfo: { name: 'spark-dra', version: PACKAGE_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (!canAskConfiguration) return;
    void connection.client
      .register(DidChangeConfigurationNotification.type, { section: 'sparkDra' })
      .catch(() => undefined);
    void refreshSettings();
  });

  function applySettings(next: ServerSettings): void {
    settings = next;
    service = createSparkDraService(settings.engine);
    models.clear();
    lensRuns.clear();
    diagnostics.settingsRead();
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }

  async function refreshSettings(): Promise<void> {
    try {
      const [raw] = await withTimeout(
        connection.workspace.getConfiguration([{ section: 'sparkDra' }]),
        SETTINGS_TIMEOUT_MS,
      );
      applySettings(readSettings(raw));
    } catch {
      applySettings(DEFAULT_SETTINGS);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    if (canAskConfiguration) void refreshSettings();
    else applySettings(readSettings((change.settings as { sparkDra?: unknown } | undefined)?.sparkDra));
  });

  documents.onDidChangeContent((event) => diagnostics.schedule(event.document));
  // A StorageClass or claim file changed on disk (open files are tracked as documents instead).
  connection.onDidChangeWatchedFiles((params) => {
    if (clientOptions.workspaceTrusted === false) return;
    const indexes = [ctx.storageClasses, ctx.claims];
    let changed = false;
    for (const change of params.changes) {
      changed = reindexWorkspaceFile(change.uri, change.type === FileChangeType.Deleted, service, indexes) || changed;
    }
    if (changed) diagnostics.revalidateAll();
  });
  documents.onDidClose((event) => {
    models.forget(event.document.uri);
    lensRuns.forget(event.document.uri);
    ctx.storageClasses.updateOpenDocument(event.document.uri, undefined);
    ctx.claims.updateOpenDocument(event.document.uri, undefined);
    diagnostics.clear(event.document.uri);
  });

  connection.onCompletion(guard(completionHandler(ctx), []));
  connection.onCompletionResolve((item, token) => guard(completionResolveHandler(ctx), item)(item, token));
  connection.onHover(guard(hoverHandler(ctx), null));
  connection.onCodeAction(guard(codeActionHandler(ctx, diagnostics), []));
  connection.onCodeLens(guard(codeLensHandler(ctx), []));
  connection.onDocumentLinks(guard(documentLinkHandler(ctx), []));
  connection.onCodeLensResolve(guardLens(codeLensResolveHandler(ctx, lensRuns)));
  connection.onRequest(FileInfoRequest, guard(fileInfoHandler(ctx), { jobs: 0 }));
  connection.onRequest(ServerFactsRequest, serverFactsHandler(ctx));
  connection.onRequest(EffectiveConfigRequest, guard(effectiveConfigHandler(ctx), internalFailure));
  connection.onRequest(SimulateRequest, guardAsync(simulateHandler(ctx), internalFailure));
  connection.onRequest(ValueEditsRequest, guard(valueEditsHandler(ctx), internalFailure));
  connection.onRequest(ReplayEventLogRequest, guardAsync(replayHandler(ctx), internalFailure));
  connection.onRequest(UpgradeDiffRequest, guardAsync(upgradeDiffHandler(ctx), internalFailure));
  connection.onRequest(AdviseRequest, guardAsync(adviseHandler(ctx), internalFailure));
  connection.onNotification(SetVersionOverrideNotification, (params: SetVersionOverrideParams) => {
    if (!params || typeof params.uri !== 'string') return;
    const version = typeof params.sparkVersion === 'string' ? normalizeVersion(params.sparkVersion) : undefined;
    models.setVersionOverride(params.uri, version);
    const doc = documents.get(params.uri);
    if (doc) diagnostics.invalidate(doc);
  });

  connection.onShutdown(() => ctx.work.dispose());
  documents.listen(connection);
  connection.listen();

  /** A handler that throws must not take the server down: invalid parameters answer with their error, the rest is logged. */
  function guard<P, R>(
    handler: (params: P, token: CancellationToken) => R,
    fallback: R,
  ): (params: P, token: CancellationToken) => R {
    return (params, token) => {
      try {
        return handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(error);
        return fallback;
      }
    };
  }

  function guardAsync<P, R>(
    handler: (params: P, token: CancellationToken) => Promise<R>,
    fallback: R,
  ): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      try {
        return await handler(params, token);
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logError(error);
        return fallback;
      }
    };
  }

  /** A lens that fails to resolve keeps its place with a plain Simulate command. */
  function guardLens(handler: (lens: CodeLens) => Promise<CodeLens>): (lens: CodeLens) => Promise<CodeLens> {
    return async (lens) => {
      try {
        return await handler(lens);
      } catch (error) {
        logError(error);
        return { ...lens, command: { title: 'Simulate', command: LENS_COMMAND, arguments: lensArguments(lens) } };
      }
    };
  }

  function logError(error: unknown): void {
    connection.console.error(`spark-dra: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

/** A client that says it answers settings requests but does not, within this long, gets the default settings. */
const SETTINGS_TIMEOUT_MS = 5000;

/** The promise's value, or a rejection after `ms` (the promise itself is left to settle on its own). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const internalFailure = failure('internal', 'The request failed unexpectedly; see the Spark DRA output for details.');
