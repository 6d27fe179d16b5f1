# spark-dra: sparkVersion=3.5.1
"""Word counts over a day of logs, with executors scaled by dynamic allocation."""
from pyspark.sql import SparkSession

spark = (
    SparkSession.builder.appName("log-word-count")
    .config("spark.dynamicAllocation.enabled", "true")
    .config("spark.dynamicAllocation.shuffleTracking.enabled", "true")
    .config("spark.dynamicAllocation.shuffleTracking.timeout", "5min")
    .config("spark.dynamicAllocation.minExecutors", "1")
    .config("spark.dynamicAllocation.maxExecutors", "16")
    .config("spark.dynamicAllocation.cachedExecutorIdleTimeout", "10min")
    .config("spark.executor.cores", "2")
    .getOrCreate()
)

lines = spark.read.text("s3a://example-bucket/logs/2026-11-20/")
counts = lines.selectExpr("explode(split(value, ' ')) as word").groupBy("word").count()
counts.write.mode("overwrite").parquet("s3a://example-bucket/word-counts/2026-11-20/")
spark.stop()
