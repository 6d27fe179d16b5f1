// Shared helpers for the editor tests: workspace files, the extension's activation, and bounded waits for what the
// language server publishes. Not a test file itself (only *.e2e.ts are); the tests import it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'spark-dra.spark-dra';
export const SOURCE = 'spark-dra';

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor tests need a workspace folder open');
  return folder.uri;
}

/** A file in the throwaway workspace: `examples/…` (copy of examples/), `fixtures/…` (copy of test/fixtures/e2e/). */
export function workspaceUri(relativePath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function writeWorkspaceFile(relativePath: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceUri(relativePath);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** Copies a workspace file to a new name (for tests that change it) and returns the copy. */
export async function copyWorkspaceFile(from: string, to: string): Promise<vscode.Uri> {
  const target = workspaceUri(to);
  await vscode.workspace.fs.copy(workspaceUri(from), target, { overwrite: true });
  return target;
}

/** Activates the extension and waits for its language server (activate() resolves once the server is up). */
export async function activateExtension(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not known to VS Code`);
  await ext.activate();
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export { caret } from '../../support/caret';

/** The position just after the first occurrence of `needle` (or at its start plus `delta`). */
export function positionOf(doc: vscode.TextDocument, needle: string, delta = needle.length): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${doc.uri.path} does not contain ${JSON.stringify(needle)}`);
  return doc.positionAt(at + delta);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    position,
  );
  assert.ok(list, 'vscode.executeCompletionItemProvider returned nothing');
  return list.items;
}

/** Markdown (or plain) text of every hover at a position, joined. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  const parts: string[] = [];
  for (const hover of hovers ?? []) {
    for (const content of hover.contents) {
      if (typeof content === 'string') parts.push(content);
      else if (content instanceof vscode.MarkdownString) parts.push(content.value);
      else parts.push(content.value);
    }
  }
  return parts.join('\n---\n');
}

export function sparkDraDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  if (code === undefined) return '';
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return String(code.value);
}

export function describeDiagnostics(list: readonly vscode.Diagnostic[]): string {
  if (list.length === 0) return '(none)';
  return list
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`)
    .join('\n  ');
}

/**
 * Waits until the spark-dra diagnostics of `uri` satisfy `check`, re-checking whenever VS Code reports changed
 * diagnostics for it. Fails after `timeoutMs` with what was last seen.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  check: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const current = sparkDraDiagnostics(uri);
  if (check(current)) return current;
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new assert.AssertionError({
          message: `timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; spark-dra diagnostics now:\n  ${describeDiagnostics(sparkDraDiagnostics(uri))}`,
        }),
      );
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === key)) return;
      const now = sparkDraDiagnostics(uri);
      if (check(now)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(now);
      }
    });
  });
}

/** Resolves with the first diagnostics change VS Code reports for `uri` after this call (fails after `timeoutMs`). */
export function nextDiagnosticsChange(uri: vscode.Uri, timeoutMs = 15_000): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  return new Promise<vscode.Diagnostic[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new assert.AssertionError({ message: `no diagnostics were published for ${uri.path} within ${timeoutMs} ms` }),
      );
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === key)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(sparkDraDiagnostics(uri));
    });
  });
}

/** Polls `check` every 100 ms until it returns a value other than undefined; fails after `timeoutMs`. */
export async function pollFor<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Saves (the workspace is a throwaway copy) and closes every editor, so no save prompt can block the run. */
export async function closeAllEditors(): Promise<void> {
  await vscode.workspace.saveAll(false);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
