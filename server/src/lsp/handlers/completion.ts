// textDocument/completion → engine completion.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toLspRange } from '../convert';

const KIND = {
  key: CompletionItemKind.Property,
  template: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
} as const;

export function completionHandler(ctx: ServerContext) {
  return (params: CompletionParams): CompletionItem[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const items = ctx.models.get(doc).complete(doc.offsetAt(params.position), ctx.storageClasses.names());
    return items.map((item) => ({
      label: item.label,
      labelDetails: item.isDefault ? { description: 'default' } : undefined,
      kind: KIND[item.kind],
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      filterText: item.filterText,
      sortText: item.sortText,
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: toLspRange(doc, item.replace), newText: item.insertText },
    }));
  };
}
