#!/usr/bin/env bash
# Sizing (issue 17, item 6): the lab at 32 and 200 concurrent learners on one vs two sandbox servers,
# and what a learner costs. It starts its own PostgreSQL 17 servers (the binaries zonky unpacked):
# one platform server and two sandbox servers with the embedded sandbox cluster's hardened settings,
# then the app jar against them (SPRING_DATASOURCE_URL, NETVERKS_LAB_SERVERS), once with one sandbox
# server and once with both (each time a fresh platform database and fresh sandbox servers):
#  1. prepares SCALE_LEARNERS' largest count of learners with curl (bench/lib.sh: each its own session
#     and sandbox), then loads them with wrk (bench/lab-speed.lua: one learner per wrk thread) at each
#     count: `select 1`, then the exercise query of bench/lab-speed.sh; req/s, p50, p99 and the CPU
#     each request cost the app, the sandbox servers and the platform server
#  2. memory and backends per active learner: PSS of the sandbox servers' processes and the JVM's
#     RSS and heap (after a GC), before the learners and right after the largest load, with the
#     learners' connections still open; backends of learners' roles per learner
#  3. disk: data-dir growth (base/, pg_wal apart) per 100 sandboxes, and pg_database_size of a
#     sandbox of each bundled dataset (a third app start with a generated track, one lesson per
#     dataset, and a warm pool of 1)
# Any non-2xx answer or socket error stops the bench with what failed. fsync is off on every server
# (a throwaway bench: the lab's sandbox servers need no durability for these figures).
# Usage: flock /tmp/bench.lock bench/scale.sh [path-to-jar]   (~10-15 minutes; needs wrk, psql,
# curl, python3, jcmd, unshare). Report: stdout and bench/out/scale-latest.txt.
set -euo pipefail
JAR_ARG=${1:-target/learn-netverks.jar}
[[ "$JAR_ARG" == /* ]] || JAR_ARG="$PWD/$JAR_ARG"
cd "$(dirname "$0")/.."
[ -f "$JAR_ARG" ] || { echo "no jar at $JAR_ARG (build it: ./mvnw -q -DskipTests package)"; exit 1; }
for tool in wrk psql curl python3 jcmd unshare; do
  command -v "$tool" > /dev/null || { echo "$tool not found (Debian: apt-get install wrk postgresql-client curl)"; exit 1; }
done
source bench/lib.sh
source bench/pg.sh
OUT=bench/out/scale-latest.txt
LOGS=bench/out/logs/scale # the apps' logs, kept (git ignores bench/out)
rm -rf "$LOGS"
mkdir -p "$LOGS"
exec > >(tee "$OUT") 2>&1

read -r -a COUNTS <<< "${SCALE_LEARNERS:-32 200}"
LEARNERS=$(printf '%s\n' "${COUNTS[@]}" | sort -n | tail -1) # prepared once, the counts below use the first N
POOL=${SCALE_POOL:-10}
MEASURE=${SCALE_MEASURE:-8s}
WARMUP=${SCALE_WARMUP:-2s}
JIT_WARMUP=${SCALE_JIT_WARMUP:-6s}
# a slow answer is a latency (in p99), not a failure: 200 learners whose connections idled out log
# in again at once, and wrk's default 2 s would count the slowest as socket errors
WRK_TIMEOUT=${SCALE_WRK_TIMEOUT:-10s}
MAX_CONNECTIONS=${SCALE_MAX_CONNECTIONS:-300} # the embedded sandbox cluster has 200
PREPARE_AT_ONCE=8 # learners prepared in parallel
NEEDED_GB=8
FREE_GB=$(df -BG --output=avail "${TMPDIR:-/tmp}" | tail -1 | tr -dc 0-9)
[ "$FREE_GB" -ge "$NEEDED_GB" ] || { echo "only $FREE_GB GB free in ${TMPDIR:-/tmp}; the bench needs about $NEEDED_GB"; exit 1; }

PASSWORD=$(python3 -c 'import secrets, string; print("".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(24)))')
NO_DURABILITY=(fsync=off synchronous_commit=off full_page_writes=off)
# SandboxClusterConfiguration.hardenedSettings, with max_connections raised for the learners
SANDBOX_SETTINGS=(max_connections="$MAX_CONNECTIONS" max_prepared_transactions=0 temp_file_limit=262144kB
  idle_in_transaction_session_timeout=60s idle_session_timeout=30min password_encryption=scram-sha-256
  shared_buffers=64MB log_min_messages=warning "${NO_DURABILITY[@]}")
SELECT1_BODY=$(json_body "select 1")
QUERY_BODY=$(json_body "$EXERCISE_QUERY")
cp "$JAR_ARG" "$WORK/app.jar" # a private copy, so a concurrent `mvnw package` cannot swap the jar under the bench
HZ=$(getconf CLK_TCK)
calc() { python3 -c "import sys; print(format(eval(sys.argv[1]), sys.argv[2]))" "$1" "${2:-.1f}"; }

echo "# scale (issue 17), $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM, $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
echo "load average at start: $(load); other java processes: $(pgrep -c -x java || true); free disk: $FREE_GB GB"
echo "learners: ${COUNTS[*]} (prepared: $LEARNERS), warm pool $POOL, wrk $WARMUP warm-up + $MEASURE per figure, sandbox max_connections $MAX_CONNECTIONS, fsync off everywhere"

start_pg platform "$(free_port)" "$PASSWORD" max_connections=100 "${NO_DURABILITY[@]}"
start_sandbox_servers() { for name in "$@"; do start_pg "$name" "$(free_port)" "$PASSWORD" "${SANDBOX_SETTINGS[@]}"; done; }
server_url() { echo "postgresql://postgres:$PASSWORD@localhost:$(pg_port "$1")"; }

start_app() { # label, space-separated sandbox server names, more arguments for the app
  local label=$1 names=$2 urls="" name
  shift 2
  for name in $names; do urls="$urls${urls:+,}$(server_url "$name")"; done
  PLATFORM_DB="netverks_$label"
  pg_sql platform postgres "create database $PLATFORM_DB"
  PORT=$(free_port)
  BASE="http://localhost:$PORT"
  APP_LOG="$LOGS/app-$label.log"
  SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$(pg_port platform)/$PLATFORM_DB" \
    SPRING_DATASOURCE_USERNAME=postgres SPRING_DATASOURCE_PASSWORD="$PASSWORD" NETVERKS_LAB_SERVERS="$urls" \
    java -jar "$WORK/app.jar" --server.port="$PORT" --netverks.data-dir="$WORK/data-$label" \
      --netverks.lab.creations-per-client-per-hour=100000 --netverks.lab.check-pool-size=0 \
      --netverks.lab.max-sandboxes=$((2 * LEARNERS + 100)) "$@" > "$APP_LOG" 2>&1 &
  PID=$!
  wait_until_up "$PORT" "$APP_LOG" 300 # minutes on a busy machine
}
platform_sql() { pg_sql platform "$PLATFORM_DB" "$1"; }
sandboxes() { platform_sql "select count(*) from lab_sandbox"; }
wait_for_sandboxes() { # count, seconds: the warm pool (re)filled, so no CREATE DATABASE runs during a measurement
  for _ in $(seq 1 $(($2 * 2))); do
    [ "$(sandboxes)" -ge "$1" ] && { sleep 1; return 0; }
    sleep 0.5
  done
  fail "only $(sandboxes) of $1 sandboxes after $2 s"
}
jvm_rss_mb() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$PID/status"; }
jvm_heap_mb() { # used heap right after a full GC
  jcmd "$PID" GC.run > /dev/null
  jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9 | awk '{printf "%.0f", $1 / 1024}'
}
base_kb() { du -sk "$WORK/pg-$1/base" | cut -f1; }
wal_kb() { du -sk "$WORK/pg-$1/pg_wal" | cut -f1; }
app_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$PID/stat"; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; } # user nice system irq softirq
sum_pg() { # function, server names: the sum over the servers
  local total=0 name
  for name in "${@:2}"; do total=$((total + $("$1" "$name"))); done
  echo "$total"
}

declare -A R
measure() { # config label, servers, learners, what (select1|query): one warm-up, then the figure
  local label=$1 servers=$2 n=$3 what=$4 body out a0 s0 p0 m0 t0 a1 s1 p1 m1 t1 requests
  body=$SELECT1_BODY; [ "$what" = query ] && body=$QUERY_BODY
  out=$(LAB_BODY="$body" wrk -t"$n" -c"$n" -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s bench/lab-speed.lua "$BASE/api/lab/$EXERCISE_LESSON/run") || fail "wrk: $out"
  check_wrk "$out" "$label, $n learners, $what, warm-up"
  a0=$(app_ticks); s0=$(sum_pg pg_cpu_ticks $servers); p0=$(pg_cpu_ticks platform); m0=$(machine_ticks); t0=$(date +%s.%N)
  out=$(LAB_BODY="$body" wrk -t"$n" -c"$n" -d"$MEASURE" --timeout "$WRK_TIMEOUT" --latency -s bench/lab-speed.lua "$BASE/api/lab/$EXERCISE_LESSON/run") \
    || fail "wrk: $out"
  # every counter first, the arithmetic after (a python start costs a good part of a second here)
  a1=$(app_ticks); s1=$(sum_pg pg_cpu_ticks $servers); p1=$(pg_cpu_ticks platform); m1=$(machine_ticks); t1=$(date +%s.%N)
  printf '%s\n' "$out" >> "$WORK/wrk.txt"
  check_wrk "$out" "$label, $n learners, $what"
  requests=$(awk '/requests in/ {print $1}' <<< "$out")
  local k="${label}_${n}_$what"
  R[rps_$k]=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  R[p50_$k]=$(to_ms "$(awk '$1 == "50%" {print $2}' <<< "$out")")
  R[p99_$k]=$(to_ms "$(awk '$1 == "99%" {print $2}' <<< "$out")")
  # CPU per request (µs) of the app, the sandbox servers, the platform server; machine: busy share of all cores
  R[app_$k]=$(calc "($a1 - $a0) / $HZ * 1e6 / $requests" .0f)
  R[sb_$k]=$(calc "($s1 - $s0) / $HZ * 1e6 / $requests" .0f)
  R[pl_$k]=$(calc "($p1 - $p0) / $HZ * 1e6 / $requests" .1f)
  R[busy_$k]=$(calc "($m1 - $m0) / $HZ / ($t1 - $t0) / $(nproc) * 100" .0f)
  R[cores_$k]=$(calc "'app %.2f, sandbox servers %.2f, platform %.2f' % tuple(x / $HZ / ($t1 - $t0) for x in ($a1 - $a0, $s1 - $s0, $p1 - $p0))" s)
  echo "$label, $n learners, $what: ${R[rps_$k]} req/s, p50 ${R[p50_$k]} ms, p99 ${R[p99_$k]} ms; CPU µs/request: app ${R[app_$k]}, sandbox servers ${R[sb_$k]}, platform ${R[pl_$k]}; cores busy: ${R[cores_$k]}, machine ${R[busy_$k]} % busy"
}

run_config() { # label, sandbox server names (space-separated)
  local label=$1 servers=$2 out t0 pss0 rss0 heap0 base0 wal0 count0 n
  echo
  echo "## $label: sandbox servers: $servers (at $SECONDS s, load $(load))"
  start_sandbox_servers $servers
  start_app "$label" "$servers" --netverks.lab.warm-pool-size="$POOL"
  wait_for_sandboxes "$POOL" 180
  echo "app up (pid $PID) with a warm pool of $POOL; $(sandboxes) sandboxes"
  pss0=$(sum_pg pg_pss_kb $servers); rss0=$(jvm_rss_mb); heap0=$(jvm_heap_mb)
  base0=$(sum_pg base_kb $servers); wal0=$(sum_pg wal_kb $servers); count0=$(sandboxes)

  t0=$SECONDS
  export LAB_LEARNERS="$WORK/learners-$label"
  mkdir -p "$LAB_LEARNERS"
  local batch=()
  for n in $(seq 1 "$LEARNERS"); do
    prepare_learner "$BASE" "$EXERCISE_LESSON" "$LAB_LEARNERS/$n.jar" "$QUERY_BODY" > "$LAB_LEARNERS/$n.answer" &
    batch+=($!)
    # by pid: a bare `wait` would also wait for the tee behind `exec >`, which never ends
    if [ ${#batch[@]} = "$PREPARE_AT_ONCE" ] || [ "$n" = "$LEARNERS" ]; then wait "${batch[@]}" || true; batch=(); fi
  done
  for n in $(seq 1 "$LEARNERS"); do
    grep -q '"tag":"SELECT 8"' "$LAB_LEARNERS/$n.answer" || fail "learner $n's first run: $(cat "$LAB_LEARNERS/$n.answer")"
  done
  echo "$LEARNERS learners prepared in $((SECONDS - t0)) s ($PREPARE_AT_ONCE at a time), each ran the exercise query once"
  wait_for_sandboxes $((LEARNERS + POOL)) 600
  echo "learners' sandboxes by server: $(platform_sql "select server_id || ': ' || count(*) from lab_sandbox where claimed_at is not null group by server_id order by 1" | paste -sd ';' | sed 's/;/, /g')"
  echo "sessions in the platform database: $(platform_sql "select count(*) from spring_session") rows, $(platform_sql "select pg_size_pretty(pg_total_relation_size('spring_session') + pg_total_relation_size('spring_session_attributes'))") with their attributes and indexes"

  # the JIT's first look at the lab: both bodies at the first count, measured nowhere
  for body in "$SELECT1_BODY" "$QUERY_BODY"; do
    out=$(LAB_BODY="$body" wrk -t"${COUNTS[0]}" -c"${COUNTS[0]}" -d"$JIT_WARMUP" --timeout "$WRK_TIMEOUT" -s bench/lab-speed.lua "$BASE/api/lab/$EXERCISE_LESSON/run") || fail "wrk: $out"
    check_wrk "$out" "$label, JIT warm-up"
  done
  for n in "${COUNTS[@]}"; do
    measure "$label" "$servers" "$n" select1
    if [ "$n" = "$LEARNERS" ]; then # right after the largest load, the learners' connections still open
      R[backends_$label]=$(for s in $servers; do pg_sql "$s" postgres "select count(*) from pg_stat_activity where usename like 'lr\_%'"; done | awk '{ total += $1 } END { print total }')
      R[allbackends_$label]=$(for s in $servers; do pg_sql "$s" postgres "select count(*) from pg_stat_activity where backend_type = 'client backend'"; done | awk '{ total += $1 } END { print total }')
      R[pss_$label]=$(calc "($(sum_pg pg_pss_kb $servers) - $pss0) / 1024 / $n")
      R[rss_$label]=$(calc "($(jvm_rss_mb) - $rss0) / $n" .2f)
      R[heap_$label]=$(calc "($(jvm_heap_mb) - $heap0) * 1024 / $n" .0f)
      echo "right after: ${R[backends_$label]} backends of learners' roles, ${R[allbackends_$label]} client backends in all; per learner: sandbox servers' PSS +${R[pss_$label]} MB, JVM RSS +${R[rss_$label]} MB, heap after GC +${R[heap_$label]} kB"
    fi
    measure "$label" "$servers" "$n" query
  done
  local count1 growth
  count1=$(sandboxes)
  growth=$(calc "($(sum_pg base_kb $servers) - $base0) / 1024 / ($count1 - $count0) * 100" .0f)
  R[disk_$label]=$growth
  echo "disk: $((count1 - count0)) more sandboxes, base/ +$(calc "($(sum_pg base_kb $servers) - $base0) / 1024" .0f) MB (= $growth MB per 100 sandboxes), pg_wal +$(calc "($(sum_pg wal_kb $servers) - $wal0) / 1024" .0f) MB (bounded by max_wal_size, not per sandbox)"
  echo "app log: $(grep -cE '^[0-9T:.Z-]+ +ERROR ' "$APP_LOG" || true) ERROR lines; load $(load) at $SECONDS s"
  stop_app
  for s in $servers; do stop_pg "$s"; done # the next configuration starts from empty servers
}

if [ "${SCALE_DISK:-yes}" = yes ]; then # SCALE_DISK=no skips this part
echo
echo "## disk per sandbox per dataset (at $SECONDS s)"
# A track with one lesson per bundled dataset: the warm pool then keeps one sandbox of each.
CONTENT="$WORK/sizing-content"
mkdir -p "$CONTENT/tracks/sizing/lessons"
cp -r content/datasets "$CONTENT/"
printf 'id: sizing\nslug: sizing\ntitle: Sizing\nsummary: One lesson per bundled dataset, for bench/scale.sh.\nmode: sql_sandbox\nlessons:\n' > "$CONTENT/tracks/sizing/track.yaml"
DATASETS=$(ls content/datasets)
for dataset in $DATASETS; do
  printf '  - id: sizing-%s\n    slug: %s\n    title: %s\n' "$dataset" "$dataset" "$dataset" >> "$CONTENT/tracks/sizing/track.yaml"
  mkdir -p "$CONTENT/tracks/sizing/lessons/$dataset"
  echo '{}' > "$CONTENT/tracks/sizing/lessons/$dataset/parts.yaml"
  printf -- '---\nid: sizing-%s\nslug: %s\ntitle: %s\nlevel: beginner\nlast_reviewed: 2026-12-07\ncontent_version: v20261207\nmode: sql_sandbox\ndataset: %s\nsummary: A sandbox of %s.\nused_in_practice: Sizing.\n---\n\n## %s\n\nA sandbox of %s.\n' \
    "$dataset" "$dataset" "$dataset" "$dataset" "$dataset" "$dataset" "$dataset" > "$CONTENT/tracks/sizing/lessons/$dataset/lesson.md"
done
java -jar "$WORK/app.jar" validate "$CONTENT" --files-only || fail "the generated track in $CONTENT is not valid content"
start_sandbox_servers sandbox1
start_app disk sandbox1 --netverks.lab.warm-pool-size=1 --netverks.content-dir="$CONTENT"
wait_for_sandboxes "$(wc -w <<< "$DATASETS")" 300
echo "| dataset | template | a sandbox (pg_database_size) |"
echo "|---|---|---|"
while read -r dataset template database; do
  echo "| $dataset | $(pg_sql sandbox1 postgres "select pg_size_pretty(pg_database_size('$template'))") | $(pg_sql sandbox1 postgres "select pg_size_pretty(pg_database_size('$database'))") |"
done < <(platform_sql "select dataset, template, database_name from lab_sandbox order by dataset")
echo "an empty database on these servers: $(pg_sql sandbox1 postgres "select pg_size_pretty(pg_database_size('postgres'))")"
stop_app
stop_pg sandbox1
fi

run_config one "sandbox1"
run_config two "sandbox1 sandbox2"


echo
echo "## summary (at $SECONDS s)"
echo "| learners | query | 1 server: req/s, p50 / p99 ms | 2 servers: req/s, p50 / p99 ms | 2 ÷ 1 req/s | CPU µs/request, 1 server: app / sandbox / platform | machine busy (1 / 2) |"
echo "|---|---|---|---|---|---|---|"
for n in "${COUNTS[@]}"; do
  for what in select1 query; do
    a="one_${n}_$what"; b="two_${n}_$what"
    echo "| $n | $what | ${R[rps_$a]}, ${R[p50_$a]} / ${R[p99_$a]} | ${R[rps_$b]}, ${R[p50_$b]} / ${R[p99_$b]} | $(calc "${R[rps_$b]} / ${R[rps_$a]}" .2f) | ${R[app_$a]} / ${R[sb_$a]} / ${R[pl_$a]} | ${R[busy_$a]} % / ${R[busy_$b]} % |"
  done
done
for label in one two; do
  echo "$label: after $LEARNERS learners' select 1: backends per learner $(calc "${R[backends_$label]} / $LEARNERS" .2f) (${R[allbackends_$label]} client backends in all); per learner: sandbox PSS ${R[pss_$label]} MB, JVM RSS ${R[rss_$label]} MB, heap ${R[heap_$label]} kB; disk ${R[disk_$label]} MB per 100 sandboxes"
done
echo "load average at end: $(load)"
