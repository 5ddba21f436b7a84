#!/bin/bash
# Wall time of the jar's admin commands: the median of 5 runs of each (after one warm-up run).
# Usage: NETVERKS_DATA_DIR=… bench/commands.sh "help" "moderator list" "sandboxes list"
# Run it once while the app runs on that data folder (the commands connect to its databases) and
# once with the app stopped (a command starts the embedded platform database for itself).
set -euo pipefail
JAR=${JAR:-target/learn-netverks.jar}
measure() {
  java -jar "$JAR" "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    java -jar "$JAR" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%6s ms median (runs: %s)  %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)" "${times[*]}" "$*"
}
for command in "$@"; do
  # shellcheck disable=SC2086 # each argument is a command line to split into words
  measure $command
done
