// Reads our own directives out of `#` comments: `spark-dra-disable-next-line …`, `spark-dra-disable-line …`
// and `spark-dra: sparkVersion=X`. Shared by the YAML, spark-defaults.conf and PySpark locators.
import type { Range, SparkVersionSource, SuppressionComment } from '../model';
import { DEFAULT_SPARK_VERSION, normalizeVersion, VERSION_COMMENT } from '../version';

/** One comment as found by a locator: its full text (starting at `#`) and where it starts. */
export interface CommentSpan {
  start: number;
  text: string;
}

const SUPPRESSION = /spark-dra-disable-(next-line|line)(?![\w-])/;

/** The span of the line holding `offset`, without its line break. */
export function lineRangeAt(text: string, offset: number): Range {
  const at = Math.max(0, Math.min(offset, text.length));
  const start = Math.max(text.lastIndexOf('\n', at - 1) + 1, 0);
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end -= 1;
  return { start, end };
}

/** The span of the line after the one holding `offset`; an empty range at the end of the text when there is none. */
export function nextLineRange(text: string, offset: number): Range {
  const newline = text.indexOf('\n', Math.max(0, Math.min(offset, text.length)));
  if (newline < 0) return { start: text.length, end: text.length };
  return lineRangeAt(text, newline + 1);
}

/**
 * Turns a comment into a suppression when it holds one of our disable directives. Rule ids follow the directive,
 * separated by commas or spaces; anything after `--` is a free-text reason and is ignored.
 */
export function suppressionFromComment(text: string, comment: CommentSpan): SuppressionComment | undefined {
  const match = SUPPRESSION.exec(comment.text);
  if (!match) return undefined;
  const rest = comment.text.slice(match.index + match[0].length);
  const reasonAt = rest.indexOf('--');
  const list = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
  const rules = list.split(/[\s,]+/).filter((rule) => rule.length > 0);
  const appliesTo = match[1] === 'line' ? lineRangeAt(text, comment.start) : nextLineRange(text, comment.start);
  return { appliesTo, rules, range: { start: comment.start, end: comment.start + comment.text.length } };
}

/**
 * Reads a `spark-dra: sparkVersion=X` comment into a version source. A malformed X is marked unresolved and carries
 * the default version, so a consumer that ignores the flag still gets a usable version.
 */
export function versionFromComment(comment: CommentSpan): SparkVersionSource | undefined {
  const match = VERSION_COMMENT.exec(comment.text);
  if (!match || match[1] === undefined) return undefined;
  const raw = match[1];
  const start = comment.start + match.index + match[0].length - raw.length;
  const range = { start, end: start + raw.length };
  const version = normalizeVersion(raw);
  if (version) return { version, from: 'comment', raw, range };
  return { version: DEFAULT_SPARK_VERSION, from: 'comment', raw, range, unresolved: true };
}

/** Collects suppressions from comments, and the first version comment among them. */
export function readDirectives(
  text: string,
  comments: readonly CommentSpan[],
): { suppressions: SuppressionComment[]; version?: SparkVersionSource } {
  const suppressions: SuppressionComment[] = [];
  let version: SparkVersionSource | undefined;
  for (const comment of comments) {
    const suppression = suppressionFromComment(text, comment);
    if (suppression) suppressions.push(suppression);
    version ??= versionFromComment(comment);
  }
  return version ? { suppressions, version } : { suppressions };
}
