#!/usr/bin/env bash
# Drill (seed 003): terminate one instance of an ec2 service and time how long its Auto Scaling group takes to
# have as many healthy instances in service as it wants again.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/drills/replace-instance.sh --stack STACK --service NAME [--timeout SECONDS] [--dry-run]

Terminates one InService instance of the ec2 service NAME of STACK (from `pulumi stack output services`),
then polls its Auto Scaling group every 10 s until it has its desired capacity InService again, without the
terminated instance. Prints the time it took against seed 003's expectation (about 3 minutes: a new
instance boots, runs its user data, passes the load balancer's health checks).

  --stack STACK       the Pulumi stack (its AWS credentials and region must be active)
  --service NAME      an ec2 service of container-platform:services
  --timeout SECONDS   give up after this long (default 900)
  --dry-run           print the commands, run none
  --help              this text
USAGE
}

stack_service_options "$@"
need pulumi aws jq

asg=$(stack_output "$stack" "$service" autoScalingGroup)
group() {
  # shellcheck disable=SC2016 # the backquotes are JMESPath literals, not shell
  read_value "<desired> <in-service instance ids>" aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$asg" \
    --query 'AutoScalingGroups[0].[DesiredCapacity, join(`" "`, Instances[?LifecycleState==`InService`].InstanceId)]' --output text
}
read -r desired instances <<<"$(group)"
victim=${instances%% *}
[[ -n "$victim" ]] || fail "$asg has no instance in service"
echo "terminating $victim of $asg (desired $desired)"
started=$(now)
run aws ec2 terminate-instances --instance-ids "$victim"

elapsed=0
while keep_polling; do
  sleep 10
  read -r desired instances <<<"$(group)"
  count=$(wc -w <<<"$instances")
  elapsed=$(( $(now) - started ))
  echo "$elapsed s: $count of $desired in service"
  if [[ " $instances " != *" $victim "* && "$count" -ge "$desired" ]]; then
    break
  fi
  (( elapsed < timeout )) || fail "not replaced after $timeout s"
done
report "instance replaced in" "${elapsed} s" "about 180 s (seed 003)"
