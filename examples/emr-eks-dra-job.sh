#!/usr/bin/env bash
# Submits the nightly orders job to EMR on EKS with dynamic allocation.
# The request is written to a file first, then handed to the AWS CLI, as the EMR on EKS guides do it.
set -euo pipefail

VIRTUAL_CLUSTER_ID="${VIRTUAL_CLUSTER_ID:?set the virtual cluster id}"
JOB_ROLE_ARN="arn:aws:iam::111122223333:role/emr-eks-job-role"
S3_BUCKET="example-bucket"

cat > /tmp/orders-dra.json <<EOF
{
  "name": "orders-dra",
  "virtualClusterId": "${VIRTUAL_CLUSTER_ID}",
  "executionRoleArn": "${JOB_ROLE_ARN}",
  "releaseLabel": "emr-7.2.0-latest",
  "jobDriver": {
    "sparkSubmitJobDriver": {
      "entryPoint": "s3://${S3_BUCKET}/jobs/orders_etl.py",
      "sparkSubmitParameters": "--conf spark.executor.cores=4 --conf spark.executor.memory=12g"
    }
  },
  "configurationOverrides": {
    "applicationConfiguration": [
      {
        "classification": "spark-defaults",
        "properties": {
          "spark.dynamicAllocation.enabled": "true",
          "spark.dynamicAllocation.shuffleTracking.enabled": "true",
          "spark.dynamicAllocation.shuffleTracking.timeout": "300s",
          "spark.dynamicAllocation.minExecutors": "2",
          "spark.dynamicAllocation.maxExecutors": "40",
          "spark.dynamicAllocation.executorIdleTimeout": "60s",
          "spark.dynamicAllocation.cachedExecutorIdleTimeout": "15min"
        }
      }
    ],
    "monitoringConfiguration": {
      "s3MonitoringConfiguration": { "logUri": "s3://${S3_BUCKET}/logs/" }
    }
  }
}
EOF

aws emr-containers start-job-run --cli-input-json file:///tmp/orders-dra.json
