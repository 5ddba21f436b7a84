#!/usr/bin/env bash
# Issue 15's lab-speed targets, each ratio measured in one run of one app, both sides back to back,
# alternating, two rounds after a warm-up:
#  1. "select 1" through POST /api/lab/{track}/{lesson}/run at 8 and 32 learners (wrk -tN -cN: one
#     learner, with its own session, per wrk thread) vs the app's own /css/site.css with the same
#     wrk -t/-c; and the lab's p99 at 32 learners
#  2. a typical exercise query (join + group by + order by on the practice data) through the lab
#     vs raw pgbench of the same SQL, as the sandbox cluster's admin, on learner 1's sandbox database
#  3. platform-database writes per lab run (pg_stat_database and pg_stat_wal of the platform cluster
#     before and after N runs, minus a baseline over the same time with no runs)
# Usage: flock /tmp/bench.lock bench/lab-speed.sh [path-to-jar]   (~6 minutes; the lock keeps two
# benchmarks from sharing the machine). Needs wrk, pgbench and psql (Debian: wrk, postgresql-contrib).
set -euo pipefail
JAR_ARG=${1:-target/learn-netverks.jar}
[[ "$JAR_ARG" == /* ]] || JAR_ARG="$PWD/$JAR_ARG"
cd "$(dirname "$0")/.."
[ -f "$JAR_ARG" ] || { echo "no jar at $JAR_ARG (build it: ./mvnw -q -DskipTests package)"; exit 1; }
for tool in wrk pgbench psql curl python3; do
  command -v "$tool" > /dev/null || { echo "$tool not found (Debian: apt-get install wrk postgresql-contrib curl)"; exit 1; }
done
source bench/lib.sh
OUT=bench/out/lab-speed-latest.txt
mkdir -p bench/out
exec > >(tee "$OUT") 2>&1

LESSON=$EXERCISE_LESSON
LEARNERS=32
POOL=$((LEARNERS + 2))
MEASURE=${LAB_SPEED_MEASURE:-15s}
WARMUP=${LAB_SPEED_WARMUP:-5s}
PLATFORM_RUNS_PER_LEARNER=250 # x 8 learners = 2,000 runs for item 3
QUERY=$EXERCISE_QUERY # bench/lib.sh: a join + group by + order by over a month of the bookings
SELECT1_BODY=$(json_body "select 1")
QUERY_BODY=$(json_body "$QUERY")

# No check pool: this measures runs, and its copies would be made (CREATE DATABASE) during the
# measurements and counted as sandboxes below.
# A private copy, so a concurrent `mvnw package` cannot swap the jar under the benchmark.
cp "$JAR_ARG" "$WORK/app.jar"
DATA="$WORK/data"
PORT=$(free_port)
BASE="http://localhost:$PORT"
RUN_URL="$BASE/api/lab/$LESSON/run"
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1]) / float(sys.argv[2]):.3f}')" "$1" "$2"; }
mean() { python3 -c "import sys; print(f'{(float(sys.argv[1]) + float(sys.argv[2])) / 2:.0f}')" "$1" "$2"; }
at_least() { python3 -c "import sys; print('met' if float(sys.argv[1]) >= float(sys.argv[2]) else 'NOT MET')" "$1" "$2"; }
at_most() { python3 -c "import sys; print('met' if float(sys.argv[1]) <= float(sys.argv[2]) else 'NOT MET')" "$1" "$2"; }

echo "# lab speed (issue 15), $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(pgbench --version)"
echo "load average at start: $(load); other java processes: $(pgrep -c -x java || true)"

java -jar "$WORK/app.jar" --server.port="$PORT" --netverks.data-dir="$DATA" \
     --netverks.lab.warm-pool-size="$POOL" --netverks.lab.creations-per-client-per-hour=10000 --netverks.lab.check-pool-size=0 \
     > "$WORK/app.log" 2>&1 &
PID=$!
wait_until_up "$PORT" "$WORK/app.log"
SBPORT=$(sandbox_port "$DATA")
PLPORT=$(sed -n 4p "$DATA/platform/postmaster.pid")
sandbox_sql() { PGPASSWORD=$(cat "$DATA/sandbox-admin-password") psql -X -qAt -h localhost -p "$SBPORT" -U postgres -d postgres -c "$1"; }
platform_sql() { # connected to the "postgres" database, so these reads count nowhere in the platform database's own row
  PGPASSWORD=$(cat "$DATA/platform-admin-password") psql -X -qAt -F ' ' -h localhost -p "$PLPORT" -U postgres -d postgres -c "$1"
}
sandboxes() { sandbox_sql "select count(*) from pg_database where datname like 'sb\_%'"; }
wait_for_sandboxes() { # count: the warm pool (re)filled, so no CREATE DATABASE runs during a measurement
  for _ in $(seq 1 240); do
    [ "$(sandboxes)" -ge "$1" ] && { sleep 1; return 0; }
    sleep 0.5
  done
  fail "only $(sandboxes) of $1 sandboxes after 120 s"
}
wait_for_sandboxes "$POOL"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/css/site.css")" = 200 ] || fail "no /css/site.css"

# Each learner: a page for the XSRF-TOKEN cookie, then one run, which claims their sandbox; their
# cookie jar ($WORK/learners/N.jar) is what bench/lab-speed.lua sends.
export LAB_LEARNERS="$WORK/learners"
mkdir -p "$LAB_LEARNERS"
for n in $(seq 1 "$LEARNERS"); do
  answer=$(prepare_learner "$BASE" "$LESSON" "$LAB_LEARNERS/$n.jar" "$QUERY_BODY") || exit 1
  if [ "$n" = 1 ]; then FIRST_ANSWER=$answer; fi
done
grep -q '"tag":"SELECT 8"' <<< "$FIRST_ANSWER" || fail "the exercise query did not answer its 8 rows: $FIRST_ANSWER"
SANDBOX_DB=$(python3 -c 'import json, sys; print(json.loads(sys.argv[1])["database"])' "$FIRST_ANSWER")
wait_for_sandboxes $((LEARNERS + POOL)) # the pool refills what the learners claimed
echo "app up on a fresh data dir; $LEARNERS learners each ran once (their sandboxes came from a warm pool of $POOL, refilled since)"
echo "cookies each learner sends: $(awk 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) {printf "%s ", $6}' "$LAB_LEARNERS/1.jar")"
echo "sandbox cluster: max_connections $(sandbox_sql 'show max_connections'), shared_buffers $(sandbox_sql 'show shared_buffers') (each learner's database has its own copy of the data)"
echo "ready after $SECONDS s"
echo

# Each measurement sets RPS (requests or transactions per second) and P99 (ms; wrk only) and keeps
# the tool's whole output in $WORK/wrk.txt or $WORK/pgbench.txt.
# CPU is the app's CPU time per request in µs (user + system of the JVM): it depends much less than
# the rates on what else the machine is running.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$PID/stat"; }
wrk_figures() { # wrk output, app CPU ticks before, after
  RPS=$(awk '/^Requests\/sec/ {print $2}' <<< "$1")
  P99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<< "$1")")
  CPU=$(awk -v t=$(($3 - $2)) -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ {print $1}' <<< "$1")" \
            'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }')
}
lab() { # learners, duration, body: one learner per wrk thread
  local out before
  before=$(cpu_ticks)
  out=$(LAB_BODY="$3" wrk -t"$1" -c"$1" -d"$2" --latency -s bench/lab-speed.lua "$RUN_URL") || fail "wrk: $out"
  printf '%s\n' "$out" >> "$WORK/wrk.txt"
  check_wrk "$out" "lab at $1 learners"
  wrk_figures "$out" "$before" "$(cpu_ticks)"
}
static() { # connections (= threads), duration
  local out before
  before=$(cpu_ticks)
  out=$(wrk -t"$1" -c"$1" -d"$2" --latency "$BASE/css/site.css") || fail "wrk: $out"
  printf '%s\n' "$out" >> "$WORK/wrk.txt"
  check_wrk "$out" "static css at $1 connections"
  wrk_figures "$out" "$before" "$(cpu_ticks)"
}
raw() { # clients, seconds: pgbench of the same query as the sandbox cluster's admin on learner 1's database
  local out
  out=$(PGPASSWORD=$(cat "$DATA/sandbox-admin-password") pgbench -n -h localhost -p "$SBPORT" -U postgres \
        -c "$1" -j 2 -T "$2" -f "$WORK/query.sql" "$SANDBOX_DB" 2>&1) || fail "pgbench -c$1: $out"
  printf '%s\n' "$out" >> "$WORK/pgbench.txt"
  if grep -qE "number of failed transactions: [1-9]" <<< "$out"; then fail "pgbench -c$1: $out"; fi
  RPS=$(grep -oE "^tps = [0-9.]+" <<< "$out" | head -1 | awk '{print $3}')
  [ -n "$RPS" ] || fail "no tps from pgbench -c$1: $out"
}
printf '%s\n' "$QUERY" > "$WORK/query.sql"
SECS=${MEASURE%s}

echo "## 1. select 1 through the lab vs the app's static /css/site.css, same wrk -tN -cN, $MEASURE each"
lab "$LEARNERS" "$WARMUP" "$QUERY_BODY" # the JIT's first look at the lab
lab "$LEARNERS" "$WARMUP" "$SELECT1_BODY"
static "$LEARNERS" "$WARMUP"
declare -A R
for round in 1 2; do
  for n in 8 32; do
    lab "$n" "$MEASURE" "$SELECT1_BODY"; R[lab1_${n}_$round]=$RPS; R[p99_${n}_$round]=$P99; R[cpu1_${n}_$round]=$CPU
    static "$n" "$MEASURE"; R[css_${n}_$round]=$RPS; R[cssp99_${n}_$round]=$P99; R[csscpu_${n}_$round]=$CPU
    echo "round $round, $n learners: lab ${R[lab1_${n}_$round]} req/s (p99 ${R[p99_${n}_$round]} ms, app CPU ${R[cpu1_${n}_$round]} µs/request), static ${R[css_${n}_$round]} req/s (p99 ${R[cssp99_${n}_$round]} ms, app CPU ${R[csscpu_${n}_$round]} µs/request), lab/static = $(ratio "${R[lab1_${n}_$round]}" "${R[css_${n}_$round]}")"
  done
done
echo

echo "## 2. the exercise query through the lab vs pgbench -cN -j2 of the same SQL (admin, learner 1's database $SANDBOX_DB), $MEASURE each (at $SECONDS s)"
sed 's/^/    /' "$WORK/query.sql"
lab "$LEARNERS" "$WARMUP" "$QUERY_BODY"
raw "$LEARNERS" "${WARMUP%s}"
for round in 1 2; do
  for n in 8 32; do
    lab "$n" "$MEASURE" "$QUERY_BODY"; R[labq_${n}_$round]=$RPS; R[qp99_${n}_$round]=$P99; R[cpuq_${n}_$round]=$CPU
    raw "$n" "$SECS"; R[raw_${n}_$round]=$RPS
    echo "round $round, $n learners: lab ${R[labq_${n}_$round]} req/s (p99 ${R[qp99_${n}_$round]} ms, app CPU ${R[cpuq_${n}_$round]} µs/request), pgbench ${R[raw_${n}_$round]} tps, lab/pgbench = $(ratio "${R[labq_${n}_$round]}" "${R[raw_${n}_$round]}")"
  done
done
echo

echo "## 3. platform-database writes per lab run (select 1, 8 warm learners x $PLATFORM_RUNS_PER_LEARNER runs) (at $SECONDS s)"
counters() { # commits, rows written, WAL records, WAL syncs of the platform cluster (its database "netverks")
  sleep 2 # other backends flush their statistics up to ~1 s late
  platform_sql "select d.xact_commit, d.tup_inserted + d.tup_updated + d.tup_deleted, w.wal_records, w.wal_sync
                from pg_stat_database d, pg_stat_wal w where d.datname = 'netverks'"
}
WINDOW=8 # seconds: wrk runs this long (its threads stop after their runs); the baseline idles as long
read -r c0 r0 w0 s0 <<< "$(counters)"
sleep "$WINDOW"
read -r c1 r1 w1 s1 <<< "$(counters)"
out=$(LAB_BODY="$SELECT1_BODY" LAB_MAX_RUNS=$PLATFORM_RUNS_PER_LEARNER wrk -t8 -c8 -d${WINDOW}s -s bench/lab-speed.lua "$RUN_URL") \
  || fail "wrk: $out"
printf '%s\n' "$out" >> "$WORK/wrk.txt"
check_wrk "$out" "platform-writes runs"
RUNS=$(awk '/^answers:/ {print $2}' <<< "$out")
read -r c2 r2 w2 s2 <<< "$(counters)"
[ -n "$s0" ] && [ -n "$s1" ] && [ -n "$s2" ] || fail "could not read the platform cluster's counters on port $PLPORT"
[ "$RUNS" -gt 0 ] || fail "no runs answered"
per_run() { python3 -c "import sys; a = [int(x) for x in sys.argv[1:]]; print(f'{((a[2] - a[1]) - (a[1] - a[0])) / a[3]:.3f}')" "$1" "$2" "$3" "$RUNS"; }
echo "runs answered: $RUNS in ${WINDOW} s (target $((8 * PLATFORM_RUNS_PER_LEARNER)))"
echo "baseline, ${WINDOW} s without runs: $((c1 - c0)) commits, $((r1 - r0)) rows written, $((w1 - w0)) WAL records, $((s1 - s0)) WAL syncs"
echo "with the runs:                $((c2 - c1)) commits, $((r2 - r1)) rows written, $((w2 - w1)) WAL records, $((s2 - s1)) WAL syncs"
CPR=$(per_run "$c0" "$c1" "$c2"); RPR=$(per_run "$r0" "$r1" "$r2"); WPR=$(per_run "$w0" "$w1" "$w2"); SPR=$(per_run "$s0" "$s1" "$s2")
echo "per run, baseline subtracted: $CPR commits (read-only transactions included), $RPR rows written, $WPR WAL records, $SPR WAL syncs"
# a run without its learner's session would have claimed a new sandbox
[ "$(sandboxes)" -eq $((LEARNERS + POOL)) ] || fail "$(sandboxes) sandboxes, not $((LEARNERS + POOL)): some runs lost their learner's session"
echo "sandboxes still $((LEARNERS + POOL)): every run kept its learner's session"
echo

echo "## summary (mean of the two rounds; per-round figures above) (at $SECONDS s)"
printf '| %-52s | %-22s | %-22s | %-8s | %s |\n' "" "8 learners" "32 learners" "target" "verdict"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..54})" "$(printf -- '-%.0s' {1..24})" "$(printf -- '-%.0s' {1..24})" "----------" "--------"
row() { printf '| %-52s | %-22s | %-22s | %-8s | %s |\n' "$@"; }
for n in 8 32; do
  R[lab1_$n]=$(mean "${R[lab1_${n}_1]}" "${R[lab1_${n}_2]}"); R[css_$n]=$(mean "${R[css_${n}_1]}" "${R[css_${n}_2]}")
  R[labq_$n]=$(mean "${R[labq_${n}_1]}" "${R[labq_${n}_2]}"); R[raw_$n]=$(mean "${R[raw_${n}_1]}" "${R[raw_${n}_2]}")
  R[r1_$n]=$(ratio "${R[lab1_$n]}" "${R[css_$n]}"); R[r2_$n]=$(ratio "${R[labq_$n]}" "${R[raw_$n]}")
done
P99=$(python3 -c "import sys; print(max(float(x) for x in sys.argv[1:]))" "${R[p99_32_1]}" "${R[p99_32_2]}")
row "lab select 1, req/s" "${R[lab1_8]}" "${R[lab1_32]}" "" ""
row "static /css/site.css, req/s" "${R[css_8]}" "${R[css_32]}" "" ""
row "1. lab select 1 / static css" "${R[r1_8]}" "${R[r1_32]}" ">= 1.8" "$(at_least "${R[r1_8]}" 1.8) / $(at_least "${R[r1_32]}" 1.8)"
row "1. lab select 1 p99, ms (round 1 / round 2)" "${R[p99_8_1]} / ${R[p99_8_2]}" "${R[p99_32_1]} / ${R[p99_32_2]}" "<= 50 ms" "$(at_most "$P99" 50) (at 32)"
row "app CPU µs/request, round 2: lab select 1 / static" "${R[cpu1_8_2]} / ${R[csscpu_8_2]}" "${R[cpu1_32_2]} / ${R[csscpu_32_2]}" "" ""
row "lab exercise query, req/s" "${R[labq_8]}" "${R[labq_32]}" "" ""
row "pgbench of the same query, tps" "${R[raw_8]}" "${R[raw_32]}" "" ""
row "2. lab query / pgbench" "${R[r2_8]}" "${R[r2_32]}" ">= 0.9" "$(at_least "${R[r2_8]}" 0.9) / $(at_least "${R[r2_32]}" 0.9)"
# the target is writes: xact_commit also counts read-only transactions (a session read when a lab pass is renewed)
row "3. platform rows written / WAL records per run" "$RPR / $WPR" "(8 learners, $RUNS runs)" "0" "$(at_most "$(python3 -c "print(max($RPR, $WPR))")" 0)"
row "   transactions per run, reads included" "$CPR" "" "" ""
echo
grep -cE '^[0-9T:.Z-]+ +ERROR ' "$WORK/app.log" | sed 's/$/ ERROR lines in the app log/' || true
echo "load average at end: $(load)"
stop_app
