// The panel page: strict CSP, nonce, resource URIs through asWebviewUri.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildPanelHtml, contentSecurityPolicy, createNonce } from '../../../client/src/panel/html';

const fakeWebview = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  asWebviewUri: (p: string) => ({ toString: () => `https://file+.vscode-resource.vscode-cdn.net/ext${p}` }),
};

function cspOf(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'a CSP meta tag');
  return (m[1] ?? '').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

describe('panel html', () => {
  const html = buildPanelHtml(fakeWebview, {
    script: '/dist/webview/main.js',
    style: '/dist/webview/main.css',
    nonce: 'abcDEF123_-',
  });

  it('sets exactly the strict policy', () => {
    assert.equal(
      cspOf(html),
      "default-src 'none'; script-src 'nonce-abcDEF123_-'; style-src https://file+.vscode-resource.vscode-cdn.net; " +
        'img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net',
    );
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|http:\/\/|cdn\.jsdelivr|unpkg/);
  });

  it('the CSP comes before any script or stylesheet', () => {
    const csp = html.indexOf('Content-Security-Policy');
    assert.ok(csp > 0 && csp < html.indexOf('<link') && csp < html.indexOf('<script'));
  });

  it('loads only the bundle, with the nonce, through asWebviewUri', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1] ?? '');
    assert.equal(scripts.length, 1);
    assert.match(scripts[0] ?? '', /nonce="abcDEF123_-"/);
    assert.match(
      scripts[0] ?? '',
      /src="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/main\.js"/,
    );
    assert.match(
      html,
      /<link rel="stylesheet" href="https:\/\/file\+\.vscode-resource\.vscode-cdn\.net\/ext\/dist\/webview\/main\.css">/,
    );
    assert.doesNotMatch(html, /<style|\sstyle="|\son[a-z]+="/i, 'no inline styles or handlers');
  });

  it('makes a fresh unguessable nonce each time by default', () => {
    const a = createNonce();
    const b = createNonce();
    assert.notEqual(a, b);
    assert.match(a, /^[A-Za-z0-9_-]{43}$/);
    const page = buildPanelHtml(fakeWebview, { script: '/a.js', style: '/a.css' });
    assert.match(cspOf(page), /script-src 'nonce-[A-Za-z0-9_-]{43}'/);
  });

  it('refuses a cspSource or nonce that could widen the policy', () => {
    assert.throws(() => contentSecurityPolicy("https://x; script-src 'unsafe-inline'", 'abc'));
    assert.throws(() => contentSecurityPolicy('https://x', "abc' 'unsafe-eval"));
    assert.throws(() => contentSecurityPolicy("'self' 'unsafe-inline'", 'abc'));
    assert.throws(() => contentSecurityPolicy("'self' *", 'abc'));
  });

  it("accepts the two-source cspSource of current VS Code ('self' plus the CDN host)", () => {
    const csp = contentSecurityPolicy("'self' https://*.vscode-cdn.net", 'abc');
    assert.match(
      csp,
      /style-src 'self' https:\/\/\*\.vscode-cdn\.net; img-src 'self' https:\/\/\*\.vscode-cdn\.net data:/,
    );
    assert.doesNotMatch(csp, /unsafe/);
  });

  it('escapes resource URIs', () => {
    const page = buildPanelHtml(
      { cspSource: 'https://x', asWebviewUri: () => ({ toString: () => 'https://x/a"><script>alert(1)</script>' }) },
      { script: 'a', style: 'b', nonce: 'n' },
    );
    assert.doesNotMatch(page, /<script>alert/);
  });
});
