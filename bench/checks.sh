#!/usr/bin/env bash
# Exercise checks: what grading costs next to a plain lab run of the same SQL, for 1 learner and for
# 8 at once (4 grading slots). A query exercise (contact-label, with a hidden dataset) is graded on
# shared read-only copies; a data-changing one (transfer-50) on a fresh copy of the dataset each
# time: cloned while the learner waits without a check pool, else taken from the check pool.
# Usage: bench/checks.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
OUT=bench/out/checks-latest.txt
mkdir -p bench/out
source bench/lib.sh
start_app() { # $1 = warm pool size, $2 = check pool size
  PORT=$(free_port)
  java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data-$1-$2" \
       --netverks.lab.warm-pool-size="$1" --netverks.lab.check-pool-size="$2" \
       --netverks.lab.creations-per-client-per-hour=10000 \
       > "$WORK/app-$1-$2.log" 2>&1 &
  PID=$!
  wait_until_up "$PORT" "$WORK/app-$1-$2.log"
}
{
echo "# exercise checks, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
start_app 0 0
sleep 5
echo "## query exercise: graded on the shared read-only copies of practice and practice-alt"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 20
java bench/LabLoad.java checks "http://localhost:$PORT" 8 5
echo "## data-changing exercise, no check pool: each check clones the dataset (12 MB, 50,000 bookings)"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 10 dml
java bench/LabLoad.java checks "http://localhost:$PORT" 8 3 dml
stop_app
start_app 2 8
# the pools fill after the start: 8 copies each of practice and practice-alt (which data-changing
# checks use) and the warm pool, one at a time in the background; a loaded machine needs ~20 s
sleep 30
echo "## data-changing exercise, check pool of 8 (the default: 2 per grading slot): a check takes a ready copy when there is one"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 10 dml
java bench/LabLoad.java checks "http://localhost:$PORT" 8 3 dml
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
stop_app
} 2>&1 | tee "$OUT"
