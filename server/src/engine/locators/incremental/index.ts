// Reading a new version of a file from the previous version's parse where the change allows it (see
// json-value-edit.ts, yaml-documents.ts, spark-defaults-line-edit.ts), else in full. The result is always what a full
// parse of the new text gives.
import type { ParsedFile } from '../../model';
import { detectFormat, parseFile, type SourceFile } from '../index';
import { reparseJsonValueEdit, type EntryEdit } from './json-value-edit';
import { reparseSparkDefaultsLineEdit } from './spark-defaults-line-edit';
import { findTextChange, type TextChange } from './text-change';
import { reparseYamlDocuments } from './yaml-documents';
import { isTemplateFile } from '../yaml/template-mask';

/** A file as read before, with what reading it gave. */
export interface PreviousParse {
  file: SourceFile;
  parsed: ParsedFile;
}

export type { EntryEdit } from './json-value-edit';

/** A parse, and the one-entry edit it was made with when it came from the previous version's. */
export interface Reparse {
  parsed: ParsedFile;
  edit?: EntryEdit;
  /** How the text differs from the previous version's, when it was compared (empty for the same text). */
  change?: TextChange;
}

export type { TextChange } from './text-change';

/** The change between two equal texts. */
const NO_CHANGE: TextChange = { start: 0, oldEnd: 0, newEnd: 0, delta: 0 };

/** Reads `file`, reusing `previous` when it is the same file and the change keeps its structure. Never throws. */
export function reparseFile(previous: PreviousParse | undefined, file: SourceFile): ParsedFile {
  return reparseWithEdit(previous, file).parsed;
}

/** reparseFile, telling which entry changed when the previous parse was moved rather than read again. */
export function reparseWithEdit(previous: PreviousParse | undefined, file: SourceFile): Reparse {
  const change = previous ? (findTextChange(previous.file.text, file.text) ?? NO_CHANGE) : undefined;
  if (previous && change) {
    try {
      const reused = reuse(previous, file, change);
      if (reused) return { ...reused, change };
    } catch {
      // A bug in the shortcut must cost only time: the full parse below gives the right answer.
    }
  }
  return { parsed: parseFile(file), change };
}

function reuse(previous: PreviousParse, file: SourceFile, change: TextChange): Reparse | undefined {
  const before = previous.file;
  if (before.fileName !== file.fileName || before.languageId !== file.languageId) return undefined;
  if (change === NO_CHANGE) return { parsed: previous.parsed };
  const format = detectFormat(file);
  if (format !== previous.parsed.format) return undefined;
  if (format === 'json') return reparseJsonValueEdit(before.text, previous.parsed, file.text, change);
  if (format === 'spark-defaults') {
    const parsed = reparseSparkDefaultsLineEdit(before.text, previous.parsed, file.text, change);
    return parsed ? { parsed } : undefined;
  }
  if (format === 'yaml' && !isTemplateFile(file.fileName, file.text) && !isTemplateFile(before.fileName, before.text)) {
    const parsed = reparseYamlDocuments(previous.parsed, file.text, change, file.fileName);
    return parsed ? { parsed } : undefined;
  }
  return undefined;
}
