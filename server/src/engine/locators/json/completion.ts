// Finds the key container under the cursor and asks the matching reader what the cursor is on.
import type { CompletionContext, JobConfig, KeyContainer, ParsedFile } from '../../model';
import { rangeContains } from '../../model';
import { propertiesCursor } from './properties-cursor';
import { submitCursor } from './submit-cursor';

/** The completion context at `offset`, from the innermost key container that holds it. */
export function completionAt(text: string, parsed: ParsedFile, offset: number): CompletionContext | undefined {
  if (offset < 0 || offset > text.length) return undefined;
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
