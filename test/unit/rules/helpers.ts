// Shared helpers for rule tests: analyze real file text, pick findings of one rule, apply a quick fix.
import { applyEdits } from '../../../server/src/engine/edits/text-edit';
import { parseFile } from '../../../server/src/engine/locators/index';
import { analyze, type AnalyzeSettings, type Finding, type FixData } from '../../../server/src/engine/rules/index';
import type { StorageClassInfo } from '../../../server/src/engine/model';

export interface Run {
  text: string;
  findings: Finding[];
  /** Findings of one rule. */
  of(ruleId: string): Finding[];
  /** The text each finding of a rule covers. */
  spans(ruleId: string): string[];
}

export function run(
  fileName: string,
  text: string,
  settings?: AnalyzeSettings,
  workspaceStorageClasses?: StorageClassInfo[],
): Run {
  const parsed = parseFile({ fileName, text });
  const findings = analyze({ text, parsed, settings, workspaceStorageClasses });
  const of = (ruleId: string) => findings.filter((item) => item.ruleId === ruleId);
  return {
    text,
    findings,
    of,
    spans: (ruleId) => of(ruleId).map((item) => text.slice(item.range.start, item.range.end)),
  };
}

/** The fix of a finding whose title matches, applied to the text. */
export function applyFix(text: string, finding: Finding | undefined, title?: RegExp): string {
  const fix: FixData | undefined = finding?.fixes?.find((candidate) =>
    title ? title.test(candidate.title) : !/^Disable /.test(candidate.title),
  );
  if (!fix) throw new Error(`no fix${title ? ` matching ${title}` : ''} on ${finding?.ruleId ?? 'missing finding'}`);
  return applyEdits(text, fix.edits);
}

export { confFile, emrJob, pyspark, sparkApp } from '../../support/job-texts';

/** A correct baseline for DRA on Kubernetes (Spark 3.4+): nothing should fire on it. */
export const GOOD_DRA: Record<string, string> = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.timeout': '600s',
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
