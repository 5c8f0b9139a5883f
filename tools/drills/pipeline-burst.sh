#!/usr/bin/env bash
# Drill (seed 004): publish a burst of events with the producer and record the processor's replicas over time
# until the queue drains.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/drills/pipeline-burst.sh --image PRODUCER_IMAGE [--namespace NS] [--queue QUEUE] [--exchange EXCHANGE]
                                      [--count N] [--rate R] [--timeout SECONDS] [--dry-run]

Runs the producer (docker/producer, pushed by images.yml) as a Job in the pipeline's namespace, labelled as
a publisher so its NetworkPolicy admits it, publishing N events at R a second (0: as fast as the broker
confirms) to the publishers' exchange, the only one the publisher user may write to. Every 5 s it prints the queue's depth (rabbitmqctl in rabbitmq-0) and the processor's replicas
(the spark-processor Deployment KEDA scales), until the queue is empty after the burst. Prints when the
processor first scaled out against KEDA's polling interval (15 s: a scale-out within about two polls of the
queue growing past 10 messages a replica), the most replicas and how long the queue took to drain. kubectl
must point at the stack's cluster (aws eks update-kubeconfig).

  --image IMAGE       the producer image, e.g. <account>.dkr.ecr.<region>.amazonaws.com/<stack>/producer:1.2.0
  --namespace NS      the pipeline's namespace (default data-processing)
  --queue QUEUE       the pipeline's queue (default data-stream)
  --exchange EXCHANGE the exchange the producer publishes to, routing key QUEUE (default QUEUE.in, the platform's)
  --count N           events to publish (default 50000)
  --rate R            events a second, 0 for as fast as possible (default 0)
  --timeout SECONDS   give up after this long (default 1800)
  --dry-run           print the commands, run none
  --help              this text
USAGE
}

image="" namespace=data-processing queue=data-stream exchange="" count=50000 rate=0 timeout=1800
while [[ $# -gt 0 ]]; do
  case "$1" in
    --image) image=${2:-}; shift 2 ;;
    --namespace) namespace=${2:-}; shift 2 ;;
    --queue) queue=${2:-}; shift 2 ;;
    --exchange) exchange=${2:-}; shift 2 ;;
    --count) count=${2:-}; shift 2 ;;
    --rate) rate=${2:-}; shift 2 ;;
    --timeout) timeout=${2:-}; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option $1" ;;
  esac
done
[[ -n "$image" ]] || { usage >&2; fail "--image is required"; }
exchange=${exchange:-$queue.in}
need kubectl

job="producer-burst-$(date +%s)"
manifest=$(cat <<MANIFEST
apiVersion: batch/v1
kind: Job
metadata:
  name: $job
  namespace: $namespace
spec:
  backoffLimit: 0
  ttlSecondsAfterFinished: 3600
  template:
    metadata:
      labels:
        pipeline.containerplatform.io/publisher: "true"
    spec:
      restartPolicy: Never
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: producer
          image: $image
          args: ["--count", "$count", "--rate", "$rate"]
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          env:
            - {name: RABBITMQ_HOST, value: rabbitmq.$namespace.svc.cluster.local}
            - {name: RABBITMQ_PORT, value: "5671"}
            - {name: TLS_CA_FILE, value: /etc/pipeline-tls/ca.crt}
            - {name: RABBITMQ_QUEUE, value: $queue}
            - {name: RABBITMQ_EXCHANGE, value: $exchange}
            - name: RABBITMQ_USERNAME
              valueFrom: {secretKeyRef: {name: rabbitmq-publisher, key: username}}
            - name: RABBITMQ_PASSWORD
              valueFrom: {secretKeyRef: {name: rabbitmq-publisher, key: password}}
          volumeMounts:
            - {name: tls, mountPath: /etc/pipeline-tls, readOnly: true}
      volumes:
        - name: tls
          secret: {secretName: pipeline-ca, defaultMode: 0444, items: [{key: ca.crt, path: ca.crt}]}
MANIFEST
)
depth() {
  read_value "<messages>" kubectl -n "$namespace" exec rabbitmq-0 -- rabbitmqctl list_queues -q --no-table-headers name messages \
    | awk -v queue="$queue" '$1 == queue {print $2}'
}
replicas() {
  read_value "<replicas>" kubectl -n "$namespace" get deployment spark-processor -o 'jsonpath={.status.replicas}'
}

initial=$(replicas)
echo "before the burst: queue $(depth), processor replicas ${initial:-0}"
started=$(now)
if [[ "$DRY_RUN" == true ]]; then
  printf '+ kubectl apply -f - <<EOF\n%s\nEOF\n' "$manifest"
else
  kubectl apply -f - <<<"$manifest"
fi

scaled_at="" most=${initial:-0} seen_messages=false drained_at="" elapsed=0
while keep_polling; do
  sleep 5
  messages=$(depth)
  current=$(replicas)
  elapsed=$(( $(now) - started ))
  echo "$elapsed s: queue ${messages:-0}, replicas ${current:-0}"
  (( ${messages:-0} > 0 )) && seen_messages=true
  (( ${current:-0} > most )) && most=${current:-0}
  [[ -z "$scaled_at" && ${current:-0} -gt ${initial:-0} ]] && scaled_at=$elapsed
  if [[ "$seen_messages" == true && ${messages:-0} -eq 0 ]]; then
    drained_at=$elapsed
    break
  fi
  (( elapsed < timeout )) || fail "the queue did not drain in $timeout s"
done
report "first scale-out after" "${scaled_at:-none} s" "within about 30 s (KEDA polls every 15 s)"
report "most processor replicas" "$most" "up to the ScaledObject's maxReplicaCount"
report "queue drained after" "${drained_at:-not yet} s" "$count events at ~2,850 a second a replica (README)"
run kubectl -n "$namespace" delete job "$job" --wait=false
