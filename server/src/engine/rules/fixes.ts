// Quick-fix builders shared by the rule families.
import type { SparkKey } from '../catalog/index';
import type { ConfigEntry, Range } from '../model';
import { insertKeyEdit } from '../edits/insert-key';
import { jsonEscape, setValueEdit } from '../edits/set-value';
import type { RuleContext } from './context';
import type { FixData } from './types';

export function setValueFix(entry: ConfigEntry, value: string, title?: string, preferred = true): FixData {
  return { title: title ?? `Change the value to ${value}`, edits: [setValueEdit(entry, value)], preferred };
}

/** Replaces a span of a key (or a whole key) with new key text. */
export function replaceKeyFix(entry: ConfigEntry, range: Range, newText: string, title: string): FixData {
  const text = entry.encoding === 'json-string' ? jsonEscape(newText) : newText;
  return { title, edits: [{ range: { ...range }, newText: text }], preferred: true };
}

/** Adds a key to the job, or nothing when the job has no place for it. */
export function insertKeyFix(
  ctx: RuleContext,
  key: string,
  value: string,
  title?: string,
  preferred = false,
): FixData[] {
  const edit = insertKeyEdit(ctx.text, ctx.job, key, value);
  if (!edit) return [];
  return [{ title: title ?? `Add ${key}=${value}`, edits: [edit], preferred }];
}

/** Sets a key: edits the entry Spark uses when there is one, else adds the key. */
export function setKeyFix(
  ctx: RuleContext,
  key: SparkKey,
  value: string,
  title?: string,
  preferred = false,
): FixData[] {
  const winner = ctx.winner(key);
  if (winner) return [setValueFix(winner, value, title ?? `Set ${key} to ${value}`, preferred)];
  return insertKeyFix(ctx, key, value, title ?? `Set ${key} to ${value}`, preferred);
}
