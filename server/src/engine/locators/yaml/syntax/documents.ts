// Splits a YAML stream into its documents and parses each one on its own, so that a broken document (an unclosed
// quote, say) cannot swallow the documents after it. Offsets in the results are offsets into the whole text.
import { Composer, Parser } from 'yaml';
import type { Document } from 'yaml';
import type { Range } from '../../../model';
import type { CommentSpan } from '../../comment-directives';
import { DUPLICATE_KEY_MESSAGE, withDuplicateKeyErrors } from './duplicate-keys';
import { readBlockDocument } from './fast-reader';
import { fromPackageNode } from './from-package';
import type { TreeNode } from './tree';

/** One document of the stream, parsed. */
export interface YamlDocument {
  /** From the document's first line (its `---` marker, if any) up to the next document. */
  range: Range;
  /** The root node, or null for an empty document. */
  contents: TreeNode | null;
  /** Every `#` comment in the document, outside strings. */
  comments: CommentSpan[];
  /** Parse errors, first line of the message only. */
  errors: { message: string; range: Range }[];
}

/**
 * Offsets where documents start: the text start, every line opening with `---`, and the line after every `...`.
 * YAML forbids these markers at the start of a line inside any content, so a plain line scan finds them. It runs on
 * every keystroke in a YAML file, so a line is looked at only when its first character can open a marker.
 */
export function documentStarts(text: string): number[] {
  const starts: number[] = [0];
  for (let lineStart = 0; lineStart < text.length;) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const marker = markerAt(text, lineStart);
    if (marker === '---' && lineStart > 0) starts.push(lineStart);
    else if (marker === '...' && lineEnd < text.length) starts.push(lineEnd + 1);
    lineStart = lineEnd + 1;
  }
  // A `...` line followed by a `---` line names the same start twice; starts only grow, so repeats are neighbours.
  return starts.filter((start, i) => (start < text.length || start === 0) && start !== starts[i - 1]);
}

/** The document marker (`---` or `...`) the line at `lineStart` opens with, if any: three characters, then a blank. */
function markerAt(text: string, lineStart: number): '---' | '...' | undefined {
  const first = text.charCodeAt(lineStart);
  if (first !== 0x2d && first !== 0x2e) return undefined; // '-' or '.'
  if (text.charCodeAt(lineStart + 1) !== first || text.charCodeAt(lineStart + 2) !== first) return undefined;
  const after = lineStart + 3;
  if (after < text.length && !' \t\r\n'.includes(text.charAt(after))) return undefined;
  return first === 0x2d ? '---' : '...';
}

/** How one document was read: by the fast reader, by the `yaml` package, or not at all (not one of ours). */
export type DocumentRoute = 'fast' | 'yaml' | 'skipped';

export interface ParseOptions {
  /** Try the fast reader first (default true); off, every document goes through the `yaml` package. */
  fastPath?: boolean;
  /** Documents for which this returns true are left out without being parsed. */
  skip?: (text: string, range: Range) => boolean;
  /** Told how each document was read (for tests and measurements). */
  onDocument?: (route: DocumentRoute, range: Range) => void;
}

/** Parses every document of the stream; never throws. */
export function parseYamlDocuments(text: string, options: ParseOptions = {}): YamlDocument[] {
  return [...yamlDocuments(text, options)];
}

/**
 * The documents of the stream, each parsed when it is asked for. A caller that is done with each document before asking
 * for the next lets its tree die young: a file of a thousand documents then never holds a thousand trees at once, which
 * the garbage collector would copy again and again.
 */
export function* yamlDocuments(text: string, options: ParseOptions = {}): Generator<YamlDocument, void, undefined> {
  const starts = documentStarts(text);
  for (let index = 0; index < starts.length; index++) {
    const start = starts[index] as number;
    const doc = readDocumentAt(text, { start, end: starts[index + 1] ?? text.length }, options);
    if (doc) yield doc;
  }
}

/**
 * Parses the one document text[range] (a range between two of `documentStarts`); undefined when `options.skip` leaves
 * it out. What it gives depends only on the document's own text: the same text elsewhere gives the same result, with
 * every offset moved.
 */
export function readDocumentAt(text: string, range: Range, options: ParseOptions = {}): YamlDocument | undefined {
  if (options.skip?.(text, range)) {
    options.onDocument?.('skipped', range);
    return undefined;
  }
  const fast = options.fastPath === false ? undefined : readBlockDocument(text, range.start, range.end);
  options.onDocument?.(fast ? 'fast' : 'yaml', range);
  if (!fast) return parseChunk(text, range);
  const errors = fast.duplicateKeys.map((at) =>
    toProblem(DUPLICATE_KEY_MESSAGE, [at - range.start, at - range.start + 1], range, text),
  );
  return { range, contents: fast.contents, comments: fast.comments, errors };
}

function parseChunk(text: string, range: Range): YamlDocument {
  const source = text.slice(range.start, range.end);
  const comments: CommentSpan[] = [];
  const errors: { message: string; range: Range }[] = [];
  let contents: TreeNode | null = null;
  try {
    const tokens = Array.from(new Parser().parse(source));
    // A chunk without a `#` has no comment: spare the walk over its whole token tree.
    if (source.includes('#')) collectComments(tokens, range.start, comments);
    // The package's own duplicate-key check is quadratic in the size of a map: find duplicates ourselves.
    const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
    const docs: Document.Parsed[] = Array.from(composer.compose(tokens, true, source.length));
    for (const doc of docs) {
      // Duplicate keys are found on the tree in chunk offsets, where the package reports its errors.
      const tree = fromPackageNode(doc.contents, 0);
      for (const error of withDuplicateKeyErrors(doc.errors, tree, source))
        errors.push(toProblem(error.message, error.pos, range, text));
    }
    const first = docs.find((doc) => doc.contents !== null);
    if (first?.contents) contents = fromPackageNode(first.contents, range.start);
  } catch (error) {
    // The yaml package reports problems as errors on the document; a throw here would be a bug in it.
    errors.push({
      message: `YAML could not be read: ${String(error)}`,
      range: { start: range.start, end: range.start },
    });
  }
  return { range, contents, comments, errors };
}

function toProblem(
  message: string,
  pos: [number, number],
  chunk: Range,
  text: string,
): { message: string; range: Range } {
  const limit = Math.min(chunk.end, text.length);
  let end = Math.min(chunk.start + pos[1], limit);
  let start = Math.min(chunk.start + pos[0], end);
  // Errors reported at the very end of a chunk point at nothing; widen them onto the last character before it.
  if (start === end && start > chunk.start) start -= 1;
  // Never underline a bare line break when a character before it is available.
  while (end - start === 1 && (text[start] === '\n' || text[start] === '\r') && start > chunk.start) {
    start -= 1;
    end -= 1;
  }
  return { message: message.split('\n')[0] ?? message, range: { start, end } };
}

/** Walks a CST token tree (plain data) and records every comment token. */
function collectComments(value: unknown, base: number, out: CommentSpan[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collectComments(item, base, out);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
    out.push({ start: base + record.offset, text: record.source });
    return;
  }
  for (const child of Object.values(record)) {
    if (typeof child === 'object' && child !== null) collectComments(child, base, out);
  }
}
