// JSON peers of the typing benchmark that run as their own process over stdio, as VS Code runs its JSON server:
//
// - "VS Code JSON server": VS Code's json-language-features server as built from VS Code's sources and published by
//   vscode-langservers-extracted (same vscode-json-languageservice as the in-process peer). VS Code's client asks it
//   for diagnostics by pull (`textDocument/diagnostic`) when the client supports pull, which VS Code does; we declare
//   that capability, so a keystroke is timed from its didChange to the answer of the pull that follows it, with no
//   debounce on either side (spark-dra also runs with `debounceMs: 0`).
// - "vscode-json-languageserver": Microsoft's last npm publish of that server (an older language service). It only
//   pushes diagnostics, after a fixed 300 ms timer that cannot be configured; a keystroke is timed to its
//   publishDiagnostics and that timer is subtracted.
//
// Both get what VS Code gives them for a plain `*.json` job file: validation on, no schema. VS Code associates
// schemas with files through the `json.schemas` setting and extensions' `jsonValidation` contributions; spark-dra
// contributes none and no built-in association matches a job file's name, so the association list is empty.
import { createRequire } from 'node:module';
import { LspProcess } from './lsp-process.mjs';

const require = createRequire(import.meta.url);
/** The push-only server waits this long after a change before it validates (its jsonServer.js, not configurable). */
const PUSH_SERVER_DELAY_MS = 300;

const JSON_SETTINGS = {
  http: { proxy: '', proxyStrictSSL: true },
  json: { validate: { enable: true }, schemas: [], format: { enable: false }, resultLimit: 5000 },
};

function serverScript(packageName, relativePath) {
  return require.resolve(`${packageName}/${relativePath}`);
}

/** The RPC peers, each `{ label, start() }`; start() returns `{ measure(file, versions), stop() }`. */
export function jsonRpcPeers() {
  return [
    {
      label: 'VS Code JSON server (pull)',
      start: () =>
        startPeer(
          serverScript('vscode-langservers-extracted', 'lib/json-language-server/node/jsonServerMain.js'),
          true,
        ),
    },
    {
      label: 'vscode-json-languageserver 1.3.4 (push − 300 ms)',
      start: () => startPeer(serverScript('vscode-json-languageserver', 'out/node/jsonServerMain.js'), false),
    },
  ];
}

async function startPeer(script, pull) {
  const server = new LspProcess('json peer', [script, '--stdio'], () => null);
  await server.initialize(
    { handledSchemaProtocols: ['file'], provideFormatter: false },
    30_000,
    pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {},
  );
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: JSON_SETTINGS });
  await server.connection.sendNotification('json/schemaAssociations', []);
  return {
    measure: (file, versions) => (pull ? measurePull(server, file, versions) : measurePush(server, file, versions)),
    stop: () => server.stop(),
  };
}

function change(uri, version, position) {
  return {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: position, end: position }, text: '7' }],
  };
}

/** Milliseconds from each keystroke's didChange to the answer of the diagnostic pull sent right after it. */
async function measurePull(server, file, versions) {
  const uri = server.uri(`peer-${file.name}`);
  await server.open(uri, file.languageId, file.text);
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }); // warm-up, untimed
  const times = [];
  let count = 0;
  for (let i = 0; i < versions.length; i++) {
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', change(uri, i + 2, versions[i].position));
    const report = await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    times.push(performance.now() - sent);
    count = report?.items?.length ?? 0;
  }
  await server.close(uri);
  return { times, diagnostics: count };
}

/** Milliseconds from each keystroke's didChange to its publishDiagnostics, less the server's fixed delay. */
async function measurePush(server, file, versions) {
  const uri = server.uri(`peer-${file.name}`);
  const first = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 120_000, 'first diagnostics');
  await server.open(uri, file.languageId, file.text);
  let count = (await first).count;
  const times = [];
  for (let i = 0; i < versions.length; i++) {
    const next = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 120_000, 'typing diagnostics');
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', change(uri, i + 2, versions[i].position));
    const published = await next;
    times.push(published.at - sent - PUSH_SERVER_DELAY_MS);
    count = published.count;
  }
  await server.close(uri);
  return { times, diagnostics: count };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Starts the RPC peers once for a whole run; a peer that does not start is reported and left out. */
export async function startJsonRpcPeers(log) {
  const started = [];
  for (const peer of jsonRpcPeers()) {
    try {
      started.push({ label: peer.label, session: await peer.start() });
    } catch (error) {
      log(`typing: ${peer.label} did not start (${error instanceof Error ? error.message : String(error)}); left out`);
    }
  }
  return started;
}

/** Each started peer's median typed char → diagnostics on the file's keystrokes (warm-up keystroke untimed). */
export async function measureJsonRpcPeers(started, file, versions) {
  const results = [];
  for (const { label, session } of started) {
    const { times, diagnostics } = await session.measure(file, versions);
    results.push({ label, ms: median(times), diagnostics });
  }
  return results;
}

export async function stopJsonRpcPeers(started) {
  for (const { session } of started) await session.stop();
}

/** The JSON rows side by side: spark-dra over JSON-RPC and in process against each peer, with the ratios. */
export function printJsonPeerTable(rows, log) {
  const fmt = (ms) => (ms === undefined ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
  const ratio = (peer, ours) => (peer === undefined || !ours ? '–' : `${(peer / ours).toFixed(2)}×`);
  const json = rows.filter((r) => r.rpcPeers !== undefined);
  if (json.length === 0) return;
  log('');
  log('JSON typed char → diagnostics against peers (ms, medians; ratio = peer / spark-dra, ≥ 1.0: spark-dra as fast)');
  log(
    'file                 diagnostics  ours RPC  ours in-proc  peer in-proc  ratio in-proc  peer                                              peer ms  peer diags  ratio RPC',
  );
  for (const r of json) {
    const peers = r.rpcPeers.length > 0 ? r.rpcPeers : [{ label: '(no RPC peer started)' }];
    peers.forEach((p, i) => {
      const lead =
        i === 0
          ? `${r.file.padEnd(20)} ${String(r.diagnostics ?? '–').padStart(11)}  ${fmt(r.typingMs).padStart(8)}  ${fmt(r.inProcessMs).padStart(12)}  ${fmt(r.peerMs).padStart(12)}  ${ratio(r.peerMs, r.inProcessMs).padStart(13)}`
          : ' '.repeat(88);
      log(
        `${lead}  ${p.label.padEnd(48)}  ${fmt(p.ms).padStart(7)}  ${String(p.diagnostics ?? '–').padStart(10)}  ${ratio(p.ms, r.typingMs).padStart(9)}`,
      );
    });
  }
}
