// Reads an EMR configuration list (`applicationConfiguration`, or a bare configuration array): the
// `spark-defaults` classification's properties become entries, and each such properties object a key container.
import type { Node } from 'jsonc-parser';
import type { ConfigEntry, KeyContainer } from '../../model';
import { CLASSIFICATION, CONFIGURATIONS, PROPERTIES } from './detect';
import { innerRange, leadingIndent, lineIndentAt, member, memberProperty, members, stringOf, stringValue } from './tree';

/** The only classification whose properties are Spark properties. */
export const SPARK_DEFAULTS = 'spark-defaults';

export interface ConfigurationResult {
  entries: Omit<ConfigEntry, 'rank'>[];
  containers: KeyContainer[];
}

/** Walks a list of configurations (and their nested `configurations`) in document order. */
export function readConfigurations(text: string, list: Node | undefined): ConfigurationResult {
  const result: ConfigurationResult = { entries: [], containers: [] };
  walk(text, list, result, 0);
  return result;
}

function walk(text: string, list: Node | undefined, out: ConfigurationResult, depth: number): void {
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
      out.entries.push(...propertyEntries(text, properties, classification));
    }
    walk(text, member(item, ...CONFIGURATIONS), out, depth + 1);
  }
}

/** One entry per member of a properties object; values that are not strings are kept and flagged. */
function propertyEntries(text: string, properties: Node, classification: string): Omit<ConfigEntry, 'rank'>[] {
  const entries: Omit<ConfigEntry, 'rank'>[] = [];
  for (const { key, value, property } of members(properties)) {
    const keySpan = stringOf(text, key);
    const entry: Omit<ConfigEntry, 'rank'> = {
      key: keySpan.value,
      value: '',
      keyRange: { start: keySpan.contentStart, end: keySpan.contentEnd },
      valueRange: missingValueAt(text, key, property),
      origin: 'property',
      classification,
    };
    if (value?.type === 'string') {
      const valueSpan = stringOf(text, value);
      entry.value = valueSpan.value;
      entry.valueRange = { start: valueSpan.contentStart, end: valueSpan.contentEnd };
    } else if (value) {
      entry.value = text.slice(value.offset, value.offset + value.length);
      entry.valueRange = { start: value.offset, end: value.offset + value.length };
      entry.nonStringValue = true;
    }
    entries.push(entry);
  }
  return entries;
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
