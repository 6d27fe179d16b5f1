// Reads what JSON-with-comments files say in their comments: rule suppressions and a stated Spark version.
// The directives themselves are parsed by the shared comment-directives module; this only finds the comments.
import { createScanner } from 'jsonc-parser';
import type { SparkVersionSource, SuppressionComment } from '../../model';
import { readDirectives, type CommentSpan } from '../comment-directives';
import type { JsonDocument } from './parse';
import { TOKEN } from './scan-kinds';

/** What the comments of a file say. */
export interface CommentFacts {
  suppressions: SuppressionComment[];
  /** From the first `spark-dra: sparkVersion=X` comment, if any. */
  sparkVersion?: SparkVersionSource;
}

/**
 * Reads every `//` and `/* *\/` comment of the text: those the parser passed, then, when it stopped before the end,
 * those it did not reach (scanned from where it stopped; tokens do not depend on what precedes them).
 */
export function readComments(text: string, document: Pick<JsonDocument, 'comments' | 'stoppedAt'>): CommentFacts {
  const comments: CommentSpan[] = document.comments.map((c) => ({
    start: c.offset,
    text: text.slice(c.offset, c.offset + c.length),
  }));
  if (document.stoppedAt !== undefined) {
    const scanner = createScanner(text, false);
    scanner.setPosition(document.stoppedAt);
    for (let kind: number = scanner.scan(); kind !== TOKEN.eof; kind = scanner.scan()) {
      if (kind !== TOKEN.lineComment && kind !== TOKEN.blockComment) continue;
      const start = scanner.getTokenOffset();
      comments.push({ start, text: text.slice(start, start + scanner.getTokenLength()) });
    }
  }
  const directives = readDirectives(text, comments);
  return directives.version
    ? { suppressions: directives.suppressions, sparkVersion: directives.version }
    : { suppressions: directives.suppressions };
}
