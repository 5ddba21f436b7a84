#!/usr/bin/env bash
# Makes the fast-starting form of the app (Spring Boot's documented class-data sharing set-up):
# the jar extracted with `-Djarmode=tools`, plus what a training run records while the application
# context starts: on Java 17 to 24 a CDS archive of the classes it loads (app.jsa); on Java 25 and
# later an AOT cache (app.aot, JEP 483/514/515), which also keeps the classes linked and the
# methods' profiles, and starts faster still (docs/operations.md, "Start").
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

rm -rf "$DEST"
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DEST"

# The training run starts the app on a throwaway data folder and ends once the context is
# refreshed (spring.context.exit=onRefresh), dumping the classes loaded so far (Java 25: then a
# second JVM assembles the cache from what the first one recorded). That exit halts
# the JVM: no shutdown hook runs, so the embedded PostgreSQL it started is stopped below.
TRAINING="$(mktemp -d "${TMPDIR:-/tmp}/netverks-cds-training.XXXXXX")"
stop_training_postgres() {
    local pidfile pid waited
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
trap stop_training_postgres EXIT

echo "Training run (starts the app once on a throwaway data folder, then exits)..."
if ! (cd "$DEST" && NETVERKS_DATA_DIR="$TRAINING" SERVER_PORT=0 \
        "$JAVA" "$TRAIN_FLAG" -Dspring.context.exit=onRefresh -jar "$JAR_NAME" \
        >"$TRAINING/training.log" 2>&1); then
    echo "The training run failed; its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
fi
if [[ ! -s "$DEST/$ARCHIVE" ]]; then
    echo "The training run wrote no archive ($DEST/$ARCHIVE); its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
fi
echo "Made $DEST ($(du -sh "$DEST" | cut -f1), archive $(du -h "$DEST/$ARCHIVE" | cut -f1)). Start it with:"
echo "  cd $DEST && $JAVA $RUN_FLAG -jar $JAR_NAME"
