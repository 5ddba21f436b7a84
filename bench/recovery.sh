#!/usr/bin/env bash
# Fault drill: kills (SIGKILL) the postmaster of each embedded cluster under a running app and measures,
# with one request every 100 ms from a signed-in learner, how long requests take while it is down
# (they must be quick 503s) and the time from the kill to the first successful request.
# Usage: bench/recovery.sh [path-to-jar]   (build first: ./mvnw -q -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${1:-target/learn-netverks.jar}
OUT=bench/out/recovery-latest.txt
RUN=/api/lab/postgresql/postgresql-with-python/run
mkdir -p bench/out
source bench/lib.sh
PORT=$(free_port)
java -jar "$JAR" --server.port="$PORT" --netverks.data-dir="$WORK/data" --netverks.lab.warm-pool-size=0 \
    > "$WORK/app.log" 2>&1 &
PID=$!
wait_until_up "$PORT" "$WORK/app.log"
COOKIES="$WORK/cookies"
curl -s -c "$COOKIES" -o /dev/null "http://localhost:$PORT/"
TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES")
curl -s -b "$COOKIES" -c "$COOKIES" -o /dev/null -H "X-XSRF-TOKEN: $TOKEN" \
     --data-urlencode "email=drill-$RANDOM@example.org" --data-urlencode "displayName=Drill" \
     --data-urlencode "password=a long benchmark passphrase" "http://localhost:$PORT/signup"
TOKEN=$(awk '$6 == "XSRF-TOKEN" {print $7}' "$COOKIES")

SESSION=$(awk '$6 == "SESSION" {print $7}' "$COOKIES")
# One request every 100 ms until the first 200, timed in one process (forking per request skews the
# figures on a loaded machine). Prints when the first 503 and the first 200 came, and the slowest answer.
drill() { # cluster folder, method, path
  python3 - "$WORK/data/$1" "$2" "$3" "$PORT" "$SESSION" "$TOKEN" <<'PY'
import os, sys, time, urllib.request, urllib.error
folder, method, path, port, session, token = sys.argv[1:]
def request():
    data = b'{"sql":"select 1"}' if method == "POST" else None
    req = urllib.request.Request(f"http://localhost:{port}{path}", data=data, method=method, headers={
        "Cookie": f"SESSION={session}; XSRF-TOKEN={token}", "X-XSRF-TOKEN": token,
        "Content-Type": "application/json", "Accept": "*/*" if method == "POST" else "text/html"})
    start = time.monotonic()
    try:
        status = urllib.request.urlopen(req, timeout=30).status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, time.monotonic() - start
before = request()
assert before[0] == 200, f"not working before the kill: {before}"
time.sleep(2)
pid = int(open(os.path.join(folder, "postmaster.pid")).readline())
os.kill(pid, 9)
killed = time.monotonic()
first_503, slowest = None, 0.0
while True:
    status, took = request()
    slowest = max(slowest, took)
    if status == 200:
        break
    assert status == 503, f"answered {status} while down"
    first_503 = first_503 or time.monotonic() - killed
    assert time.monotonic() - killed < 120, "not back after 120 s"
    time.sleep(0.1)
print(f"{os.path.basename(folder)} cluster: kill -9 of postmaster {pid}; first 503 after {first_503 * 1000:.0f} ms; "
      f"slowest answer while down {slowest * 1000:.0f} ms; first 200 after {(time.monotonic() - killed) * 1000:.0f} ms")
PY
}
{
echo "# recovery after kill -9, $(date -u +%F), $(nproc) cores, $(java -version 2>&1 | head -1)"
drill sandboxes POST $RUN
drill platform GET /me
grep -E "has stopped unexpectedly|runs again" "$WORK/app.log" | sed -E 's/^([^ ]+) .*EmbeddedClusterSupervisor +: /\1 /'
uptime
} 2>&1 | tee "$OUT"
