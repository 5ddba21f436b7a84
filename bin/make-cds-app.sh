#!/usr/bin/env bash
# Makes the fast-starting form of the app (Spring Boot's documented class-data sharing set-up):
# the jar extracted with `-Djarmode=tools`, plus a CDS archive (app.jsa) of the classes that a
# training run loads while the application context starts.
#
# Usage: bin/make-cds-app.sh [JAR] [DESTINATION]
#        (defaults: target/learn-netverks.jar and target/app, relative to the current directory)
# Then:  cd DESTINATION && java -XX:SharedArchiveFile=app.jsa -jar learn-netverks.jar
#
# The archive is used only with the same Java and from the same files: run the app from
# DESTINATION, with the jar and lib/ exactly as made here (the JVM ignores the archive otherwise,
# silently; add -Xshare:on once to have it refuse to start instead).
set -euo pipefail

JAR="${1:-target/learn-netverks.jar}"
DEST="${2:-target/app}"
if [[ ! -f "$JAR" ]]; then
    echo "No jar at $JAR (build it with ./mvnw -DskipTests package)" >&2
    exit 1
fi
JAR_NAME="$(basename "$JAR")"

rm -rf "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST"

# The training run starts the app on a throwaway data folder and ends once the context is
# refreshed (spring.context.exit=onRefresh), dumping the classes loaded so far. That exit halts
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
        java -XX:ArchiveClassesAtExit=app.jsa -Dspring.context.exit=onRefresh -jar "$JAR_NAME" \
        >"$TRAINING/training.log" 2>&1); then
    echo "The training run failed; its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
fi
if [[ ! -s "$DEST/app.jsa" ]]; then
    echo "The training run wrote no archive ($DEST/app.jsa); its log:" >&2
    tail -n 40 "$TRAINING/training.log" >&2
    exit 1
fi
echo "Made $DEST ($(du -sh "$DEST" | cut -f1), archive $(du -h "$DEST/app.jsa" | cut -f1)). Start it with:"
echo "  cd $DEST && java -XX:SharedArchiveFile=app.jsa -jar $JAR_NAME"
