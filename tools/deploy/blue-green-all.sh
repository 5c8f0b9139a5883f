#!/usr/bin/env bash
# Deploys every blue/green Fargate service of a stack: what CI runs after each `pulumi up`.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/../drills/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/deploy/blue-green-all.sh --stack STACK [--timeout SECONDS] [--dry-run]

`pulumi up` registers the new task definition of a blue/green service (rollout.strategy: blueGreen) but leaves
the service on the old one. This runs tools/deploy/blue-green.sh for every service of STACK whose stack output
services.NAME.rollout is blueGreen, one after the other, and exits non-zero if any deployment did not succeed
(CodeDeploy rolled that one back; the others still run). A stack without blue/green services does nothing.

  --stack STACK       the Pulumi stack (its AWS credentials and region must be active)
  --timeout SECONDS   per service (default 1800): its traffic shift plus rollout.terminateBlueAfterMinutes
  --dry-run           print the commands, run none
  --help              this text
USAGE
}

stack="" timeout=1800
while [[ $# -gt 0 ]]; do
  case "$1" in
    --stack) stack=${2:-}; shift 2 ;;
    --timeout) timeout=${2:-}; shift 2 ;;
    --dry-run) DRY_RUN=true; shift ;;
    --help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option $1" ;;
  esac
done
[[ -n "$stack" ]] || { usage >&2; fail "--stack is required"; }
need pulumi aws jq

# the stack's services whose rollout is blueGreen, one a line
blue_green_services() {
  local query='to_entries[] | select(.value.rollout == "blueGreen") | .key'
  if [[ "$DRY_RUN" == true ]]; then
    printf "+ pulumi stack output services --json --stack %s | jq -r '%s'\n" "$stack" "$query" >&2
    printf '<service>\n'
    return
  fi
  pulumi stack output services --json --stack "$stack" | jq -r "$query"
}

services=$(blue_green_services)
dry=()
[[ "$DRY_RUN" == true ]] && dry=(--dry-run)
failed=()
while IFS= read -r service; do
  [[ -n "$service" ]] || continue
  echo "== $service"
  "$(dirname "$0")/blue-green.sh" --stack "$stack" --service "$service" --timeout "$timeout" "${dry[@]}" || failed+=("$service")
done <<< "$services"
(( ${#failed[@]} == 0 )) || fail "blue/green deployment of ${failed[*]} did not succeed (rolled back)"
echo "every blue/green service of $stack is on its latest task definition"
