#!/usr/bin/env bash
# Starts one Spark role in the foreground: master, worker, history or submit (default: $SPARK_ROLE).
set -euo pipefail

role="${1:-${SPARK_ROLE:-master}}"
[ "$#" -gt 0 ] && shift

case "$role" in
  master)
    exec "${SPARK_HOME}/bin/spark-class" org.apache.spark.deploy.master.Master \
      --host "${SPARK_MASTER_HOST}" --port "${SPARK_MASTER_PORT}" --webui-port "${SPARK_MASTER_WEBUI_PORT}" "$@"
    ;;
  worker)
    : "${SPARK_MASTER_URL:?SPARK_MASTER_URL must be set for a worker, e.g. spark://spark-master:7077}"
    exec "${SPARK_HOME}/bin/spark-class" org.apache.spark.deploy.worker.Worker \
      --webui-port "${SPARK_WORKER_WEBUI_PORT}" "$@" "${SPARK_MASTER_URL}"
    ;;
  history)
    exec "${SPARK_HOME}/bin/spark-class" org.apache.spark.deploy.history.HistoryServer "$@"
    ;;
  submit)
    : "${SPARK_MASTER_URL:?SPARK_MASTER_URL must be set to submit, e.g. spark://spark-master:7077}"
    exec "${SPARK_HOME}/bin/spark-submit" --master "${SPARK_MASTER_URL}" "$@"
    ;;
  *)
    echo "unknown role '$role': use master, worker, history or submit" >&2
    exit 64
    ;;
esac
