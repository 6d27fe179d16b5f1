// A real LSP client for protocol tests: spawns dist/server.js --stdio and speaks JSON-RPC to it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  CompletionItem,
  CompletionList,
  Diagnostic,
  Hover,
  InitializeParams,
  Position,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';

export const SERVER_PATH = resolve(__dirname, '../../dist/server.js');

export interface ClientOptions {
  /** Answer workspace/configuration with these settings; undefined = do not advertise the capability. */
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
  rootUri?: string | null;
}

export class TestLspClient {
  private readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly configurationWaiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  stderr = '';

  private constructor(private options: ClientOptions) {
    this.process = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createMessageConnection(
      new StreamMessageReader(this.process.stdout),
      new StreamMessageWriter(this.process.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      for (const waiter of this.waiters.filter((w) => w.uri === params.uri)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(params.diagnostics);
      }
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      const answer = params.items.map((item) => (item.section === 'sparkDra' ? (this.options.settings ?? {}) : null));
      for (const asked of this.configurationWaiters.splice(0)) asked();
      return answer;
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  static async start(options: ClientOptions = {}): Promise<TestLspClient> {
    const client = new TestLspClient(options);
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: options.rootUri ?? null,
      capabilities: {
        workspace: { configuration: options.settings !== undefined },
        textDocument: {
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown'] },
        },
      },
      initializationOptions: options.initializationOptions,
    };
    await client.connection.sendRequest('initialize', params);
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /**
   * Replaces the sparkDra settings the client answers with, tells the server they changed, and waits until the
   * server has asked for them (so a request sent afterwards is handled with the new settings).
   */
  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.options.settings = settings;
    const asked = new Promise<void>((resolve) => this.configurationWaiters.push(resolve));
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { sparkDra: settings } });
    await asked;
  }

  async open(fileName: string, languageId: string, text: string): Promise<string> {
    const uri = pathToFileURL(resolve('/tmp/spark-dra-protocol', fileName)).toString();
    this.versions.set(uri, 1);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = (await this.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
    })) as CompletionItem[] | CompletionList | null;
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return (await this.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position,
    })) as Hover | null;
  }

  async request<T>(method: string, params: unknown): Promise<T> {
    return (await this.connection.sendRequest(method, params)) as T;
  }

  /** Sends a request that should fail with an LSP error; returns its code and message (fails when it succeeds). */
  async requestError(method: string, params: unknown): Promise<{ code: number; message: string }> {
    try {
      await this.connection.sendRequest(method, params);
    } catch (error) {
      if (error instanceof ResponseError) return { code: error.code, message: error.message };
      throw error;
    }
    assert.fail(`${method} answered ${JSON.stringify(params)} instead of failing`);
  }

  /** Every publishDiagnostics received for the URI so far, oldest first. */
  published(uri: string): readonly PublishDiagnosticsParams[] {
    return this.diagnostics.get(uri) ?? [];
  }

  /** The next diagnostics published for the URI (waits up to `timeoutMs`). */
  nextDiagnostics(uri: string, timeoutMs = 5000): Promise<Diagnostic[]> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        uri,
        resolve: (d) => {
          clearTimeout(timer);
          resolvePromise(d);
        },
      });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process may already be gone.
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export { caret } from '../support/caret';
