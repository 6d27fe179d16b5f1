// Writing a value the spark-operator derives from `spec.dynamicAllocation`: the operator passes its own `--conf`,
// which wins over sparkConf, so a sparkConf line would change nothing. The value goes into the operator's field.
import { dynamicAllocationField } from '../locators/yaml/spark-application';
import type { ConfigEntry } from '../model';
import { parseDuration } from '../values/duration';
import { startOfLine } from './suppression';
import type { TextEdit } from './text-edit';

/**
 * For an entry the operator implies from `spec.dynamicAllocation.enabled` (shuffle tracking), an edit that adds the
 * operator's own field for the key on the line after `enabled`; undefined when the operator has no such field.
 */
export function impliedOperatorFieldEdit(text: string, implied: ConfigEntry, value: string): TextEdit | undefined {
  if (!implied.implied || implied.origin !== 'operator-field') return undefined;
  const field = dynamicAllocationField(implied.key);
  if (!field) return undefined;
  const keyLine = startOfLine(text, implied.keyRange.start);
  const indent = /^[ \t]*/.exec(text.slice(keyLine))?.[0] ?? '';
  const lineEnd = text.indexOf('\n', implied.valueRange.end);
  const at = lineEnd < 0 ? text.length : lineEnd;
  const newline = lineEnd > 0 && text.charAt(lineEnd - 1) === '\r' ? '\r\n' : '\n';
  const insertAt = lineEnd > 0 && newline === '\r\n' ? at - 1 : at;
  return { range: { start: insertAt, end: insertAt }, newText: `${newline}${indent}${field}: ${yamlScalar(value)}` };
}

/**
 * The text an operator field takes for a Spark value: `shuffleTrackingTimeout` is a number of milliseconds, so a
 * duration such as `120s` is written as `120000`. Undefined when the value cannot be written there.
 */
export function operatorFieldText(entry: ConfigEntry, value: string): string | undefined {
  if (entry.origin !== 'operator-field' || !entry.writtenAs?.endsWith('.shuffleTrackingTimeout')) return value;
  const ms = parseDuration(value, 'ms');
  return ms.ok ? String(ms.value) : undefined;
}

/** Booleans and numbers bare (the operator's fields are typed), anything else quoted. */
function yamlScalar(value: string): string {
  if (/^(true|false)$/i.test(value)) return value.toLowerCase();
  if (/^-?\d+$/.test(value)) return value;
  return JSON.stringify(value);
}
