// A person's name for each kind of job description, shared by the CLI, the status bar and the panels.
import type { JobKind } from './model';

const JOB_KIND_LABELS: Readonly<Record<JobKind, string>> = {
  'emr-eks': 'EMR on EKS',
  'emr-serverless': 'EMR Serverless',
  'emr-config': 'EMR configuration',
  'spark-operator': 'SparkApplication',
  'apache-spark-operator': 'SparkApplication (Apache operator)',
  'spark-defaults': 'spark-defaults.conf',
  pyspark: 'PySpark',
  'spark-submit': 'spark-submit',
};

/** The label of a job kind; anything unknown is shown as it is. */
export function jobKindLabel(kind: string): string {
  return (JOB_KIND_LABELS as Readonly<Record<string, string>>)[kind] ?? kind;
}

/** Every job kind, for faces that list them. */
export const JOB_KINDS = Object.keys(JOB_KIND_LABELS) as JobKind[];
