// How the panel shows a run that did not give a result: Spark refusing the settings is not a crash, so it gets its own
// heading and the keys to change; anything else stays "Simulation failed".
import { el } from './dom';

export const FAILED_HEADING = 'Simulation failed';

/** Spark keys a message names, in order, once each: the ones to fix when Spark would not start. */
export function keysNamed(message: string): string[] {
  const found = message.match(/\bspark\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*/g) ?? [];
  return [...new Set(found.map((k) => k.replace(/\.$/, '')))];
}

/** Fills the error section: the heading (the host's, or "Simulation failed"), the message, and the keys to fix. */
export function renderProblem(
  parts: { heading: HTMLElement; message: HTMLElement; keys: HTMLElement },
  message: string,
  heading: string | undefined,
): void {
  parts.heading.textContent = heading ?? FAILED_HEADING;
  parts.message.textContent = message;
  const keys = heading === undefined || heading === FAILED_HEADING ? [] : keysNamed(message);
  parts.keys.hidden = keys.length === 0;
  parts.keys.replaceChildren();
  if (keys.length > 0) {
    parts.keys.append(`Key${keys.length === 1 ? '' : 's'} to fix: `);
    keys.forEach((k, i) => {
      if (i > 0) parts.keys.append(', ');
      parts.keys.append(el('code', undefined, k));
    });
  }
}
