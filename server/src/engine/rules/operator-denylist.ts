// The kubeflow spark-operator's sparkConf denylist (kubeflow/spark-operator PR #3043, merged to master in July 2026,
// after v2.5.2): its admission webhook rejects a SparkApplication whose sparkConf sets a key the operator manages.
import type { ConfigEntry } from '../model';
import { finding, type Check } from './report';
import type { Finding, FixData } from './types';

const AUTH = 'spark.kubernetes.authenticate.';
const SERVICE_ACCOUNT =
  'set the service account in the SparkApplication spec (spec.driver / spec.executor serviceAccount)';
const CREDENTIALS = 'the operator manages the credentials';
const MANAGED = 'the operator sets it';
const IMAGE = 'use spec.image (or the driver / executor image fields) instead';

const DENIED: ReadonlyMap<string, string> = new Map([
  [`${AUTH}driver.serviceAccountName`, SERVICE_ACCOUNT],
  [`${AUTH}executor.serviceAccountName`, SERVICE_ACCOUNT],
  [`${AUTH}oauthToken`, CREDENTIALS],
  [`${AUTH}oauthTokenFile`, CREDENTIALS],
  [`${AUTH}driver.oauthToken`, CREDENTIALS],
  [`${AUTH}driver.oauthTokenFile`, CREDENTIALS],
  [`${AUTH}executor.oauthToken`, CREDENTIALS],
  [`${AUTH}executor.oauthTokenFile`, CREDENTIALS],
  ['spark.master', MANAGED],
  ['spark.kubernetes.driver.master', MANAGED],
  ['spark.kubernetes.container.image', IMAGE],
  ['spark.kubernetes.driver.container.image', IMAGE],
  ['spark.kubernetes.executor.container.image', IMAGE],
]);

export const operatorDeniedSparkConfKey: Check = (ctx) => {
  if (ctx.job.kind !== 'spark-operator') return [];
  const findings: Finding[] = [];
  for (const entry of ctx.job.entries) {
    if (entry.origin !== 'spark-conf') continue;
    const advice = DENIED.get(entry.key);
    if (advice === undefined) continue;
    findings.push(
      finding(
        'operator-denied-sparkconf-key',
        `The spark-operator's admission webhook (builds after v2.5.2) rejects a SparkApplication whose sparkConf sets ${entry.key}: ${advice}.`,
        entry.keyRange,
        { fixes: removeLineFix(ctx.text, entry) },
      ),
    );
  }
  return findings;
};

/** Deletes the sparkConf line of an entry, when the entry has its line to itself. */
function removeLineFix(text: string, entry: ConfigEntry): FixData[] {
  const start = text.lastIndexOf('\n', entry.keyRange.start - 1) + 1;
  const newline = text.indexOf('\n', entry.valueRange.end);
  const end = newline < 0 ? text.length : newline + 1;
  const line = text.slice(start, end);
  const before = line.slice(0, entry.keyRange.start - start).trim();
  if (before !== '' && before !== '"' && before !== "'") return [];
  return [
    { title: `Remove ${entry.key} from sparkConf`, edits: [{ range: { start, end }, newText: '' }], preferred: true },
  ];
}
