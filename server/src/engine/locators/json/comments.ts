// Reads what JSON-with-comments files say in their comments: rule suppressions and a stated Spark version.
// The directives themselves are parsed by the shared comment-directives module; this only finds the comments.
import { createScanner } from 'jsonc-parser';
import type { SparkVersionSource, SuppressionComment } from '../../model';
import { readDirectives, type CommentSpan } from '../comment-directives';
import { TOKEN } from './scan-kinds';

/** What the comments of a file say. */
export interface CommentFacts {
  suppressions: SuppressionComment[];
  /** From the first `spark-dra: sparkVersion=X` comment, if any. */
  sparkVersion?: SparkVersionSource;
}

/** Scans every `//` and `/* *\/` comment of the text once. */
export function readComments(text: string): CommentFacts {
  const comments: CommentSpan[] = [];
  const scanner = createScanner(text, false);
  for (let kind: number = scanner.scan(); kind !== TOKEN.eof; kind = scanner.scan()) {
    if (kind !== TOKEN.lineComment && kind !== TOKEN.blockComment) continue;
    const start = scanner.getTokenOffset();
    comments.push({ start, text: text.slice(start, start + scanner.getTokenLength()) });
  }
  const directives = readDirectives(text, comments);
  return directives.version
    ? { suppressions: directives.suppressions, sparkVersion: directives.version }
    : { suppressions: directives.suppressions };
}
