// Replacing the value of an entry, written the way its place in the file needs (JSON escapes, quotes).
import type { ConfigEntry } from '../model';
import type { TextEdit } from './text-edit';

/** The text of a JSON string literal's contents (no surrounding quotes). */
export function jsonEscape(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/**
 * An edit that makes `entry` hold `newValue`. Values inside JSON strings are escaped; values written as non-string
 * literals where a string is expected (EMR properties, sparkConf) become quoted strings; operator fields keep their
 * literal form.
 */
export function setValueEdit(entry: ConfigEntry, newValue: string): TextEdit {
  return { range: { ...entry.valueRange }, newText: valueText(entry, newValue) };
}

function valueText(entry: ConfigEntry, newValue: string): string {
  if (entry.encoding === 'json-string') return jsonEscape(newValue);
  if (entry.nonStringValue) {
    if (entry.origin === 'property' || entry.origin === 'spark-conf' || entry.origin === 'pyspark-config') {
      return JSON.stringify(newValue);
    }
    return newValue;
  }
  switch (entry.origin) {
    case 'property':
      return jsonEscape(newValue);
    case 'pyspark-config':
      return newValue.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/'/g, "\\'");
    default:
      return newValue;
  }
}
