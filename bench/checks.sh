#!/usr/bin/env bash
# Exercise checks: what grading costs next to a plain lab run of the same SQL, for 1 learner and for
# 8 at once (4 grading slots). A query exercise (contact-label, with a hidden dataset) is graded on
# shared read-only copies; a data-changing one (transfer-50) on a fresh copy of the dataset each
# time, taken from the warm pool when one is ready.
# Usage: bench/checks.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
OUT=bench/out/checks-latest.txt
mkdir -p bench/out
WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_app() { # $1 = warm pool size
  PORT=$(free_port)
  java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data-$1" \
       --netverks.lab.warm-pool-size="$1" --netverks.lab.creations-per-client-per-hour=10000 \
       > "$WORK/app-$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://localhost:$PORT/" && return 0
    sleep 0.1
  done
  echo "the app did not start; see $WORK/app-$1.log"; exit 1
}
stop_app() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
{
echo "# exercise checks, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
start_app 0
sleep 5
echo "## query exercise: graded on the shared read-only copies of practice and practice-alt"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 20
java bench/LabLoad.java checks "http://localhost:$PORT" 8 5
echo "## data-changing exercise, no warm pool: each check clones the dataset (12 MB, 50,000 bookings)"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 10 dml
java bench/LabLoad.java checks "http://localhost:$PORT" 8 3 dml
stop_app
start_app 2
sleep 10
echo "## data-changing exercise, warm pool of 2: a check takes a ready copy when there is one"
java bench/LabLoad.java checks "http://localhost:$PORT" 1 10 dml
stop_app
} 2>&1 | tee "$OUT"
