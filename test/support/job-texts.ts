// Job-file texts built in code for every tier: unit, protocol and the real-VS-Code suite. Nothing here imports the
// engine, so the editor suite's bundle can use it too.

/** Text slots of an EMR on EKS StartJobRun request, written verbatim (so a test can put a caret marker inside). */
export interface EmrJobSource {
  /** The lines inside `properties: { … }` of the spark-defaults classification. */
  propertiesSource: string;
  /** The content of the `sparkSubmitParameters` string, already JSON-escaped, without its quotes. */
  submitSource?: string;
  releaseLabel?: string;
}

/** An EMR on EKS StartJobRun request from verbatim slots; the releaseLabel is on line 4 (zero-based). */
export function emrJobSource({
  propertiesSource,
  submitSource = '',
  releaseLabel = 'emr-7.2.0-latest',
}: EmrJobSource): string {
  return `{
  "name": "job",
  "virtualClusterId": "abc",
  "executionRoleArn": "arn:aws:iam::123456789012:role/job",
  "releaseLabel": "${releaseLabel}",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://bucket/main.py",
      "sparkSubmitParameters": "${submitSource}"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
${propertiesSource}
        }
      }
    ]
  }
}
`;
}

/** EMR on EKS StartJobRun JSON with spark-defaults properties and optional sparkSubmitParameters. */
export function emrJob(properties: Record<string, string>, submit = '', releaseLabel = 'emr-7.2.0-latest'): string {
  const propertiesSource = Object.entries(properties)
    .map(([k, v]) => `            ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return emrJobSource({ propertiesSource, submitSource: JSON.stringify(submit).slice(1, -1), releaseLabel });
}

/** The text of an EMR on EKS StartJobRun request with these Spark properties. */
export function emrJobText(properties: Record<string, string>, releaseLabel = 'emr-7.2.0-latest'): string {
  return `${JSON.stringify(
    {
      name: 'test-job',
      virtualClusterId: 'abc123',
      executionRoleArn: 'arn:aws:iam::123456789012:role/job',
      releaseLabel,
      jobDriver: { sparkSubmitJobDriver: { entryPoint: 's3://bucket/job.py' } },
      configurationOverrides: { applicationConfiguration: [{ classification: 'spark-defaults', properties }] },
    },
    null,
    2,
  )}\n`;
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
