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

/** A whole number of 0 or more. */
export function count(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}
