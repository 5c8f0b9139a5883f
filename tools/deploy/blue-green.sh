#!/usr/bin/env bash
# Deploys a blue/green Fargate service (rollout.strategy: blueGreen) to the task definition `pulumi up` registered last.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/../drills/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/deploy/blue-green.sh --stack STACK --service NAME [--timeout SECONDS] [--dry-run]

For the fargate service NAME of STACK deployed blue/green by CodeDeploy: `pulumi up` registers its new task
definition (new image, environment or size) but leaves the service on the old one; this starts the CodeDeploy
deployment to it (or says there is nothing to deploy when the service's primary task set already runs it) (the AppSpec is the stack output services.NAME.appSpec), prints its status every 15 s until
it ends, and exits non-zero unless it succeeded. CodeDeploy starts the new tasks on the green target group,
moves traffic as rollout.trafficShift says and rolls back by itself when the deployment fails or the
service's target 5xx or unhealthy-targets alarm fires. To roll back by hand while it runs:
  aws deploy stop-deployment --deployment-id ID --auto-rollback-enabled

  --stack STACK       the Pulumi stack (its AWS credentials and region must be active)
  --service NAME      a fargate service with rollout.strategy blueGreen
  --timeout SECONDS   give up waiting after this long (default 900; the deployment goes on). A deployment ends
                      after its traffic shift and rollout.terminateBlueAfterMinutes: give it that long
  --dry-run           print the commands, run none
  --help              this text
USAGE
}

stack_service_options "$@"
need pulumi aws jq

strategy=$(stack_output "$stack" "$service" rollout)
[[ "$DRY_RUN" == true || "$strategy" == "blueGreen" ]] \
  || fail "$service is deployed $strategy, not blueGreen: pulumi up deploys it (README, \"Rollouts and rollbacks\")"
application=$(stack_output "$stack" "$service" deploymentApplication)
group=$(stack_output "$stack" "$service" deploymentGroup)
appspec=$(stack_output "$stack" "$service" appSpec)
ecs_service=$(stack_output "$stack" "$service" ecsService)
cluster=$(read_value "<cluster>" pulumi stack output clusterName --stack "$stack")

# nothing to deploy when the service already runs the task definition of the AppSpec (pulumi up changed nothing of it)
target="<appSpec's TaskDefinition>"
[[ "$DRY_RUN" == true ]] || target=$(jq -er '.Resources[0].TargetService.Properties.TaskDefinition' <<< "$appspec") \
  || fail "the AppSpec of $service (stack output services.$service.appSpec) names no TaskDefinition"
serving=$(read_value "<serving task definition>" aws ecs describe-services --cluster "$cluster" --services "$ecs_service" \
  --query "services[0].taskSets[?status=='PRIMARY'].taskDefinition | [0] || services[0].taskDefinition" --output text)
if [[ "$serving" == "$target" ]]; then
  echo "$service already runs $target: nothing to deploy"
  exit 0
fi

revision=$(jq -cn --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
deployment=$(read_value "<deployment-id>" aws deploy create-deployment --application-name "$application" \
  --deployment-group-name "$group" --revision "$revision" --query deploymentId --output text)
echo "deployment $deployment of $service started"

started=$(now)
while :; do
  [[ "$DRY_RUN" == true ]] || sleep 15
  status=$(read_value "<status>" aws deploy get-deployment --deployment-id "$deployment" --query deploymentInfo.status --output text)
  elapsed=$(( $(now) - started ))
  echo "$elapsed s: $status"
  case "$status" in
    Succeeded) report "deployment succeeded in" "${elapsed} s" "traffic on the new tasks"; exit 0 ;;
    Failed|Stopped) fail "deployment $deployment ended $status: CodeDeploy rolled back to the previous tasks (aws deploy get-deployment --deployment-id $deployment)" ;;
  esac
  (( elapsed < timeout )) || fail "deployment $deployment still $status after $timeout s"
  keep_polling || break
done
