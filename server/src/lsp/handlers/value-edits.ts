// sparkDra/valueEdits → the text edits that make a job use the given values ("apply to file" in the simulator).
// The writing itself is the engine's (edits/write-values.ts); this handler checks the request and converts positions.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { matchLineBreaks, spanEdit, writeValues } from '../../engine/edits/write-values';
import type { ValueEditsParams, ValueEditsResponse, ValueTextEdit } from '../../protocol';
import type { Analysis, DocumentAnalyses } from '../documents';

const KEY = /^spark\.[A-Za-z0-9][A-Za-z0-9_.\-]*$/;
const MAX_KEYS = 100;
const MAX_VALUE = 1000;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/** The values to write, in the order given, or a message saying what is wrong with them. */
export function readValues(raw: unknown): { ok: true; values: [string, string][] } | { ok: false; error: string } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'No values to write.' };
  const values: [string, string][] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!KEY.test(key)) return { ok: false, error: `Not a Spark key: ${JSON.stringify(key.slice(0, 100))}.` };
    if (typeof value !== 'string') return { ok: false, error: `The value of ${key} must be a string.` };
    if (value.length === 0 || value.length > MAX_VALUE || CONTROL.test(value) || value.trim() !== value) {
      return { ok: false, error: `The value of ${key} must be one line of text without surrounding blanks.` };
    }
    values.push([key, value]);
  }
  if (values.length === 0) return { ok: false, error: 'No values to write.' };
  if (values.length > MAX_KEYS)
    return { ok: false, error: `Too many values (${values.length}); at most ${MAX_KEYS} at once.` };
  return { ok: true, values };
}

export function valueEditsFor(doc: TextDocument, analysis: Analysis, params: ValueEditsParams): ValueEditsResponse {
  const read = readValues(params.values);
  if (!read.ok) return read;
  const jobIndex = params.jobIndex ?? 0;
  if (!Number.isSafeInteger(jobIndex) || jobIndex < 0) return { ok: false, error: 'Invalid job index.' };
  const job = analysis.parsed.jobs[jobIndex];
  if (!job) return { ok: false, error: 'This file holds no Spark job to write the values into.' };
  const original = doc.getText();
  const written = writeValues(
    { ...analysis.source, text: original },
    jobIndex,
    read.values,
    analysis.versionOf(job).version,
  );
  if (!written.ok) return written;
  const span = spanEdit(original, written.text);
  if (!span) return { ok: true, edits: [] };
  const edit: ValueTextEdit = {
    range: { start: doc.positionAt(span.range.start), end: doc.positionAt(span.range.end) },
    newText: matchLineBreaks(original, span.newText),
  };
  return { ok: true, edits: [edit] };
}

/** The sparkDra/valueEdits request handler over the server's open documents. */
export function valueEditsHandler(
  documents: TextDocuments<TextDocument>,
  analyses: DocumentAnalyses,
): (raw: unknown) => ValueEditsResponse {
  return (raw) => {
    if (!raw || typeof raw !== 'object' || typeof (raw as { uri?: unknown }).uri !== 'string') {
      return { ok: false, error: 'No document given.' };
    }
    const params = raw as ValueEditsParams;
    const doc = documents.get(params.uri);
    if (!doc) return { ok: false, error: 'The document is not open.' };
    try {
      return valueEditsFor(doc, analyses.get(doc), params);
    } catch (error) {
      return {
        ok: false,
        error: `internal error while preparing the edit: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  };
}
