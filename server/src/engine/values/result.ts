// The outcome of reading one value the way Spark reads it.

export type ParseResult<T> =
  { ok: true; value: T; /** e.g. "500ms is truncated to 0s" */ note?: string } | { ok: false; error: string };

export function ok<T>(value: T, note?: string): ParseResult<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

export function fail<T>(error: string): ParseResult<T> {
  return { ok: false, error };
}

/** Quotes user text for a message, shortening very long values. */
export function show(text: string): string {
  const trimmed = text.trim();
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed;
  return shown === '' ? 'an empty value' : `\`${shown}\``;
}
