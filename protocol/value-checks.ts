// Small type checks the validators of untrusted messages share (webview messages, replay extras).

export type Obj = Record<string, unknown>;

/** A plain object (not null, not an array). */
export function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function finite(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

export function nonNegative(x: unknown): x is number {
  return finite(x) && x >= 0;
}

/**
 * A clean copy of `fields` of `x` (nothing else), when every one is a finite number of 0 or more; else undefined.
 * One list of field names then serves as both the check and the copy.
 */
export function nonNegativeFields<K extends string>(x: unknown, fields: readonly K[]): Record<K, number> | undefined {
  if (!isObj(x)) return undefined;
  const out = {} as Record<K, number>;
  for (const field of fields) {
    const value = x[field];
    if (!nonNegative(value)) return undefined;
    out[field] = value;
  }
  return out;
}

/** A whole number of 0 or more. */
export function count(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** Every item of an array of at most `max`, each through `item`; undefined when it is no such array or any item fails. */
export function listOf<T>(x: unknown, max: number, item: (y: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(x) || x.length > max) return undefined;
  const out: T[] = [];
  for (const y of x) {
    const parsed = item(y);
    if (parsed === undefined) return undefined;
    out.push(parsed);
  }
  return out;
}
