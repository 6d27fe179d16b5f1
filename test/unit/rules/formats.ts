// The same Spark properties written in every job format, for rules that must behave alike in all of them.
import assert from 'node:assert/strict';
import type { StorageClassInfo } from '../../../server/src/engine/model';
import type { AnalyzeSettings } from '../../../server/src/engine/rules/index';
import { confFile, emrJob, pyspark, run, sparkApp, type Run } from './helpers';

export interface FormatCase {
  format: 'emr-properties' | 'emr-submit-conf' | 'spark-application' | 'spark-defaults' | 'pyspark';
  fileName: string;
  text: string;
  settings: AnalyzeSettings;
}

export function everyFormat(properties: Record<string, string>, version = '3.5.1'): FormatCase[] {
  const settings = { versionOverride: version };
  const submit = Object.entries(properties)
    .map(([key, value]) => `--conf ${key}=${value}`)
    .join(' ');
  return [
    { format: 'emr-properties', fileName: 'job.json', text: emrJob(properties), settings },
    { format: 'emr-submit-conf', fileName: 'job.json', text: emrJob({}, submit), settings },
    { format: 'spark-application', fileName: 'app.yaml', text: sparkApp(properties, '', version), settings },
    { format: 'spark-defaults', fileName: 'spark-defaults.conf', text: confFile(properties, version), settings },
    { format: 'pyspark', fileName: 'job.py', text: pyspark(properties, version), settings },
  ];
}

export function runCase(item: FormatCase, storageClasses?: StorageClassInfo[]): Run {
  return run(item.fileName, item.text, item.settings, storageClasses);
}

/** Where the value written for `key` starts in `text` (the first occurrence of `value` after the key). */
export function valueOffset(text: string, key: string, value: string): number {
  const at = text.indexOf(key);
  assert.ok(at >= 0, `${key} is in the text`);
  return text.indexOf(value, at + key.length);
}

/** Asserts a rule fires exactly once in every format, on the value written for `key`. */
export function assertFiresOnValue(
  properties: Record<string, string>,
  version: string,
  ruleId: string,
  key: string,
  storageClasses?: StorageClassInfo[],
): void {
  const value = properties[key] ?? '';
  for (const item of everyFormat(properties, version)) {
    const findings = runCase(item, storageClasses).of(ruleId);
    assert.equal(findings.length, 1, `${ruleId} in ${item.format}`);
    const start = valueOffset(item.text, key, value);
    assert.deepEqual(findings[0]?.range, { start, end: start + value.length }, `${ruleId} range in ${item.format}`);
  }
}

/** Asserts a rule stays quiet in every format. */
export function assertQuiet(
  properties: Record<string, string>,
  version: string,
  ruleId: string,
  storageClasses?: StorageClassInfo[],
): void {
  for (const item of everyFormat(properties, version)) {
    assert.deepEqual(runCase(item, storageClasses).of(ruleId), [], `${ruleId} quiet in ${item.format}`);
  }
}
