// Finds what the cursor is on: the job's releaseLabel string, or else the key container under the cursor, which the
// matching reader inspects.
import type { CompletionContext, JobConfig, KeyContainer, ParsedFile } from '../../model';
import { rangeContains } from '../../model';
import { propertiesCursor } from './properties-cursor';
import { releaseLabelCursor } from './release-label-cursor';
import { submitCursor } from '../spark-submit/cursor';

/** The completion context at `offset`, from the innermost key container that holds it. */
export function completionAt(text: string, parsed: ParsedFile, offset: number): CompletionContext | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const label = releaseLabelCursor(text, parsed, offset);
  if (label) return label;
  let best: { job: JobConfig; container: KeyContainer } | undefined;
  for (const job of parsed.jobs) {
    for (const container of job.containers) {
      if (!rangeContains(container.range, offset)) continue;
      const size = container.range.end - container.range.start;
      if (!best || size < best.container.range.end - best.container.range.start) best = { job, container };
    }
  }
  if (!best) return undefined;
  if (best.container.kind === 'submit-parameters') return submitCursor(text, best.job, best.container, offset);
  if (best.container.kind === 'json-properties') return propertiesCursor(text, best.job, best.container, offset);
  return undefined;
}
