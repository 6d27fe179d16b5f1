// Diagnostics latency of the language server on large job files, against yaml-language-server on the same YAML.
//
// Method. Each server runs as a separate process over stdio, driven like an editor would drive it.
// - spark-dra (dist/server.js): the client answers workspace/configuration with `sparkDra.debounceMs: 0`, so the
//   validation timer fires at once; the time is taken from sending didOpen to receiving publishDiagnostics.
// - yaml-language-server 1.25: its 200 ms validation delay is fixed (no setting). When that timer fires, the server
//   asks the client for the document's `[yaml]` settings (a workspace/configuration request scoped to the document):
//   the time is taken from receiving that request to receiving publishDiagnostics, which excludes the delay. Its
//   settings: validate on, hover/completion/format off, no schemas, schema store and CRD store off (no network).
// Both figures include the JSON-RPC transfer of the document-sized messages; neither includes a debounce. Every file
// is opened under a fresh URI (no cache), closed after each run, and measured `repeat` times after a warm-up; the
// median is reported, with the minimum and maximum.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { generateEmrJson, generateLargeSparkConfYaml, generateSparkApplicationYaml } from './generate.mjs';
import { LspProcess } from './lsp-process.mjs';

export const name = 'diagnostics';
export const description =
  'didOpen → publishDiagnostics on generated YAML and EMR JSON of 2k–50k lines, vs yaml-language-server';

const ROOT = resolve(import.meta.dirname, '..');
const OUR_SERVER = join(ROOT, 'dist/server.js');
const YAML_LS = join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
const DEFAULT_SIZES = [2000, 10000, 50000];
const TARGETS = { smallLines: 2000, smallMs: 20, largeLines: 50000, largeMs: 150, minRatio: 100 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));
/** How long yaml-language-server may take for one file before its time is reported as at least this. */
const PEER_TIMEOUT_MS = 180_000;

function label(lines) {
  return lines >= 1000 ? `${Math.round(lines / 1000)}k` : String(lines);
}

async function startOurs() {
  const server = new LspProcess('spark-dra', [OUR_SERVER, '--stdio'], (item) =>
    item.section === 'sparkDra' ? { debounceMs: 0 } : null,
  );
  const pulled = server.next((e) => e.type === 'configuration' && e.section === 'sparkDra', 15_000, 'settings pull');
  await server.initialize({});
  await pulled;
  await sleep(100); // let the answer land before the first didOpen
  return server;
}

