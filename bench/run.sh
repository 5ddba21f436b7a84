#!/usr/bin/env bash
# Start-up time, lesson-page throughput (vs. the same bytes as a static file) and memory of the app.
# Usage: [BENCH_AOT_JAVA=/path/to/jdk-25/bin/java] [BENCH_STARTUP_ONLY=1] [BENCH_BEFORE_MAKE=old-make-cds-app.sh]
#        [BENCH_STARTUP_RUNS=N] [BENCH_VARIANTS="name,name"] bench/run.sh [path-to-jar] [path-to-baseline-jar]
#        (default: target/learn-netverks.jar in the repo root; no baseline; the baseline's fast forms
#        made by this checkout's bin/make-cds-app.sh, or by BENCH_BEFORE_MAKE, the script of the
#        baseline's commit, when the change under test is in that script)
# Start-up is measured for the jar run as `java -jar` and as the extracted jar with a CDS archive
# (made here by bin/make-cds-app.sh), with and without -XX:TieredStopAtLevel=1; with
# BENCH_AOT_JAVA (a Java 25 or later), also as the extracted jar with that Java's AOT cache and C1,
# with the default collector and with the serial one (bin/make-cds-app.sh makes app.aot with it); with a baseline
# jar (the "before"), its variants run interleaved with the jar's, round by round, so that both
# see the same machine. Throughput is measured for `java -jar` and for extracted + CDS + C1, unless
# BENCH_STARTUP_ONLY=1.
# Writes the report to stdout and to bench/out/latest.txt; app logs go to bench/out/logs/.
set -euo pipefail

