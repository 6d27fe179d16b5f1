// Reads an EMR configuration list (`applicationConfiguration`, or a bare configuration array): the
// `spark-defaults` classification's properties become entries, and each such properties object a key container.
import type { Node } from 'jsonc-parser';
import type { ConfigEntry, KeyContainer } from '../../model';
import { CLASSIFICATION, CONFIGURATIONS, PROPERTIES } from './detect';
import { innerRange, leadingIndent, lineIndentAt, member, memberProperty, stringOf, stringValue } from './tree';

/** The only classification whose properties are Spark properties. */
export const SPARK_DEFAULTS = 'spark-defaults';

export interface ConfigurationResult {
  /** In document order, ranked `firstRank`, `firstRank + 1`, … */
  entries: ConfigEntry[];
  containers: KeyContainer[];
}

/** Walks a list of configurations (and their nested `configurations`) in document order. */
export function readConfigurations(text: string, list: Node | undefined, firstRank: number): ConfigurationResult {
  const result: ConfigurationResult = { entries: [], containers: [] };
  walk(text, list, result, 0, firstRank);
  return result;
}

function walk(text: string, list: Node | undefined, out: ConfigurationResult, depth: number, firstRank: number): void {
  if (list?.type !== 'array' || depth > 20) return;
  for (const item of list.children ?? []) {
    if (item.type !== 'object') continue;
    const classification = stringValue(text, member(item, ...CLASSIFICATION));
    const propertiesMember = memberProperty(item, ...PROPERTIES);
    const properties = propertiesMember?.children?.[1];
    if (classification === SPARK_DEFAULTS && properties?.type === 'object') {
      out.containers.push({
        kind: 'json-properties',
        range: innerRange(text, properties),
        indent: entryIndent(text, properties, propertiesMember?.offset ?? properties.offset),
        classification,
      });
      pushPropertyEntries(text, properties, classification, out.entries, firstRank);
    }
    walk(text, member(item, ...CONFIGURATIONS), out, depth + 1, firstRank);
  }
}

/**
 * One entry per member of a properties object, appended to `out` and ranked by position; values that are not strings
 * are kept and flagged. Large files hold tens of thousands of these: each entry is built once, in its final shape.
 */
function pushPropertyEntries(
  text: string,
  properties: Node,
  classification: string,
  out: ConfigEntry[],
  firstRank: number,
): void {
  const members = properties.children ?? [];
  for (let i = 0; i < members.length; i++) {
    const property = members[i] as Node;
    const key = property.children?.[0];
    if (key?.type !== 'string') continue;
    const value = property.children?.[1];
    const keySpan = stringOf(text, key);
    const keyRange = { start: keySpan.contentStart, end: keySpan.contentEnd };
    const rank = firstRank + out.length;
    if (value?.type === 'string') {
      const valueSpan = stringOf(text, value);
      const valueRange = { start: valueSpan.contentStart, end: valueSpan.contentEnd };
      out.push({
        key: keySpan.value,
        value: valueSpan.value,
        keyRange,
        valueRange,
        origin: 'property',
        classification,
        rank,
      });
    } else if (value) {
      const valueRange = { start: value.offset, end: value.offset + value.length };
      const raw = text.slice(value.offset, value.offset + value.length);
      out.push({
        key: keySpan.value,
        value: raw,
        keyRange,
        valueRange,
        origin: 'property',
        classification,
        nonStringValue: true,
        rank,
      });
    } else {
      const valueRange = missingValueAt(text, key, property);
      out.push({ key: keySpan.value, value: '', keyRange, valueRange, origin: 'property', classification, rank });
    }
  }
}

/** Where a missing value would go: just after the colon, or after the key when the colon is missing too. */
function missingValueAt(text: string, key: Node, property: Node): { start: number; end: number } {
  const colon = property.colonOffset;
  let at = colon !== undefined && colon >= 0 ? colon + 1 : key.offset + key.length;
  at = Math.min(at, text.length);
  return { start: at, end: at };
}

/** Indentation of the object's first member when it starts a line; otherwise the owner's line indent plus two spaces. */
function entryIndent(text: string, properties: Node, ownerOffset: number): string {
  const first = properties.children?.[0];
  const existing = first ? leadingIndent(text, first.offset) : undefined;
  if (existing !== undefined) return existing;
  return `${lineIndentAt(text, ownerOffset)}  `;
}
