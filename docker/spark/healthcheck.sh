#!/usr/bin/env bash
# Healthy when the web UI of the running role answers.
set -euo pipefail
case "${SPARK_ROLE:-master}" in
  master)  port="${SPARK_MASTER_WEBUI_PORT:-8080}" ;;
  worker)  port="${SPARK_WORKER_WEBUI_PORT:-8081}" ;;
  history) port="${SPARK_HISTORY_UI_PORT:-18080}" ;;
  *)       exit 0 ;;
esac
exec curl -fsS -o /dev/null "http://localhost:${port}/"
