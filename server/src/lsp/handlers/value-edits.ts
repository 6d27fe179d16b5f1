// sparkDra/valueEdits → the text edits that make a job use the given values ("apply to file" in the simulator).
// Each key's winning entry gets the new value; a key the job does not write is added where new keys of the job go.
// Keys are applied one after the other on the text (re-reading it each time, so a second insert lands after the
// first), and the whole change is returned as one edit: the client applies it as one undo step.
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, insertKeyEdit, setValueEdit, type TextEdit } from '../../engine/edits';
import { effectiveValue } from '../../engine/effective';
import { parseFile, type SourceFile } from '../../engine/locators';
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
  if (values.length > MAX_KEYS) return { ok: false, error: `Too many values (${values.length}); at most ${MAX_KEYS} at once.` };
  return { ok: true, values };
}

/** The edit that turns `before` into `after`: the span between their common prefix and common suffix. */
export function spanEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a CRLF pair or a surrogate pair.
  while (start > 0 && splits(before, start)) start--;
  while (tail > 0 && splits(before, before.length - tail)) tail--;
  return { range: { start, end: before.length - tail }, newText: after.slice(start, after.length - tail) };
}

function splits(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const prev = text.charCodeAt(at - 1);
  const next = text.charCodeAt(at);
  return (prev === 13 && next === 10) || (prev >= 0xd800 && prev <= 0xdbff && next >= 0xdc00 && next <= 0xdfff);
}

/** Inserted line breaks follow the document's own (CRLF files stay CRLF). */
function matchLineBreaks(original: string, newText: string): string {
  const firstBreak = original.indexOf('\n');
  if (firstBreak <= 0 || original.charAt(firstBreak - 1) !== '\r') return newText;
  return newText.replace(/\r?\n/g, '\r\n');
}

/** Applies the values to the text of one job. Pure: takes and returns text. */
export function writeValues(
  source: SourceFile,
  jobIndex: number,
  values: readonly [string, string][],
  sparkVersion: string,
): { ok: true; text: string } | { ok: false; error: string } {
  let text = source.text;
  const nowhere: string[] = [];
  for (const [key, value] of values) {
    const job = parseFile({ ...source, text }).jobs[jobIndex];
    if (!job) return { ok: false, error: 'The file no longer holds that job.' };
    const current = effectiveValue(job, key, sparkVersion);
    let edit: TextEdit | undefined;
    if (current.source === 'entry' && current.entry && !current.entry.implied) {
      if (current.entry.value === value) continue;
      edit = setValueEdit(current.entry, value);
    } else {
      edit = insertKeyEdit(text, job, key, value);
    }
    if (!edit) {
      nowhere.push(key);
      continue;
    }
    text = applyEdits(text, [edit]);
  }
  if (nowhere.length > 0) {
    return {
      ok: false,
      error: `This file has no place for new Spark properties, so ${nowhere.join(', ')} could not be added. Add a properties map (or sparkConf) and apply again.`,
    };
  }
  return { ok: true, text };
}

export function valueEditsFor(doc: TextDocument, analysis: Analysis, params: ValueEditsParams): ValueEditsResponse {
  const read = readValues(params.values);
  if (!read.ok) return read;
  const jobIndex = params.jobIndex ?? 0;
  if (!Number.isSafeInteger(jobIndex) || jobIndex < 0) return { ok: false, error: 'Invalid job index.' };
  const job = analysis.parsed.jobs[jobIndex];
  if (!job) return { ok: false, error: 'This file holds no Spark job to write the values into.' };
  const original = doc.getText();
  const written = writeValues({ ...analysis.source, text: original }, jobIndex, read.values, analysis.versionOf(job).version);
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
      return { ok: false, error: `internal error while preparing the edit: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}