const YAML_SETTINGS = {
  validate: true,
  hover: false,
  completion: false,
  format: { enable: false },
  schemas: {},
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

async function startYamlLs() {
  const server = new LspProcess('yaml-language-server', [YAML_LS, '--stdio'], (item) => {
    if (item.section === 'yaml') return YAML_SETTINGS;
    if (item.section === 'http') return {};
    if (item.section === '[yaml]') return {};
    if (item.section === 'editor') return {};
    return null;
  });
  await server.initialize({});
  const pulled = server.next((e) => e.type === 'configuration' && e.section === 'yaml', 15_000, 'settings pull');
  await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await pulled;
  await sleep(300);
  return server;
}

let serial = 0;

/** One measurement on our server: didOpen → diagnostics (debounce 0). */
async function measureOurs(server, file, timeoutMs) {
  const uri = server.uri(`r${serial++}-${file.name}`);
  const published = server.next(
    (e) => e.type === 'diagnostics' && e.uri === uri,
    timeoutMs,
    `diagnostics of ${file.name}`,
  );
  const start = performance.now();
  await server.open(uri, file.languageId, file.text);
  const event = await published;
  const ms = event.at - start;
  const cleared = server.next((e) => e.type === 'diagnostics' && e.uri === uri, timeoutMs, `clearing ${file.name}`);
  await server.close(uri);
  await cleared;
  return { ms, count: event.count };
}

/** One measurement on yaml-language-server: its validation timer firing → diagnostics. */
async function measureYamlLs(server, file, timeoutMs) {
  const uri = server.uri(`r${serial++}-${file.name}`);
  const fired = server.next(
    (e) => e.type === 'configuration' && e.section === '[yaml]' && e.uri === uri,
    timeoutMs,
    `validation of ${file.name}`,
  );
  const published = server.next(
    (e) => e.type === 'diagnostics' && e.uri === uri,
    timeoutMs,
    `diagnostics of ${file.name}`,
  );
  const start = performance.now();
  await server.open(uri, file.languageId, file.text);
  const timer = await fired;
  const event = await published;
  const cleared = server.next((e) => e.type === 'diagnostics' && e.uri === uri, timeoutMs, `clearing ${file.name}`);
  await server.close(uri);
  await cleared;
  return { ms: event.at - timer.at, withDelayMs: event.at - start, count: event.count };
}

async function series(measure, server, file, repeat, timeoutMs) {
  const runs = [];
  let count = 0;
  let withDelay = [];
  for (let i = 0; i < repeat; i++) {
    const result = await measure(server, file, timeoutMs);
    runs.push(result.ms);
    count = result.count;
    if (result.withDelayMs !== undefined) withDelay.push(result.withDelayMs);
  }
  return {
    ...stats(runs),
    diagnostics: count,
    ...(withDelay.length ? { didOpenToPublishMedian: median(withDelay) } : {}),
  };
}

/** Options: repeat (runs per file, default 7), sizes (line counts), skipYamlLs, log (printer). */
export async function run(options = {}) {
  const log = options.log ?? console.log;
  const repeat = options.repeat ?? 7;
  const yamlRepeat = options.yamlRepeat ?? Math.min(repeat, 5);
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const filesDir = join(ROOT, 'test-output/bench/files');
  mkdirSync(filesDir, { recursive: true });

  const files = [];
  for (const lines of sizes) {
    const yaml = generateSparkApplicationYaml(lines);
    const json = generateEmrJson(lines);
    files.push({
      name: `spark-apps-${label(lines)}.yaml`,
      format: 'yaml',
      languageId: 'yaml',
      target: lines,
      text: yaml,
    });
    files.push({ name: `emr-job-${label(lines)}.json`, format: 'json', languageId: 'json', target: lines, text: json });
    files.push({
      name: `spark-conf-map-${label(lines)}.yaml`,
      format: 'yaml-map',
      languageId: 'yaml',
      target: lines,
      text: generateLargeSparkConfYaml(lines),
    });
  }
  for (const file of files) {
    file.lines = file.text.split('\n').length - 1;
    writeFileSync(join(filesDir, file.name), file.text);
  }
  log(`Generated ${files.length} files in test-output/bench/files (seeded, identical on every run).`);
  log(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );

  const results = files.map((file) => ({
    file: file.name,
    format: file.format,
    lines: file.lines,
    bytes: Buffer.byteLength(file.text),
  }));
  const ours = await startOurs();
  try {
    // Warm-up: the JIT sees every code path before anything is timed.
    for (const file of files.filter((f) => f.target === sizes[0])) {
      for (let i = 0; i < 3; i++) await measureOurs(ours, file, 30_000);
    }
    for (const [i, file] of files.entries()) {
      results[i].sparkDra = await series(measureOurs, ours, file, repeat, 60_000);
      log(`  spark-dra            ${file.name.padEnd(22)} median ${fmt(results[i].sparkDra.median)} ms`);
    }
  } finally {
    await ours.stop();
  }

  if (!options.skipYamlLs) {
    let yamlLs = await startYamlLs();
    try {
      const yamlFiles = files.filter((f) => f.languageId === 'yaml');
      for (let i = 0; i < 2; i++) await measureYamlLs(yamlLs, yamlFiles[0], 60_000);
      for (const [i, file] of files.entries()) {
        if (file.languageId !== 'yaml') continue;
        try {
          results[i].yamlLanguageServer = await series(measureYamlLs, yamlLs, file, yamlRepeat, PEER_TIMEOUT_MS);
          log(`  yaml-language-server ${file.name.padEnd(22)} median ${fmt(results[i].yamlLanguageServer.median)} ms`);
        } catch (error) {
          if (!/timed out/.test(String(error))) throw error;
          // A peer that gives no answer in time is a result, not a failed run: its time is at least the timeout.
          // It is started afresh, so the next file does not wait behind the work it is still doing.
          results[i].yamlLanguageServer = { ...stats([PEER_TIMEOUT_MS]), diagnostics: '–', timedOut: true };
          log(`  yaml-language-server ${file.name.padEnd(22)} no diagnostics within ${PEER_TIMEOUT_MS / 1000} s`);
          await yamlLs.stop();
          yamlLs = await startYamlLs();
        }
      }
    } finally {
      await yamlLs.stop();
    }
  }

  for (const r of results) {
    if (r.yamlLanguageServer) r.ratio = r.yamlLanguageServer.median / r.sparkDra.median;
    if (r.yamlLanguageServer?.timedOut) r.ratioIsLowerBound = true;
  }
  const verdicts = judge(results, sizes);
  printTable(results, verdicts, log);
  return {
    method:
      'spark-dra: didOpen → publishDiagnostics with sparkDra.debounceMs = 0. yaml-language-server (fixed 200 ms delay): ' +
      'from its validation timer firing (its document-scoped [yaml] configuration request) → publishDiagnostics. ' +
      `Fresh URI per run, median of ${repeat} (yaml-language-server: ${yamlRepeat}) runs after warm-up; transport included.`,
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version, loadAverageAtEnd: loadavg() },
    targets: TARGETS,
    results,
    verdicts,
  };
}

