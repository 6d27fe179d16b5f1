// Shell scripts in the shapes the AWS EMR on EKS and EMR Serverless guides use (our own text): a request written
// through a here-document, inline single-quoted JSON options, and spark-submit command lines.

/** A quoted here-document (`<<'EOF'`) piped to the AWS CLI: the body is literal, `$` included. */
export const QUOTED_HEREDOC = `#!/bin/bash
aws emr-containers start-job-run --cli-input-json file:///dev/stdin <<'EOF'
{
  "virtualClusterId": "vc0123",
  "releaseLabel": "emr-6.15.0-20240105",
  "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "s3://b/app.py"}},
  "configurationOverrides": {
    "applicationConfiguration": [
      {"classification": "spark-defaults", "properties": {
        "spark.dynamicAllocation.enabled": "true",
        "spark.dynamicAllocation.maxExecutors": "$5"
      }}
    ]
  }
}
EOF
`;

/** An expanding here-document with \`<<-\` (tab-indented), shell variables inside and outside JSON strings. */
export const EXPANDING_HEREDOC = [
  'submit() {',
  '\tcat <<-EOF > "$WORK/job.json"',
  '\t{',
  '\t  "virtualClusterId": "${VC_ID}",',
  '\t  "releaseLabel": "${RELEASE_LABEL}",',
  '\t  "jobDriver": {"sparkSubmitJobDriver": {"entryPoint": "s3://b/app.py",',
  '\t    "sparkSubmitParameters": "--conf spark.executor.memory=${EXEC_MEM} --conf spark.executor.cores=4"}},',
  '\t  "configurationOverrides": {"applicationConfiguration": [{"classification": "spark-defaults",',
  '\t    "properties": {"spark.dynamicAllocation.maxExecutors": $MAX_EXECUTORS, "spark.dynamicAllocation.enabled": "true"}}]}',
  '\t}',
  '\tEOF',
  '}',
  '',
].join('\n');

/** Inline JSON options of an EMR on EKS start-job-run, continued over several lines. */
export const INLINE_EKS = `aws emr-containers start-job-run \\
  --virtual-cluster-id "$VIRTUAL_CLUSTER_ID" \\
  --name orders-inline \\
  --execution-role-arn "$JOB_ROLE_ARN" \\
  --release-label emr-6.10.0-spark-rapids-latest \\
  --job-driver '{
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://bucket/app.py",
      "sparkSubmitParameters": "--conf spark.executor.instances=2 --conf spark.executor.cores=4"
    }
  }' \\
  --configuration-overrides '{
    "applicationConfiguration": [{
      "classification": "spark-defaults",
      "properties": {"spark.dynamicAllocation.enabled": "true", "spark.dynamicAllocation.minExecutors": "1"}
    }]
  }'
`;

/** An EMR Serverless start-job-run with the whole request inline in --cli-input-json. */
export const INLINE_SERVERLESS = `aws emr-serverless start-job-run --cli-input-json '{"applicationId": "00abc", "executionRoleArn": "arn:aws:iam::1:role/r", "jobDriver": {"sparkSubmit": {"entryPoint": "s3://b/a.py", "sparkSubmitParameters": "--conf spark.dynamicAllocation.maxExecutors=8"}}}'
`;

/** spark-submit with line continuations, quotes, a flag, an expansion and application arguments. */
export const SPARK_SUBMIT = `#!/usr/bin/env bash
"$SPARK_HOME"/bin/spark-submit \\
  --master k8s://https://api.example:6443 \\
  --deploy-mode cluster \\
  --conf spark.dynamicAllocation.enabled=true \\
  --conf "spark.dynamicAllocation.maxExecutors=20" \\
  --conf spark.executor.memory=\${EXECUTOR_MEMORY} \\
  --executor-cores 4 \\
  local:///opt/app/job.py --conf not.a.spark.setting=1
`;
