// Conversions between engine offsets and LSP positions.
import type { Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../engine';

export function toLspRange(doc: TextDocument, range: Range): LspRange {
  return { start: doc.positionAt(range.start), end: doc.positionAt(range.end) };
}

export function fromLspRange(doc: TextDocument, range: LspRange): Range {
  return { start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
}
