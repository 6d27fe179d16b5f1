// The JSON locator: EMR on EKS and EMR Serverless StartJobRun requests, EKS job templates and bare EMR
// configuration arrays. Other JSON files yield nothing, not even syntax errors (they are not ours to judge).
import type { CompletionContext, ParsedFile } from '../model';
import { emptyParsedFile } from '../model';
import { completionAt } from './json/completion';
import { readJsonFile } from './json/read';

/** Reads a JSON file into at most one job. Never throws. */
export function parseJsonFile(text: string): ParsedFile {
  try {
    return readJsonFile(text);
  } catch {
    // A locator must not throw; a file we cannot read is reported as having no jobs.
    return emptyParsedFile('json');
  }
}

/**
 * What the cursor at `offset` is on, for completion: a key or value of a spark-defaults map or of sparkSubmitParameters,
 * or the job's releaseLabel.
 */
export function jsonCompletionContext(text: string, parsed: ParsedFile, offset: number): CompletionContext | undefined {
  try {
    return completionAt(text, parsed, offset);
  } catch {
    return undefined;
  }
}
