// What users wait for while they edit large files: typed character → diagnostics, first open, completion / hover
// latency (p95) and peak memory, against VS Code's JSON language service and yaml-language-server on the same text.
//
// Method. spark-dra runs as dist/server.js over stdio with `debounceMs: 0`; a keystroke is one incremental
// didChange inserting a character inside a value, timed to the publishDiagnostics of that version ("over JSON-RPC":
// the transfer of thousands of diagnostics included). The same keystrokes are also timed in this process on the
// engine's facade, as the server uses it: each version opened from the previous one, then its diagnostics ("in
// process"), and opened afresh ("no reuse"). The peers run in this process (bench/typing-peers.mjs), so the fair
// ratio is the in-process one; the JSON-RPC ratio is printed too. Medians over the keystrokes; yaml-language-server
// takes seconds per keystroke on large files, so it gets at most 3 there. Memory: the server's peak resident set per
// file (Linux: VmHWM, reset between files through /proc/PID/clear_refs) and this process's peak heap during the
// in-process runs. Completion and hover are timed over the connection at positions spread through the file.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { generateEmrJson, generateSparkApplicationYaml } from './generate.mjs';
import { LspProcess } from './lsp-process.mjs';
import { jsonPeer, yamlPeer } from './typing-peers.mjs';
import { measureJsonRpcPeers, printJsonPeerTable, startJsonRpcPeers, stopJsonRpcPeers } from './typing-rpc-peers.mjs';

export const name = 'typing';
export const description =
  'typed char → diagnostics (over JSON-RPC and in process), first open, completion/hover p95, peak memory at 2k–50k lines, vs the JSON and YAML services';

const ROOT = resolve(import.meta.dirname, '..');
/** Another build's server can be measured with SPARK_DRA_SERVER=path/to/server.js (before/after comparisons). */
const OUR_SERVER = process.env.SPARK_DRA_SERVER ?? join(ROOT, 'dist/server.js');
const ENTRY_BUNDLE = join(ROOT, 'out/bench/typing-entry.cjs');
const DEFAULT_SIZES = [2000, 10000, 50000];
const MiB = 1024 * 1024;
/** Keystrokes for yaml-language-server on files this large or larger. */
const SLOW_PEER_LINES = 10_000;

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const fmt = (ms) => (ms === undefined ? '–' : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function spreadDefaults(lines) {
  const out = ['# spark-dra: sparkVersion=3.5.1'];
  for (let i = 0; out.length < lines; i++) {
    out.push(`spark.dynamicAllocation.maxExecutors ${10 + (i % 90)}`, `spark.executor.cores ${1 + (i % 8)}`);
  }
  return `${out.join('\n')}\n`;
}

function positionAt(text, offset) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** Offsets just inside values of Spark keys, spread evenly through the text. */
function valueOffsets(text, count) {
  const offsets = [];
  const pattern = /spark\.[A-Za-z.]+(?:"\s*:\s*"|: "?| )/g;
  const all = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) all.push(m.index + m[0].length);
  for (let i = 0; i < count && all.length > 0; i++) offsets.push(all[Math.floor(((i + 0.5) * all.length) / count)]);
  return offsets;
}

/** The texts after each keystroke: a '7' typed inside a value, at offsets spread through the file. */
function keystrokes(text, count) {
  const versions = [];
  let current = text;
  const offsets = valueOffsets(text, count);
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i] + i; // each earlier insertion shifts the later offsets by one
    versions.push({ at, position: positionAt(current, at), text: `${current.slice(0, at)}7${current.slice(at)}` });
    current = versions[versions.length - 1].text;
  }
  return versions;
}

/** The process's peak resident set since the last reset, in bytes (Linux only; undefined elsewhere). */
function peakRss(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a new peak-RSS window for the process (writing 5 to clear_refs resets VmHWM). */
function resetPeakRss(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then covers the server's life so far.
  }
}

async function startOurs() {
  const server = new LspProcess('spark-dra', [OUR_SERVER, '--stdio'], (item) =>
    item.section === 'sparkDra' ? { debounceMs: 0 } : null,
  );
  const pulled = server.next((e) => e.type === 'configuration' && e.section === 'sparkDra', 15_000, 'settings pull');
  await server.initialize({});
  await pulled;
  await sleep(100);
  return server;
}

async function measureOverRpc(server, file, versions) {
  const pid = server.process.pid;
  resetPeakRss(pid);
  const uri = server.uri(`typing-${file.name}`);
  const opened = performance.now();
  const first = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 120_000, 'first diagnostics');
  await server.open(uri, file.languageId, file.text);
  const firstOpenMs = (await first).at - opened;
  const typing = [];
  let diagnostics;
  for (let i = 0; i < versions.length; i++) {
    const { position } = versions[i];
    const next = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 120_000, 'typing diagnostics');
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: position, end: position }, text: '7' }],
    });
    const published = await next;
    typing.push(published.at - sent);
    diagnostics = published.count;
  }
  const text = versions.length > 0 ? versions[versions.length - 1].text : file.text;
  const completion = [];
  const hover = [];
  for (const offset of valueOffsets(text, 40)) {
    const position = positionAt(text, offset);
    let t = performance.now();
    await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    completion.push(performance.now() - t);
    const keyPosition = { line: position.line, character: Math.max(0, position.character - 8) };
    t = performance.now();
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: keyPosition });
    hover.push(performance.now() - t);
  }
  await server.close(uri);
  const peak = peakRss(pid);
  return {
    firstOpenMs,
    typingMs: median(typing),
    diagnostics,
    completionP95Ms: p95(completion),
    hoverP95Ms: p95(hover),
    serverPeakRssMiB: peak === undefined ? undefined : peak / MiB,
  };
}

