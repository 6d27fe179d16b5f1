// Building findings with the registry's default severity.
import type { Range } from '../model';
import type { RuleContext } from './context';
import { defaultSeverity, type RuleId } from './registry';
import type { Finding, FixData, RelatedInfo, Severity } from './types';

export interface FindingExtras {
  severity?: Severity;
  related?: RelatedInfo[];
  fixes?: FixData[];
  tags?: ('unnecessary' | 'deprecated')[];
}

export function finding(ruleId: RuleId, message: string, range: Range, extras: FindingExtras = {}): Finding {
  const result: Finding = { ruleId, severity: extras.severity ?? defaultSeverity(ruleId), message, range };
  if (extras.related && extras.related.length > 0) result.related = extras.related;
  if (extras.fixes && extras.fixes.length > 0) result.fixes = extras.fixes;
  if (extras.tags && extras.tags.length > 0) result.tags = extras.tags;
  return result;
}

/** A check emits findings for one job; index.ts runs each inside its own try/catch. */
export type Check = (ctx: RuleContext) => Finding[];
