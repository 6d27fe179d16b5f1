// A minimal LSP client for benchmarks: spawns a language server over stdio (or Node IPC, as VS Code runs spark-dra),
// answers what servers ask of a client, and lets the caller wait for the next publishDiagnostics (or configuration
// request) of a document, with a timeout.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} = require('vscode-jsonrpc/node');

/** Rejects after `ms` with a message naming what was awaited. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class LspProcess {
  /**
   * @param {string} label for messages
   * @param {string[]} args node arguments (script and flags)
   * @param {(item: {section?: string, scopeUri?: string}) => unknown} configuration answers workspace/configuration
   * @param {'stdio' | 'ipc'} transport stdio (args should say --stdio) or Node IPC (args should say --node-ipc)
   */
  constructor(label, args, configuration, transport = 'stdio') {
    this.label = label;
    this.stderr = '';
    this.waiters = [];
    const ipc = transport === 'ipc';
    this.process = spawn(process.execPath, args, { stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe' });
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.stderr.on('data', (chunk) => {
      if (this.stderr.length < 20_000) this.stderr += chunk.toString();
    });
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createMessageConnection(
          new StreamMessageReader(this.process.stdout),
          new StreamMessageWriter(this.process.stdin),
        );
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.fire({ type: 'diagnostics', uri: params.uri, count: params.diagnostics.length, at: performance.now() });
    });
    this.connection.onRequest('workspace/configuration', (params) => {
      const at = performance.now();
      for (const item of params.items)
        this.fire({ type: 'configuration', section: item.section, uri: item.scopeUri, at });
      return params.items.map((item) => configuration(item) ?? null);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  fire(event) {
    for (const waiter of [...this.waiters]) {
      if (waiter.match(event)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }

  /** The next event matching `match` (diagnostics or configuration request), within `timeoutMs`. */
  next(match, timeoutMs, what) {
    let waiter;
    const promise = new Promise((resolve) => {
      waiter = { match, resolve };
      this.waiters.push(waiter);
    });
    return withTimeout(promise, timeoutMs, `${this.label}: ${what}`).catch((error) => {
      const index = this.waiters.indexOf(waiter);
      if (index >= 0) this.waiters.splice(index, 1);
      throw error;
    });
  }

  /** `textDocument` capabilities beyond publishDiagnostics can be added (e.g. `diagnostic` for pull diagnostics). */
  async initialize(initializationOptions, timeoutMs = 30_000, textDocumentCapabilities = {}) {
    await withTimeout(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            ...textDocumentCapabilities,
          },
        },
        initializationOptions,
      }),
      timeoutMs,
      `${this.label}: initialize`,
    );
    await this.connection.sendNotification('initialized', {});
  }

  uri(name) {
    return pathToFileURL(`/tmp/spark-dra-bench/${name}`).toString();
  }

  async open(uri, languageId, text) {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
  }

  async close(uri) {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Asks the server to shut down, then kills it if it has not exited within a few seconds. */
  async stop() {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 3000, `${this.label}: shutdown`);
      await this.connection.sendNotification('exit');
    } catch {
      // Gone or hung: killed below.
    }
    const exited = await Promise.race([
      this.exited.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 3000)),
    ]);
    this.connection.dispose();
    if (!exited) {
      this.process.kill('SIGKILL');
      await withTimeout(this.exited, 3000, `${this.label}: exit after kill`).catch(() => undefined);
    }
  }
}