function judge(results, sizes) {
  const verdicts = [];
  for (const format of ['yaml', 'yaml-map', 'json']) {
    const rows = results.filter((r) => r.format === format);
    const small = rows.find((r) => Math.abs(r.lines - TARGETS.smallLines) / TARGETS.smallLines < 0.1);
    const large = rows.find((r) => Math.abs(r.lines - TARGETS.largeLines) / TARGETS.largeLines < 0.1);
    if (small)
      verdicts.push(
        verdict(
          `${format} ${label(small.lines)}: ≤ ${TARGETS.smallMs} ms`,
          small.sparkDra.median <= TARGETS.smallMs,
          `${fmt(small.sparkDra.median)} ms`,
        ),
      );
    if (large)
      verdicts.push(
        verdict(
          `${format} ${label(large.lines)}: ≤ ${TARGETS.largeMs} ms`,
          large.sparkDra.median <= TARGETS.largeMs,
          `${fmt(large.sparkDra.median)} ms`,
        ),
      );
    if (rows.length >= 2) {
      const first = rows[0];
      const last = rows[rows.length - 1];
      // Time grows no faster than 1.5 × the line count: roughly linear (fixed costs make small files look slower).
      const growth = last.sparkDra.median / first.sparkDra.median / (last.lines / first.lines);
      verdicts.push(
        verdict(
          `${format} growth ${label(first.lines)}→${label(last.lines)} roughly linear`,
          growth <= 1.5,
          `time ×${(last.sparkDra.median / first.sparkDra.median).toFixed(1)} for lines ×${(last.lines / first.lines).toFixed(1)}`,
        ),
      );
    }
    if (large?.ratio !== undefined) {
      verdicts.push(
        verdict(
          `${format} ${label(large.lines)}: ≥ ${TARGETS.minRatio}× faster than yaml-language-server`,
          large.ratio >= TARGETS.minRatio,
          `${large.ratioIsLowerBound ? '≥ ' : ''}${large.ratio.toFixed(1)}×`,
        ),
      );
    }
  }
  void sizes;
  return verdicts;
}

function verdict(target, met, actual) {
  return { target, met, actual };
}

function printTable(results, verdicts, log) {
  const head = [
    'file',
    'lines',
    'spark-dra median (min–max) ms',
    'diags',
    'yaml-ls median (min–max) ms',
    'diags',
    'ratio',
  ];
  const rows = results.map((r) => [
    r.file,
    String(r.lines),
    `${fmt(r.sparkDra.median)} (${fmt(r.sparkDra.min)}–${fmt(r.sparkDra.max)})`,
    String(r.sparkDra.diagnostics),
    r.yamlLanguageServer?.timedOut
      ? `> ${fmt(r.yamlLanguageServer.median)} (timed out)`
      : r.yamlLanguageServer
        ? `${fmt(r.yamlLanguageServer.median)} (${fmt(r.yamlLanguageServer.min)}–${fmt(r.yamlLanguageServer.max)})`
        : '–',
    r.yamlLanguageServer ? String(r.yamlLanguageServer.diagnostics) : '–',
    r.ratio !== undefined ? `${r.ratioIsLowerBound ? '≥ ' : ''}${r.ratio.toFixed(1)}×` : '–',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  log('');
  log(line(head));
  log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) log(line(row));
  log('');
  log('ratio = yaml-language-server median / spark-dra median (same YAML file).');
  for (const v of verdicts) log(`${v.met ? 'MET ' : 'MISS'}  ${v.target}: ${v.actual}`);
}
