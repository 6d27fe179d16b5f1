// What users wait for while they edit large files: typed character → diagnostics, first open after start, and
// completion / hover latency (p95), against VS Code's JSON language service on the same JSON in the same run.
//
// Method. spark-dra runs as dist/server.js over stdio with `debounceMs: 0`; a keystroke is one incremental
// didChange inserting a character inside a value, timed to the publishDiagnostics of that version. The JSON peer is
// vscode-json-languageservice (the library VS Code's JSON server runs), in this process: per keystroke it parses the
// whole text and validates it (what that server does after its own debounce), so its figure has no JSON-RPC
// transfer while ours does. Completion and hover are timed over the connection at positions spread through the file.
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { generateEmrJson, generateSparkApplicationYaml } from './generate.mjs';
import { LspProcess } from './lsp-process.mjs';

const require = createRequire(import.meta.url);
const { getLanguageService } = require('vscode-json-languageservice');
const { TextDocument } = require('vscode-languageserver-textdocument');

export const name = 'typing';
export const description =
  'typed char → diagnostics, first open, completion/hover p95 at 2k–50k lines, vs the JSON service';

const ROOT = resolve(import.meta.dirname, '..');
/** Another build's server can be measured with SPARK_DRA_SERVER=path/to/server.js (before/after comparisons). */
const OUR_SERVER = process.env.SPARK_DRA_SERVER ?? join(ROOT, 'dist/server.js');
const DEFAULT_SIZES = [2000, 10000, 50000];

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
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

async function measureFile(server, file, repeat) {
  const uri = server.uri(`typing-${file.name}`);
  const opened = performance.now();
  const first = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 60_000, 'first diagnostics');
  await server.open(uri, file.languageId, file.text);
  const firstOpenMs = (await first).at - opened;
  const typing = [];
  let text = file.text;
  const offsets = valueOffsets(text, repeat);
  for (let i = 0; i < offsets.length; i++) {
    const at = offsets[i] + i; // each earlier insertion shifts the later offsets by one
    const pos = positionAt(text, at);
    text = `${text.slice(0, at)}7${text.slice(at)}`;
    const next = server.next((e) => e.type === 'diagnostics' && e.uri === uri, 60_000, 'typing diagnostics');
    const sent = performance.now();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: i + 2 },
      contentChanges: [{ range: { start: pos, end: pos }, text: '7' }],
    });
    typing.push((await next).at - sent);
  }
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
  return { firstOpenMs, typingMs: median(typing), completionP95Ms: p95(completion), hoverP95Ms: p95(hover) };
}

/** VS Code's JSON service on the same keystrokes: parse the whole text and validate it, per keystroke. */
async function measurePeerSequential(text, repeat) {
  const service = getLanguageService({});
  const offsets = valueOffsets(text, repeat);
  const times = [];
  let current = text;
  for (let i = 0; i < offsets.length; i++) {
    current = `${current.slice(0, offsets[i] + i)}7${current.slice(offsets[i] + i)}`;
    const doc = TextDocument.create('file:///peer.json', 'json', i + 2, current);
    const t = performance.now();
    const parsed = service.parseJSONDocument(doc);
    await service.doValidation(doc, parsed, { comments: 'error', trailingCommas: 'error' });
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function run(options = {}) {
  const log = options.log ?? console.log;
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const repeat = options.repeat ?? 9;
  const server = await startOurs();
  const rows = [];
  try {
    for (const lines of sizes) {
      const files = [
        { name: `emr-${lines}.json`, languageId: 'json', text: generateEmrJson(lines) },
        { name: `apps-${lines}.yaml`, languageId: 'yaml', text: generateSparkApplicationYaml(lines) },
        { name: `defaults-${lines}.spark-defaults.conf`, languageId: 'spark-defaults', text: spreadDefaults(lines) },
      ];
      for (const file of files) {
        const ours = await measureFile(server, file, repeat);
        const peer = file.languageId === 'json' ? await measurePeerSequential(file.text, repeat) : undefined;
        rows.push({ file: file.name, lines, ...ours, jsonPeerTypingMs: peer });
      }
    }
  } finally {
    await server.stop();
  }
  log('file                                   first open  typed→diags  JSON service  ratio  completion p95  hover p95');
  for (const r of rows) {
    const ratio =
      r.jsonPeerTypingMs === undefined ? '     –' : `${(r.jsonPeerTypingMs / r.typingMs).toFixed(2)}×`.padStart(6);
    log(
      `${r.file.padEnd(38)} ${fmt(r.firstOpenMs).padStart(10)}  ${fmt(r.typingMs).padStart(11)}  ${(r.jsonPeerTypingMs === undefined ? '–' : fmt(r.jsonPeerTypingMs)).padStart(12)}  ${ratio}  ${fmt(r.completionP95Ms).padStart(14)}  ${fmt(r.hoverP95Ms).padStart(9)}`,
    );
  }
  log('ratio = JSON service median / spark-dra median for the same keystrokes (≥ 1.0: spark-dra as fast or faster).');
  return { rows };
}
