#!/usr/bin/env bash
# Two-session lab (issue 16): the cost of a second session (backends, memory) and the latency from
# A's COMMIT to B's result on the page. Usage: bench/two-sessions.sh [path-to-jar]
# (build first: ./mvnw -q -DskipTests package). Results: bench/out/two-sessions-latest.txt
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
PSQL=$(command -v psql)
OUT=bench/out/two-sessions-latest.txt
mkdir -p bench/out
source bench/lib.sh

PORT=$(free_port)
java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data" \
     --netverks.lab.warm-pool-size=12 --netverks.lab.creations-per-client-per-hour=10000 \
     --netverks.lab.check-pool-size=0 > "$WORK/app.log" 2>&1 &
PID=$!
wait_until_up "$PORT" "$WORK/app.log"
sleep 15 # the warm pool fills
DATA="$WORK/data"
SBPORT=$(sandbox_port "$DATA")
export PGPASSWORD
PGPASSWORD=$(cat "$DATA/sandbox-admin-password")
{
echo "# two-session lab, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
python3 bench/two-sessions.py "http://localhost:$PORT" "$DATA/sandboxes" \
  "$PSQL -X -qAt -h localhost -p $SBPORT -U postgres -d postgres -c" "${LEARNERS:-10}" "${ROUNDS:-40}"
} 2>&1 | tee "$OUT"
