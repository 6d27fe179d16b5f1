// Where the JSON of an AWS CLI option sits in the script. Scripts often write it as one single-quoted word (also
// after `--option=`), and just as often splice shell variables into it by closing and reopening the quotes: `'{"logUri": "'"$BUCKET"'/logs"}'` or
// `'…s3://'$BUCKET'/x…'`. Such a word is read as its single-quoted parts plus the expansions between them; the quote
// characters in between become blanks, so the JSON keeps the script's offsets.
import type { Range } from '../../model';
import type { ScriptWord } from './lex';

/**
 * The spans of `word` that make up its JSON text, or undefined when the word is not JSON written in single quotes
 * (unquoted or double-quoted text between the parts is not something we can read as written).
 */
export function jsonArgumentSpans(word: ScriptWord, expansions: readonly Range[]): Range[] | undefined {
  if (word.singleQuoted) return [word.singleQuoted];
  const parts = word.singleQuotedParts;
  if (!parts || parts.length === 0) return undefined;
  const inWord = expansions.filter((e) => e.start >= word.start && e.end <= word.end);
  const inside = (at: number, spans: readonly Range[]): boolean =>
    spans.some((span) => at >= span.start && at < span.end);
  // Every character the shell keeps must come from a quoted part or an expansion.
  for (const char of word.chars) {
    if (!inside(char.at, parts) && !inside(char.at, inWord)) return undefined;
  }
  return [...parts, ...inWord].sort((a, b) => a.start - b.start);
}

/**
 * Writes the quote characters between the parts of a spliced word (`'"$X"'`, `'$X'`) into `chars`: inside a JSON string
 * each becomes a single quote, so the expansion stays joined to the text around it (`instances='$N'` in
 * sparkSubmitParameters reads as one quoted value); outside a string each becomes a blank.
 */
export function fillSplices(
  text: string,
  chars: string[],
  spans: readonly Range[],
  expansions: readonly Range[],
): void {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return;
  let inString = false;
  for (let i = first.start; i < last.end; i++) {
    const expansion = expansions.find((e) => e.start === i);
    if (expansion) {
      i = expansion.end - 1;
      continue;
    }
    if (!spans.some((span) => i >= span.start && i < span.end)) {
      if (text[i] !== '\n' && text[i] !== '\r') chars[i] = inString ? "'" : ' ';
      continue;
    }
    const ch = text[i];
    if (ch === '\\' && inString) i++;
    else if (ch === '"') inString = !inString;
  }
}
