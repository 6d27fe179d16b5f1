// The `source.fixAll.sparkDra` code action: every unambiguous spark-dra fix of the document as one edit, so one undo
// takes it back. Offered when the editor asks for source actions of that kind (VS Code's Source Action menu, "Fix
// All", or `editor.codeActionsOnSave: { "source.fixAll.sparkDra": "explicit" }`).
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toLspRange } from '../convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.sparkDra`;

/** True when the client asked for kinds that include ours (a parent kind such as `source` includes it). */
export function wantsFixAll(only: readonly string[] | undefined): boolean {
  return only !== undefined && only.some((kind) => FIX_ALL_KIND === kind || FIX_ALL_KIND.startsWith(`${kind}.`));
}

export function fixAllAction(ctx: ServerContext, params: CodeActionParams): CodeAction | undefined {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return undefined;
  // The same workspace inputs as the diagnostics, so Fix all judges the file as the Problems view does.
  const result = ctx.models.get(doc).fixAll({
    workspaceStorageClasses: ctx.storageClasses.all(doc.uri),
    workspaceClaims: ctx.claims.all(doc.uri),
  });
  if (!result.edit) return undefined;
  const count = result.fixed.length;
  return {
    title: `Fix all spark-dra problems (${count} fix${count === 1 ? '' : 'es'})`,
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [{ range: toLspRange(doc, result.edit.range), newText: result.edit.newText }] } },
  };
}
