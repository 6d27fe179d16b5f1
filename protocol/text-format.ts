// Plain-text formatting shared by the CLI's reports and the editor's text views.

/** A duration as a person reads it: `45s`, `7m 32s`, `2h 05m`. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(rest).padStart(2, '0')}s`;
  return `${rest}s`;
}

/** The infinity sign, for Spark's "no limit" values wherever a value is shown. */
export const INFINITY_SIGN = '∞';

/** Int.MaxValue and Long.MaxValue, which Spark uses for "no limit" (counts, seconds, milliseconds). */
const NO_LIMIT_NUMBERS = new Set(['2147483647', '9223372036854775807']);

/** `2147483647s`, `9223372036854775807ms`, `2147483647`, `infinity`, `Infinity`: a value Spark treats as no limit. */
export function isNoLimitValue(text: string): boolean {
  const t = text.trim();
  if (/^[+]?inf(inity)?$/i.test(t)) return true;
  const m = /^(\d+)\s*[a-z]*$/i.exec(t);
  return m !== null && NO_LIMIT_NUMBERS.has(m[1].replace(/^0+(?=\d)/, ''));
}

/** A Spark value as a person reads it: "∞" for the no-limit sentinels, the text itself otherwise. */
export function formatSparkValue(text: string): string {
  return isNoLimitValue(text) ? INFINITY_SIGN : text;
}

/** A number as a person reads it: "∞" for infinity and the Int.MaxValue / Long.MaxValue sentinels. */
export function formatCount(n: number, show: (n: number) => string = String): string {
  return n === Infinity || n >= 2147483647 ? INFINITY_SIGN : show(n);
}
