// What the cursor is on inside a sparkSubmitParameters string: the key or the value of a `--conf key=value`
// setting, or the value of a key-setting flag such as `--executor-cores`.
import type { CompletionContext, JobConfig, KeyContainer, Range } from '../../model';
import { decodeJsonString, decodedIndexAt, sourceSpan, type JsonStringSpan } from '../json/json-string';
import { readSubmitOptions, splitConf, type SubmitOption } from './options';
import { splitShellWords, type ShellWord, type WordChar } from './words';

/** The completion context at `offset` inside the quotes of a sparkSubmitParameters string. */
export function submitCursor(
  text: string,
  job: JobConfig,
  container: KeyContainer,
  offset: number,
): CompletionContext | undefined {
  return submitCursorInSpan(decodeJsonString(text, container.range.start - 1), job, container, offset);
}

/**
 * The completion context at `offset` in spark-submit options held by `span`: the decoded JSON string of
 * sparkSubmitParameters, or the options of a spark-submit command line taken verbatim (a span without a map).
 */
export function submitCursorInSpan(
  span: JsonStringSpan,
  job: JobConfig,
  container: KeyContainer,
  offset: number,
): CompletionContext | undefined {
  const at = decodedIndexAt(span, offset);
  const options = readSubmitOptions(splitShellWords(span.value));
  for (const option of options) {
    const context =
      option.kind === 'conf'
        ? confCursor(span, job, container, option, at, offset)
        : flagCursor(span, job, option, at, offset);
    if (context) return context;
  }
  return undefined;
}

function confCursor(
  span: JsonStringSpan,
  job: JobConfig,
  container: KeyContainer,
  option: Extract<SubmitOption, { kind: 'conf' }>,
  at: number,
  offset: number,
): CompletionContext | undefined {
  const argument = option.argument;
  const empty = { start: offset, end: offset };
  // `--conf |` with nothing typed yet, or typed just before the next option.
  if (
    at > option.option.end &&
    (!argument || at < argument.start || (at === argument.start && argument.value.startsWith('-')))
  ) {
    return { kind: 'key', job, container, replace: empty, prefix: '', style: 'submit-conf' };
  }
  if (!argument || at < argument.start || at > argument.end) return undefined;
  if (argument === option.option) {
    // `--conf=key=value`: the cursor must be past the first `=`.
    const eqChar = option.option.chars[option.argumentFrom - 1];
    if (!eqChar || at <= eqChar.at) return undefined;
  }
  const { chars, eq } = splitConf(option);
  if (eq < 0 || at <= chars[eq].at) {
    const keyChars = eq < 0 ? chars : chars.slice(0, eq);
    const replace = spanOf(span, keyChars) ?? emptyAt(span, keyStart(span, option));
    return within(replace, offset)
      ? { kind: 'key', job, container, replace, prefix: typedBefore(keyChars, at), style: 'submit-conf' }
      : undefined;
  }
  const valueChars = chars.slice(eq + 1);
  const replace = spanOf(span, valueChars) ?? emptyAt(span, stepIntoQuote(span.value, chars[eq].at + 1, argument));
  const key = chars
    .slice(0, eq)
    .map((c) => c.ch)
    .join('');
  return within(replace, offset)
    ? { kind: 'value', job, key, replace, prefix: typedBefore(valueChars, at), style: 'submit-conf' }
    : undefined;
}

function flagCursor(
  span: JsonStringSpan,
  job: JobConfig,
  option: Extract<SubmitOption, { kind: 'flag' }>,
  at: number,
  offset: number,
): CompletionContext | undefined {
  const argument = option.argument;
  const inline = argument === option.option;
  if (!inline && at > option.option.end && (!argument || at < argument.start)) {
    return {
      kind: 'value',
      job,
      key: option.key,
      replace: { start: offset, end: offset },
      prefix: '',
      style: 'submit-conf',
    };
  }
  if (!argument || at < argument.start || at > argument.end) return undefined;
  const valueStart = inline ? option.option.chars[option.nameLength] : undefined;
  if (inline && (!valueStart || at <= valueStart.at)) return undefined;
  const valueChars = argument.chars.slice(option.argumentFrom);
  const emptyFrom = valueStart ? valueStart.at + 1 : argument.start;
  const replace = spanOf(span, valueChars) ?? emptyAt(span, stepIntoQuote(span.value, emptyFrom, argument));
  return within(replace, offset)
    ? { kind: 'value', job, key: option.key, replace, prefix: typedBefore(valueChars, at), style: 'submit-conf' }
    : undefined;
}

/** Where the key of a `--conf` argument begins in the decoded string (inside an opening quote). */
function keyStart(span: JsonStringSpan, option: Extract<SubmitOption, { kind: 'conf' }>): number {
  const argument = option.argument ?? option.option;
  if (argument === option.option) {
    const eqChar = option.option.chars[option.argumentFrom - 1];
    return stepIntoQuote(span.value, eqChar ? eqChar.at + 1 : argument.end, argument);
  }
  return stepIntoQuote(span.value, argument.start, argument);
}

function stepIntoQuote(input: string, at: number, word: ShellWord): number {
  return at < word.end && (input[at] === '"' || input[at] === "'") ? at + 1 : at;
}

function spanOf(span: JsonStringSpan, chars: readonly WordChar[]): Range | undefined {
  if (chars.length === 0) return undefined;
  return sourceSpan(span, chars[0].at, chars[chars.length - 1].at + 1);
}

function emptyAt(span: JsonStringSpan, at: number): Range {
  return sourceSpan(span, at, at);
}

function typedBefore(chars: readonly WordChar[], at: number): string {
  return chars
    .filter((c) => c.at < at)
    .map((c) => c.ch)
    .join('');
}

function within(range: Range, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}
