// Reads a shell script into jobs: EMR requests in here-documents, inline start-job-run commands and spark-submit
// command lines, each with offsets into the script itself. May throw on an internal bug; shell.ts guards it.
import { emptyParsedFile, type ParsedFile } from '../../model';
import { readDirectives } from '../comment-directives';
import { readHereDocumentJob } from './here-document-job';
import { lexScript, type Script } from './lex';
import { maskOutside } from './mask';
import { readSparkSubmit } from './spark-submit-job';
import { readStartJobRun } from './start-job-run';
import type { ShellJobView } from './view';

export interface ShellReading {
  parsed: ParsedFile;
  /** One per job of `parsed.jobs`, in the same order. */
  views: ShellJobView[];
}

/** How deep command substitutions inside command substitutions are read. */
const MAX_SUBSTITUTION_DEPTH = 3;

export function readShellScript(text: string): ShellReading {
  const script = lexScript(text);
  const views: ShellJobView[] = [];
  collectJobs(text, script, views, 0);
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

function collectJobs(text: string, script: Script, views: ShellJobView[], depth: number): void {
  for (const document of script.hereDocuments) {
    const view = readHereDocumentJob(text, document, script.expansions);
    if (view) views.push(view);
  }
  for (const command of script.commands) {
    const view = readStartJobRun(text, command, script.expansions) ?? readSparkSubmit(text, command, script.expansions);
    if (view) views.push(view);
  }
  if (depth >= MAX_SUBSTITUTION_DEPTH) return;
  // `JOB_ID=$(aws emr-containers start-job-run …)`: the command inside `$(…)` is read on its own, at its own offsets
  // (the rest of the script blanked), with the expansions found inside it.
  for (const expansion of script.expansions) {
    if (text[expansion.start] !== '$' || text[expansion.start + 1] !== '(' || text[expansion.end - 1] !== ')') continue;
    const inner = { start: expansion.start + 2, end: expansion.end - 1 };
    if (inner.end <= inner.start) continue;
    collectJobs(text, lexScript(maskOutside(text, [inner]).join('')), views, depth + 1);
  }
}
