// textDocument/completion → engine completion.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from '../../engine/features/completion';
import { toLspRange } from '../convert';
import type { Analysis } from '../documents';

const KIND = {
  key: CompletionItemKind.Property,
  template: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
} as const;

export function provideCompletion(
  doc: TextDocument,
  analysis: Analysis,
  position: Position,
  storageClassNames: string[],
): CompletionItem[] {
  const items = complete({
    file: analysis.source,
    parsed: analysis.parsed,
    offset: doc.offsetAt(position),
    sparkVersionOf: (job) => analysis.versionOf(job).version,
    storageClassNames,
  });
  return items.map((item) => ({
    label: item.label,
    kind: KIND[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    filterText: item.filterText,
    sortText: item.sortText,
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toLspRange(doc, item.replace), newText: item.insertText },
  }));
}