# Resolve jars given relative to the caller's directory before moving to the repo root.
absolute() {
    if [[ -n "$1" && "$1" != /* ]]; then echo "$PWD/$1"; else echo "$1"; fi
}
JAR_ARG="$(absolute "${1:-}")"
BEFORE_JAR="$(absolute "${2:-}")"
BEFORE_MAKE_ARG="$(absolute "${BENCH_BEFORE_MAKE:-}")"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$BENCH_DIR/.."
JAR="${JAR_ARG:-$PWD/target/learn-netverks.jar}"
AOT_JAVA="${BENCH_AOT_JAVA:-}"
STARTUP_ONLY="${BENCH_STARTUP_ONLY:-}"
BEFORE_MAKE="${BEFORE_MAKE_ARG:-$PWD/bin/make-cds-app.sh}"

LESSON_PATH="/tracks/postgresql/postgresql-with-python"
STARTUP_TIMEOUT_S=120
STARTUP_RUNS="${BENCH_STARTUP_RUNS:-3}"
WRK_ARGS=(-t2 -c32)
WRK_MEASURE="15s"
WRK_WARMUP="${BENCH_WARMUP:-5s}"   # e.g. BENCH_WARMUP=30s on a busy machine

OUT_DIR="$BENCH_DIR/out"
LOG_DIR="$OUT_DIR/logs"
REPORT="$OUT_DIR/latest.txt"

if [[ -z "$STARTUP_ONLY" ]] && ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed: apt-get install wrk" >&2
    exit 1
fi
if ! command -v curl >/dev/null 2>&1; then
    echo "curl is not installed: apt-get install curl" >&2
    exit 1
fi
if [[ ! -f "$JAR" ]]; then
    echo "No jar at $JAR (build it with ./mvnw -q -B -DskipTests package)" >&2
    exit 1
fi
if [[ -n "$AOT_JAVA" && ! -x "$AOT_JAVA" ]]; then
    echo "BENCH_AOT_JAVA ($AOT_JAVA) is not an executable java" >&2
    exit 1
fi
if [[ -n "$BEFORE_JAR" && ! -f "$BEFORE_JAR" ]]; then
    echo "No baseline jar at $BEFORE_JAR" >&2
    exit 1
fi
if [[ ! -f "$BEFORE_MAKE" ]]; then
    echo "No script at BENCH_BEFORE_MAKE ($BEFORE_MAKE)" >&2
    exit 1
fi

mkdir -p "$LOG_DIR"
WORK="$(mktemp -d /tmp/netverks-bench.XXXXXX)"
# Private copies, so a concurrent `mvnw package` cannot swap the jar under a running benchmark.
cp "$JAR" "$WORK/app.jar"
[[ -n "$BEFORE_JAR" ]] && cp "$BEFORE_JAR" "$WORK/before.jar"

# How each variant is launched: the java, the directory it runs in, the JVM flags and the jar. The
# CDS variants run with -Xshare:on and the AOT ones with -XX:AOTMode=on, so an archive the JVM
# cannot use stops the benchmark instead of being ignored silently.
declare -A VARIANT_JAVA VARIANT_DIR VARIANT_FLAGS VARIANT_JAR
add_variant() { # add_variant NAME JAVA DIR JAR [JVM flags...]
    local name="$1"
    VARIANT_JAVA[$name]="$2"
    VARIANT_DIR[$name]="$3"
    VARIANT_JAR[$name]="$4"
    shift 4
    VARIANT_FLAGS[$name]="$*"
}
VARIANTS=()
if [[ -n "$BEFORE_JAR" ]]; then
    add_variant "before: java -jar" java "$WORK" before.jar
    add_variant "before: CDS+C1" java "$WORK/before-cds" before.jar \
        -Xshare:on -XX:SharedArchiveFile=app.jsa -XX:TieredStopAtLevel=1
    VARIANTS+=("before: java -jar" "before: CDS+C1")
    if [[ -n "$AOT_JAVA" ]]; then
        add_variant "before: AOT+C1" "$AOT_JAVA" "$WORK/before-aot" before.jar \
            -XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m
        add_variant "before: AOT+C1+Serial" "$AOT_JAVA" "$WORK/before-aot" before.jar \
            -XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC
        VARIANTS+=("before: AOT+C1" "before: AOT+C1+Serial")
    fi
fi
add_variant "java -jar" java "$WORK" app.jar
add_variant "CDS" java "$WORK/app-cds" app.jar -Xshare:on -XX:SharedArchiveFile=app.jsa
add_variant "CDS+C1" java "$WORK/app-cds" app.jar -Xshare:on -XX:SharedArchiveFile=app.jsa -XX:TieredStopAtLevel=1
VARIANTS+=("java -jar" "CDS" "CDS+C1")
if [[ -n "$AOT_JAVA" ]]; then
    # C1 only makes the JVM reserve a 48 MB code cache instead of 240 MB, and from Java 20 on a GC
    # runs whenever the code grows by 15 % of that (SweeperThreshold): a full one with the serial
    # collector, in the middle of the start. The tiered size keeps it away (docs/operations.md).
    add_variant "AOT+C1" "$AOT_JAVA" "$WORK/app-aot" app.jar \
        -XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m
    add_variant "AOT+C1+Serial" "$AOT_JAVA" "$WORK/app-aot" app.jar \
        -XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:+UseSerialGC
    VARIANTS+=("AOT+C1" "AOT+C1+Serial")
    # only when BENCH_VARIANTS names it: the same with C1's own 48 MB code cache, for comparison
    add_variant "AOT+C1+Serial (48 MB code cache)" "$AOT_JAVA" "$WORK/app-aot" app.jar \
        -XX:AOTMode=on -XX:AOTCache=app.aot -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
fi
# BENCH_VARIANTS="AOT+C1+Serial,before: AOT+C1+Serial" keeps only those (start-up only): more rounds
# of the forms under test, without the fat jar's 20 s of CPU loading the machine between them.
if [[ -n "${BENCH_VARIANTS:-}" ]]; then
    if [[ -z "$STARTUP_ONLY" ]]; then
        echo "BENCH_VARIANTS needs BENCH_STARTUP_ONLY=1 (throughput is measured on fixed variants)" >&2
        exit 1
    fi
    IFS=',' read -r -a WANTED <<<"$BENCH_VARIANTS"
    KEPT=()
    for wanted in "${WANTED[@]}"; do
        if [[ -z "${VARIANT_DIR[$wanted]:-}" ]]; then
            echo "BENCH_VARIANTS: no variant named '$wanted' here (with this baseline and BENCH_AOT_JAVA: ${VARIANTS[*]})" >&2
            exit 1
        fi
        KEPT+=("$wanted")
    done
    VARIANTS=("${KEPT[@]}")
fi

# The extracted forms the variants run from, each made once by a training run (30-60 s), and only
# those that a variant uses: the jar's by bin/make-cds-app.sh, the baseline's by BENCH_BEFORE_MAKE.
declare -A MADE
for variant in "${VARIANTS[@]}"; do
    dir="${VARIANT_DIR[$variant]}"
    [[ "$dir" == "$WORK" || -n "${MADE[$dir]:-}" ]] && continue   # the fat jar runs as it is
    MADE[$dir]=1
    script="$PWD/bin/make-cds-app.sh"
    [[ "${VARIANT_JAR[$variant]}" == before.jar ]] && script="$BEFORE_MAKE"
    echo "making ${dir#"$WORK/"} with ${VARIANT_JAVA[$variant]} ($script)..."
    JAVA="${VARIANT_JAVA[$variant]}" bash "$script" "$WORK/${VARIANT_JAR[$variant]}" "$dir" >/dev/null
done

APP_PID=""
APP_DATA_DIR=""
LINES=()

say() {
    LINES+=("$*")
    printf '%s\n' "$*"
}

now_ms() {
    echo $(( $(date +%s%N) / 1000000 ))
}

free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! ss -Hltn "sport = :$port" | grep -q .; then
            echo "$port"
            return 0
        fi
    done
    echo "no free port found" >&2
    return 1
}

# PIDs of processes whose command line contains $1 (read from /proc, no pattern matching).
pids_with_cmdline() {
    local needle="$1" dir cmd
    for dir in /proc/[0-9]*; do
        cmd="$(tr '\0' ' ' 2>/dev/null <"$dir/cmdline" || true)"
        if [[ -n "$cmd" && "$cmd" == *"$needle"* ]]; then
            echo "${dir#/proc/}"
        fi
    done
}

vmrss_kb() {
    awk '/^VmRSS:/ {print $2}' 2>/dev/null "/proc/$1/status" || echo 0
}

pss_kb() {
    awk '/^Pss:/ {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0
}

# Postgres processes on a data dir: the postmaster (its cmdline names the dir) and its children
# (checkpointer, walwriter, backends... whose cmdlines do not).
postgres_pids() {
    local datadir="$1" pm
    for pm in $(pids_with_cmdline "$datadir"); do
        [[ "$pm" == "$$" || "$pm" == "$APP_PID" ]] && continue
        if [[ "$(readlink "/proc/$pm/exe" 2>/dev/null || true)" == */postgres ]]; then
            echo "$pm"
            pgrep -P "$pm" || true
        fi
    done
}

