// What the cursor is on inside a spark-defaults `properties` object: a key being typed, a value, or a free spot
// where a whole new `"key": "value"` member can be written. Works from the tokens, so half-typed text is fine.
import { createScanner } from 'jsonc-parser';
import type { CompletionContext, JobConfig, KeyContainer } from '../../model';
import { decodeJsonString, decodedIndexAt } from './json-string';
import { isTrivia, TOKEN } from './scan-kinds';

interface Token {
  kind: number;
  start: number;
  end: number;
}

/** Tokens directly inside the container (not inside nested objects or arrays), comments kept. */
function topLevelTokens(text: string, container: KeyContainer): Token[] {
  const scanner = createScanner(text, false);
  scanner.setPosition(container.range.start);
  const tokens: Token[] = [];
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== TOKEN.eof; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (start >= container.range.end) break;
    const end = start + scanner.getTokenLength();
    if (kind === TOKEN.openBrace || kind === TOKEN.openBracket) depth++;
    if (depth === 0 && kind !== TOKEN.whitespace && kind !== TOKEN.lineBreak) tokens.push({ kind, start, end });
    if ((kind === TOKEN.closeBrace || kind === TOKEN.closeBracket) && depth > 0) depth--;
  }
  return tokens;
}

/** The completion context at `offset` inside the braces of a spark-defaults properties object. */
export function propertiesCursor(
  text: string,
  job: JobConfig,
  container: KeyContainer,
  offset: number,
): CompletionContext | undefined {
  const tokens = topLevelTokens(text, container).filter((t) => !isComment(t) || covers(t, offset));
  let previous: Token | undefined;
  let beforePrevious: Token | undefined;
  for (const token of tokens) {
    if (token.start >= offset) {
      return freeSpot(job, container, offset, previous, beforePrevious, token);
    }
    if (isComment(token)) return undefined;
    if (token.kind === TOKEN.string) {
      const span = decodeJsonString(text, token.start);
      if (offset >= span.contentStart && offset <= span.contentEnd) {
        const replace = { start: span.contentStart, end: span.contentEnd };
        const prefix = span.value.slice(0, decodedIndexAt(span, offset));
        if (previous?.kind === TOKEN.colon) {
          if (beforePrevious?.kind !== TOKEN.string) return undefined;
          const key = decodeJsonString(text, beforePrevious.start).value;
          return { kind: 'value', job, key, replace, prefix, style: 'json-string' };
        }
        return { kind: 'key', job, container, replace, prefix, style: 'json-key' };
      }
    } else if (token.kind === TOKEN.unknown && offset <= token.end) {
      // A bare word typed where a member belongs: the key is written with its quotes.
      if (previous?.kind === TOKEN.colon) return undefined;
      const replace = { start: token.start, end: token.end };
      return { kind: 'key', job, container, replace, prefix: text.slice(token.start, offset), style: 'json-key-open' };
    }
    beforePrevious = previous;
    previous = token;
  }
  return freeSpot(job, container, offset, previous, beforePrevious, undefined);
}

/** A spot between members: a new member may start here unless the spot is in the middle of one. */
function freeSpot(
  job: JobConfig,
  container: KeyContainer,
  offset: number,
  previous: Token | undefined,
  beforePrevious: Token | undefined,
  next: Token | undefined,
): CompletionContext | undefined {
  if (previous && previous.end > offset) return undefined;
  // Right before an existing token: writing a member here would run into it.
  if (next && next.start === offset) return undefined;
  if (next && (next.kind === TOKEN.colon || next.kind === TOKEN.comma)) return undefined;
  const startsMember =
    !previous ||
    previous.kind === TOKEN.comma ||
    // After a complete `"key": value` (a comma is missing, but the user is starting the next member).
    (beforePrevious?.kind === TOKEN.colon && !isTrivia(previous.kind) && previous.kind !== TOKEN.colon);
  if (!startsMember) return undefined;
  return { kind: 'key', job, container, replace: { start: offset, end: offset }, prefix: '', style: 'json-key-open' };
}

function isComment(token: Token): boolean {
  return token.kind === TOKEN.lineComment || token.kind === TOKEN.blockComment;
}

/** Whether the cursor is inside a comment (a line comment runs to the end of its line). */
function covers(token: Token, offset: number): boolean {
  if (token.kind === TOKEN.lineComment) return offset > token.start && offset <= token.end;
  return offset > token.start && offset < token.end;
}
