#!/usr/bin/env bash
# Drill (seed 003): force a Multi-AZ failover of an ec2 service's database and time it.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/drill-lib.sh"

usage() {
  cat <<'USAGE'
Usage: tools/drills/rds-failover.sh --stack STACK --service NAME [--timeout SECONDS] [--dry-run]

Reboots the database of the ec2 service NAME of STACK with a forced failover (it must be Multi-AZ: prod's
is), then polls its status every 10 s until it is available again, and prints how long that took against
seed 003's expectation (1 to 2 minutes). The application reconnects to the same endpoint, now served by
the former standby.

  --stack STACK       the Pulumi stack (its AWS credentials and region must be active)
  --service NAME      an ec2 service with a database
  --timeout SECONDS   give up after this long (default 900)
  --dry-run           print the commands, run none
  --help              this text
USAGE
}

stack_service_options "$@"
need pulumi aws jq

endpoint=$(stack_output "$stack" "$service" databaseEndpoint)
database=${endpoint%%.*}   # the instance identifier is the first label of its endpoint
multi_az=$(read_value "True" aws rds describe-db-instances --db-instance-identifier "$database" --query 'DBInstances[0].MultiAZ' --output text)
[[ "$multi_az" == "True" ]] || fail "$database is not Multi-AZ: there is no standby to fail over to"
started=$(now)
run aws rds reboot-db-instance --db-instance-identifier "$database" --force-failover --query 'DBInstance.DBInstanceStatus' --output text

elapsed=0
while keep_polling; do
  sleep 10
  status=$(read_value "<status>" aws rds describe-db-instances --db-instance-identifier "$database" \
    --query 'DBInstances[0].DBInstanceStatus' --output text)
  elapsed=$(( $(now) - started ))
  echo "$elapsed s: $status"
  [[ "$status" == "available" && "$elapsed" -gt 20 ]] && break
  (( elapsed < timeout )) || fail "not available after $timeout s"
done
report "failover done in" "${elapsed} s" "60 to 120 s (seed 003)"
