// Browser harness for the simulation webview: bundles client/webview/main.ts like scripts/build.mjs
// does, serves it with the page from html.ts on 127.0.0.1, and drives headless Chromium.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildPanelHtml } from '../../client/src/panel/html';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUTPUT = join(ROOT, 'test-output', 'webview');
const BUNDLE = join(OUTPUT, 'bundle');
const FAKE_HOST = join(import.meta.dirname, 'fake-host.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Bundles the webview with the same options as scripts/build.mjs (into test-output, not dist). */
export async function buildBundle(): Promise<void> {
  mkdirSync(BUNDLE, { recursive: true });
  await build({
    bundle: true,
    sourcemap: true,
    logLevel: 'silent',
    legalComments: 'none',
    entryPoints: [join(ROOT, 'client/webview/main.ts')],
    outfile: join(BUNDLE, 'main.js'),
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' },
  });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

export interface Harness {
  origin: string;
  html: string;
  nonce: string;
  close(): Promise<void>;
  newPage(options?: {
    width?: number;
    height?: number;
  }): Promise<{ page: Page; context: BrowserContext; problems: string[] }>;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  await buildBundle();
  let html = '';
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: Buffer | string | undefined;
    if (path === '/' || path === '/index.html') body = html;
    else if (path === '/fake-host.js') body = readFileSync(FAKE_HOST);
    else if (/^\/webview\/main\.(js|css)(\.map)?$/.test(path)) {
      const file = join(BUNDLE, path.slice('/webview/'.length));
      if (existsSync(file)) body = readFileSync(file);
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(path === '/' ? '/index.html' : path)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const nonce = 'TestNonce_0123456789abcdefABCDEF-_';
  const page = buildPanelHtml<string>(
    { cspSource: origin, asWebviewUri: (p) => new URL(p, origin) },
    { script: '/webview/main.js', style: '/webview/main.css', nonce },
  );
  // The fake VS Code host goes in as its own file with the page nonce, right before the bundle.
  const mainTag = `<script nonce="${nonce}" src="${origin}/webview/main.js"></script>`;
  if (!page.includes(mainTag)) throw new Error('unexpected page layout');
  html = page.replace(mainTag, `<script nonce="${nonce}" src="${origin}/fake-host.js"></script>\n${mainTag}`);

  // chromium.launch always starts from a fresh temporary profile (user-data dir) that it deletes on close.
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  return {
    origin,
    html,
    nonce,
    async newPage(options) {
      const context = await browser.newContext({
        viewport: { width: options?.width ?? 1280, height: options?.height ?? 900 },
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(5_000);
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      });
      await page.goto(`${origin}/index.html`, { waitUntil: 'load', timeout: 10_000 });
      return { page, context, problems };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
    },
  };
}

// ---------- page helpers ----------

export interface SentMessage {
  type: string;
  [k: string]: unknown;
}

export async function sent(page: Page): Promise<SentMessage[]> {
  return page.evaluate(() => (window as unknown as { __test: { sent: SentMessage[] } }).__test.sent);
}

export async function send(page: Page, msg: unknown): Promise<void> {
  await page.evaluate((m) => (window as unknown as { __test: { send(x: unknown): void } }).__test.send(m), msg);
}

export async function violations(page: Page): Promise<{ directive: string; blocked: string }[]> {
  return page.evaluate(
    () => (window as unknown as { __test: { violations: { directive: string; blocked: string }[] } }).__test.violations,
  );
}

/** Waits until a message matching `pred` has been sent, and returns it. */
export async function waitForSent(
  page: Page,
  pred: (m: SentMessage) => boolean,
  timeoutMs = 3_000,
): Promise<SentMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await sent(page)).find(pred);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no matching message sent; got ${JSON.stringify(await sent(page)).slice(0, 500)}`);
    await page.waitForTimeout(25);
  }
}

/** Non-transparent pixels in the uPlot canvas. */
export async function paintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('#chart canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
}

export async function cardValue(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-card="${id}"] .card-value`).textContent({ timeout: 3_000 })) ?? '';
}
