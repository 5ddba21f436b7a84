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
source bench/lib.sh
PORT=$(free_port)
java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data" > "$WORK/app.log" 2>&1 &
PID=$!
wait_until_up "$PORT" "$WORK/app.log"
JAR_FILE="$WORK/cookies"
sign_up "$PORT" "$WORK/app.log" "$JAR_FILE" "bench-$RANDOM@example.org"
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
