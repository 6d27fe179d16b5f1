// textDocument/codeAction → the fixes the rules attached to their findings, and the command actions on the job under
// the cursor (the DRA advisor), filtered by the kinds the client asks for.
import { CodeActionKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { fromLspRange, toLspRange } from '../convert';
import type { DiagnosticsPublisher } from '../diagnostics';
import { fixAllAction, wantsFixAll } from './fix-all';

export function codeActionHandler(ctx: ServerContext, diagnostics: DiagnosticsPublisher) {
  return (params: CodeActionParams): CodeAction[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    // Fix all is offered only when asked for by kind (source, source.fixAll…), as VS Code does on save.
    const fixAll = wantsFixAll(params.context.only) ? fixAllAction(ctx, params) : undefined;
    const model = ctx.models.get(doc);
    const range = fromLspRange(doc, params.range);
    const only = params.context.only;
    // A kind is wanted when the client asks for no kind in particular, or for it or a kind it belongs to.
    const wanted = (kind: string): boolean =>
      only === undefined || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const commands: CodeAction[] = model
      .commandActions(range)
      .filter((action) => wanted(action.kind))
      .map((action) => ({
        title: action.title,
        kind: action.kind === 'refactor' ? CodeActionKind.Refactor : CodeActionKind.Source,
        command: { title: action.title, command: action.command, arguments: [doc.uri, action.jobIndex] },
      }));
    if (fixAll) commands.push(fixAll);
    if (!wanted(CodeActionKind.QuickFix)) return commands;
    const actions = model.codeActions(range, diagnostics.findings(doc));
    const fixes = actions.map((action) => {
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
    return [...fixes, ...commands];
  };
}
