// textDocument/codeAction → the fixes the rules attached to their findings.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { fromLspRange, toLspRange } from '../convert';
import type { DiagnosticsPublisher } from '../diagnostics';
import { fixAllAction, wantsFixAll } from './fix-all';

export function codeActionHandler(ctx: ServerContext, diagnostics: DiagnosticsPublisher) {
  return (params: CodeActionParams): CodeAction[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (wantsFixAll(params.context.only)) {
      const fixAll = fixAllAction(ctx, params);
      return fixAll ? [fixAll] : [];
    }
    const model = ctx.models.get(doc);
    const actions = model.codeActions(fromLspRange(doc, params.range), diagnostics.findings(doc));
    return actions.map((action) => {
      const diagnostic = params.context.diagnostics.find(
        (d) => d.code === action.finding.ruleId && d.message === action.finding.message,
      );
      return {
        title: action.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: action.preferred,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit: {
          changes: { [doc.uri]: action.edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.newText })) },
        },
      };
    });
  };
}
