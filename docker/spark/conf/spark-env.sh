#!/usr/bin/env bash
# Sourced by Spark's launch scripts. Sizes come from the container's environment.
export SPARK_WORKER_CORES="${SPARK_WORKER_CORES:-2}"
export SPARK_WORKER_MEMORY="${SPARK_WORKER_MEMORY:-2g}"
export SPARK_LOCAL_DIRS="${SPARK_LOCAL_DIRS:-/tmp}"
export SPARK_NO_DAEMONIZE=1
if [ -n "${FINANCIAL_DATA_BUCKET:-}" ]; then
  export SPARK_HISTORY_OPTS="${SPARK_HISTORY_OPTS:-} -Dspark.history.fs.logDirectory=s3a://${FINANCIAL_DATA_BUCKET}/spark-events"
fi
