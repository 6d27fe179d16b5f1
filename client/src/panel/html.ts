// The simulation panel's HTML page with a strict Content Security Policy. Pure: the only outside
// dependency is a tiny slice of vscode.Webview (cspSource and asWebviewUri), so tests can fake it.
import { randomBytes } from 'node:crypto';

/** The part of vscode.Webview the page needs. `U` is vscode.Uri in the extension, anything in tests. */
export interface WebviewResources<U> {
  readonly cspSource: string;
  asWebviewUri(uri: U): { toString(): string };
}

export interface PanelPageOptions<U> {
  /** dist/webview/main.js */
  script: U;
  /** dist/webview/main.css */
  style: U;
  /** A fresh nonce per page; createNonce() when absent. */
  nonce?: string;
  title?: string;
}

/** 32 random bytes, base64url (no characters that need escaping in an attribute or a CSP). */
export function createNonce(): string {
  return randomBytes(32).toString('base64url');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A CSP source must be one token: refuse anything that could add directives or sources. */
/**
 * VS Code's `cspSource` is one or more source expressions (recent versions give `'self' https://*.vscode-cdn.net`).
 * Accept host sources and `'self'` only, so nothing can widen the policy (no `'unsafe-inline'`, no `*`).
 */
function safeSource(s: string): string {
  const tokens = s.trim().split(/\s+/);
  const ok =
    tokens.length > 0 && tokens.every((t) => t === "'self'" || (/^[A-Za-z0-9+.\-:/*_%]+$/.test(t) && t !== '*'));
  if (!ok) throw new Error(`unsafe CSP source: ${s}`);
  return tokens.join(' ');
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  const src = safeSource(cspSource);
  if (!/^[A-Za-z0-9_-]+$/.test(nonce)) throw new Error('unsafe nonce');
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${src}`,
    `img-src ${src} data:`,
    `font-src ${src}`,
  ].join('; ');
}

export function buildPanelHtml<U>(webview: WebviewResources<U>, options: PanelPageOptions<U>): string {
  const nonce = options.nonce ?? createNonce();
  const csp = contentSecurityPolicy(webview.cspSource, nonce);
  const scriptUri = escapeAttr(webview.asWebviewUri(options.script).toString());
  const styleUri = escapeAttr(webview.asWebviewUri(options.style).toString());
  const title = escapeAttr(options.title ?? 'Spark DRA simulation');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}">
<title>${title}</title>
</head>
<body>
<header class="header">
  <div>
    <h1>Spark DRA simulation</h1>
    <div class="subtitle"><span id="file"></span> <span id="workload"></span></div>
  </div>
  <div id="status" role="status" aria-live="polite"></div>
</header>
<div class="layout">
  <main class="main">
    <section id="error" class="error" role="alert" hidden>
      <h2 id="error-heading">Simulation failed</h2>
      <pre id="error-message"></pre>
      <div id="error-keys" class="error-keys" hidden></div>
      <div>Change a value, or press Reset to go back to the file's own values.</div>
    </section>
    <section id="results" hidden>
      <div id="workload-banner" class="workload-banner" role="note"></div>
      <div id="cards" class="cards"></div>
      <div id="chart" class="chart"></div>
      <div id="notes" class="notes"></div>
    </section>
  </main>
  <aside id="controls" class="controls"></aside>
</div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>
`;
}
