// textDocument/hover → engine hover.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { toLspRange } from '../convert';

export function hoverHandler(ctx: ServerContext) {
  return (params: HoverParams): Hover | null => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return null;
    const result = ctx.models.get(doc).hover(doc.offsetAt(params.position), ctx.storageClasses.all(doc.uri));
    if (!result) return null;
    return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toLspRange(doc, result.range) };
  };
}
