#!/usr/bin/env bash
# Runs the whole suite cold (`pnpm test --force`: turbo's cache ignored) RUNS times with
# BURNERS CPU-bound processes beside it, and counts the passes. Not run by CI.
#
#   test/stress/run-suite.sh [RUNS=10] [BURNERS=1]
#
# Logs of failed runs are kept (their folder is printed); passing runs leave nothing behind.
set -u
runs=${1:-10}
burners=${2:-1}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
export PATH="$root/node_modules/.bin:$PATH"
logs=$(mktemp -d "${TMPDIR:-/tmp}/wechatpay-stress-XXXXXX")

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  rmdir "$logs" 2>/dev/null # only when no failed run left a log
}
trap stop EXIT
for _ in $(seq 1 "$burners"); do
  node -e 'for (;;) {}' &
  pids+=($!)
done

passed=0
for run in $(seq 1 "$runs"); do
  log="$logs/run-$run.log"
  started=$(date +%s)
  if pnpm test --force >"$log" 2>&1; then
    passed=$((passed + 1))
    outcome=passed
  else
    outcome="FAILED (log: $log)"
  fi
  echo "run $run: $outcome in $(($(date +%s) - started)) s; slowest tests:"
  # Vitest lists each slow test with its time: how far the slowest stay from the time limits.
  sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^\S+:test: {5,}✓ .* [0-9]+ms$' |
    sed -E 's/^(\S+):test: +✓ (.*) ([0-9]+)ms$/\3 ms  \1: \2/' | sort -rn | head -3 | sed 's/^/    /'
  if [ "$outcome" = passed ]; then rm "$log"; fi
done
echo "$passed/$runs runs passed with $burners CPU burner(s)"
[ "$passed" -eq "$runs" ]
