// The shell-script locator: EMR StartJobRun requests that a script hands to the AWS CLI (in here-documents or as
// single-quoted JSON options) and spark-submit command lines. A script with none of these yields no jobs.
import type { CompletionContext, ParsedFile } from '../model';
import { emptyParsedFile, rangeContains } from '../model';
import { completionAt } from './json/completion';
import { readShellScript } from './shell/read';
import { submitCursorInSpan } from './spark-submit/cursor';

/** Reads a shell script. Never throws. */
export function parseShellScript(text: string): ParsedFile {
  try {
    return readShellScript(text).parsed;
  } catch {
    return emptyParsedFile('shell');
  }
}

/**
 * What the cursor at `offset` is on: inside EMR request JSON, what it would be in a JSON file; inside the options of a
 * spark-submit command, what it would be in sparkSubmitParameters.
 */
export function shellCompletionContext(
  text: string,
  parsed: ParsedFile,
  offset: number,
): CompletionContext | undefined {
  try {
    const { views } = readShellScript(text);
    for (let i = 0; i < views.length; i++) {
      const view = views[i];
      if (!view || !rangeContains(view.completionRange, offset)) continue;
      // The context must name the job the caller holds; reading the same text again yields the same jobs in order.
      const job = parsed.jobs[i] ?? view.job;
      if (view.kind === 'json') {
        const single: ParsedFile = { ...emptyParsedFile('json'), jobs: [job] };
        return completionAt(view.text, single, offset);
      }
      const container = job.containers[0];
      if (!container) return undefined;
      const range = view.completionRange;
      const span = {
        value: text.slice(range.start, range.end),
        map: undefined,
        contentStart: range.start,
        contentEnd: range.end,
        terminated: true,
      };
      return submitCursorInSpan(span, job, { ...container, range }, offset);
    }
    return undefined;
  } catch {
    return undefined;
  }
}
