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

/** EMR on EKS StartJobRun JSON with spark-defaults properties and optional sparkSubmitParameters. */
export function emrJob(properties: Record<string, string>, submit = '', releaseLabel = 'emr-7.2.0-latest'): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `            ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return `{
  "name": "job",
  "virtualClusterId": "abc",
  "executionRoleArn": "arn:aws:iam::123456789012:role/job",
  "releaseLabel": "${releaseLabel}",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://bucket/main.py",
      "sparkSubmitParameters": ${JSON.stringify(submit)}
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
${props}
        }
      }
    ]
  }
}
`;
}

/** A SparkApplication YAML with the given sparkConf lines (already indented by the helper). */
export function sparkApp(sparkConf: Record<string, string>, extraSpec = '', sparkVersion = '3.5.1'): string {
  const conf = Object.entries(sparkConf)
    .map(([k, v]) => `    ${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `apiVersion: sparkoperator.k8s.io/v1beta2
kind: SparkApplication
metadata:
  name: job
spec:
  type: Python
  mode: cluster
  sparkVersion: "${sparkVersion}"
  mainApplicationFile: local:///opt/app/main.py
${extraSpec}  sparkConf:
${conf}
`;
}

/** spark-defaults.conf text, with a version comment. */
export function confFile(entries: Record<string, string>, version = '3.5.1'): string {
  return `# spark-dra: sparkVersion=${version}\n${Object.entries(entries)
    .map(([k, v]) => `${k} ${v}`)
    .join('\n')}\n`;
}

/** PySpark builder chain. */
export function pyspark(entries: Record<string, string>, version = '3.5.1'): string {
  return `# spark-dra: sparkVersion=${version}
from pyspark.sql import SparkSession

spark = (
    SparkSession.builder.appName("job")
${Object.entries(entries)
  .map(([k, v]) => `    .config(${JSON.stringify(k)}, ${JSON.stringify(v)})`)
  .join('\n')}
    .getOrCreate()
)
`;
}

/** A correct baseline for DRA on Kubernetes (Spark 3.4+): nothing should fire on it. */
export const GOOD_DRA: Record<string, string> = {
  'spark.dynamicAllocation.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.enabled': 'true',
  'spark.dynamicAllocation.shuffleTracking.timeout': '600s',
  'spark.dynamicAllocation.minExecutors': '1',
  'spark.dynamicAllocation.maxExecutors': '10',
  'spark.dynamicAllocation.cachedExecutorIdleTimeout': '30min',
};
