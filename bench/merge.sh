#!/usr/bin/env bash
# Cost of the largest progress merge the limits allow (learner.ProgressLimits: 20 cards of one lesson
# with 500 ratings each = 10,000 card reviews, ~0.6 MB), sent once (everything new) and then again
# (nothing new: what account-sync.js sends on every page), timed by curl, plus the platform
# PostgreSQL's CPU time for the pair.
# Usage: bench/merge.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package). Needs curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
CARDS=${CARDS:-20}
REVIEWS=${REVIEWS:-500}
source bench/lib.sh
PORT=$(free_port)
java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data" > "$WORK/app.log" 2>&1 &
PID=$!
wait_until_up "$PORT" "$WORK/app.log"
sign_up "$PORT" "$WORK/app.log" "$WORK/cookies" "bench-$RANDOM@example.org"
python3 - "$CARDS" "$REVIEWS" > "$WORK/merge.json" <<'PY'
import datetime, json, sys
cards, reviews = int(sys.argv[1]), int(sys.argv[2])
start = datetime.datetime(2024, 1, 1, 8, tzinfo=datetime.timezone.utc)
def at(day, card):
    return (start + datetime.timedelta(days=day, seconds=card)).strftime("%Y-%m-%dT%H:%M:%SZ")
print(json.dumps({"lessons": {"pg-joins": {"openedAt": at(0, 0), "cards": {
    f"card-{c}": {"reviews": [{"rating": ("good", "good", "again")[d % 3], "ratedAt": at(d, c)}
                             for d in range(reviews)]}
    for c in range(cards)}}}}))
PY
postgres_cpu() { # clock ticks used so far by the embedded clusters: postmasters (with reaped backends) and live backends
  local total=0 pid
  for pid in $(pgrep -f -- "-D $WORK/data" || true); do
    total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
    for child in $(pgrep -P "$pid" || true); do
      total=$((total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
    done
  done
  echo "$total"
}
{
echo "# progress merge of $((CARDS * REVIEWS)) card reviews ($(wc -c < "$WORK/merge.json") bytes), $(date -u +%F), $(nproc) cores"
for run in first repeat; do
  before=$(postgres_cpu)
  result=$(curl -s -o /dev/null -w "%{http_code} %{time_total}" -b "$WORK/cookies" -H "Content-Type: application/json" \
      -H "X-XSRF-TOKEN: $(awk '$6 == "XSRF-TOKEN" {print $7}' "$WORK/cookies")" \
      --data-binary @"$WORK/merge.json" "http://localhost:$PORT/api/progress/merge")
  after=$(postgres_cpu)
  echo "$run merge: HTTP ${result% *}, ${result#* } s, PostgreSQL CPU $(( (after - before) * 10 )) ms"
done
} 2>&1 | tee bench/out/merge-latest.txt
