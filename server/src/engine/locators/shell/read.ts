// Reads a shell script into jobs: EMR requests in here-documents, inline start-job-run commands and spark-submit
// command lines, each with offsets into the script itself. May throw on an internal bug; shell.ts guards it.
import { emptyParsedFile, type ParsedFile } from '../../model';
import { readDirectives } from '../comment-directives';
import { readHereDocumentJob } from './here-document-job';
import { lexScript } from './lex';
import { readSparkSubmit } from './spark-submit-job';
import { readStartJobRun } from './start-job-run';
import type { ShellJobView } from './view';

export interface ShellReading {
  parsed: ParsedFile;
  /** One per job of `parsed.jobs`, in the same order. */
  views: ShellJobView[];
}

export function readShellScript(text: string): ShellReading {
  const script = lexScript(text);
  const views: ShellJobView[] = [];
  for (const document of script.hereDocuments) {
    const view = readHereDocumentJob(text, document, script.expansions);
    if (view) views.push(view);
  }
  for (const command of script.commands) {
    const view = readStartJobRun(text, command, script.expansions) ?? readSparkSubmit(text, command, script.expansions);
    if (view) views.push(view);
  }
  views.sort((a, b) => a.job.range.start - b.job.range.start);

  const parsed = emptyParsedFile('shell');
  if (views.length === 0) return { parsed, views };
  const directives = readDirectives(text, script.comments);
  for (const view of views) {
    if (!view.job.sparkVersion && directives.version) view.job.sparkVersion = directives.version;
    parsed.jobs.push(view.job);
    parsed.syntaxErrors.push(...view.problems);
  }
  parsed.suppressions.push(...directives.suppressions);
  return { parsed, views };
}
