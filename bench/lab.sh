#!/usr/bin/env bash
# Lab benchmarks, each ratio from one run on this machine:
#  1. first lab run of a new learner, with the warm pool (and without it, for contrast)
#  2. "select 1" through the lab API at 32 concurrent learners vs raw "select 1" with 32 pgbench
#     clients on the same sandbox cluster
#  3. backends and memory held by idle learners
# Usage: bench/lab.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package)
# Needs wrk and pgbench (Debian: wrk, postgresql-contrib). Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
PGBENCH=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | head -1 || true)
[ -n "$PGBENCH" ] || { echo "pgbench not found: apt-get install postgresql-contrib"; exit 1; }
PSQL=$(command -v psql)
OUT=bench/out/lab-latest.txt
mkdir -p bench/out
source bench/lib.sh


start_app() { # $1 = warm pool size
  PORT=$(free_port)
  java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data-$1" \
       --netverks.lab.warm-pool-size="$1" --netverks.lab.connection-idle=5s \
       --netverks.lab.creations-per-client-per-hour=10000 > "$WORK/app-$1.log" 2>&1 &
  PID=$!
  wait_until_up "$PORT" "$WORK/app-$1.log"
}
rss_kb() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
pg_rss_kb() { # sum over the sandbox cluster's processes
  local dir=$1 total=0
  for p in $(pgrep -f "postgres" || true); do
    if tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q "$dir" || [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$dir" ]; then
      total=$((total + $(rss_kb "$p" 2>/dev/null || echo 0)))
    fi
  done
  echo "$total"
}
admin_sql() { PGPASSWORD=$(cat "$DATA/sandbox-admin-password") "$PSQL" -X -qAt -h localhost -p "$SBPORT" -U postgres -d postgres -c "$1"; }

{
echo "# lab benchmarks, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"

# 1. first run of new learners: one new learner every 700 ms, warm pool of 2, then no pool
start_app 2
DATA="$WORK/data-2"
sleep 8 # let the pool fill at start
echo "## first lab run of a new learner (pool 2, one new learner every 700 ms)"
java bench/LabLoad.java first "http://localhost:$PORT" 40 700
stop_app
start_app 0
echo "## first lab run of a new learner (no pool: every sandbox made on demand)"
java bench/LabLoad.java first "http://localhost:$PORT" 10 700
stop_app

# 2. throughput through the API vs raw
start_app 34
DATA="$WORK/data-34"
sleep 20 # pool of 34 ready sandboxes
SBPORT=$(sandbox_port "$DATA")
echo "## select 1 at 32 concurrent learners through the API (wrk, a session per thread), then raw with pgbench (15 s each)"
JVM_BEFORE=$(rss_kb "$PID"); PG_BEFORE=$(pg_rss_kb "$DATA/sandboxes")
export LAB_SESSIONS="$WORK/sessions.txt"
: > "$LAB_SESSIONS"
for _ in $(seq 1 32); do
  jar=$(mktemp -p "$WORK")
  curl -s -c "$jar" -o /dev/null "http://localhost:$PORT/"
  token=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$jar")
  curl -s -b "$jar" -c "$jar" -o /dev/null -H "X-XSRF-TOKEN: $token" -H 'Content-Type: application/json' \
       -d '{"sql":"select 1"}' "http://localhost:$PORT/api/lab/postgresql/postgresql-with-python/run"
  echo "$(awk '$6 == "SESSION" {print $7}' "$jar") $token" >> "$LAB_SESSIONS"
done
RUN_URL="http://localhost:$PORT/api/lab/postgresql/postgresql-with-python/run"
wrk -t32 -c32 -d5s -s bench/lab-run.lua "$RUN_URL" > /dev/null # warm-up
wrk -t32 -c32 -d15s -s bench/lab-run.lua "$RUN_URL" | grep -E "Latency|Requests/sec|Non-2xx" | tee "$WORK/api.txt"
echo "learner backends right after the API load: $(admin_sql "select count(*) from pg_stat_activity where usename like 'lr\_%'")"
echo "select 1;" > "$WORK/select1.sql"
PGPASSWORD=$(cat "$DATA/sandbox-admin-password") "$PGBENCH" -n -h localhost -p "$SBPORT" -U postgres -c 32 -j 2 -T 15 \
  -f "$WORK/select1.sql" postgres 2>/dev/null | grep -E "^tps" | tee "$WORK/raw.txt"
echo "## for scale: the same app serving its static stylesheet and an anonymous lesson page (wrk -t2 -c32, 10 s)"
wrk -t2 -c32 -d10s "http://localhost:$PORT/css/site.css" | grep "Requests/sec" | sed 's/^/static css: /'
wrk -t2 -c32 -d10s "http://localhost:$PORT/tracks/postgresql/joins" | grep "Requests/sec" | sed 's/^/lesson page: /'
API=$(awk '/Requests\/sec/ {print $2}' "$WORK/api.txt")
RAW=$(grep -o 'tps = [0-9.]*' "$WORK/raw.txt" | head -1 | awk '{print $3}')
echo "ratio api/raw = $(python3 -c "print(round($API/$RAW, 3))")"

# 3. idle learners hold no backend once their connection idles out (connection-idle=5s for the bench)
echo "## idle learners"
sleep 20
echo "learner backends once idle (connection-idle=5s, 20 s later): $(admin_sql "select count(*) from pg_stat_activity where usename like 'lr\_%'")"
JVM_AFTER=$(rss_kb "$PID"); PG_AFTER=$(pg_rss_kb "$DATA/sandboxes")
echo "JVM RSS: ${JVM_BEFORE} kB before the 32 learners, ${JVM_AFTER} kB after they went idle"
echo "sandbox cluster RSS: ${PG_BEFORE} kB before, ${PG_AFTER} kB after"
echo "growth per learner (JVM heap growth under load included): $(( (JVM_AFTER + PG_AFTER - JVM_BEFORE - PG_BEFORE) / 32 )) kB"
stop_app
} 2>&1 | tee "$OUT"
