// UI tests: what a person sees. Installs the packaged extension (.vsix) into code-server — no extension-development
// payload, no test API — opens a copy of examples/ and test/fixtures/e2e/, and drives the workbench in headless
// Chromium with the keyboard only: completion (Ctrl+Space), the Problems panel (Ctrl+Shift+M) and the simulation
// panel (F1 → Simulate Dynamic Allocation). Screenshots go to test-output/e2e/ui/ and are checked (exist, not blank,
// the element they show was visible).
// Closes with `e2e-ui: N passed, N failed`; exit code non-zero when any check failed or none ran.
//
// The .vsix: $SPARK_DRA_VSIX if set, else dist/spark-dra.vsix when it is newer than dist/extension.js, else one
// packaged here with @vscode/vsce from a staging copy of package.json, dist/, syntaxes/, snippets/ and the icon
// (of $SPARK_DRA_E2E_EXTENSION when set, as for run-offline.mjs, else of this repository).
//
// Environment: SPARK_DRA_CACHE, SPARK_DRA_E2E_VERBOSE=1, SPARK_DRA_E2E_KEEP=1 (as run-offline.mjs),
//   SPARK_DRA_UI_TIMEOUT_MS   limit for the whole UI run after setup (default 150000)
//   SPARK_DRA_VSIX            a .vsix to install instead of packaging one
//   SPARK_DRA_E2E_EVENTLOGS   folder of the public Spark event logs the replay check uses (default ../shared/eventlogs)
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { freePort, isolatedEnv, launchBrowser, pipeServerLog, stopServer, waitForServer } from '../workbench.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const require = createRequire(import.meta.url);

const TIMEOUT_MS = Number(process.env.SPARK_DRA_UI_TIMEOUT_MS || 150_000);
const VERBOSE = process.env.SPARK_DRA_E2E_VERBOSE === '1';
const KEEP = process.env.SPARK_DRA_E2E_KEEP === '1';
const CACHE = process.env.SPARK_DRA_CACHE || join(homedir(), '.cache', 'spark-dra');
const outDir = join(repoRoot, 'test-output', 'e2e', 'ui');
/** Where the extension to package lives (as run-offline.mjs: SPARK_DRA_E2E_EXTENSION, else this repository). */
const EXTENSION_ROOT = resolve(process.env.SPARK_DRA_E2E_EXTENSION || repoRoot);
const EXTENSION_ID = 'spark-dra.spark-dra';
const EVENT_LOGS = resolve(process.env.SPARK_DRA_E2E_EVENTLOGS || join(repoRoot, '..', 'shared', 'eventlogs'));
/** A screenshot smaller than this is taken to be blank (an empty 1440×900 PNG is ~10 KB; the workbench is 60 KB+). */
const MIN_PNG_BYTES = 20_000;

const t0 = Date.now();
const secs = (from) => ((Date.now() - from) / 1000).toFixed(1);
const say = (msg) => console.log(`[e2e-ui] ${msg}`);

const cleanups = [];
let finished = false;
let tempRoot;
let page;
const results = [];

