// spark-defaults text kept inside YAML: a ConfigMap's `data: { spark-defaults.conf: | … }`, or the same key anywhere in
// a Helm values file. Each such literal block scalar is read as a spark-defaults body, its ranges in the YAML text.
import type { JobConfig, Range, SuppressionComment } from '../../model';
import { readSparkDefaultsBody } from '../spark-defaults';
import { isMapNode, isScalarNode, isSeqNode, type ScalarNode, type TreeNode } from './syntax/tree';

/** Keys whose value is spark-defaults text: the names the file itself goes by. */
const BODY_KEY = /^(?:spark-defaults\.conf|spark-defaults[\w.-]*\.conf|[\w.-]+\.spark-defaults\.conf)$/;

/** Nesting deeper than this is not searched (values files are shallow; a pathological tree must not cost much). */
const MAX_DEPTH = 32;

/** True when the text of a document could hold a body at all, before parsing it. */
export function mayHoldSparkDefaults(documentText: string): boolean {
  return documentText.includes('spark-defaults');
}

/** Every literal block scalar stored under a spark-defaults key, in document order. */
export function sparkDefaultsBlocks(root: TreeNode | null): ScalarNode[] {
  const found: ScalarNode[] = [];
  visit(root, 0, found);
  return found;
}

function visit(node: TreeNode | null, depth: number, found: ScalarNode[]): void {
  if (!node || depth > MAX_DEPTH) return;
  if (isSeqNode(node)) {
    for (const item of node.items) visit(item, depth + 1, found);
    return;
  }
  if (!isMapNode(node)) return;
  for (const { key, value } of node.items) {
    if (isScalarNode(key) && typeof key.value === 'string' && BODY_KEY.test(key.value)) {
      if (isScalarNode(value) && value.type === 'BLOCK_LITERAL') found.push(value);
      continue;
    }
    visit(value, depth + 1, found);
  }
}

/** Reads one block as a spark-defaults job spanning the block's content lines. */
export function readSparkDefaultsBlock(
  text: string,
  block: ScalarNode,
): { job: JobConfig; suppressions: SuppressionComment[] } {
  const header = block.range[0];
  const newline = text.indexOf('\n', header);
  const contentStart = newline < 0 || newline >= block.range[1] ? block.range[1] : newline + 1;
  const range: Range = {
    start: contentStart,
    end: Math.max(contentStart, lastContentEnd(text, contentStart, block.range[1])),
  };
  const extent = { start: range.start, end: Math.max(range.end, trailingBlankEnd(text, block.range[1])) };
  return readSparkDefaultsBody(text, range, blockIndent(text, range, header), extent);
}

/**
 * The job reaches over the blank lines right after the block (the parser leaves them out of its range), so that
 * completion works on a new line typed at the end of the block; it stops before the line break of the last one.
 */
function trailingBlankEnd(text: string, from: number): number {
  let end = from > 0 && text[from - 1] === '\n' ? from - 1 : from;
  let at = from;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const lineEnd = newline < 0 ? text.length : newline;
    if (text.slice(at, lineEnd).trim() !== '') break;
    end = lineEnd;
    if (newline < 0) break;
    at = newline + 1;
  }
  return end;
}

/** End of the last line of the block that holds something (trailing blank lines and the final break left out). */
function lastContentEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1] ?? '')) at -= 1;
  return at;
}

/** The indentation of the block's first non-blank line, or two more than the key's when the block is empty. */
function blockIndent(text: string, range: Range, header: number): string {
  const body = text.slice(range.start, range.end);
  const first = /^([ ]*)\S/m.exec(body);
  if (first?.[1] !== undefined) return first[1];
  return ' '.repeat(indentAt(text, header) + 2);
}

/** The indentation of the line holding `offset`. */
function indentAt(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ ]*/.exec(text.slice(lineStart, offset))?.[0].length ?? 0;
}