start_app() { # start_app VARIANT DATA_DIR PORT LOG [extra args...]
    local variant="$1" datadir="$2" port="$3" log="$4"
    shift 4
    APP_DATA_DIR="$datadir"
    local flags
    read -r -a flags <<<"${VARIANT_FLAGS[$variant]}"
    # exec: APP_PID is the JVM itself, whose CPU time is read from /proc
    (cd "${VARIANT_DIR[$variant]}" && NETVERKS_DATA_DIR="$datadir" SERVER_PORT="$port" \
        exec "${VARIANT_JAVA[$variant]}" "${flags[@]}" -jar "${VARIANT_JAR[$variant]}" "$@") >"$log" 2>&1 &
    APP_PID=$!
}

# Waits for the first 200 on URL; prints milliseconds since START_MS, or fails.
wait_for_200() { # wait_for_200 URL START_MS LOG
    local url="$1" start="$2" log="$3" code
    while true; do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" || true)"
        if [[ "$code" == "200" ]]; then
            echo $(( $(now_ms) - start ))
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            echo "app exited before serving $url; log tail:" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        if (( $(now_ms) - start > STARTUP_TIMEOUT_S * 1000 )); then
            echo "no 200 from $url within ${STARTUP_TIMEOUT_S}s; log tail:" >&2
            tail -n 30 "$log" >&2
            return 1
        fi
        sleep 0.05
    done
}

stop_app() {
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        local waited=0
        while kill -0 "$APP_PID" 2>/dev/null && (( waited < 600 )); do
            sleep 0.1
            waited=$(( waited + 1 ))
        done
        if kill -0 "$APP_PID" 2>/dev/null; then
            echo "app (pid $APP_PID) ignored SIGTERM for 60 s; sending SIGKILL" >&2
            kill -KILL "$APP_PID" 2>/dev/null || true
        fi
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=""
    if [[ -n "$APP_DATA_DIR" ]]; then
        local stragglers
        stragglers="$(postgres_pids "$APP_DATA_DIR" | tr '\n' ' ')"
        if [[ -n "${stragglers// /}" ]]; then
            STRAGGLERS_FOUND=$(( ${STRAGGLERS_FOUND:-0} + 1 ))
            echo "postgres left running on $APP_DATA_DIR (pids $stragglers); stopping it" >&2
            local pid
            for pid in $stragglers; do kill -INT "$pid" 2>/dev/null || true; done
            sleep 2
            for pid in $stragglers; do kill -KILL "$pid" 2>/dev/null || true; done
        fi
    fi
}

