// `aws emr-containers start-job-run …` and `aws emr-serverless start-job-run …` with the request given inline:
// single-quoted JSON for `--job-driver`, `--configuration-overrides` or `--cli-input-json`, and plain options such as
// `--release-label`. The pieces are joined into one request tree (options on the command line win over the same
// member of `--cli-input-json`, as with the AWS CLI) and read like a JSON request file.
import type { Node } from 'jsonc-parser';
import type { Range, SyntaxProblem } from '../../model';
import type { RecognizedJob } from '../json/detect';
import { buildJob } from '../json/job';
import { parseJsonDocument } from '../json/parse';
import { syntaxProblems, trailingCommaProblems } from '../json/syntax';
import { member } from '../json/tree';
import type { ScriptCommand, ScriptWord } from './lex';
import { fillSplices, jsonArgumentSpans } from './json-argument';
import { maskOutside, quoteBareExpansions, touchesExpansion } from './mask';
import { flagDynamicEntries } from './dynamic';
import type { ShellJobView } from './view';

const SERVICES: Readonly<Record<string, RecognizedJob['kind']>> = {
  'emr-containers': 'emr-eks',
  'emr-serverless': 'emr-serverless',
};

/** Options whose argument is JSON, and the request member each fills (`''`: the whole request). */
const JSON_OPTIONS: Readonly<Record<string, string>> = {
  '--job-driver': 'jobDriver',
  '--configuration-overrides': 'configurationOverrides',
  '--cli-input-json': '',
};

/** Options whose argument is a plain string member of the request. */
const STRING_OPTIONS: Readonly<Record<string, string>> = {
  '--release-label': 'releaseLabel',
  '--name': 'name',
};

interface OptionArgument {
  name: string;
  option: ScriptWord;
  argument: ScriptWord;
}

/** The job of an inline start-job-run command, or undefined when the command is not one or has no inline JSON. */
export function readStartJobRun(
  text: string,
  command: ScriptCommand,
  expansions: readonly Range[],
): ShellJobView | undefined {
  const words = command.words;
  const aws = words.findIndex((word) => word.value === 'aws' || word.value.endsWith('/aws'));
  if (aws < 0) return undefined;
  const service = words.findIndex((word, i) => i > aws && SERVICES[word.value] !== undefined);
  if (service < 0 || words[service + 1]?.value !== 'start-job-run') return undefined;
  const kind = SERVICES[(words[service] as ScriptWord).value] as RecognizedJob['kind'];
  const options = optionArguments(words.slice(service + 2));

  const fragments = jsonFragments(options, expansions);
  if (fragments.length === 0) return undefined;
  const problems: SyntaxProblem[] = [];
  const members: Array<{ name: string; key: ScriptWord; value: Node }> = [];
  let base: Node | undefined;
  for (const fragment of fragments) {
    const masked = maskFragments(text, [fragment], expansions).join('');
    const document = parseJsonDocument(masked);
    problems.push(
      ...syntaxProblems(masked, document.errors, document.errorBreaks),
      ...trailingCommaProblems(document.trailingCommas),
    );
    if (!document.root) continue;
    const memberName = JSON_OPTIONS[fragment.name] as string;
    if (memberName === '') base = document.root;
    else members.push({ name: memberName, key: fragment.option, value: document.root });
  }

  const chars = maskFragments(text, fragments, expansions);
  for (const option of options) {
    const memberName = STRING_OPTIONS[option.name];
    if (memberName === undefined) continue;
    const value = stringNode(text, chars, option.argument, expansions);
    if (value) members.push({ name: memberName, key: option.option, value });
  }

  const root: Node = {
    type: 'object',
    offset: command.range.start,
    length: command.range.end - command.range.start,
    children: [
      ...(base?.type === 'object' ? (base.children ?? []) : []),
      ...members.map(({ name, key, value }) => property(name, key, value)),
    ],
  };
  const recognized: RecognizedJob = {
    kind,
    node: root,
    configurations: member(member(root, 'configurationOverrides'), 'applicationConfiguration'),
  };
  const masked = chars.join('');
  const built = buildJob(masked, recognized);
  const job = built.job;
  job.range = { ...command.range };
  flagDynamicEntries(text, job, expansions);
  problems.push(...built.problems.map((p) => ({ ...p, source: 'submit-parameters' as const })));
  return { job, kind: 'json', text: masked, completionRange: { ...command.range }, problems };
}

