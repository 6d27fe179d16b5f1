// Runs the editor-test suite (test/e2e/suite) inside a real VS Code, offline: code-server (VS Code server + web
// workbench, from the cache made by scripts/setup-vscode-offline.sh) driven by Debian's headless Chromium through
// playwright-core, with VS Code's smoke-test driver running our extension's tests in its extension host.
// Closes with `e2e: N passed, N failed` and exits non-zero when anything failed or nothing ran.
//
// Environment:
//   SPARK_DRA_CACHE            cache folder (default ~/.cache/spark-dra)
//   SPARK_DRA_E2E_TIMEOUT_MS   limit for everything after setup (default 300000)
//   SPARK_DRA_E2E_GREP         only tests whose full title matches
//   SPARK_DRA_E2E_VERBOSE=1    also print code-server and browser console output
//   SPARK_DRA_E2E_KEEP=1       keep the temp folder (workspace, logs) after the run
//   SPARK_DRA_E2E_EXTENSION    extension development path (default: the repository)
//   SPARK_DRA_E2E_UI           1: also run the UI tests (test/e2e/ui) after the suite, 0: do not; default: run them
//                              unless SPARK_DRA_E2E_GREP is set
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { freePort, isolatedEnv, launchBrowser, pipeServerLog, stopServer, waitForServer } from './workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

const TIMEOUT_MS = Number(process.env.SPARK_DRA_E2E_TIMEOUT_MS || 300_000);
const VERBOSE = process.env.SPARK_DRA_E2E_VERBOSE === '1';
const KEEP = process.env.SPARK_DRA_E2E_KEEP === '1';
const CACHE = process.env.SPARK_DRA_CACHE || join(homedir(), '.cache', 'spark-dra');
const EXTENSION_PATH = resolve(process.env.SPARK_DRA_E2E_EXTENSION || repoRoot);
const outDir = join(repoRoot, 'test-output', 'e2e');

const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(1);
const say = (msg) => console.log(`[e2e] ${msg}`);

/** Things to undo at the end, newest first. */
const cleanups = [];
let finished = false;
let interrupted = false;
let tempRoot;
let serverLog;
/** Workbench and extension-host messages that are not offline noise, for the failure report. */
const workbenchMessages = [];
/** Set when the suite printed E2E-BEGIN, i.e. the extension host loaded it. */
let suiteStarted = false;
let runStart = Date.now();
/** Set once scripts/setup-vscode-offline.sh succeeded (the UI tests need the same setup). */
let setupDone = false;

async function finish(passed, failed, problem) {
  if (finished) return;
  finished = true;
  // If cleaning up hangs, still end with a failure rather than hang the test run.
  const cleanupLimit = setTimeout(() => {
    console.error('[e2e] cleanup did not finish within 20 s; exiting');
    process.exit(1);
  }, 20_000).unref();
  for (const undo of cleanups.reverse()) {
    try {
      await undo();
    } catch (err) {
      console.error(`[e2e] cleanup: ${err?.message ?? err}`);
    }
  }
  clearTimeout(cleanupLimit);
  if (problem) {
    console.error(`[e2e] FAILED: ${problem}`);
    // Once the suite started, its messages were printed as they came.
    if (!suiteStarted && workbenchMessages.length > 0) {
      const shown = workbenchMessages.slice(-15).join('\n');
      console.error(`[e2e] last workbench messages (all in ${join(outDir, 'workbench.log')}):\n${shown}`);
    }
    if (serverLog && existsSync(serverLog)) {
      const tail = readFileSync(serverLog, 'utf8').split('\n').slice(-30).join('\n');
      console.error(`[e2e] last lines of the code-server log (${serverLog}):\n${tail}`);
    }
  }
  if (tempRoot) {
    if (KEEP || (problem && !interrupted)) say(`temp folder kept: ${tempRoot}`);
    else rmSync(tempRoot, { recursive: true, force: true });
  }
  // A run that could not run its tests counts as one failure, never as a pass.
  if (problem && failed === 0) failed = 1;
  // The UI tests (test/e2e/ui/run-ui.mjs) run after the integration suite, in their own code-server.
  const ui = await runUiTests();
  if (ui) {
    passed += ui.passed;
    failed += ui.failed;
  }
  say(`total ${secs(t0)} s`);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(problem || failed > 0 || passed === 0 ? 1 : 0);
}

/**
 * Runs the UI tests unless the run was interrupted, VS Code could not be set up, SPARK_DRA_E2E_UI=0, or a grep
 * chose integration tests (SPARK_DRA_E2E_UI=1 runs them anyway). Their output streams through; their closing line
 * `e2e-ui: N passed, N failed` is added to ours. A UI run that ends without it counts as one failure.
 */
