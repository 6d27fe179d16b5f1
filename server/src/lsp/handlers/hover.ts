// textDocument/hover → engine hover.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hover } from '../../engine/features/hover';
import type { StorageClassInfo } from '../../engine/model';
import { toLspRange } from '../convert';
import type { Analysis } from '../documents';

export function provideHover(
  doc: TextDocument,
  analysis: Analysis,
  position: Position,
  workspaceStorageClasses: readonly StorageClassInfo[] = [],
): Hover | null {
  const result = hover({
    text: analysis.source.text,
    parsed: analysis.parsed,
    offset: doc.offsetAt(position),
    versionOf: analysis.versionOf,
    workspaceStorageClasses,
  });
  if (!result) return null;
  return { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: toLspRange(doc, result.range) };
}
