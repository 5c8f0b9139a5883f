#!/usr/bin/env bash
# Drill (seeds 002 and 003): load a service through the load balancer and watch it scale out.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/drills/load-test.sh --stack STACK --service NAME [--kind KIND] [--path PATH]
                                 [--duration SECONDS] [--concurrency N] [--dry-run]

Sends requests to the service NAME of STACK through the stack's load balancer (its URL and PATH, default /)
from N parallel workers for SECONDS (default 600), and every 15 s prints the service's desired and running
count (ECS tasks for a fargate service, InService instances for an ec2 one). Prints when it first scaled
out against the expectation: target tracking adds capacity within about 3 minutes of sustained load
(3 one-minute CPU data points above target for Application Auto Scaling; seed 003's +1 step after 2
minutes above 70 % for EC2).

It first reads the service's scaling configuration from AWS and refuses (exit 2, before any load) a service
that cannot scale out, saying why: a fargate service without autoscaling (no minCount/maxCount, as dev's
web: no scalable target) or one already at its maximum; a scale-out cannot be seen there, and this drill
proves nothing else. Run it on a service that autoscales (prod's web, 2 to 10 tasks; dev's app, 1 to 2
instances).

  --stack STACK         the Pulumi stack (its AWS credentials and region must be active)
  --service NAME        a service of container-platform:services
  --kind KIND           fargate or ec2 (default: the service's kind, from the stack's outputs; a dry
                        run shows the fargate commands unless given ec2)
  --path PATH           the path to request, routed to the service (default /)
  --duration SECONDS    how long to load it (default 600)
  --concurrency N       parallel workers (default 50)
  --dry-run             print the commands, run none
  --help                this text
USAGE
}

stack="" service="" kind="" path="/" duration=600 concurrency=50
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stack) stack=${2:-}; shift 2 ;;
    --service) service=${2:-}; shift 2 ;;
    --kind) kind=${2:-}; shift 2 ;;
    --path) path=${2:-}; shift 2 ;;
    --duration) duration=${2:-}; shift 2 ;;
    --concurrency) concurrency=${2:-}; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option $1" ;;
  esac
done
[[ -n "$stack" && -n "$service" ]] || { usage >&2; fail "--stack and --service are required"; }
need pulumi aws jq curl

url=$(stack_output "$stack" "$service" url)
kind=${kind:-$(stack_output "$stack" "$service" kind)}
if [[ "$kind" != ec2 ]]; then
  ecs_service=$(stack_output "$stack" "$service" ecsService)
  cluster=$(read_value "<cluster>" pulumi stack output clusterName --stack "$stack")
  maximum=$(read_value "<maximum>" aws application-autoscaling describe-scalable-targets --service-namespace ecs \
    --resource-ids "service/$cluster/$ecs_service" --query 'ScalableTargets[0].MaxCapacity' --output text)
  no_scaling="its ECS service has no autoscaling (no scalable target: services.$service sets no minCount and maxCount)"
  capacity() {
    read_value "<desired> <running>" aws ecs describe-services --cluster "$cluster" --services "$ecs_service" \
      --query 'services[0].[desiredCount, runningCount]' --output text
  }
else
  asg=$(stack_output "$stack" "$service" autoScalingGroup)
  maximum=$(read_value "<maximum>" aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$asg" \
    --query 'AutoScalingGroups[0].MaxSize' --output text)
  no_scaling="its Auto Scaling group was not found"
  capacity() {
    # shellcheck disable=SC2016 # the backquotes are JMESPath literals, not shell
    read_value "<desired> <in service>" aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$asg" \
      --query 'AutoScalingGroups[0].[DesiredCapacity, length(Instances[?LifecycleState==`InService`])]' --output text
  }
fi

read -r initial _ <<<"$(capacity)"
if [[ "$DRY_RUN" != true ]]; then
  cannot="service $service of stack $stack cannot scale out"
  rest="a load test can show no scale-out here; run it on a service that autoscales"
  [[ "$maximum" =~ ^[0-9]+$ ]] || fail "$cannot: $no_scaling; $rest"
  (( maximum > initial )) || fail "$cannot: it runs $initial, its maximum is $maximum; $rest"
  echo "scaling: $initial now, up to $maximum"
fi
echo "loading $url$path with $concurrency workers for $duration s (desired at start: $initial)"
started=$(now)
if [[ "$DRY_RUN" == true ]]; then
  printf '+ seq %s | xargs -P %s -I{} curl -s -o /dev/null --max-time 10 %s (repeated for %s s)\n' "$concurrency" "$concurrency" "$url$path" "$duration"
else
  (
    end=$(( started + duration ))
    while (( $(now) < end )); do
      seq "$concurrency" | xargs -P "$concurrency" -I{} curl -s -o /dev/null --max-time 10 "$url$path" || true
    done
  ) &
  load=$!
  trap 'kill "$load" 2>/dev/null || true' EXIT
fi

scaled_at=""
elapsed=0
while keep_polling && (( elapsed < duration )); do
  sleep 15
  read -r desired running <<<"$(capacity)"
  elapsed=$(( $(now) - started ))
  echo "$elapsed s: desired $desired, running $running"
  if [[ -z "$scaled_at" && "$desired" -gt "$initial" ]]; then
    scaled_at=$elapsed
  fi
done
report "first scale-out after" "${scaled_at:-none} s" "within about 180 s of sustained load"