async function runUiTests() {
  const wanted = process.env.SPARK_DRA_E2E_UI ?? (process.env.SPARK_DRA_E2E_GREP ? '0' : '1');
  if (interrupted || !setupDone || wanted === '0') return undefined;
  say('UI tests: test/e2e/ui/run-ui.mjs');
  const child = spawn(process.execPath, [join(here, 'ui', 'run-ui.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  let counts;
  let buffered = '';
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk;
    const m = /^e2e-ui: (\d+) passed, (\d+) failed$/m.exec(buffered);
    if (m) counts = { passed: Number(m[1]), failed: Number(m[2]) };
  });
  const limit = setTimeout(
    () => child.kill('SIGTERM'),
    Number(process.env.SPARK_DRA_UI_TIMEOUT_MS || 150_000) + 45_000,
  );
  const code = await new Promise((r) => child.on('exit', (c, sig) => r(c ?? sig)));
  clearTimeout(limit);
  if (!counts) return { passed: 0, failed: 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    finish(0, 1, `interrupted by ${sig}`);
  });
}

/** Formats what the workbench passes to codeAutomationLog: a level and console.log-style arguments. */
function formatLog(type, args) {
  const text = Array.isArray(args) ? format(...args) : format(args);
  return type && type !== 'log' && type !== 'info' ? `[${type}] ${text}` : text;
}

