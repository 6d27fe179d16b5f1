// Quick fixes that switch shuffle tracking off. On a kubeflow SparkApplication with spec.dynamicAllocation the operator
// passes shuffleTracking.enabled=true as a --conf that beats sparkConf, so the switch must be the operator's own field
// `shuffleTrackingEnabled: false`; when that field is absent it is added next to `enabled: true`.
import type { ConfigEntry } from '../model';
import type { RuleContext } from './context';
import { setKeyFix, setValueFix } from './fixes';
import type { FixData } from './types';

export const TRACKING = 'spark.dynamicAllocation.shuffleTracking.enabled';

export function trackingOffFixes(ctx: RuleContext, title = 'Turn off shuffle tracking', preferred = false): FixData[] {
  const winner = ctx.winner(TRACKING);
  if (winner?.implied) {
    const edit = operatorFieldAfter(ctx.text, winner, 'shuffleTrackingEnabled: false');
    return edit
      ? [{ title: `${title} (spec.dynamicAllocation.shuffleTrackingEnabled: false)`, edits: [edit], preferred }]
      : [];
  }
  if (winner?.origin === 'operator-field') return [setValueFix(winner, 'false', title, preferred)];
  return setKeyFix(ctx, TRACKING, 'false', title, preferred);
}

/** A new YAML line below the line of `entry`'s key, with the same indentation. */
function operatorFieldAfter(
  text: string,
  entry: ConfigEntry,
  line: string,
): { range: { start: number; end: number }; newText: string } | undefined {
  const lineStart = text.lastIndexOf('\n', entry.keyRange.start - 1) + 1;
  const indent = text.slice(lineStart, entry.keyRange.start);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const newline = text.indexOf('\n', entry.keyRange.start);
  const crlf = newline > 0 && text.charAt(newline - 1) === '\r';
  const lineEnd = newline < 0 ? text.length : crlf ? newline - 1 : newline;
  return { range: { start: lineEnd, end: lineEnd }, newText: `${crlf ? '\r\n' : '\n'}${indent}${line}` };
}