interface JsonFragment extends OptionArgument {
  /** The parts of the script that make up the JSON (see json-argument.ts). */
  spans: Range[];
}

function jsonFragments(options: readonly OptionArgument[], expansions: readonly Range[]): JsonFragment[] {
  const fragments: JsonFragment[] = [];
  for (const option of options) {
    if (JSON_OPTIONS[option.name] === undefined) continue;
    const spans = jsonArgumentSpans(option.argument, expansions);
    if (spans) fragments.push({ ...option, spans });
  }
  return fragments;
}

/** The script blank except for the fragments' JSON; a spliced expansion outside a JSON string reads as a string. */
function maskFragments(text: string, fragments: readonly JsonFragment[], expansions: readonly Range[]): string[] {
  const chars = maskOutside(
    text,
    fragments.flatMap((fragment) => fragment.spans),
  );
  for (const fragment of fragments) {
    if (fragment.spans.length < 2 && fragment.argument.singleQuoted) continue;
    const region = { start: fragment.argument.start, end: fragment.argument.end };
    fillSplices(text, chars, fragment.spans, expansions);
    quoteBareExpansions(chars, region, expansions);
  }
  return chars;
}

/** `--name value` and `--name=value` pairs, in order. */
function optionArguments(words: readonly ScriptWord[]): OptionArgument[] {
  const found: OptionArgument[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as ScriptWord;
    if (!word.value.startsWith('--')) continue;
    const eq = word.value.indexOf('=');
    if (eq > 0) {
      // `--name=value`: the argument is the rest of the same word.
      const chars = word.chars.slice(eq + 1);
      const argument: ScriptWord = {
        value: word.value.slice(eq + 1),
        chars,
        start: chars[0]?.at ?? word.end,
        end: word.end,
      };
      // `--job-driver='{…}'`: the quoted parts after the `=` belong to the argument.
      const parts = word.singleQuotedParts?.filter((part) => part.start >= argument.start);
      if (parts && parts.length > 0) argument.singleQuotedParts = parts;
      found.push({ name: word.value.slice(0, eq), option: word, argument });
      continue;
    }
    const next = words[i + 1];
    if (next && !next.value.startsWith('--')) {
      found.push({ name: word.value, option: word, argument: next });
      i++;
    }
  }
  return found;
}

/**
 * A JSON string node standing for a shell word, written into the masked text as a quoted string at the word's own
 * place (the word's quotes, or the blanks around a bare word, become the JSON quotes). Undefined for words the JSON
 * reader cannot take verbatim: expansions, escapes, or no room for the quotes.
 */
function stringNode(text: string, chars: string[], word: ScriptWord, expansions: readonly Range[]): Node | undefined {
  if (touchesExpansion({ start: word.start, end: word.end }, expansions)) return undefined;
  const quoted = word.singleQuoted ?? (text[word.start] === '"' && text[word.end - 1] === '"' ? word : undefined);
  const contentStart = quoted ? word.start + 1 : word.start;
  const contentEnd = quoted ? word.end - 1 : word.end;
  if (text.slice(contentStart, contentEnd) !== word.value || /["\\]/.test(word.value)) return undefined;
  const open = contentStart - 1;
  if (open < 0 || contentEnd >= text.length) return undefined;
  if (!quoted && !/\s/.test(text[open] ?? '') && text[open] !== '=') return undefined;
  if (!quoted && !/\s|;|&|\|/.test(text[contentEnd] ?? '')) return undefined;
  chars[open] = '"';
  for (let i = contentStart; i < contentEnd; i++) chars[i] = text[i] as string;
  chars[contentEnd] = '"';
  return { type: 'string', value: word.value, offset: open, length: contentEnd + 1 - open };
}

function property(name: string, key: ScriptWord, value: Node): Node {
  const keyNode: Node = { type: 'string', value: name, offset: key.start, length: key.end - key.start };
  const end = Math.max(value.offset + value.length, key.end);
  return { type: 'property', offset: key.start, length: end - key.start, children: [keyNode, value] };
}
