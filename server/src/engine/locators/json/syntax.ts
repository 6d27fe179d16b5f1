// Turns jsonc-parser's error codes into our own messages with tight ranges.
import { createScanner, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Range, SyntaxProblem } from '../../model';
import { isTrivia, TOKEN } from './scan-kinds';

type ErrorName = ReturnType<typeof printParseErrorCode>;

const MESSAGES: Partial<Record<ErrorName, string>> = {
  InvalidSymbol:
    'Unexpected text: JSON expects a quoted string, a number, true, false, null, an object or an array here.',
  InvalidNumberFormat: 'Malformed number.',
  PropertyNameExpected: 'Expected a property name in double quotes.',
  ValueExpected: 'Expected a value.',
  ColonExpected: "Expected ':' after the property name.",
  CommaExpected: "Expected ',' here, between the two items.",
  CloseBraceExpected: "Expected '}' to close the object.",
  CloseBracketExpected: "Expected ']' to close the array.",
  EndOfFileExpected: 'Unexpected text after the end of the JSON document.',
  InvalidCommentToken: 'Comments are not allowed here.',
  UnexpectedEndOfComment: 'Unclosed block comment.',
  UnexpectedEndOfString: 'Unclosed string: add the closing double quote.',
  UnexpectedEndOfNumber: 'Incomplete number.',
  InvalidUnicode: 'Invalid \\u escape: it needs four hexadecimal digits.',
  InvalidEscapeCharacter: 'Invalid escape sequence in a string.',
  InvalidCharacter: 'Control characters must be escaped inside a string.',
};

/** Errors that are about something missing between two tokens: reported at the end of the token before. */
const MISSING_BETWEEN = new Set<ErrorName>(['CommaExpected', 'ColonExpected']);

/** At most this many problems are reported for one syntax break; the rest are the parser recovering from it. */
export const PROBLEMS_PER_BREAK = 3;

/**
 * One problem per distinct error, in the order jsonc-parser found them, and at most PROBLEMS_PER_BREAK for each break
 * (`breaks[i]` is the break of `errors[i]`; without it every error is its own break).
 */
export function syntaxProblems(
  text: string,
  errors: readonly ParseError[],
  breaks: readonly number[] = [],
): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const seen = new Set<string>();
  const perBreak = new Map<number, number>();
  const gaps = gapsBefore(
    text,
    errors.filter((error) => MISSING_BETWEEN.has(printParseErrorCode(error.error))).map((error) => error.offset),
  );
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i] as ParseError;
    const brk = breaks[i] ?? -1 - i;
    const reported = perBreak.get(brk) ?? 0;
    if (reported >= PROBLEMS_PER_BREAK) continue;
    const name = printParseErrorCode(error.error);
    const range = MISSING_BETWEEN.has(name)
      ? (gaps.get(error.offset) as Range)
      : clamp(text, error.offset, error.length);
    const id = `${error.error}:${range.start}:${range.end}`;
    if (seen.has(id)) continue;
    seen.add(id);
    perBreak.set(brk, reported + 1);
    problems.push({ message: MESSAGES[name] ?? 'JSON syntax error.', range });
  }
  return problems;
}

/** A problem for each comma before a closing brace or bracket: jsonc-parser reads past it, the AWS CLI does not. */
export function trailingCommaProblems(offsets: readonly number[]): SyntaxProblem[] {
  return offsets.map((offset) => ({
    message:
      'Trailing comma: strict JSON allows no comma before a closing brace or bracket, and the AWS CLI and EMR APIs reject the request. Remove it.',
    range: { start: offset, end: offset + 1 },
  }));
}

function clamp(text: string, offset: number, length: number): Range {
  const start = Math.max(0, Math.min(offset, text.length));
  return { start, end: Math.max(start, Math.min(offset + length, text.length)) };
}

/**
 * For each offset, an empty range at the end of the last token (not whitespace or comment) that ends at or before it.
 * One scan of the text serves every offset: a file with many missing commas must not be rescanned once per error.
 */
function gapsBefore(text: string, offsets: readonly number[]): Map<number, Range> {
  const gaps = new Map<number, Range>();
  if (offsets.length === 0) return gaps;
  const pending = [...new Set(offsets)].sort((a, b) => a - b);
  let next = 0;
  let end = -1;
  const settle = (below: number): void => {
    // Offsets before `below` see no later token end: theirs is the last one so far.
    for (; next < pending.length && (pending[next] as number) < below; next++) {
      const offset = pending[next] as number;
      const at = end < 0 ? Math.min(offset, text.length) : end;
      gaps.set(offset, { start: at, end: at });
    }
  };
  const scanner = createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== TOKEN.eof && next < pending.length; kind = scanner.scan()) {
    if (isTrivia(kind)) continue;
    const tokenEnd = scanner.getTokenOffset() + scanner.getTokenLength();
    settle(tokenEnd);
    end = tokenEnd;
  }
  settle(Infinity);
  return gaps;
}
