// Typing in one document of a multi-document YAML file: that document is read again and every other one keeps what
// the previous version read from it (moved when it lies after the edit), instead of reading the whole file again.
//
// A document's part of the results depends on its own text and on the line after it (a `disable-next-line` comment
// on its last line points there), so a part is reused when that text is untouched by the edit: the document ends, with
// the line after it, before the edit starts, or starts after the edit ends. Everything else is read again.
import type { ParsedFile, Range } from '../../model';
import { documentOptions, readYamlDocument } from '../yaml';
import { joinParts, movePart, partsOfFile, type DocumentPart } from '../yaml/document-results';
import { documentStarts } from '../yaml/syntax/documents';
import type { TextChange } from './text-change';

/** Where the text a document's part depends on ends: after the line that follows the document, if there is one. */
function dependencyEnd(text: string, range: Range): number {
  const lineBreak = text.indexOf('\n', range.end);
  return lineBreak < 0 ? Number.POSITIVE_INFINITY : lineBreak + 1;
}

/** How many of the new version's documents were reused, and how many read again (for tests and measurements). */
export interface YamlReuse {
  reused: number;
  read: number;
}

/**
 * The parse of `after` from the parse of the previous version, when that parse kept its document parts (a YAML file
 * that is not a Helm template); otherwise undefined (the caller parses the file in full).
 */
export function reparseYamlDocuments(
  parsed: ParsedFile,
  after: string,
  change: TextChange,
  fileName: string,
  reuse?: YamlReuse,
): ParsedFile | undefined {
  const parts = partsOfFile(parsed);
  if (!parts) return undefined;
  const byStart = new Map<number, DocumentPart>();
  for (const part of parts) byStart.set(part.range.start, part);
  const options = documentOptions();
  const starts = documentStarts(after);
  const next: DocumentPart[] = [];
  for (let index = 0; index < starts.length; index++) {
    const range = { start: starts[index] as number, end: starts[index + 1] ?? after.length };
    const kept = keptPart(byStart, after, range, change);
    if (reuse) reuse[kept ? 'reused' : 'read']++;
    const part = kept ?? readYamlDocument(after, range, options);
    for (const info of part.storageClasses) info.file = fileName;
    next.push(part);
  }
  const result = joinParts(next, true);
  result.fileName = fileName;
  return result;
}

/** The previous version's part for the document at `range` of the new text, when the edit left its text alone. */
function keptPart(
  byStart: ReadonlyMap<number, DocumentPart>,
  after: string,
  range: Range,
  change: TextChange,
): DocumentPart | undefined {
  if (dependencyEnd(after, range) <= change.start) {
    const part = byStart.get(range.start);
    return part && part.range.end === range.end ? part : undefined;
  }
  if (range.start >= change.newEnd) {
    const part = byStart.get(range.start - change.delta);
    return part && part.range.end === range.end - change.delta ? movePart(part, change.delta) : undefined;
  }
  return undefined;
}
