// Reading the declared fields of an event (read-fields.ts) straight from its line, without JSON.parse of the whole
// line: JSON.parse builds every metric and accumulator update of a TaskEnd, which the replay never reads.
//
// The line's head, up to the first member nobody reads whose value is a non-empty object or array (in real logs the
// accumulator updates or the metrics), is read in one of two ways: in one regular-expression match when it is laid
// out as Spark writes it (extract-head.ts), else member by member (extract-walk.ts). Both read only the compact form
// (no whitespace, keys without escapes) and check every value they read. From the end of the head to the end of the
// line, one regular-expression search makes sure that no declared key (nor "Event") occurs again — JSON.parse would
// keep the last of two equal keys — written plainly or with \u escapes; it also finds such keys inside string values,
// which only costs a full parse. Anything unexpected gives undefined, and the caller parses the whole line.
//
// For a valid JSON line, a result equals the full parse restricted to the declared fields. Like the events the
// reader skips, the rest of the line is not checked to be valid JSON beyond its last character being "}".
import { compileHead, escapeRegExp, readHead, type HeadPattern } from './extract-head';
import { compileTree, UNEXPECTED, walkFields, type CompiledTree } from './extract-walk';
import type { JsonObject } from './json';
import type { FieldTree } from './read-fields';
import type { Layout } from './spark-layouts';

export interface CompiledEvent {
  readonly tree: CompiledTree;
  readonly head: HeadPattern | undefined;
  /** A declared key (at any depth, or "Event") as JSON text, or a \u escape that could spell one. */
  readonly declaredKeyAgain: RegExp;
}

/** Prepares the reading of an event's declared fields; `layout`: how Spark lays out the line's head, if known. */
export function compileEvent(tree: FieldTree, layout?: Layout): CompiledEvent {
  const keys = new Set<string>(['Event']);
  const compiled = compileTree(tree, keys, true);
  const names = [...keys].map(escapeRegExp).join('|');
  return {
    tree: compiled,
    head: layout === undefined ? undefined : compileHead(tree, layout),
    declaredKeyAgain: new RegExp(String.raw`"(?:${names})"[ \t\n\r]*:|\\u`, 'g'),
  };
}

function noDeclaredKeyFrom(line: string, from: number, event: CompiledEvent): boolean {
  if (from === line.length) return true;
  const search = event.declaredKeyAgain;
  search.lastIndex = from;
  const again = search.test(line);
  search.lastIndex = 0;
  return !again;
}

/** What the head pattern alone gives: the fields, undefined (parse the line whole) or 'not laid out so'. */
export function extractByHead(
  line: string,
  from: number,
  name: string,
  event: CompiledEvent,
): JsonObject | undefined | 'not laid out so' {
  if (event.head === undefined || line.charCodeAt(line.length - 1) !== 0x7d /* } */) return 'not laid out so';
  const out: JsonObject = { Event: name };
  const end = readHead(line, from, event.head, out);
  if (end < 0) return 'not laid out so';
  return noDeclaredKeyFrom(line, end, event) ? out : undefined;
}

/** What the member-by-member walk alone gives: the fields, or undefined (parse the line whole). */
export function extractByWalk(line: string, from: number, name: string, event: CompiledEvent): JsonObject | undefined {
  if (line.charCodeAt(line.length - 1) !== 0x7d /* } */) return undefined;
  const out: JsonObject = { Event: name };
  const end = walkFields(line, from, event.tree, out);
  if (end === UNEXPECTED) return undefined;
  return noDeclaredKeyFrom(line, end, event) ? out : undefined;
}

/**
 * The declared fields of the event on `line`, with its "Event" field, given that the line opens with
 * `{"Event":"<name>"` (`from` is the index just past that closing quote); undefined when the line must be parsed whole.
 */
export function extractFields(line: string, from: number, name: string, event: CompiledEvent): JsonObject | undefined {
  const byHead = extractByHead(line, from, name, event);
  return byHead === 'not laid out so' ? extractByWalk(line, from, name, event) : byHead;
}

/** True when `event` has a head pattern (its layout covers every declared field). */
export function hasHeadPattern(event: CompiledEvent): boolean {
  return event.head !== undefined;
}