cleanup() {
    stop_app
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Log lines "2026-..Z ... text": milliseconds between the first lines matching two patterns.
log_gap_ms() { # log_gap_ms LOG FROM_PATTERN TO_PATTERN
    local a b
    a="$(grep -m1 -- "$2" "$1" | cut -d' ' -f1 || true)"
    b="$(grep -m1 -- "$3" "$1" | cut -d' ' -f1 || true)"
    if [[ -n "$a" && -n "$b" ]]; then
        echo $(( ( $(date -d "$b" +%s%N) - $(date -d "$a" +%s%N) ) / 1000000 ))
    else
        echo "?"
    fi
}

# "Started Spring x s, JVM x s; embedded PG start x ms; migrated x ms after it was ready" for one log.
startup_breakdown() {
    local log="$1" started pg migrated
    started="$(grep -o 'Started NetverksApplication in [0-9.]* seconds (process running for [0-9.]*)' "$log" \
        | sed -E 's/Started NetverksApplication in ([0-9.]+) seconds \(process running for ([0-9.]+)\)/Spring \1 s, JVM \2 s/' || true)"
    pg="$(grep -o 'Embedded platform PostgreSQL ready on port [0-9]* after [0-9]* ms' "$log" | grep -o '[0-9]* ms$' || true)"
    if [[ -z "$pg" ]]; then # a jar from before the head start logged no ready line
        pg="$(log_gap_ms "$log" 'starting embedded PostgreSQL' 'platform - Starting...') ms"
    fi
    migrated="$(log_gap_ms "$log" 'Embedded platform PostgreSQL ready' 'Successfully applied')"
    echo "log: Started ${started:-?}; embedded PG start ${pg:-?}; migrated ${migrated} ms after it was ready"
}

# CPU seconds (user + system) the JVM has used so far: less sensitive to a busy machine than wall time.
cpu_s() {
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / hz }' "/proc/$1/stat" 2>/dev/null || echo "?"
}

