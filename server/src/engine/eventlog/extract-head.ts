// The quicker of the extractor's two ways to read a line head (see extract-fields.ts): a line laid out as Spark writes
// it (spark-layouts.ts) is read in one sticky regular-expression match that captures the declared fields.
import type { JsonObject } from './json';
import type { FieldTree } from './read-fields';
import type { Layout, LayoutMember } from './spark-layouts';

/** A declared object the head holds: made for each line, as member `key` of the object numbered `parent`. */
interface Made {
  readonly parent: number;
  readonly key: string;
}

/** A value the head pattern captures: its object and key, and how its text becomes the value JSON.parse gives. */
interface Capture extends Made {
  readonly kind: 'int' | 'string' | 'bool';
}

/** The objects (numbered from 1; 0 is the event) and captured values of a head, in the pattern's order. */
interface Plan {
  readonly objects: Made[];
  readonly captures: Capture[];
}

export interface HeadPattern extends Plan {
  readonly pattern: RegExp;
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A string without escapes or control characters: the text between its quotes is its value. */
const STRING_BODY = String.raw`[^"\\\x00-\x1f]*`;

/** Each kind of value, with the part a capture takes in parentheses. */
const VALUE_PATTERNS = {
  int: (capture: boolean) => (capture ? '(-?(?:0|[1-9][0-9]*))' : '-?(?:0|[1-9][0-9]*)'),
  string: (capture: boolean) => (capture ? `"(${STRING_BODY})"` : `"${STRING_BODY}"`),
  bool: (capture: boolean) => (capture ? '(true|false)' : '(?:true|false)'),
};

/**
 * The pattern of a layout's members, capturing the declared ones, or undefined when the layout does not cover the
 * declared fields (then lines are walked). `last`: the match ends inside this object (after its listed members).
 */
function membersPattern(
  layout: Layout,
  tree: FieldTree | undefined,
  parent: number,
  plan: Plan,
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
    const value = valuePattern(member, declared, parent, plan, last && i === layout.length - 1);
    if (value === undefined) return undefined;
    const text = `${i === 0 ? '' : ','}"${escapeRegExp(member.key)}":${value}`;
    pattern += member.optional ? `(?:${text})?` : text;
  }
  return pattern;
}

function valuePattern(
  member: LayoutMember,
  declared: true | FieldTree | undefined,
  parent: number,
  plan: Plan,
  last: boolean,
): string | undefined {
  const { key, value } = member;
  if (typeof value !== 'string') {
    if (declared === true) return undefined;
    let object = parent;
    if (declared !== undefined) {
      plan.objects.push({ parent, key });
      object = plan.objects.length;
    }
    const inner = membersPattern(value, declared, object, plan, last);
    return inner === undefined ? undefined : `\\{${inner}${last ? '' : '\\}'}`;
  }
  if (declared === undefined) return VALUE_PATTERNS[value](false);
  if (declared !== true) return undefined;
  plan.captures.push({ parent, key, kind: value });
  return VALUE_PATTERNS[value](true);
}

export function compileHead(tree: FieldTree, layout: Layout | undefined): HeadPattern | undefined {
  if (layout === undefined) return undefined;
  const plan: Plan = { objects: [], captures: [] };
  const members = membersPattern(layout, tree, 0, plan, true);
  return members === undefined ? undefined : { pattern: new RegExp(`,${members}`, 'y'), ...plan };
}

/**
 * Reads the declared fields of a line whose head (from `from`, just past the "Event" member) is laid out as the
 * pattern expects into `out`; returns the index just past the head, or -1 when it is laid out otherwise.
 */
export function readHead(line: string, from: number, head: HeadPattern, out: JsonObject): number {
  head.pattern.lastIndex = from;
  const match = head.pattern.exec(line);
  if (match === null) return -1;
  fill(out, match, head);
  return head.pattern.lastIndex;
}

function fill(out: JsonObject, match: RegExpExecArray, head: HeadPattern): void {
  const objects: JsonObject[] = [out];
  for (const { parent, key } of head.objects) {
    const made: JsonObject = {};
    objects[parent][key] = made;
    objects.push(made);
  }
  const captures = head.captures;
  for (let i = 0; i < captures.length; i++) {
    const { parent, key, kind } = captures[i];
    const text = match[i + 1];
    objects[parent][key] = kind === 'int' ? Number(text) : kind === 'bool' ? text === 'true' : text;
  }
}
