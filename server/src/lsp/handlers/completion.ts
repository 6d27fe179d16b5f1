// textDocument/completion → engine completion.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
} from 'vscode-languageserver';
import type { KeyDocsRef } from '../../engine';
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
      // A key's documentation is written when the editor shows the item (completionItem/resolve).
      data: item.docsFor,
      filterText: item.filterText,
      sortText: item.sortText,
      insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: toLspRange(doc, item.replace), newText: item.insertText },
    }));
  };
}

/** What `data` of a completion item names when its documentation is left for completionItem/resolve. */
function docsRef(data: unknown): KeyDocsRef | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { key, version } = data as Record<string, unknown>;
  return typeof key === 'string' && typeof version === 'string' ? { key, version } : undefined;
}

/** completionItem/resolve: fills in a key item's documentation; any other item comes back as it was. */
export function completionResolveHandler(ctx: ServerContext) {
  return (item: CompletionItem): CompletionItem => {
    const ref = item.documentation === undefined ? docsRef(item.data) : undefined;
    const markdown = ref ? ctx.service().keyDocs(ref) : undefined;
    return markdown ? { ...item, documentation: { kind: MarkupKind.Markdown, value: markdown } } : item;
  };
}
