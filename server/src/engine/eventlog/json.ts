// Narrowing parsed JSON (`unknown`) to the shapes event-log fields have.

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(o: JsonObject, key: string): JsonObject | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}

export function arr(o: JsonObject, key: string): unknown[] {
  const v = o[key];
  return Array.isArray(v) ? v : [];
}

export function num(o: JsonObject, key: string): number | undefined {
  const v = o[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

export function bool(o: JsonObject, key: string): boolean {
  return o[key] === true;
}

/** An id that Spark writes as a string ("Executor ID") but that older tools sometimes wrote as a number. */
export function idString(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** A list of integers (e.g. "Parent IDs"); anything else in the list is skipped. */
export function intList(o: JsonObject, key: string): number[] {
  return arr(o, key).filter((x): x is number => typeof x === 'number' && Number.isInteger(x));
}
