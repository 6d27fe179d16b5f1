// Turns the options of a sparkSubmitParameters string into config entries (and problems spark-submit would
// reject), with every span mapped back to the source text through the caller's mapping.
import type { ConfigEntry, Range, SyntaxProblem } from '../../model';
import { readSubmitOptions, splitConf, type SubmitOption } from './options';
import { splitShellWords, type ShellWord, type WordChar } from './words';

/** Maps the input span [from, to) (indices into the decoded parameter string) to a source range. */
export type SpanMapper = (from: number, to: number) => Range;

export type SubmitEntry = Omit<ConfigEntry, 'rank' | 'encoding'> & { origin: 'submit-conf' | 'submit-flag' };

export interface SubmitParameters {
  /** Entries in the order they are written. */
  entries: SubmitEntry[];
  problems: SyntaxProblem[];
}

/** Reads `--conf k=v` settings and key-setting flags from a decoded sparkSubmitParameters string. */
export function readSubmitParameters(input: string, toSource: SpanMapper): SubmitParameters {
  const result: SubmitParameters = { entries: [], problems: [] };
  const words = splitShellWords(input);
  for (const word of words) {
    if (word.unclosedQuote) {
      result.problems.push({
        message: `Unclosed ${word.unclosedQuote} quote in sparkSubmitParameters.`,
        range: toSource(word.start, word.end),
      });
    }
  }
  for (const option of readSubmitOptions(words)) {
    if (option.kind === 'conf') readConf(input, option, toSource, result);
    else readFlag(input, option, toSource, result);
  }
  return result;
}

function readConf(
  input: string,
  option: Extract<SubmitOption, { kind: 'conf' }>,
  toSource: SpanMapper,
  out: SubmitParameters,
): void {
  if (!option.argument) {
    out.problems.push({
      message: `${option.option.value} needs a key=value setting after it.`,
      range: toSource(option.option.start, option.option.end),
    });
    return;
  }
  const { chars, eq } = splitConf(option);
  const whole = charsSpan(chars, toSource) ?? toSource(option.argument.start, option.argument.end);
  if (eq < 0) {
    out.problems.push({ message: `Spark setting without '=': spark-submit rejects it.`, range: whole });
    return;
  }
  if (eq === 0) {
    out.problems.push({ message: `Spark setting without a key before '='.`, range: whole });
    return;
  }
  const keyChars = chars.slice(0, eq);
  const valueChars = chars.slice(eq + 1);
  out.entries.push({
    key: join(keyChars),
    value: join(valueChars),
    keyRange: charsSpan(keyChars, toSource) ?? whole,
    valueRange: charsSpan(valueChars, toSource) ?? emptyAfter(input, chars[eq], option.argument, toSource),
    origin: 'submit-conf',
  });
}

function readFlag(
  input: string,
  option: Extract<SubmitOption, { kind: 'flag' }>,
  toSource: SpanMapper,
  out: SubmitParameters,
): void {
  const inline = option.argument === option.option;
  const keyRange = inline
    ? (charsSpan(option.option.chars.slice(0, option.nameLength), toSource) ??
      toSource(option.option.start, option.option.end))
    : toSource(option.option.start, option.option.end);
  if (!option.argument) {
    out.problems.push({ message: `${option.name} needs a value after it.`, range: keyRange });
    return;
  }
  const valueChars = option.argument.chars.slice(option.argumentFrom);
  const before = inline ? option.option.chars[option.nameLength] : undefined;
  out.entries.push({
    key: option.key,
    value: join(valueChars),
    keyRange,
    valueRange:
      charsSpan(valueChars, toSource) ??
      (before ? emptyAfter(input, before, option.argument, toSource) : emptyAtWord(input, option.argument, toSource)),
    origin: 'submit-flag',
    writtenAs: option.name,
  });
}

function join(chars: readonly WordChar[]): string {
  return chars.map((c) => c.ch).join('');
}

/** Source span from the first to the last of `chars`, or undefined when there are none. */
function charsSpan(chars: readonly WordChar[], toSource: SpanMapper): Range | undefined {
  if (chars.length === 0) return undefined;
  return toSource(chars[0].at, chars[chars.length - 1].at + 1);
}

/** An empty span just after `char` (stepping inside an opening quote that follows it within the word). */
function emptyAfter(input: string, char: WordChar, word: ShellWord, toSource: SpanMapper): Range {
  let at = char.at + 1;
  if (at < word.end && (input[at] === '"' || input[at] === "'")) at++;
  return toSource(at, at);
}

/** An empty span at the start of a word that has no characters, inside its quotes when it is quoted. */
function emptyAtWord(input: string, word: ShellWord, toSource: SpanMapper): Range {
  let at = word.start;
  if (at < word.end && (input[at] === '"' || input[at] === "'")) at++;
  return toSource(at, at);
}
