// "Fix all": applies every unambiguous quick fix of a document and returns the result as one edit (one undo step).
// A finding's fix is unambiguous when the rule offers exactly one preferred fix for it (the rule marks a fix preferred
// when it is the obvious correction, not a placeholder or one choice among equals). Fixes are applied one at a time,
// each computed on the text the previous one left, so two fixes that add keys to the same place cannot collide. Only
// findings present before the first fix are fixed.
import { applyEdits, type TextEdit } from '../edits/text-edit';
import { matchLineBreaks, spanEdit } from '../edits/write-values';
import type { RuleId } from '../rules/registry';
import type { Finding, FixData } from '../rules/types';

/** At most this many fixes in one run (a guard against a fix that keeps its finding alive). */
const MAX_FIXES = 200;

export interface FixAllResult {
  /** One edit from the original text to the fixed one; undefined when there was nothing to fix. */
  edit?: TextEdit;
  /** The rules whose findings were fixed, one per fix applied, in the order applied. */
  fixed: RuleId[];
}

/** The unambiguous fix of a finding, if it has one. */
export function unambiguousFix(finding: Finding): FixData | undefined {
  const preferred = (finding.fixes ?? []).filter((fix) => fix.preferred === true && fix.edits.length > 0);
  return preferred.length === 1 ? preferred[0] : undefined;
}

/**
 * Fixes `text` step by step: `findingsOf` analyses a text (as the document would, same file name, version and
 * workspace). A fix that changes nothing, or leaves a text seen before, ends the run: nothing loops.
 */
export function fixAll(text: string, findingsOf: (text: string) => readonly Finding[]): FixAllResult {
  const fixed: RuleId[] = [];
  const seen = new Set<string>([text]);
  const skipped = new Set<string>();
  // Only the problems the user was shown: a finding that a fix brings to light (or rewords) is left for them to see.
  const shown = new Set(findingsOf(text).map(signature));
  let current = text;
  while (fixed.length < MAX_FIXES) {
    const next = findingsOf(current).find(
      (finding) => shown.has(signature(finding)) && !skipped.has(signature(finding)) && unambiguousFix(finding),
    );
    const fix = next ? unambiguousFix(next) : undefined;
    if (!next || !fix) break;
    const after = applyEdits(current, fix.edits);
    if (seen.has(after)) {
      // This fix does not move the text anywhere new; leave its finding alone and look at the others.
      skipped.add(signature(next));
      continue;
    }
    seen.add(after);
    fixed.push(next.ruleId);
    current = after;
  }
  const span = spanEdit(text, current);
  return span ? { edit: { range: span.range, newText: matchLineBreaks(text, span.newText) }, fixed } : { fixed };
}

function signature(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.message}`;
}
