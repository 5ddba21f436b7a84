#!/usr/bin/env bash
# Lesson-page throughput for a signed-in learner vs an anonymous one, same page, same app, same run:
# the signed-in page is rendered for the learner (their name in the header) and their session is
# read from PostgreSQL (Spring Session JDBC) on every request.
# Usage: bench/signed-in.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package). Needs wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
OUT=bench/out/signed-in-latest.txt
LESSON=/tracks/postgresql/postgresql-with-python
mkdir -p bench/out
WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data" > "$WORK/app.log" 2>&1 &
PID=$!
for _ in $(seq 1 600); do curl -sf -o /dev/null "http://localhost:$PORT/" && break; sleep 0.1; done
JAR_FILE="$WORK/cookies"
curl -s -c "$JAR_FILE" -o /dev/null "http://localhost:$PORT/"
TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$JAR_FILE")
curl -s -b "$JAR_FILE" -c "$JAR_FILE" -o /dev/null -H "X-XSRF-TOKEN: $TOKEN" \
     --data-urlencode "email=bench-$RANDOM@example.org" --data-urlencode "displayName=Bench" \
     --data-urlencode "password=a long benchmark passphrase" "http://localhost:$PORT/signup"
SESSION=$(awk '$6 == "SESSION" {print $7}' "$JAR_FILE")
PAGE=$(curl -s -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT$LESSON")
[[ "$PAGE" == *netverks-account* ]] || { echo "the session is not signed in"; exit 1; }
{
echo "# signed-in vs anonymous lesson page, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "## warm-up, then measured in the order anonymous, signed-in, anonymous, signed-in (wrk -t2 -c32 -d15s)"
wrk -t2 -c32 -d10s "http://localhost:$PORT$LESSON" > /dev/null
wrk -t2 -c32 -d10s -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT$LESSON" > /dev/null
for round in 1 2; do
  A=$(wrk -t2 -c32 -d15s "http://localhost:$PORT$LESSON" | awk '/Requests\/sec/ {print $2}')
  S=$(wrk -t2 -c32 -d15s -H "Cookie: SESSION=$SESSION" "http://localhost:$PORT$LESSON" | awk '/Requests\/sec/ {print $2}')
  echo "round $round: anonymous $A req/s, signed-in $S req/s, signed-in/anonymous = $(python3 -c "print(round($S/$A, 3))")"
done
} 2>&1 | tee "$OUT"
