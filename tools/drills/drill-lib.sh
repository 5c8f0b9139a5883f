#!/usr/bin/env bash
# Shared by the drills (sourced, not run): dry-run, the clock, stack outputs and the report.
# In --dry-run a drill prints every command it would run, with "+ ", runs none, and stops its polling loops
# after one round; what it would read from AWS or Kubernetes is shown as <placeholders>.

DRY_RUN=false

# run CMD...: runs a command that changes something (or prints it in dry-run)
run() {
  if [[ "$DRY_RUN" == true ]]; then
    printf '+ %s\n' "$*"
  else
    "$@"
  fi
}

# read_value PLACEHOLDER CMD...: prints what a reading command prints (in dry-run: the command, then PLACEHOLDER)
read_value() {
  local placeholder=$1
  shift
  if [[ "$DRY_RUN" == true ]]; then
    printf '+ %s\n' "$*" >&2
    printf '%s\n' "$placeholder"
  else
    "$@"
  fi
}

# stack_output STACK SERVICE KEY: a value of the stack's `services` output (README, "Services")
stack_output() {
  if [[ "$DRY_RUN" == true ]]; then
    printf '+ pulumi stack output services --json --stack %s | jq -r .%s.%s\n' "$1" "$2" "$3" >&2
    printf '<%s.%s>\n' "$2" "$3"
    return
  fi
  pulumi stack output services --json --stack "$1" | jq -er --arg s "$2" --arg k "$3" '.[$s][$k]' \
    || fail "stack $1 has no output services.$2.$3 (is $2 a service of the stack, of the right kind?)"
}

# stack_service_options ARGS...: reads --stack, --service, --timeout, --dry-run and --help (calls usage) into
# stack, service, timeout (default 900) and DRY_RUN; both of the first two are required
# shellcheck disable=SC2034 # timeout is read by the drills that source this
stack_service_options() {
  stack="" service="" timeout=900
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --stack) stack=${2:-}; shift 2 ;;
      --service) service=${2:-}; shift 2 ;;
      --timeout) timeout=${2:-}; shift 2 ;;
      --dry-run) DRY_RUN=true; shift ;;
      --help) usage; exit 0 ;;
      *) usage >&2; fail "unknown option $1" ;;
    esac
  done
  [[ -n "$stack" && -n "$service" ]] || { usage >&2; fail "--stack and --service are required"; }
}

# need TOOL...: fails, naming the tool, when one is missing (not in dry-run: nothing runs then)
need() {
  [[ "$DRY_RUN" == true ]] && return 0
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || fail "this drill needs $tool on the PATH"
  done
}

fail() {
  printf 'error: %s\n' "$*" >&2
  exit 2
}

now() {
  date +%s
}

# keep_polling: true until the loop should stop; dry-run stops after one round
keep_polling() {
  [[ "$DRY_RUN" != true ]]
}

# report WHAT OBSERVED EXPECTED: one line of the drill's verdict
report() {
  printf '%-34s observed: %-22s expected: %s\n' "$1" "$2" "$3"
}
