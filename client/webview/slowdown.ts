// The advisor view's runtime-limit field: what the user typed as a percentage the advisor accepts. Pure: no DOM.
import { DEFAULT_MAX_SLOWDOWN_PCT, isMaxSlowdownPct, MAX_SLOWDOWN_PCT_MAX } from '../../protocol/limits';

export { DEFAULT_MAX_SLOWDOWN_PCT, MAX_SLOWDOWN_PCT_MAX };

/** "10", "10%", "2.5 %" → the number; empty → the default; anything else (or out of range) → undefined. */
export function parseSlowdownText(text: string): number | undefined {
  const raw = text.trim().replace(/\s*%$/, '');
  if (raw === '') return DEFAULT_MAX_SLOWDOWN_PCT;
  if (!/^\d{1,4}(\.\d{1,3})?$/.test(raw)) return undefined;
  const pct = Number(raw);
  return isMaxSlowdownPct(pct) ? pct : undefined;
}

/** Why a typed limit was refused, for the field's hint. */
export const SLOWDOWN_HINT = `a percentage from 0 to ${MAX_SLOWDOWN_PCT_MAX}`;
