// Reads a JSON file into a ParsedFile. May throw on an internal bug; the public entry point guards it.
import type { ParsedFile } from '../../model';
import { emptyParsedFile } from '../../model';
import { readComments } from './comments';
import { recognizeJob } from './detect';
import { buildJob } from './job';
import { parseJsonDocument } from './parse';
import { syntaxProblems, trailingCommaProblems } from './syntax';

/** Recognises the job in `text` and reads it, with syntax problems only for files we recognise. */
export function readJsonFile(text: string): ParsedFile {
  const parsed = emptyParsedFile('json');
  const document = parseJsonDocument(text);
  const recognized = recognizeJob(document.root);
  if (!recognized) return parsed;
  const { job, problems } = buildJob(text, recognized);
  const comments = readComments(text, document);
  if (!job.sparkVersion && comments.sparkVersion) job.sparkVersion = comments.sparkVersion;
  parsed.jobs.push(job);
  parsed.syntaxErrors.push(
    ...syntaxProblems(text, document.errors, document.errorBreaks),
    ...trailingCommaProblems(document.trailingCommas),
    ...problems.map((p) => ({ ...p, source: 'submit-parameters' as const })),
  );
  parsed.suppressions.push(...comments.suppressions);
  return parsed;
}
