// The JSON a script hands to the AWS CLI, as text the JSON reader can read at the script's own offsets: everything
// outside the kept spans becomes blank (line breaks stay), and shell expansions written where JSON expects a value
// become a blank string literal of the same length.
import type { Range } from '../../model';

/** Characters of `text`, blank outside `keep` (line breaks kept so lines and offsets match the script). */
export function maskOutside(text: string, keep: readonly Range[]): string[] {
  const chars = new Array<string>(text.length);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    chars[i] = ch === '\n' || ch === '\r' ? ch : ' ';
  }
  for (const range of keep) {
    for (let i = range.start; i < range.end && i < text.length; i++) chars[i] = text[i] as string;
  }
  return chars;
}

/**
 * Replaces each expansion inside `region` that stands outside a JSON string (`"maxExecutors": $MAX`) with a string
 * literal of the same length, so the JSON around it still reads; expansions inside strings are left as written.
 */
export function quoteBareExpansions(chars: string[], region: Range, expansions: readonly Range[]): void {
  const inRegion = expansions
    .filter((e) => e.start >= region.start && e.end <= region.end)
    .sort((a, b) => a.start - b.start);
  let next = 0;
  let inString = false;
  for (let i = region.start; i < region.end; i++) {
    const expansion = inRegion[next];
    if (expansion && i === expansion.start) {
      next++;
      if (!inString && expansion.end - expansion.start >= 2) {
        for (let j = expansion.start; j < expansion.end; j++) chars[j] = ' ';
        chars[expansion.start] = '"';
        chars[expansion.end - 1] = '"';
      }
      i = expansion.end - 1;
      continue;
    }
    const ch = chars[i];
    if (ch === '\\' && inString) i++;
    else if (ch === '"') inString = !inString;
    else if (ch === '\n') inString = false;
  }
}

/** True when `range` and some expansion share a character (or an empty range sits inside one). */
export function touchesExpansion(range: Range, expansions: readonly Range[]): boolean {
  return expansions.some((e) =>
    range.start === range.end
      ? range.start > e.start && range.start < e.end
      : range.start < e.end && e.start < range.end,
  );
}
