// An EMR request written to a file (or piped) through a here-document: `cat > job.json <<EOF … EOF`, then
// `aws emr-containers start-job-run --cli-input-json file://job.json`. The body is read as a JSON file in place.
import type { Range } from '../../model';
import { readJsonFile } from '../json/read';
import type { HereDocument } from './lex';
import { maskOutside, quoteBareExpansions } from './mask';
import { flagDynamicEntries } from './dynamic';
import type { ShellJobView } from './view';

/** The job in a here-document whose body is JSON, or undefined when it holds no EMR request. */
export function readHereDocumentJob(
  text: string,
  document: HereDocument,
  expansions: readonly Range[],
): ShellJobView | undefined {
  const body = document.body;
  if (!/^\s*[[{]/.test(text.slice(body.start, body.end))) return undefined;
  const chars = maskOutside(text, [body]);
  const inBody = document.expands ? expansions.filter((e) => e.start >= body.start && e.end <= body.end) : [];
  quoteBareExpansions(chars, body, inBody);
  const unknown = document.expands ? [...inBody, ...blankShellEscapes(text, body, chars)] : inBody;
  const masked = chars.join('');
  const parsed = readJsonFile(masked);
  const job = parsed.jobs[0];
  if (!job) return undefined;
  job.range = { ...body };
  flagDynamicEntries(text, job, unknown);
  return { job, kind: 'json', text: masked, completionRange: { ...body }, problems: parsed.syntaxErrors };
}

/**
 * In an expanding here-document the shell drops the backslash of `\$`, `\``, `\\` and of a line break. Those
 * backslashes are blanked so the JSON still reads, and the spans returned: a value holding one is not taken as written.
 */
function blankShellEscapes(text: string, body: Range, chars: string[]): Range[] {
  const spans: Range[] = [];
  for (let i = body.start; i < body.end - 1; i++) {
    if (text[i] !== '\\') continue;
    const next = text[i + 1];
    if (next === '$' || next === '`' || next === '\\' || next === '\n') {
      chars[i] = ' ';
      spans.push({ start: i, end: i + 2 });
      i++;
    }
  }
  return spans;
}
