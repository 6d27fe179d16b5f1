// Typing inside a JSON property's key or value: the structure of the file is unchanged, so the previous parse is moved
// past the change and the one entry gets its new text, instead of parsing and reading the whole file again.
import type { ConfigEntry, ParsedFile, Range } from '../../model';
import { shiftParsedFile } from './shift-ranges';
import type { TextChange } from './text-change';

/** The index of the last entry whose key starts at or before `offset` (entries are sorted by where their key starts). */
function entryBefore(entries: readonly ConfigEntry[], offset: number): number {
  let low = 0;
  let high = entries.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((entries[mid] as ConfigEntry).keyRange.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** The one entry a value edit changed, and how: what rules need to re-check only what the edit can change. */
export interface EntryEdit {
  /** The parse this one was made from. */
  readonly before: ParsedFile;
  readonly change: TextChange;
  /** Index of the changed entry in the job's entries (the same in both parses). */
  readonly entryIndex: number;
  /** The key was edited (else the value). */
  readonly inKey: boolean;
  /** The entry's key before the edit. */
  readonly oldKey: string;
}

const within = (range: Range, change: TextChange): boolean => range.start <= change.start && change.oldEnd <= range.end;

/** Text that a JSON string holds verbatim: no quote, no backslash, no control character. */
function isPlainStringContent(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c) return false;
  }
  return true;
}

/** True when `range` of `text` is the whole content of a closed string literal, written without escapes. */
function isPlainString(text: string, range: Range, decoded: string): boolean {
  return (
    text.charCodeAt(range.start - 1) === 0x22 &&
    text.charCodeAt(range.end) === 0x22 &&
    text.slice(range.start, range.end) === decoded
  );
}

/**
 * The parse of `after` and the edit that made it, from the parse of `before`, when `change` lies inside the key or the value string of one
 * `properties` entry and both versions of that string are plain (no escapes, quotes or line breaks); otherwise
 * undefined (the caller parses the file in full). Only files whose JSON read without syntax errors qualify.
 */
export function reparseJsonValueEdit(
  before: string,
  parsed: ParsedFile,
  after: string,
  change: TextChange,
): { parsed: ParsedFile; edit: EntryEdit } | undefined {
  if (parsed.jobs.length !== 1 || parsed.syntaxErrors.some((p) => p.source !== 'submit-parameters')) return undefined;
  const job = parsed.jobs[0];
  if (!job) return undefined;
  const index = entryBefore(job.entries, change.start);
  const entry = job.entries[index];
  if (!entry || entry.origin !== 'property' || entry.encoding || entry.nonStringValue) return undefined;
  const inKey = within(entry.keyRange, change);
  if (!inKey && !within(entry.valueRange, change)) return undefined;
  const oldRange = inKey ? entry.keyRange : entry.valueRange;
  if (!isPlainString(before, oldRange, inKey ? entry.key : entry.value)) return undefined;
  const newText = after.slice(oldRange.start, oldRange.end + change.delta);
  if (!isPlainStringContent(newText)) return undefined;

  const next = shiftParsedFile(parsed, change);
  const entries = next.jobs[0]?.entries ?? [];
  const moved = entries[index];
  if (!moved) return undefined;
  entries[index] = inKey ? { ...moved, key: newText } : { ...moved, value: newText };
  return { parsed: next, edit: { before: parsed, change, entryIndex: index, inKey, oldKey: entry.key } };
}
