#!/usr/bin/env bash
# Warm wall time of the README's first command, the offline plan of a stack (default dev), over several runs
# (default 5) after one warm-up run (compile, npm ci and the policy pack's compile happen there), then the
# phases of one more run (-Dtimings). Prints the median and the fastest run; nothing is asserted.
#   tools/bench-plan.sh [stack] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
stack=${1:-dev}
runs=${2:-5}
plan() { ./mvnw -q compile exec:java@plan -Dstack="$stack" "$@"; }

plan >/dev/null 2>&1 || { echo "the plan of $stack fails: run it by hand to see why" >&2; exit 1; }
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  plan >/dev/null 2>&1
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
fastest=$(echo "$sorted" | head -n 1)
echo "offline plan of $stack, warm, $runs runs on $(nproc) cores: median ${median} ms, fastest ${fastest} ms (all: ${times[*]})"
plan -Dtimings 2>/dev/null | sed -n '/^Timings:/,$p'
