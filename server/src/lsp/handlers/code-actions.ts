// textDocument/codeAction → the fixes the rules attached to their findings.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../engine/rules/types';
import { fromLspRange, toLspRange } from '../convert';

export function provideCodeActions(
  doc: TextDocument,
  findings: Finding[],
  range: LspRange,
  contextDiagnostics: Diagnostic[],
): CodeAction[] {
  const wanted = fromLspRange(doc, range);
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.range.end < wanted.start || finding.range.start > wanted.end) continue;
    const diagnostic = contextDiagnostics.find((d) => d.code === finding.ruleId && d.message === finding.message);
    for (const fix of finding.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        isPreferred: fix.preferred,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        edit: {
          changes: { [doc.uri]: fix.edits.map((e) => ({ range: toLspRange(doc, e.range), newText: e.newText })) },
        },
      });
    }
  }
  return actions;
}
