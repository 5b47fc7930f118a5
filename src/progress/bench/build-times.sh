#!/usr/bin/env bash
# Wall-clock times of the kit's everyday commands, warm (after one untimed run of each).
# Prints median, min and max over N runs (default 5). Timings are reported, never asserted.
# Usage (from the repository root): bash src/progress/bench/build-times.sh [runs]
set -uo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}

measure() {
  local label=$1; shift
  "$@" >/dev/null 2>&1 # warm-up: compiled classes, JIT-free Maven start, local repository
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$runs" '
    { t[NR] = $1 }
    END { printf "%-48s median %6.2f s   min %6.2f s   max %6.2f s   (n=%d)\n", label, t[int((n + 1) / 2)] / 1000, t[1] / 1000, t[n] / 1000, n }'
}

measure "one kata, focused (mvn test -Dstep=C)" mvn test -Dstep=C
measure "one step (mvn test -Dstep=C3)" mvn test -Dstep=C3
measure "learner, every kata (mvn test)" mvn test
measure "maintainer (mvn -Psolutions verify)" mvn -Psolutions verify
