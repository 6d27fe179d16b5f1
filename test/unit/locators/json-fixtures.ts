// Sample job files and small helpers shared by the JSON locator tests.
import type { ConfigEntry, JobConfig, ParsedFile, Range } from '../../../server/src/engine/model';
import { caret } from '../../support/caret';

/** EMR on EKS StartJobRun with properties, nested configurations, another classification and submit parameters. */
export const EKS_JOB = String.raw`{
  "name": "nightly-etl",
  "virtualClusterId": "abc123",
  "executionRoleArn": "arn:aws:iam::123456789012:role/emr",
  "releaseLabel": "emr-6.12.0-latest",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://bucket/etl.py",
      "sparkSubmitParameters": "--executor-cores 4 --conf spark.executor.cores=2 --conf spark.x=\"a b\" --class org.Main --conf=spark.y=\\tmp --num-executors 3"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
          "spark.dynamicAllocation.enabled": "true",
          "spark.dynamicAllocation.maxExecutors": 50,
          "spark.executor.instances": "1"
        },
        "configurations": [
          { "classification": "spark-defaults", "properties": { "spark.nested": "n" } }
        ]
      },
      {
        "classification": "spark-env",
        "properties": {},
        "configurations": [{ "classification": "export", "properties": { "JAVA_HOME": "/usr/lib/jvm" } }]
      },
      { "classification": "spark-hive-site", "properties": { "hive.metastore.uris": "thrift://x" } }
    ]
  }
}
`;

export const SERVERLESS_JOB = String.raw`{
  "applicationId": "00f1abcdxyz",
  "executionRoleArn": "arn:aws:iam::123456789012:role/emr",
  "name": "adhoc",
  "jobDriver": {
    "sparkSubmit": {
      "entryPoint": "s3://bucket/job.py",
      "sparkSubmitParameters": "--conf spark.dynamicAllocation.maxExecutors=20 --driver-memory 8g"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      { "classification": "spark-defaults", "properties": { "spark.executor.memory": "4g" } }
    ]
  }
}
`;

export const CONFIG_ARRAY = `[
  {
    "Classification": "spark-defaults",
    "Properties": {
      "spark.dynamicAllocation.enabled": "true"
    },
    "Configurations": []
  },
  { "Classification": "spark", "Properties": { "maximizeResourceAllocation": "true" } }
]
`;

/** Removes the `|` caret marker and returns the text and the caret offset. */
export const withCaret = caret;

export function slice(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

export function onlyJob(parsed: ParsedFile): JobConfig {
  if (parsed.jobs.length !== 1) throw new Error(`expected one job, got ${parsed.jobs.length}`);
  return parsed.jobs[0];
}

export function entriesFor(job: JobConfig, key: string): ConfigEntry[] {
  return job.entries.filter((e) => e.key === key);
}

/** The entry for `key` that Spark uses (the highest rank). */
export function winner(job: JobConfig, key: string): ConfigEntry | undefined {
  return entriesFor(job, key).sort((a, b) => b.rank - a.rank)[0];
}

/** Asserts every range the parse produced lies within the text; returns a description of the first bad one. */
export function badRange(parsed: ParsedFile, length: number): string | undefined {
  const ok = (r: Range | undefined) => !r || (r.start >= 0 && r.start <= r.end && r.end <= length);
  for (const job of parsed.jobs) {
    if (!ok(job.range)) return 'job.range';
    if (!ok(job.sparkVersion?.range)) return 'sparkVersion.range';
    for (const e of job.entries) {
      if (!ok(e.keyRange) || !ok(e.valueRange)) return `entry ${e.key}`;
    }
    for (const c of job.containers) if (!ok(c.range)) return `container ${c.kind}`;
  }
  for (const p of parsed.syntaxErrors) if (!ok(p.range)) return `syntax ${p.message}`;
  for (const s of parsed.suppressions) if (!ok(s.range) || !ok(s.appliesTo)) return 'suppression';
  return undefined;
}
