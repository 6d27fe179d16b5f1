// Typing inside one property line of a spark-defaults.conf file: the line is read again and the rest of the previous
// parse is moved past the edit, instead of reading every line of the file again.
//
// Only the simplest edits qualify: the change stays on one natural line and holds no line break or backslash, the line
// is a property before and after (so entries keep their ranks, and comments and directives are untouched), it holds no
// backslash (it continues no line) and it starts an entry of the previous parse (it continues none either).
import type { ConfigEntry, ParsedFile } from '../../model';
import { carryWholeFileLines, confLineEntry, shiftLine } from '../spark-defaults';
import { readConfLines, type ConfLine } from '../spark-defaults/lines';
import { shiftParsedFile } from './shift-ranges';
import type { TextChange } from './text-change';

type EntryLine = Extract<ConfLine, { kind: 'entry' }>;

const isLineBreak = (code: number): boolean => code === 0x0a || code === 0x0d;
const BACKSLASH = '\\';

/** The natural line of `text` holding `offset`: from after the previous line break to the next one. */
function naturalLine(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return { start, end };
}

/** The one property line text[start, end) reads as, with offsets into `text`; undefined for anything else. */
function propertyLine(text: string, start: number, end: number): EntryLine | undefined {
  const written = text.slice(start, end);
  if (written.includes(BACKSLASH)) return undefined;
  const lines = readConfLines(written);
  const line = lines[0];
  if (lines.length !== 1 || line?.kind !== 'entry' || line.key.text === '') return undefined;
  return shiftLine(line, start) as EntryLine;
}

/** The index of the entry whose key starts at `offset` (entries are in file order). */
function entryAt(entries: readonly ConfigEntry[], offset: number): number {
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const start = (entries[mid] as ConfigEntry).keyRange.start;
    if (start === offset) return mid;
    if (start < offset) low = mid + 1;
    else high = mid - 1;
  }
  return -1;
}

/** The parse of `after` from that of `before` when `change` is a qualifying one-line edit; otherwise undefined. */
export function reparseSparkDefaultsLineEdit(
  before: string,
  parsed: ParsedFile,
  after: string,
  change: TextChange,
): ParsedFile | undefined {
  const job = parsed.jobs[0];
  if (parsed.jobs.length !== 1 || !job || job.range.start !== 0 || job.range.end !== before.length) return undefined;
  const changed = before.slice(change.start, change.oldEnd) + after.slice(change.start, change.newEnd);
  for (let i = 0; i < changed.length; i++) if (isLineBreak(changed.charCodeAt(i))) return undefined;
  if (changed.includes(BACKSLASH)) return undefined;
  const oldLine = naturalLine(before, change.start);
  const oldEntry = propertyLine(before, oldLine.start, oldLine.end);
  const newEntry = propertyLine(after, oldLine.start, oldLine.end + change.delta);
  if (!oldEntry || !newEntry) return undefined;
  // A natural line that continues the line before holds no entry's start: such an edit is read in full here.
  const index = entryAt(job.entries, oldEntry.key.range.start);
  if (index < 0) return undefined;

  const next = shiftParsedFile(parsed, change);
  const entries = next.jobs[0]?.entries;
  if (!entries) return undefined;
  entries[index] = confLineEntry(newEntry, (job.entries[index] as ConfigEntry).rank);
  carryWholeFileLines(before, after, oldEntry.range.start, newEntry, change.delta);
  return next;
}
