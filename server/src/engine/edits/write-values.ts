// Writes values into a job file's text ("apply to file" from the simulator): each key's winning entry gets the new
// value; a key the job does not write is added where new keys of the job go. Keys are applied one after the other,
// re-reading the text each time, so a second insert lands after the first; the result is one edit for one undo step.
import { impliedOperatorFieldEdit, operatorFieldText } from './operator-field';
import { failure, success, type Result } from '../../../../protocol/result';
import { effectiveValue } from '../effective';
import { parseFile, type SourceFile } from '../locators';
import { insertKeyEdit } from './insert-key';
import { setValueEdit } from './set-value';
import { applyEdits, type TextEdit } from './text-edit';

/** The edit that turns `before` into `after`: the span between their common prefix and common suffix. */
export function spanEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
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
export function matchLineBreaks(original: string, newText: string): string {
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
): Result<string> {
  let text = source.text;
  const nowhere: string[] = [];
  const unwritable: string[] = [];
  for (const [key, value] of values) {
    const job = parseFile({ ...source, text }).jobs[jobIndex];
    if (!job) return failure('no-job', 'The file no longer holds that job.');
    const current = effectiveValue(job, key, sparkVersion);
    let edit: TextEdit | undefined;
    if (current.source === 'entry' && current.entry && !current.entry.implied) {
      if (current.entry.value === value) continue;
      const written = operatorFieldText(current.entry, value);
      if (written === undefined) {
        unwritable.push(key);
        continue;
      }
      if (current.entry.value === written) continue;
      edit = setValueEdit(current.entry, written);
    } else if (current.source === 'entry' && current.entry?.implied) {
      if (current.entry.value === value) continue;
      // The platform writes this key itself; a new entry must go where the platform reads it.
      edit = impliedOperatorFieldEdit(text, current.entry, value) ?? insertKeyEdit(text, job, key, value);
    } else {
      edit = insertKeyEdit(text, job, key, value);
    }
    if (!edit) {
      nowhere.push(key);
      continue;
    }
    text = applyEdits(text, [edit]);
  }
  if (unwritable.length > 0) {
    return failure(
      'cannot-edit',
      `The operator field for ${unwritable.join(', ')} takes a number of milliseconds; give the value as a duration (e.g. 120s).`,
    );
  }
  if (nowhere.length > 0) {
    return failure(
      'cannot-edit',
      `This file has no place for new Spark properties, so ${nowhere.join(', ')} could not be added. Add a properties map (or sparkConf) and apply again.`,
    );
  }
  return success(text);
}
