#!/usr/bin/env bash
# Makes the fast-starting form of the app (Spring Boot's documented class-data sharing set-up):
# the jar extracted with `-Djarmode=tools`, plus what a training run records while the app starts
# and serves its first pages: on Java 17 to 24 a CDS archive of the classes it loads (app.jsa); on
# Java 25 and later an AOT cache (app.aot, JEP 483/514/515), which also keeps the classes linked
# and the methods' profiles, and starts faster still (docs/operations.md, "Start").
#
# Usage: [JAVA=/path/to/bin/java] bin/make-cds-app.sh [JAR] [DESTINATION]
#        (defaults: `java` on the PATH, target/learn-netverks.jar and target/app)
# Then:  cd DESTINATION && java -XX:SharedArchiveFile=app.jsa -jar learn-netverks.jar   (17 to 24)
#        cd DESTINATION && java -XX:AOTCache=app.aot -jar learn-netverks.jar            (25 and later)
#
# Either is used only with the same Java and from the same files: run the app from DESTINATION,
# with the jar and lib/ exactly as made here (the JVM ignores it otherwise, silently; add
# -Xshare:on, or -XX:AOTMode=on for the AOT cache, once to have it refuse to start instead).
set -euo pipefail

JAR="${1:-target/learn-netverks.jar}"
DEST="${2:-target/app}"
if [[ ! -f "$JAR" ]]; then
    echo "No jar at $JAR (build it with ./mvnw -DskipTests package)" >&2
    exit 1
fi
JAR_NAME="$(basename "$JAR")"
JAVA="${JAVA:-java}"
# The JVM's feature version: 17 from "17.0.15", 25 from "25" or "25.0.1".
FEATURE="$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')"
if (( ${FEATURE:-0} >= 25 )); then
    ARCHIVE=app.aot
    TRAIN_FLAG="-XX:AOTCacheOutput=$ARCHIVE"
    RUN_FLAG="-XX:AOTCache=$ARCHIVE"
else
    ARCHIVE=app.jsa
    TRAIN_FLAG="-XX:ArchiveClassesAtExit=$ARCHIVE"
    RUN_FLAG="-XX:SharedArchiveFile=$ARCHIVE"
fi

# DEST is emptied rather than removed: in an image build it is a folder that the (unprivileged)
# builder owns in a parent that it may not write to.
mkdir -p "$DEST"
find "$DEST" -mindepth 1 -delete
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST"

# The training run starts the app on a throwaway data folder, as an operator's first start would
# (its embedded PostgreSQL, the migration, the web server), asks for the pages a first visitor sees,
# then stops it (SIGTERM: Spring's orderly shutdown, which also stops that PostgreSQL), and the JVM
# writes what it recorded at exit (Java 25: a second JVM then assembles the cache). Stopping at the
# context's refresh instead (spring.context.exit=onRefresh) would leave out everything the first
# page waits for after it: the migration, the web server's start and the first request, which is
# most of the classes that a started app still loaded from its jars (bench/RESULTS.md).
TRAINING="$(mktemp -d "${TMPDIR:-/tmp}/netverks-cds-training.XXXXXX")"
APP_PID=
stop_training() {
    local pidfile pid waited
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        kill -TERM "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    # a PostgreSQL left running by an app that died (it stops its own when it shuts down)
    for pidfile in "$TRAINING"/*/postmaster.pid; do
        [[ -f "$pidfile" ]] || continue
        pid="$(head -n 1 "$pidfile")"
        # SIGINT is PostgreSQL's fast shutdown
        kill -INT "$pid" 2>/dev/null || continue
        waited=0
        while kill -0 "$pid" 2>/dev/null && (( waited < 300 )); do
            sleep 0.1
            waited=$(( waited + 1 ))
        done
    done
    rm -rf "$TRAINING"
}
trap stop_training EXIT

training_failed() {
    echo "The training run failed: $1; its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
}

echo "Training run (starts the app on a throwaway data folder, opens its first pages, stops it)..."
(cd "$DEST" && NETVERKS_DATA_DIR="$TRAINING" SERVER_PORT=0 SERVER_ADDRESS=127.0.0.1 NETVERKS_LOG_FORMAT=text \
    exec "$JAVA" "$TRAIN_FLAG" -jar "$JAR_NAME") >"$TRAINING/training.log" 2>&1 &
APP_PID=$!
PORT=
for (( waited = 0; waited < 3000; waited++ )); do   # 5 minutes: a loaded build machine is slow
    kill -0 "$APP_PID" 2>/dev/null || training_failed "the app stopped"
    if grep -q 'Started NetverksApplication' "$TRAINING/training.log"; then
        PORT="$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$TRAINING/training.log" | head -n 1)"
        break
    fi
    sleep 0.1
done
[[ -n "$PORT" ]] || training_failed "the app did not start within 5 minutes"
"$(dirname "${BASH_SOURCE[0]}")/visit-first-pages.sh" "$PORT" 2>>"$TRAINING/training.log" \
    || training_failed "the first pages did not all answer"
kill -TERM "$APP_PID"
wait "$APP_PID" || true   # 143: ended by the SIGTERM
APP_PID=
if [[ ! -s "$DEST/$ARCHIVE" ]]; then
    echo "The training run wrote no archive ($DEST/$ARCHIVE); its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
fi
echo "Made $DEST ($(du -sh "$DEST" | cut -f1), archive $(du -h "$DEST/$ARCHIVE" | cut -f1)). Start it with:"
echo "  cd $DEST && $JAVA $RUN_FLAG -jar $JAR_NAME"
