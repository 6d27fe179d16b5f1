// Whether the cursor is inside the string value of a job's `releaseLabel`: the label the job reader already found
// (and resolved to a Spark version), so completion offers labels exactly where the version comes from.
import type { CompletionContext, ParsedFile } from '../../model';
import { rangeContains } from '../../model';
import { decodeJsonString, decodedIndexAt } from './json-string';

/** The release-label context at `offset`, or undefined when the cursor is not inside a `releaseLabel` string. */
export function releaseLabelCursor(text: string, parsed: ParsedFile, offset: number): CompletionContext | undefined {
  for (const job of parsed.jobs) {
    const source = job.sparkVersion;
    if (source?.from !== 'releaseLabel' || !source.range || !rangeContains(source.range, offset)) continue;
    // A label written as a number or other literal has its whole text as range: only a string literal qualifies.
    const quote = source.range.start - 1;
    if (text.charCodeAt(quote) !== 0x22) continue;
    const span = decodeJsonString(text, quote);
    if (span.contentEnd !== source.range.end) continue;
    const prefix = span.value.slice(0, decodedIndexAt(span, offset));
    return { kind: 'release-label', job, replace: { start: span.contentStart, end: span.contentEnd }, prefix };
  }
  return undefined;
}