ms_to_s() {
    awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

PG_CACHE_NOTE="present before this run (binaries not extracted again)"
if ! ls -d /tmp/embedded-pg/PG-* >/dev/null 2>&1; then
    PG_CACHE_NOTE="ABSENT before this run: the first start below also extracted the PostgreSQL binaries"
fi

say "Learn Netverks benchmark — $(date -Iseconds)"
say "jar: $JAR ($(du -h "$JAR" | cut -f1))"
say "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "java: $(java -version 2>&1 | head -n1)"
[[ -n "$AOT_JAVA" ]] && say "java for the AOT variants: $("$AOT_JAVA" -version 2>&1 | head -n1)"
[[ -z "$STARTUP_ONLY" ]] && say "wrk: $(wrk --version 2>&1 | head -n1 | cut -d' ' -f1-2)"
say "/tmp/embedded-pg: $PG_CACHE_NOTE"
OTHER_JAVA="$(pgrep -c -x java || true)"
say "other java processes already running on this machine: ${OTHER_JAVA:-0} (a busy machine skews every figure below)"
say ""

# ---------------------------------------------------------------------------------------------
# (a) Start-up: launch -> first 200 on the lesson page.
# ---------------------------------------------------------------------------------------------
say "== Start-up: launch to first HTTP 200 on $LESSON_PATH, empty data dir, variants interleaved per round (even rounds in reverse order) =="
for variant in "${VARIANTS[@]}"; do
    dir="${VARIANT_DIR[$variant]#"$WORK"}"
    say "  $variant: (cd ${dir:-.} && ${VARIANT_JAVA[$variant]} ${VARIANT_FLAGS[$variant]} -jar ${VARIANT_JAR[$variant]})"
done
declare -A TIMES CPUS
DATA_DIR=""
for run in $(seq 1 "$STARTUP_RUNS"); do
    # every other round in reverse order: a variant run right after the heavy ones (whose
    # PostgreSQL writes are still being flushed) is not always the same one
    ORDER=("${VARIANTS[@]}")
    if (( run % 2 == 0 )); then
        ORDER=()
        for (( i = ${#VARIANTS[@]} - 1; i >= 0; i-- )); do ORDER+=("${VARIANTS[i]}"); done
    fi
    for variant in "${ORDER[@]}"; do
        slug="${variant//[^a-zA-Z0-9]/-}"
        DATA_DIR="$WORK/data-$slug-$run"
        LOG="$LOG_DIR/startup-empty-$slug-$run.log"
        for attempt in 1 2 3; do
            rm -rf "$DATA_DIR"
            mkdir -p "$DATA_DIR"
            PORT="$(free_port)"
            T0="$(now_ms)"
            start_app "$variant" "$DATA_DIR" "$PORT" "$LOG"
            if MS="$(wait_for_200 "http://localhost:$PORT$LESSON_PATH" "$T0" "$LOG")"; then
                break
            fi
            stop_app
            # another process on this busy machine took the free port meanwhile: start again, empty
            grep -q "Port $PORT was already in use" "$LOG" && (( attempt < 3 )) || exit 1
            say "  (round $run, $variant: port $PORT was taken by another process meanwhile; started again)"
        done
        CPU="$(cpu_s "$APP_PID")"
        stop_app
        TIMES[$variant]+="$MS "
        CPUS[$variant]+="$CPU "
        say "  round $run, $(printf '%-18s' "$variant") $(ms_to_s "$MS") s, JVM CPU ${CPU} s   ($(startup_breakdown "$LOG"))"
    done
done
say "  load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
for variant in "${VARIANTS[@]}"; do
    read -r -a times <<<"${TIMES[$variant]}"
    read -r -a cpus <<<"${CPUS[$variant]}"
    MEDIAN_MS="$(median "${times[@]}")"
    if (( MEDIAN_MS <= 5000 )); then verdict="MET"; else verdict="NOT MET"; fi
    say "  median $(printf '%-18s' "$variant") $(ms_to_s "$MEDIAN_MS") s, JVM CPU $(median "${cpus[@]}") s   target 'first 200 within 5 s': $verdict"
done

WARM_VARIANTS=("java -jar" "CDS+C1")
[[ -n "$AOT_JAVA" ]] && WARM_VARIANTS+=("AOT+C1")
for variant in "${WARM_VARIANTS[@]}"; do
    [[ -n "${TIMES[$variant]:-}" ]] || continue   # not among BENCH_VARIANTS
    PORT="$(free_port)"
    slug="${variant//[^a-zA-Z0-9]/-}"
    DATA_DIR="$WORK/data-$slug-$STARTUP_RUNS"
    LOG="$LOG_DIR/startup-warm-$slug.log"
    T0="$(now_ms)"
    start_app "$variant" "$DATA_DIR" "$PORT" "$LOG"
    WARM_MS="$(wait_for_200 "http://localhost:$PORT$LESSON_PATH" "$T0" "$LOG")"
    CPU="$(cpu_s "$APP_PID")"
    stop_app
    say "  warm data dir, $(printf '%-18s' "$variant") $(ms_to_s "$WARM_MS") s, JVM CPU ${CPU} s   ($(startup_breakdown "$LOG"))"
done
say ""

# ---------------------------------------------------------------------------------------------
# (b) and (c): throughput and memory.
# ---------------------------------------------------------------------------------------------
# JVM CPU ticks (user + system) so far.
cpu_ticks() {
    awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"
}
HZ="$(getconf CLK_TCK)"
# Runs wrk once; prints requests/s and records a summary line.
measure() { # measure LABEL URL
    local label="$1" url="$2" out rps lat non2xx sock t0 t1 reqs
    t0="$(cpu_ticks "$APP_PID")"
    out="$(wrk "${WRK_ARGS[@]}" -d"$WRK_MEASURE" --latency "$url")"
    t1="$(cpu_ticks "$APP_PID")"
    reqs="$(awk '/requests in/ {print $1}' <<<"$out")"
    # The app's CPU per request does not depend much on what else the machine runs.
    MEASURE_CPU_US="$(awk -v t=$(( t1 - t0 )) -v hz="$HZ" -v n="$reqs" 'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }')"
    printf '%s\n' "$out" >>"$LOG_DIR/wrk.txt"
    rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
    lat="$(awk '$1 == "Latency" {print $2; exit}' <<<"$out")"
    p99="$(awk '$1 == "99%" {print $2; exit}' <<<"$out")"
    non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")"
    sock="$(grep -o 'Socket errors:.*' <<<"$out" || true)"
    local extra=""
    [[ -n "$non2xx" ]] && extra+="  NON-2xx/3xx: $non2xx" && WRK_FAILURES=$(( WRK_FAILURES + non2xx ))
    [[ -n "$sock" ]] && extra+="  $sock"
    MEASURE_LINE="$(printf '  %-8s %10s req/s   avg latency %-8s p99 %-8s  app CPU %5s µs/request%s' \
        "$label" "$rps" "$lat" "$p99" "$MEASURE_CPU_US" "$extra")"
    MEASURE_RPS="$rps"
}
: >"$LOG_DIR/wrk.txt"

# (b) Throughput: the dynamic lesson page vs. the same bytes served as a static file, then
# (c) memory after that run; for one variant, on its warm data dir from the start-up runs.
throughput_and_memory() { # throughput_and_memory VARIANT
    local variant="$1" slug
    slug="${variant//[^a-zA-Z0-9]/-}"
    DATA_DIR="$WORK/data-$slug-$STARTUP_RUNS"
    WRK_FAILURES=0
    say "== Throughput, $variant: wrk ${WRK_ARGS[*]} -d$WRK_MEASURE after a $WRK_WARMUP warm-up of each URL, no extra headers (no gzip) =="
    STATIC_DIR="$WORK/static-$slug"
    mkdir -p "$STATIC_DIR"
    PORT="$(free_port)"
    LOG="$LOG_DIR/throughput-capture-$slug.log"
    T0="$(now_ms)"
    start_app "$variant" "$DATA_DIR" "$PORT" "$LOG"
    wait_for_200 "http://localhost:$PORT$LESSON_PATH" "$T0" "$LOG" >/dev/null
    curl -s -o "$STATIC_DIR/lesson.html" "http://localhost:$PORT$LESSON_PATH"
    stop_app

    PORT="$(free_port)"
    LOG="$LOG_DIR/throughput-$slug.log"
    DYN_URL="http://localhost:$PORT$LESSON_PATH"
    STATIC_URL="http://localhost:$PORT/lesson.html"
    T0="$(now_ms)"
    start_app "$variant" "$DATA_DIR" "$PORT" "$LOG" "--spring.web.resources.static-locations=classpath:/static/,file:$STATIC_DIR/"
    wait_for_200 "$DYN_URL" "$T0" "$LOG" >/dev/null
    wait_for_200 "$STATIC_URL" "$T0" "$LOG" >/dev/null

    SAVED_BYTES="$(wc -c <"$STATIC_DIR/lesson.html")"
    DYN_BYTES="$(curl -s "$DYN_URL" | wc -c)"
    STATIC_BYTES="$(curl -s "$STATIC_URL" | wc -c)"
    if [[ "$DYN_BYTES" == "$SAVED_BYTES" && "$STATIC_BYTES" == "$SAVED_BYTES" ]]; then
        say "  body size: dynamic $DYN_BYTES B = static $STATIC_BYTES B (identical byte counts)"
    else
        say "  WARNING body sizes differ: saved $SAVED_BYTES B, dynamic $DYN_BYTES B, static $STATIC_BYTES B"
    fi
    if curl -s "$DYN_URL" | cmp -s - "$STATIC_DIR/lesson.html"; then
        say "  dynamic body is byte-for-byte the saved file"
    else
        say "  note: dynamic body differs in content from the saved file (same size check above)"
    fi

    wrk "${WRK_ARGS[@]}" -d"$WRK_WARMUP" "$DYN_URL" >/dev/null
    wrk "${WRK_ARGS[@]}" -d"$WRK_WARMUP" "$STATIC_URL" >/dev/null

    measure dynamic "$DYN_URL"; say "$MEASURE_LINE"; D1="$MEASURE_RPS"; DC1="$MEASURE_CPU_US"
    measure static "$STATIC_URL"; say "$MEASURE_LINE"; S1="$MEASURE_RPS"; SC1="$MEASURE_CPU_US"
    measure dynamic "$DYN_URL"; say "$MEASURE_LINE"; D2="$MEASURE_RPS"; DC2="$MEASURE_CPU_US"
    measure static "$STATIC_URL"; say "$MEASURE_LINE"; S2="$MEASURE_RPS"; SC2="$MEASURE_CPU_US"
    read -r DYN_MEAN STATIC_MEAN RATIO < <(awk -v d1="$D1" -v d2="$D2" -v s1="$S1" -v s2="$S2" \
        'BEGIN { d = (d1 + d2) / 2; s = (s1 + s2) / 2; printf "%.0f %.0f %.3f\n", d, s, d / s }')
    say "  mean: dynamic $DYN_MEAN req/s, static $STATIC_MEAN req/s, ratio dynamic/static = $RATIO"
    say "  second pair only (JIT warmer): ratio dynamic/static = $(awk -v d="$D2" -v s="$S2" 'BEGIN { printf "%.3f", d / s }')"
    say "  app CPU per request, second pair: dynamic $DC2 µs, static $SC2 µs; static/dynamic CPU cost =" \
        "$(awk -v d="$DC2" -v s="$SC2" 'BEGIN { printf "%.3f", d ? s / d : 0 }') (where the ratio tends if the app alone is CPU-bound)"
    if awk -v r="$RATIO" 'BEGIN { exit !(r >= 0.5) }'; then
        say "  target 'lesson page >= 0.5 x static throughput': MET"
    else
        say "  target 'lesson page >= 0.5 x static throughput': NOT MET"
    fi
    if (( WRK_FAILURES > 0 )); then
        say "  WARNING: wrk counted $WRK_FAILURES non-2xx/3xx responses"
    fi
    say ""

    say "== Memory after the throughput run, $variant =="
    APP_RSS="$(vmrss_kb "$APP_PID")"
    PG_PIDS="$(postgres_pids "$DATA_DIR" | sort -u)"
    PM_RSS=0; PM_COUNT=0; PG_RSS=0; PG_PSS=0; PG_COUNT=0
    for pid in $PG_PIDS; do
        r="$(vmrss_kb "$pid")"
        PG_RSS=$(( PG_RSS + r ))
        PG_PSS=$(( PG_PSS + $(pss_kb "$pid") ))
        PG_COUNT=$(( PG_COUNT + 1 ))
        if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$DATA_DIR"; then
            PM_RSS=$(( PM_RSS + r ))
            PM_COUNT=$(( PM_COUNT + 1 ))
        fi
    done
    say "  app JVM (pid $APP_PID) VmRSS: $(( APP_RSS / 1024 )) MiB"
    say "  embedded postgres, $PM_COUNT postmaster(s) alone (cmdline names the data dir): VmRSS $(( PM_RSS / 1024 )) MiB"
    say "  embedded postgres, $PM_COUNT postmaster(s) + $(( PG_COUNT - PM_COUNT )) children: VmRSS sum $(( PG_RSS / 1024 )) MiB (shared memory counted once per process), PSS sum $(( PG_PSS / 1024 )) MiB"
    stop_app
    say ""
}
if [[ -z "$STARTUP_ONLY" ]]; then
    throughput_and_memory "java -jar"
    throughput_and_memory "CDS+C1"
fi

count_in_logs() {
    cat "$LOG_DIR"/*.log | grep -cE -- "$1" || true
}
say "app logs (bench/out/logs/): $(count_in_logs '^[0-9T:.Z-]+ +ERROR ') ERROR and $(count_in_logs '^[0-9T:.Z-]+ +WARN ') WARN entries;" \
    "caused by a client disconnecting (ClientAbortException): $(count_in_logs '^org.apache.catalina.connector.ClientAbortException')," \
    "IllegalStateException 'getOutputStream() has already been called' while writing an error page: $(count_in_logs '^java.lang.IllegalStateException: getOutputStream')"
if [[ -n "${STRAGGLERS_FOUND:-}" ]]; then
    say "WARNING: postgres was still running after the app stopped ${STRAGGLERS_FOUND} time(s); killed"
else
    say "no postgres processes were left behind after SIGTERM"
fi
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%s\n' "${LINES[@]}" >"$REPORT"
echo
echo "report written to $REPORT"