async function finish(problem) {
  if (finished) return;
  finished = true;
  setTimeout(() => {
    console.error('[e2e-ui] cleanup did not finish within 20 s; exiting');
    process.exit(1);
  }, 20_000).unref();
  for (const undo of cleanups.reverse()) {
    try {
      await undo();
    } catch (err) {
      console.error(`[e2e-ui] cleanup: ${err?.message ?? err}`);
    }
  }
  if (problem) {
    console.error(`[e2e-ui] FAILED: ${problem}`);
    results.push({ name: 'UI run', ok: false });
  }
  const failed = results.filter((r) => !r.ok).length;
  const passed = results.length - failed;
  if (tempRoot) {
    if (KEEP || failed > 0) say(`temp folder kept: ${tempRoot}`);
    else rmSync(tempRoot, { recursive: true, force: true });
  }
  say(`total ${secs(t0)} s`);
  console.log(`e2e-ui: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => finish(`interrupted by ${sig}`));

/** The .vsix to install (see the header). */
function findOrPackageVsix() {
  if (process.env.SPARK_DRA_VSIX) {
    if (!existsSync(process.env.SPARK_DRA_VSIX))
      throw new Error(`SPARK_DRA_VSIX=${process.env.SPARK_DRA_VSIX} does not exist`);
    return { path: process.env.SPARK_DRA_VSIX, how: 'from SPARK_DRA_VSIX' };
  }
  const extMain = join(EXTENSION_ROOT, 'dist', 'extension.js');
  if (!existsSync(extMain)) throw new Error(`${extMain} is missing: run \`npm run build\` first`);
  const built = join(EXTENSION_ROOT, 'dist', 'spark-dra.vsix');
  if (existsSync(built) && statSync(built).mtimeMs >= statSync(extMain).mtimeMs)
    return { path: built, how: 'dist/spark-dra.vsix (npm run package)' };
  // Package what the extension needs at run time, from a staging folder (no .vscodeignore needed, nothing written to
  // the repository). vsce runs offline: it only zips.
  const stage = join(tempRoot, 'vsix-stage');
  mkdirSync(join(stage, 'dist'), { recursive: true });
  cpSync(join(EXTENSION_ROOT, 'package.json'), join(stage, 'package.json'));
  for (const f of ['extension.js', 'server.js']) cpSync(join(EXTENSION_ROOT, 'dist', f), join(stage, 'dist', f));
  if (existsSync(join(EXTENSION_ROOT, 'dist', 'webview')))
    cpSync(join(EXTENSION_ROOT, 'dist', 'webview'), join(stage, 'dist', 'webview'), { recursive: true });
  for (const d of ['syntaxes', 'snippets', 'media/walkthrough'])
    if (existsSync(join(EXTENSION_ROOT, d))) cpSync(join(EXTENSION_ROOT, d), join(stage, d), { recursive: true });
  // What the walkthrough opens and what diagnostics link to.
  for (const f of ['docs/rules.md', 'examples/mistakes/first-job-tour.json'])
    if (existsSync(join(EXTENSION_ROOT, f))) {
      mkdirSync(dirname(join(stage, f)), { recursive: true });
      cpSync(join(EXTENSION_ROOT, f), join(stage, f));
    }
  const { icon } = JSON.parse(readFileSync(join(EXTENSION_ROOT, 'package.json'), 'utf8'));
  if (typeof icon === 'string' && existsSync(join(EXTENSION_ROOT, icon))) {
    mkdirSync(dirname(join(stage, icon)), { recursive: true });
    cpSync(join(EXTENSION_ROOT, icon), join(stage, icon));
  }
  writeFileSync(join(stage, 'README.md'), '# Spark DRA\n\nPackaged by test/e2e/ui/run-ui.mjs for the UI tests.\n');
  const out = join(tempRoot, 'spark-dra-ui.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = spawnSync(
    process.execPath,
    [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '-o', out],
    {
      cwd: stage,
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  if (run.status !== 0 || !existsSync(out))
    throw new Error(`vsce package failed (exit ${run.status ?? run.signal}):\n${run.stdout}\n${run.stderr}`);
  return { path: out, how: 'packaged by run-ui.mjs with vsce from a staging copy' };
}

// ---------------------------------------------------------------- checks

/** Runs one named check; on failure prints why and saves failure-<n>.png. Never stops the run. */
async function check(name, body) {
  const start = Date.now();
  try {
    await body();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${secs(start)} s)`);
  } catch (err) {
    results.push({ name, ok: false });
    console.log(
      `  ✘ ${name} (${secs(start)} s)\n      ${String(err?.message ?? err)
        .split('\n')
        .join('\n      ')}`,
    );
    const slug = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 40);
    try {
      const shot = join(outDir, `failure-${slug}.png`);
      await page.screenshot({ path: shot, timeout: 10_000 });
      console.log(`      screenshot: ${shot}`);
    } catch (shotErr) {
      console.log(`      no screenshot: ${shotErr.message}`);
    }
    // Leave the workbench in a neutral state for the next check.
    await page.keyboard.press('Escape').catch(() => undefined);
    await page.keyboard.press('Escape').catch(() => undefined);
  }
}

/** Polls `probe` until it returns a truthy value; throws `what` after `timeoutMs`. */
async function until(what, probe, timeoutMs = 15_000, everyMs = 200) {
  const start = Date.now();
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() - start > timeoutMs)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A saved screenshot must exist and be big enough not to be blank. */
function checkPng(path) {
  assert(existsSync(path), `${path} was not written`);
  const size = statSync(path).size;
  const bytes = readFileSync(path);
  assert(bytes.subarray(1, 4).toString('latin1') === 'PNG', `${path} is not a PNG`);
  assert(size >= MIN_PNG_BYTES, `${path} is only ${size} bytes: blank?`);
  return size;
}

const quickInput = () => page.locator('.quick-input-widget');
const quickInputBox = () => page.locator('.quick-input-widget .quick-input-box input');

/** Types into the quick input once it has the keyboard focus, and waits for the row to be the focused one. */
async function typeInQuickInput(text, rowText, prefix = '', rowTimeoutMs = 5_000) {
  await quickInputBox().waitFor({ state: 'visible', timeout: 10_000 });
  await until(
    'the quick input to have the keyboard focus',
    () => page.evaluate(() => document.activeElement?.closest('.quick-input-widget') != null),
    5_000,
    100,
  );
  await page.keyboard.type(text, { delay: 10 });
  await until(
    `the quick input to read "${prefix}${text}"`,
    async () => (await quickInputBox().inputValue()) === `${prefix}${text}`,
    5_000,
    100,
  );
  const focusedRow = page.locator('.quick-input-list .monaco-list-row.focused', { hasText: rowText });
  return until(`"${rowText}" to be the chosen row`, async () => (await focusedRow.count()) > 0, rowTimeoutMs, 100).then(
    () => true,
    () => false,
  );
}

/** Ctrl+P, type a file name, Enter; waits for its editor tab to be active. */
/** A line holding only the key the completion check typed (with or without the auto-closed quote). */
const NEW_KEY_LINE = /^\s*"spark\.dynamicAllocation\."?\s*$/;

/** Moves the mouse off the workbench and closes any hover (a tab's path tooltip can cover what a check clicks). */
async function clearHovers() {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await page
    .locator('.context-view .hover-contents, .monaco-hover.visible')
    .first()
    .waitFor({ state: 'hidden', timeout: 3_000 })
    .catch(() => undefined);
}

async function openFile(name) {
  await page.keyboard.press('Control+P');
  // The first file search of a session takes a few seconds while the workbench starts its extensions.
  assert(await typeInQuickInput(name, name, '', 20_000), `quick open did not offer ${name}`);
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  await page
    .locator('.editor-group-container.active .monaco-editor .view-lines')
    .first()
    .waitFor({ state: 'visible', timeout: 10_000 });
}

/** F1, type a command title, Enter once the palette offers it (job-file commands appear once the file is recognised). */
async function runCommand(title) {
  await until(
    `"${title}" in the command palette`,
    async () => {
      if (await quickInput().isVisible()) {
        await page.keyboard.press('Escape');
        await quickInput().waitFor({ state: 'hidden', timeout: 5_000 });
      }
      await page.keyboard.press('F1');
      if (await typeInQuickInput(title, title, '>')) return true;
      // Not (yet) offered: close and try again (the palette reads the when-clauses when it opens).
      await page.keyboard.press('Escape');
      return false;
    },
    20_000,
    500,
  );
  await page.keyboard.press('Enter');
  await quickInput().waitFor({ state: 'hidden', timeout: 5_000 });
}

/** The webview frame holding `selector` (the panel's page is an iframe inside an iframe). */
async function webviewFrameWith(selector, what, timeoutMs = 20_000) {
  return until(
    what,
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        if (
          (await frame
            .locator(selector)
            .count()
            .catch(() => 0)) > 0
        )
          return frame;
      }
      return undefined;
    },
    timeoutMs,
    300,
  );
}

/** A suggest row of one of our key completions: its aria-label is "<key>, Property" (words from the file are Text). */
const isKeyRow = (label) => /^spark\.dynamicAllocation\.[A-Za-z.]+, Property\b/.test(label);

async function suggestLabels() {
  const rows = page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
  return rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent ?? ''));
}

// ---------------------------------------------------------------- main

async function main() {
  let t;
  const setup = spawnSync('bash', [join(repoRoot, 'scripts', 'setup-vscode-offline.sh')], {
    stdio: VERBOSE ? 'inherit' : 'ignore',
    env: { ...process.env, SPARK_DRA_CACHE: CACHE },
    timeout: 1_500_000,
  });
  if (setup.status !== 0)
    return finish(`scripts/setup-vscode-offline.sh failed (exit ${setup.status ?? setup.signal})`);
  const env = JSON.parse(readFileSync(join(CACHE, 'offline-env.json'), 'utf8'));
  for (const key of ['node', 'codeServer', 'chromium'])
    if (!existsSync(env[key])) return finish(`${key} not found at ${env[key]}`);
  setTimeout(() => finish(`overall UI limit of ${TIMEOUT_MS / 1000} s exceeded`), TIMEOUT_MS).unref();

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  tempRoot = mkdtempSync(join(tmpdir(), 'spark-dra-ui-'));
  const workspace = join(tempRoot, 'workspace');
  mkdirSync(workspace);
  cpSync(join(repoRoot, 'examples'), join(workspace, 'examples'), { recursive: true });
  cpSync(join(repoRoot, 'test', 'fixtures', 'e2e'), join(workspace, 'fixtures'), { recursive: true });
  for (const d of [
    'user-data/User',
    'extensions',
    'chromium-profile',
    'tmp',
    'xdg/config',
    'xdg/data',
    'xdg/cache',
    'xdg/state',
  ])
    mkdirSync(join(tempRoot, d), { recursive: true });
  writeFileSync(
    join(tempRoot, 'user-data', 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        // Keystrokes in the example stay unsaved, so reverting restores it for the next checks.
        'files.autoSave': 'off',
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'editor.suggestOnTriggerCharacters': false,
      },
      null,
      2,
    ),
  );
  const csConfig = join(tempRoot, 'code-server.yaml');
  writeFileSync(csConfig, 'auth: none\ncert: false\n');
  const childEnv = isolatedEnv(tempRoot);
  const common = [
    '--config',
    csConfig,
    '--user-data-dir',
    join(tempRoot, 'user-data'),
    '--extensions-dir',
    join(tempRoot, 'extensions'),
  ];

  // 1. The .vsix, installed the way a user installs one.
  t = Date.now();
  const vsix = findOrPackageVsix();
  say(`vsix: ${vsix.path} (${vsix.how}, ${(statSync(vsix.path).size / 1024).toFixed(0)} KB) in ${secs(t)} s`);
  t = Date.now();
  const install = spawnSync(env.node, [env.codeServer, ...common, '--install-extension', vsix.path], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const installOut = `${install.stdout ?? ''}${install.stderr ?? ''}`.trim();
  if (install.status !== 0 || !/successfully installed/i.test(installOut))
    return finish(`code-server --install-extension failed (exit ${install.status ?? install.signal}):\n${installOut}`);
  const list = spawnSync(env.node, [env.codeServer, ...common, '--list-extensions', '--show-versions'], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (!new RegExp(`^${EXTENSION_ID.replace('.', '\\.')}@`, 'mi').test(list.stdout ?? ''))
    return finish(`${EXTENSION_ID} is not listed after installing:\n${list.stdout}${list.stderr}`);
  say(
    `installed ${(list.stdout ?? '')
      .trim()
      .split('\n')
      .find((l) => l.startsWith(EXTENSION_ID))} in ${secs(t)} s`,
  );

  // 2. code-server with only the installed extension (no development payload).
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const logStream = createWriteStream(join(outDir, 'code-server.log'));
  t = Date.now();
  const server = spawn(
    env.node,
    [
      env.codeServer,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...common,
    ],
    { cwd: workspace, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: childEnv },
  );
  cleanups.push(() => stopServer(server));
  cleanups.push(pipeServerLog(server, logStream, VERBOSE));
  server.on('exit', (code, signal) => {
    if (!finished) finish(`code-server exited during the run (code ${code}, signal ${signal})`);
  });
  await waitForServer(`${base}/healthz`, server, 60_000);
  say(`code-server ready in ${secs(t)} s`);

  // 3. The workbench in headless Chromium.
  t = Date.now();
  const { chromium } = require('playwright-core');
  const context = await launchBrowser(chromium, env.chromium, tempRoot, { width: 1440, height: 900 });
  cleanups.push(() => Promise.race([context.close(), new Promise((r) => setTimeout(r, 5000))]));
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  if (VERBOSE) page.on('console', (msg) => console.log(`[browser:${msg.type()}] ${msg.text()}`));
  await page.goto(`${base}/?folder=${encodeURIComponent(workspace)}`, {
    waitUntil: 'domcontentloaded',
    timeout: 60_000,
  });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page
    .locator('.explorer-folders-view, .explorer-viewlet')
    .first()
    .waitFor({ state: 'visible', timeout: 60_000 });
  say(`workbench up in ${secs(t)} s`);
  console.log('  UI');

  // 4. The checks, by keyboard.
  const lines = readFileSync(join(workspace, 'examples', 'emr-eks-dra.json'), 'utf8').split('\n');
  const anchorLine = lines.findIndex((l) => l.includes('"spark.kubernetes.allocation.batch.size"')) + 1;

  await check(
    'completion: Ctrl+Space on a new key in examples/emr-eks-dra.json lists spark.dynamicAllocation keys',
    async () => {
      assert(anchorLine > 0, 'anchor line not found in examples/emr-eks-dra.json');
      await openFile('emr-eks-dra.json');
      // Go to the last property (Ctrl+G), to its end, and start a new key.
      await page.keyboard.press('Control+G');
      await quickInput().waitFor({ state: 'visible', timeout: 5_000 });
      await page.keyboard.type(String(anchorLine));
      await page.keyboard.press('Enter');
      await quickInput().waitFor({ state: 'hidden', timeout: 5_000 });
      for (const key of ['End', 'Comma', 'Enter']) {
        await page.keyboard.press(key);
        // The editor reads keys through the EditContext API; keys pressed back to back can be dropped.
        await page.waitForTimeout(100);
      }
      await page.keyboard.type('"spark.dynamicAllocation.', { delay: 20 });
      // The language server starts with the first JSON file: ask again until its items are there.
      const labels = await until(
        'the suggest widget to list spark.dynamicAllocation keys',
        async () => {
          await page.keyboard.press('Control+Space');
          await page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'visible', timeout: 3_000 });
          await page
            .locator('.editor-widget.suggest-widget.visible .monaco-list-row')
            .first()
            .waitFor({ state: 'visible', timeout: 3_000 });
          const got = await suggestLabels();
          if (got.filter(isKeyRow).length >= 2) return got;
          await page.keyboard.press('Escape');
          return undefined;
        },
        30_000,
        500,
      );
      const shot = join(outDir, 'completion.png');
      await page.screenshot({ path: shot });
      const size = checkPng(shot);
      assert(
        await page.locator('.editor-widget.suggest-widget.visible').isVisible(),
        'the suggest widget closed before the screenshot',
      );
      const dra = labels.filter(isKeyRow);
      assert(
        // The row's label only: an expanded row also carries its docs, which may name the key as related.
        !dra.some((l) => /^spark\.dynamicAllocation\.maxExecutors\b/.test(l.split(',')[0].trim())),
        `maxExecutors is already written but was offered: ${dra.join(' | ')}`,
      );
      // The closing quote is there only when the editor auto-closed the typed one, which depends on timing.
      const line = await page
        .locator('.editor-group-container.active .view-line', { hasText: NEW_KEY_LINE })
        .first()
        .textContent({ timeout: 5_000 })
        .catch(() => undefined);
      assert(line !== undefined, 'the new key is not on a line of its own');
      console.log(
        `      ${dra.length} spark.dynamicAllocation rows visible, first: ${dra[0]}; completion.png ${(size / 1024).toFixed(0)} KB`,
      );
      // Leave the example unchanged.
      await page.keyboard.press('Escape');
      await runCommand('File: Revert File');
      await until(
        'the example to be reverted',
        async () =>
          (await page.locator('.editor-group-container.active .view-line', { hasText: NEW_KEY_LINE }).count()) === 0,
        5_000,
      );
    },
  );

  await check('problems: Ctrl+Shift+M shows the spark-dra unknown-key problem of fixtures/emr-typo.json', async () => {
    await openFile('emr-typo.json');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.first().waitFor({ state: 'visible', timeout: 10_000 });
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'is not a Spark setting' });
    await until('the unknown-key problem in the Problems panel', async () => (await row.count()) > 0, 20_000);
    const text = (await page.locator('.markers-panel .monaco-list-row').allTextContents()).join('\n');
    assert(/spark-dra/.test(text), `the problem does not name its source spark-dra:\n${text}`);
    assert(/unknown-key/.test(text), `the problem does not name its rule unknown-key:\n${text}`);
    const shot = join(outDir, 'problems.png');
    await page.screenshot({ path: shot });
    const size = checkPng(shot);
    assert(await row.first().isVisible(), 'the problem row is not visible');
    console.log(`      problems.png ${(size / 1024).toFixed(0)} KB`);
    // Close the panel again for the next check.
    await page.keyboard.press('Control+J');
  });

  await check('simulation: F1 "Simulate Dynamic Allocation" opens the panel with a chart', async () => {
    await openFile('emr-eks-dra.json');
    await runCommand('Spark DRA: Simulate Dynamic Allocation');
    const title = 'Simulation: emr-eks-dra.json';
    await page.locator('.tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
    // The webview is an iframe holding another iframe; the chart is a canvas in the inner one. Wait until one has
    // a size and is not a single colour (drawn).
    const found = await until(
      'a drawn canvas inside the simulation webview',
      async () => {
        for (const frame of page.frames()) {
          if (frame === page.mainFrame()) continue;
          const canvases = frame.locator('canvas');
          const n = await canvases.count().catch(() => 0);
          for (let i = 0; i < n; i++) {
            const info = await canvases
              .nth(i)
              .evaluate((c) => {
                const r = c.getBoundingClientRect();
                let colours;
                try {
                  const ctx = c.getContext('2d');
                  const data = ctx?.getImageData(0, 0, c.width, c.height).data;
                  const seen = new Set();
                  if (data)
                    for (let p = 0; p < data.length && seen.size < 50; p += 4 * 97)
                      seen.add(`${data[p]},${data[p + 1]},${data[p + 2]},${data[p + 3]}`);
                  colours = seen.size;
                } catch {
                  colours = -1;
                }
                return { width: r.width, height: r.height, colours };
              })
              .catch(() => undefined);
            if (info && info.width > 100 && info.height > 50 && info.colours > 2) return { frame, index: i, ...info };
          }
        }
        return undefined;
      },
      40_000,
      500,
    );
    const shot = join(outDir, 'simulation.png');
    await page.screenshot({ path: shot });
    const size = checkPng(shot);
    assert(await found.frame.locator('canvas').nth(found.index).isVisible(), 'the chart canvas is not visible');
    console.log(
      `      canvas ${Math.round(found.width)}×${Math.round(found.height)} px with ${found.colours}+ colours; simulation.png ${(size / 1024).toFixed(0)} KB`,
    );
  });

  await check('simulation: Apply to file, then Undo in the editor → the panel shows the file again', async () => {
    // The panel from the previous check is open beside emr-eks-dra.json, whose maxExecutors is 40.
    const frame = await until(
      'the what-if form inside the simulation webview',
      async () => {
        for (const f of page.frames()) {
          if (f === page.mainFrame()) continue;
          if (
            (await f
              .locator('#f-spark-dynamicAllocation-maxExecutors')
              .count()
              .catch(() => 0)) > 0
          )
            return f;
        }
        return undefined;
      },
      20_000,
      300,
    );
    const field = frame.locator('#f-spark-dynamicAllocation-maxExecutors input');
    const row = frame.locator('.field[data-key="spark.dynamicAllocation.maxExecutors"]');
    const changed = () => row.evaluate((e) => e.classList.contains('changed'));
    const status = async () => (await frame.locator('#status').textContent()) ?? '';
    const editorSays = (value) => async () => {
      const text = await page.locator('.editor-group-container .monaco-editor .view-lines').first().textContent();
      return new RegExp(`"spark\\.dynamicAllocation\\.maxExecutors":\\s*"${value}"`).test(text ?? '');
    };
    await until('the file value (40) in the what-if field', async () => (await field.inputValue()) === '40', 20_000);
    await field.fill('12');
    await until('the what-if value marked as changed', changed, 10_000);
    await frame.locator('#apply').click();
    // The panel's "Applied to the file." lasts until the re-run it starts; the editor is the lasting witness.
    await until('the editor to hold the applied value 12', editorSays('12'), 20_000);
    // Undo in the editor: the file says 40 again, and so must the panel, with nothing marked as a what-if.
    await page.locator('.tab', { hasText: 'emr-eks-dra.json' }).first().click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Home'); // the key's line is then on screen for the check below
    await until('the editor to hold 40 again after Undo', editorSays('40'), 10_000);
    await until(
      'the panel field to show the file value 40 again',
      async () => (await field.inputValue()) === '40',
      20_000,
    );
    await until('the panel to be up to date', async () => /Up to date/.test(await status()), 20_000);
    assert(!(await changed()), 'the field is still marked as a what-if after Undo');
    const shot = join(outDir, 'apply-undo.png');
    await page.screenshot({ path: shot });
    console.log(
      `      after Undo the panel reads "${await status()}"; apply-undo.png ${(checkPng(shot) / 1024).toFixed(0)} KB`,
    );
  });

  await check(
    'code lens: "Simulate · Spark 3.5.1 · DRA vs right-sized static" above the job; clicking it opens the simulation',
    async () => {
      // A job no other check edits; the simulation panel of the previous check goes, so the editor has the full width.
      await runCommand('View: Close Editors in Other Groups');
      await openFile('emr-serverless-job.json');
      await page.keyboard.press('Control+Home');
      const lens = page.locator('.editor-group-container.active .contentWidgets .codelens-decoration a', {
        hasText: 'DRA vs right-sized static',
      });
      const text = await until(
        'the resolved code lens',
        async () => ((await lens.count()) > 0 ? lens.first().textContent() : undefined),
        40_000,
        500,
      );
      assert(
        /^Simulate · Spark 3\.5\.1 · DRA vs right-sized static /.test(text ?? ''),
        `unexpected lens text: ${text}`,
      );
      const shot = join(outDir, 'codelens.png');
      await page.screenshot({ path: shot });
      const size = checkPng(shot);
      console.log(`      lens "${text}"; codelens.png ${(size / 1024).toFixed(0)} KB`);
      await clearHovers();
      await lens.first().click();
      await page
        .locator('.tab', { hasText: 'Simulation: emr-serverless-job.json' })
        .first()
        .waitFor({ state: 'visible', timeout: 20_000 });
    },
  );

  await check(
    "code lens of a multi-job file: the second job's lens opens a panel simulating the second job",
    async () => {
      await page.mouse.move(900, 760);
      await runCommand('View: Close Editors in Other Groups');
      // fixtures/two-jobs.yaml: maxExecutors 7 in the first job, 31 in the second.
      await openFile('two-jobs.yaml');
      await page.keyboard.press('Control+Home');
      const lenses = page.locator('.editor-group-container.active .contentWidgets .codelens-decoration a', {
        hasText: 'DRA vs right-sized static',
      });
      await until("both jobs' resolved lenses", async () => (await lenses.count()) === 2, 40_000, 500);
      // The lower lens on screen is the second job's.
      const boxes = await lenses.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().top));
      const second = lenses.nth(boxes[0] > boxes[1] ? 0 : 1);
      await second.click();
      const title = 'Simulation: two-jobs.yaml · job 2';
      await page.locator('.tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 20_000 });
      const frame = await webviewFrameWith('#f-spark-dynamicAllocation-maxExecutors', "the job 2 panel's what-if form");
      const field = frame.locator('#f-spark-dynamicAllocation-maxExecutors input');
      await until(
        "the second job's maxExecutors (31) in the what-if form",
        async () => (await field.inputValue()) === '31',
        20_000,
      );
      const peak = await frame.locator('[data-card="peakExecutors"] .card-value').textContent();
      assert(
        Number(peak) <= 31 && Number(peak) > 7,
        `peak executors ${peak}: not the second job's (max 31) simulation`,
      );
      await page.mouse.move(900, 760);
      const shot = join(outDir, 'codelens-second-job.png');
      await page.screenshot({ path: shot });
      console.log(
        `      "${title}": maxExecutors 31, peak ${peak}; codelens-second-job.png ${(checkPng(shot) / 1024).toFixed(0)} KB`,
      );
    },
  );

  await check(
    'replay: F1 "Replay Event Log…" with the job file\'s configuration finds its Retain StorageClass in another file',
    async () => {
      const logPath = join(EVENT_LOGS, 'eventlog_4nodes_8cores_dynamic_alloc.zstd');
      assert(existsSync(logPath), `the shared event log is missing: ${logPath} (set SPARK_DRA_E2E_EVENTLOGS)`);
      // The pointer away from the tabs: a tab's hover can sit over what the check clicks or types into.
      await page.mouse.move(900, 760);
      await runCommand('View: Close Editors in Other Groups');
      // The job names the StorageClass keep-volumes-retain, defined in fixtures/k8s/keep-volumes-storageclass.yaml.
      await openFile('retain-job.yaml');
      // F1 → the command; it answers with a pick (what the log looks like), so the palette's runCommand does not fit.
      await until(
        'the replay command in the command palette',
        async () => {
          if (await quickInput().isVisible()) {
            await page.keyboard.press('Escape');
            await quickInput().waitFor({ state: 'hidden', timeout: 5_000 });
          }
          await page.keyboard.press('F1');
          if (await typeInQuickInput('Spark DRA: Replay Event Log', 'Replay Event Log', '>')) return true;
          await page.keyboard.press('Escape');
          return false;
        },
        20_000,
        500,
      );
      await page.keyboard.press('Enter');
      const row = (text) => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: text });
      await until('the "Event-log file" choice', async () => (await row('Event-log file').count()) > 0, 10_000, 100);
      await page.keyboard.press('Enter');
      // The open dialog of a remote workbench is a path in the quick input: replace it with the log's path.
      await until(
        'the open dialog to show a path',
        async () => (await quickInputBox().isVisible()) && (await quickInputBox().inputValue()).startsWith('/'),
        10_000,
        100,
      );
      // It lists its start folder first and may set its value again when that is done: retype until it holds.
      await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
      await until(
        'the dialog to read the log path',
        async () => {
          if ((await quickInputBox().inputValue()) === logPath) return true;
          await page.keyboard.press('Control+A');
          await page.keyboard.insertText(logPath);
          await page.waitForTimeout(500);
          return (await quickInputBox().inputValue()) === logPath;
        },
        15_000,
        200,
      );
      await page.keyboard.press('Enter');
      // Whose configuration: the job file is the first choice.
      await until(
        'the job file as the first choice',
        async () => (await row('retain-job.yaml').count()) > 0,
        15_000,
        100,
      );
      await page.keyboard.press('Enter');
      const title = 'Replay: eventlog_4nodes_8cores_dynamic_alloc.zstd · retain-job.yaml';
      await page.locator('.tab', { hasText: title }).first().waitFor({ state: 'visible', timeout: 60_000 });
      const frame = await webviewFrameWith('#cards .card', "the replay panel's summary cards", 60_000);
      const body = frame.locator('body');
      const text = await until(
        'the cards to name the volumes Retain leaves behind',
        async () => {
          const t = (await body.innerText()) ?? '';
          return /GiB left behind after the job \(Retain\)/.test(t) ? t : undefined;
        },
        30_000,
        500,
      );
      assert(!/not found: assumed Delete/.test(text), 'the panel says the StorageClass was not found');
      assert(/every month for [\d.]+ GiB of volumes Retain leaves behind/.test(text), 'no monthly cost of the volumes');
      assert(/Simulated with the job file's configuration/.test(text), 'the replay did not use the job file');
      const leftBehind = /([\d.]+) GiB left behind after the job \(Retain\)/.exec(text)?.[1];
      // The replay's notification would cover the volume cards: clear it, and bring the cards into view.
      await runCommand('Notifications: Clear All Notifications');
      await frame.locator('[data-card="cost"]').scrollIntoViewIfNeeded();
      const shot = join(outDir, 'replay-retain.png');
      await page.screenshot({ path: shot });
      const size = checkPng(shot);
      console.log(
        `      "${title}": ${leftBehind} GiB left behind (Retain); replay-retain.png ${(size / 1024).toFixed(0)} KB`,
      );
    },
  );

  await check('walkthrough: F1 "Spark DRA: Get Started" opens the walkthrough with its steps', async () => {
    await runCommand('View: Close Editors in Other Groups');
    await runCommand('Spark DRA: Get Started');
    const title = page.locator('.gettingStartedContainer', { hasText: 'Get Started with Spark DRA' });
    await title.first().waitFor({ state: 'visible', timeout: 20_000 });
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await until('the walkthrough steps', async () => (await steps.count()) >= 5, 10_000);
    const stepTitles = await steps.evaluateAll((els) =>
      els.map((el) => el.querySelector('.step-title')?.textContent?.trim() ?? ''),
    );
    assert(stepTitles.includes('Open an example job'), `steps: ${stepTitles.join(' | ')}`);
    // Let the step's Markdown media render before the picture.
    await page.waitForTimeout(1_500);
    const shot = join(outDir, 'walkthrough.png');
    await page.screenshot({ path: shot });
    const size = checkPng(shot);
    console.log(
      `      ${stepTitles.length} steps: ${stepTitles.join(' | ')}; walkthrough.png ${(size / 1024).toFixed(0)} KB`,
    );
  });

  return finish();
}

main().catch((err) => finish(err?.stack ?? String(err)));