/** The engine in this process on the same keystrokes: reopened from the previous version, and opened afresh. */
function measureInProcess(engine, file, versions) {
  const service = engine.createSparkDraService({});
  const input = (text) => ({ text, fileName: `/tmp/spark-dra-bench/${file.name}`, languageId: file.languageId });
  let doc = service.open(input(file.text));
  doc.diagnostics();
  const reused = [];
  const fresh = [];
  let heapPeak = process.memoryUsage().heapUsed;
  for (const version of versions) {
    let t = performance.now();
    doc = service.open(input(version.text), doc);
    doc.diagnostics();
    reused.push(performance.now() - t);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    t = performance.now();
    service.open(input(version.text)).diagnostics();
    fresh.push(performance.now() - t);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  return { inProcessMs: median(reused), noReuseMs: median(fresh), heapPeakMiB: heapPeak / MiB };
}

async function measurePeer(peer, file, versions) {
  if (!peer) return undefined;
  await peer(file.text, 1); // warm-up, untimed
  const times = [];
  for (let i = 0; i < versions.length; i++) times.push(await peer(versions[i].text, i + 2));
  return median(times);
}

async function bundleEngine() {
  mkdirSync(dirname(ENTRY_BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'bench/typing-entry.ts')],
    outfile: ENTRY_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // jsonc-parser's UMD build hides its requires from the bundler (as in scripts/build.mjs).
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(ENTRY_BUNDLE);
}

export async function run(options = {}) {
  const log = options.log ?? console.log;
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const repeat = options.repeat ?? 9;
  const engine = await bundleEngine();
  const peers = { json: jsonPeer(), yaml: yamlPeer() };
  const server = await startOurs();
  const rpcPeers = await startJsonRpcPeers(log);
  // SPARK_DRA_BENCH_FORMATS=json (a list of language ids) measures only those files, e.g. while iterating.
  const formats = process.env.SPARK_DRA_BENCH_FORMATS?.split(',');
  const rows = [];
  try {
    for (const lines of sizes) {
      const files = [
        { name: `emr-${lines}.json`, languageId: 'json', text: generateEmrJson(lines) },
        { name: `apps-${lines}.yaml`, languageId: 'yaml', text: generateSparkApplicationYaml(lines) },
        { name: `defaults-${lines}.spark-defaults.conf`, languageId: 'spark-defaults', text: spreadDefaults(lines) },
      ];
      for (const file of files.filter((f) => !formats || formats.includes(f.languageId))) {
        const versions = keystrokes(file.text, repeat);
        const rpc = await measureOverRpc(server, file, versions);
        const local = measureInProcess(engine, file, versions);
        const peerVersions = file.languageId === 'yaml' && lines >= SLOW_PEER_LINES ? versions.slice(0, 3) : versions;
        const peerMs = await measurePeer(peers[file.languageId], file, peerVersions);
        const rpcPeerMs = file.languageId === 'json' ? await measureJsonRpcPeers(rpcPeers, file, versions) : undefined;
        rows.push({
          file: file.name,
          lines,
          ...rpc,
          ...local,
          peerMs,
          peerKeystrokes: peerVersions.length,
          rpcPeers: rpcPeerMs,
        });
      }
    }
  } finally {
    await server.stop();
    await stopJsonRpcPeers(rpcPeers);
  }
  const ratio = (peer, ours) => (peer === undefined ? '–' : `${(peer / ours).toFixed(2)}×`);
  log(
    'file                                  first open  over JSON-RPC  in process  no reuse      peer  ratio RPC  ratio in-proc  completion p95  hover p95',
  );
  for (const r of rows) {
    log(
      `${r.file.padEnd(37)} ${fmt(r.firstOpenMs).padStart(10)}  ${fmt(r.typingMs).padStart(13)}  ${fmt(r.inProcessMs).padStart(10)}  ${fmt(r.noReuseMs).padStart(8)}  ${fmt(r.peerMs).padStart(8)}  ${ratio(r.peerMs, r.typingMs).padStart(9)}  ${ratio(r.peerMs, r.inProcessMs).padStart(13)}  ${fmt(r.completionP95Ms).padStart(14)}  ${fmt(r.hoverP95Ms).padStart(9)}`,
    );
  }
  log(
    'ms, medians. peer = vscode-json-languageservice for JSON, yaml-language-server for YAML (both in this process).',
  );
  log('ratio = peer / spark-dra for the same keystrokes (≥ 1.0: spark-dra as fast or faster).');
  printJsonPeerTable(rows, log);
  log('');
  log('file                                  server peak RSS (MiB)  in-process peak heap (MiB)');
  for (const r of rows) {
    const rss = r.serverPeakRssMiB === undefined ? '–' : r.serverPeakRssMiB.toFixed(0);
    log(`${r.file.padEnd(37)} ${rss.padStart(21)}  ${r.heapPeakMiB.toFixed(0).padStart(26)}`);
  }
  return { rows };
}
