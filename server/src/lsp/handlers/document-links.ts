// textDocument/documentLink → each `options.storageClass` value links to the StorageClass it names (the class hover
// describes), opened at the line of its `metadata.name`.
import { readFileSync } from 'node:fs';
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import type { StorageClassLink } from '../../engine';
import type { ServerContext } from '../context';
import { toLspRange } from '../convert';
import { URI } from '../uri';

export function documentLinkHandler(ctx: ServerContext) {
  return (params: DocumentLinkParams): DocumentLink[] => {
    const doc = ctx.documents.get(params.textDocument.uri);
    if (!doc) return [];
    const links = ctx.models.get(doc).storageClassLinks(ctx.storageClasses.all(doc.uri));
    return links.map((link) => ({
      range: toLspRange(doc, link.range),
      target: linkTarget(ctx, doc.uri, link),
      tooltip: `StorageClass ${link.target.name}${link.inThisFile ? ' (in this file)' : ''}`,
    }));
  };
}

/** `<uri>#L<line>` of the class's name: from the open document when it is open, else from the file on disk. */
function linkTarget(ctx: ServerContext, docUri: string, link: StorageClassLink): string {
  const uri = link.inThisFile || link.target.file === undefined ? docUri : URI.fromPath(link.target.file);
  const open = ctx.documents.get(uri);
  const line = open ? open.positionAt(link.target.nameRange.start).line : lineOnDisk(uri, link.target.nameRange.start);
  return line === undefined ? uri : `${uri}#L${line + 1}`;
}

function lineOnDisk(uri: string, offset: number): number | undefined {
  try {
    const text = readFileSync(URI.path(uri), 'utf8');
    if (offset > text.length) return undefined;
    let line = 0;
    for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    return line;
  } catch {
    return undefined;
  }
}
