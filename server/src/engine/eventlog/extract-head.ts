// The quicker of the extractor's two ways to read a line head (see extract-fields.ts): a line laid out as Spark writes
// it (spark-layouts.ts) is read in one sticky regular-expression match that captures the declared fields.
import type { JsonObject } from './json';
import type { FieldTree } from './read-fields';
import type { Layout, LayoutValue } from './spark-layouts';

/** A value the head pattern captures: where it goes, and how its text becomes the value JSON.parse gives. */
interface Capture {
  readonly path: readonly string[];
  readonly kind: 'int' | 'string' | 'bool';
}

export interface HeadPattern {
  readonly pattern: RegExp;
  readonly captures: readonly Capture[];
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const VALUE_PATTERNS = {
  int: '-?(?:0|[1-9][0-9]*)',
  // Without escapes or control characters, so that the text between the quotes is the value.
  string: String.raw`"[^"\\\x00-\x1f]*"`,
  bool: 'true|false',
};

/**
 * The pattern of a layout's members, capturing the declared ones, or undefined when the layout does not cover the
 * declared fields (then lines are walked). `last`: the match ends inside this object (after its listed members).
 */
function membersPattern(
  layout: Layout,
  tree: FieldTree | undefined,
  path: readonly string[],
  captures: Capture[],
  last: boolean,
): string | undefined {
  const listed = new Set(layout.map((m) => m.key));
  if (tree && Object.keys(tree).some((key) => !listed.has(key))) return undefined;
  if (listed.size !== layout.length || layout[0]?.optional) return undefined;
  let pattern = '';
  for (let i = 0; i < layout.length; i++) {
    const member = layout[i];
    const declared = tree && Object.hasOwn(tree, member.key) ? tree[member.key] : undefined;
    if (declared !== undefined && member.optional) return undefined;
    const value = valuePattern(
      member.value,
      declared,
      [...path, member.key],
      captures,
      last && i === layout.length - 1,
    );
    if (value === undefined) return undefined;
    const text = `${i === 0 ? '' : ','}"${escapeRegExp(member.key)}":${value}`;
    pattern += member.optional ? `(?:${text})?` : text;
  }
  return pattern;
}

function valuePattern(
  value: LayoutValue,
  declared: true | FieldTree | undefined,
  path: readonly string[],
  captures: Capture[],
  last: boolean,
): string | undefined {
  if (typeof value !== 'string') {
    if (declared === true) return undefined;
    const inner = membersPattern(value, declared, path, captures, last);
    return inner === undefined ? undefined : `\\{${inner}${last ? '' : '\\}'}`;
  }
  if (declared === undefined) return `(?:${VALUE_PATTERNS[value]})`;
  if (declared !== true) return undefined;
  captures.push({ path, kind: value });
  return `(${VALUE_PATTERNS[value]})`;
}

export function compileHead(tree: FieldTree, layout: Layout | undefined): HeadPattern | undefined {
  if (layout === undefined) return undefined;
  const captures: Capture[] = [];
  const members = membersPattern(layout, tree, [], captures, true);
  return members === undefined ? undefined : { pattern: new RegExp(`,${members}`, 'y'), captures };
}

/**
 * Reads the declared fields of a line whose head (from `from`, just past the "Event" member) is laid out as the
 * pattern expects into `out`; returns the index just past the head, or -1 when it is laid out otherwise.
 */
export function readHead(line: string, from: number, head: HeadPattern, out: JsonObject): number {
  head.pattern.lastIndex = from;
  const match = head.pattern.exec(line);
  if (match === null) return -1;
  fill(out, match, head.captures);
  return head.pattern.lastIndex;
}

function fill(out: JsonObject, match: RegExpExecArray, captures: readonly Capture[]): void {
  for (let i = 0; i < captures.length; i++) {
    const { path, kind } = captures[i];
    const text = match[i + 1];
    let target = out;
    for (let p = 0; p < path.length - 1; p++) {
      const next = target[path[p]];
      if (next !== undefined) target = next as JsonObject;
      else {
        const created: JsonObject = {};
        target[path[p]] = created;
        target = created;
      }
    }
    target[path[path.length - 1]] =
      kind === 'int' ? Number(text) : kind === 'bool' ? text === 'true' : text.slice(1, -1);
  }
}