// Workbench messages that only say this machine is offline or that unrelated built-in features are idle.
const NOISE = [
  /^\[(AgentHost|ChatModelSelection|AccountPolicyGate)/,
  /ENOTFOUND|ECONNREFUSED|EAI_AGAIN|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED/,
  /authentication provider/i,
  /open-vsx|marketplace|gallery/i,
];
const isNoise = (text) => NOISE.some((re) => re.test(text.replace(/^\[(warn|error|trace|debug)\] /, '')));

async function main() {
  // 1. Setup (idempotent; seconds when warm).
  let t = Date.now();
  const setup = spawnSync('bash', [join(repoRoot, 'scripts', 'setup-vscode-offline.sh')], {
    stdio: 'inherit',
    env: { ...process.env, SPARK_DRA_CACHE: CACHE },
    timeout: 1_500_000,
  });
  if (setup.status !== 0) {
    return finish(
      0,
      0,
      `scripts/setup-vscode-offline.sh failed (exit ${setup.status ?? setup.signal}); VS Code cannot start`,
    );
  }
  const envFile = join(CACHE, 'offline-env.json');
  const env = JSON.parse(readFileSync(envFile, 'utf8'));
  for (const key of ['node', 'codeServer', 'chromium']) {
    if (!existsSync(env[key])) return finish(0, 0, `${key} not found at ${env[key]} (from ${envFile})`);
  }
  say(`setup checked in ${secs(t)} s`);
  setupDone = true;
  // The overall limit covers everything after setup (a cold setup has its own limits).
  runStart = Date.now();
  setTimeout(() => finish(0, 0, `overall limit of ${TIMEOUT_MS / 1000} s exceeded`), TIMEOUT_MS + 15_000).unref();

  // 2. The extension must be built already (npm test runs `npm run build` first).
  const extMain = join(EXTENSION_PATH, 'dist', 'extension.js');
  if (!existsSync(extMain)) {
    return finish(0, 0, `${extMain} is missing: run \`npm run build\` first`);
  }

  // 3. Bundle the suite.
  t = Date.now();
  const { buildSuite } = await import('./build-suite.mjs');
  const suiteBundle = await buildSuite();
  say(`suite bundled in ${secs(t)} s: ${suiteBundle}`);

  // 4. A temp folder: workspace the tests may change, and code-server's and Chromium's own state.
  mkdirSync(outDir, { recursive: true });
  for (const f of ['failure.png', 'workbench.log', 'code-server.log']) rmSync(join(outDir, f), { force: true });
  tempRoot = mkdtempSync(join(tmpdir(), 'spark-dra-e2e-'));
  const workspace = join(tempRoot, 'workspace');
  mkdirSync(workspace);
  if (existsSync(join(repoRoot, 'examples')))
    cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
  if (existsSync(join(repoRoot, 'test', 'fixtures', 'e2e'))) {
    cpSync(join(repoRoot, 'test', 'fixtures', 'e2e'), join(workspace, 'fixtures'), { recursive: true });
  }
  const csConfig = join(tempRoot, 'code-server.yaml');
  writeFileSync(csConfig, 'auth: none\ncert: false\n');
  for (const d of [
    'user-data',
    'extensions',
    'chromium-profile',
    'tmp',
    'xdg/config',
    'xdg/data',
    'xdg/cache',
    'xdg/state',
  ]) {
    mkdirSync(join(tempRoot, d), { recursive: true });
  }
  // Keep VS Code quiet and predictable.
  mkdirSync(join(tempRoot, 'user-data', 'User'), { recursive: true });
  writeFileSync(
    join(tempRoot, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
      },
      null,
      2,
    ),
  );

  // 5. code-server, in its own process group.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  serverLog = join(outDir, 'code-server.log');
  const logStream = createWriteStream(serverLog);
  const args = [
    env.codeServer,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--config',
    csConfig,
    '--user-data-dir',
    join(tempRoot, 'user-data'),
    '--extensions-dir',
    join(tempRoot, 'extensions'),
    '--vscode-option',
    'enable-smoke-test-driver',
  ];
  t = Date.now();
  const server = spawn(env.node, args, {
    cwd: workspace,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Everything VS Code and code-server write (logs, heartbeat, IPC sockets, caches) stays in the temp folder.
    env: isolatedEnv(tempRoot, {
      SPARK_DRA_E2E: '1',
      // Public Spark event logs for the replay test (outside the repository, next to it).
      SPARK_DRA_E2E_EVENTLOGS: process.env.SPARK_DRA_E2E_EVENTLOGS || resolve(repoRoot, '..', 'shared', 'eventlogs'),
    }),
  });
  cleanups.push(() => stopServer(server));
  cleanups.push(pipeServerLog(server, logStream, VERBOSE));
  server.on('exit', (code, signal) => {
    if (!finished) finish(0, 0, `code-server exited during the run (code ${code}, signal ${signal})`);
  });
  await waitForServer(`${base}/healthz`, server, 60_000);
  say(`code-server ${env.codeServerVersion} ready on ${base} in ${secs(t)} s`);

  // 6. Chromium with a fresh profile; the workbench reports through two exposed functions.
  t = Date.now();
  const { chromium } = require('playwright-core');
  const context = await launchBrowser(chromium, env.chromium, tempRoot, { width: 1280, height: 800 });
  cleanups.push(() => Promise.race([context.close(), new Promise((r) => setTimeout(r, 5000))]));
  const page = context.pages()[0] ?? (await context.newPage());

  let result;
  let resolveExit;
  const exitCode = new Promise((r) => (resolveExit = r));
  const workbenchLog = createWriteStream(join(outDir, 'workbench.log'));
  cleanups.push(() => new Promise((r) => workbenchLog.end(r)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = formatLog(type, args);
    workbenchLog.write(`${text}\n`);
    if (!isNoise(text)) workbenchMessages.push(text);
    for (const line of text.split('\n')) {
      if (line.trim() === 'E2E-BEGIN') suiteStarted = true;
      const m = /^E2E-RESULT (\{.*\})\s*$/.exec(line.trim());
      if (m) result = JSON.parse(m[1]);
    }
    // The workbench logs everything here; show the suite's and the extension's output, not the offline noise.
    if (VERBOSE || (suiteStarted && !isNoise(text))) {
      console.log(`  ${text.replace(/\n/g, '\n  ')}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
  page.on('console', (msg) => {
    if (VERBOSE) console.log(`[browser:${msg.type()}] ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    if (VERBOSE) console.log(`[browser:pageerror] ${err.message}`);
  });
  page.on('crash', () => resolveExit(-1));

  const remote = (p) => `vscode-remote://remote${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(EXTENSION_PATH)],
    ['extensionTestsPath', remote(suiteBundle)],
    ['skipWelcome', 'true'],
  ];
  const url = `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  say(`workbench opened in ${secs(t)} s; running the suite (limit ${TIMEOUT_MS / 1000} s overall)`);

  // 7. Wait for the suite, with an overall limit.
  t = Date.now();
  const remaining = Math.max(10_000, TIMEOUT_MS - (Date.now() - runStart));
  const code = await Promise.race([exitCode, new Promise((r) => setTimeout(() => r('timeout'), remaining))]);
  say(`suite ended in ${secs(t)} s with ${code === 'timeout' ? 'a timeout' : `exit code ${code}`}`);

  let problem;
  if (code === 'timeout' || code !== 0 || !result) {
    try {
      const shot = join(outDir, 'failure.png');
      await page.screenshot({ path: shot, timeout: 10_000 });
      say(`screenshot of the workbench: ${shot}`);
    } catch (err) {
      say(`no screenshot: ${err.message}`);
    }
  }
  if (code === 'timeout') {
    problem = suiteStarted
      ? `the suite started but did not finish within ${TIMEOUT_MS / 1000} s overall: the last test title printed hangs`
      : `the suite did not start within ${TIMEOUT_MS / 1000} s: VS Code did not load it in the extension host`;
  } else if (code === -1) problem = 'the browser page crashed';
  else if (!result) problem = `the suite ended (exit code ${code}) without an E2E-RESULT line: it did not run`;
  else if (code !== 0 && result.failed === 0) problem = `the suite exited with code ${code}`;
  else if (result.passed + result.failed === 0) problem = 'no editor test ran';
  return finish(result?.passed ?? 0, result?.failed ?? 0, problem);
}

main().catch((err) => finish(0, 0, err?.stack ?? String(err)));
