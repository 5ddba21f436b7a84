# Shared by the bench scripts (source it after `cd` to the repository root): a work folder and the
# app started by the script, both gone on exit; a free port; waiting for the app to answer; learners
# prepared with curl for bench/lab-speed.lua; wrk's figures and failures.
WORK=$(mktemp -d)
PID=""
APP_LOG="$WORK/app.log" # where the scripts send the app's output
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  # a script with more to stop (bench/pg.sh's servers) defines cleanup_more
  if declare -F cleanup_more > /dev/null; then cleanup_more; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until_up() { # port, log file, seconds (default 60)
  local deadline=$((SECONDS + ${3:-60}))
  while [ "$SECONDS" -lt "$deadline" ]; do
    curl -sf -o /dev/null "http://localhost:$1/" && return 0
    if [ -n "$PID" ] && ! kill -0 "$PID" 2> /dev/null; then break; fi # it stopped (bad settings, say)
    sleep 0.1
  done
  tail -20 "$2"; echo "the app did not start within ${3:-60} s; see $2"; exit 1
}
stop_app() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
sign_up() { # port, app log, cookie jar, e-mail: signs up and confirms the address with the link from the app log
  curl -s -c "$3" -o /dev/null "http://localhost:$1/"
  curl -s -b "$3" -c "$3" -o /dev/null -H "X-XSRF-TOKEN: $(awk '$6 == "XSRF-TOKEN" {print $7}' "$3")" \
       --data-urlencode "email=$4" --data-urlencode "displayName=Bench" \
       --data-urlencode "password=a long benchmark passphrase" "http://localhost:$1/signup"
  local link
  link=$(grep -o "confirmation link for $4 is [^ ]*" "$2" | tail -1 | awk '{print $NF}')
  [ -n "$link" ] || { echo "no confirmation link for $4 in $2"; exit 1; }
  curl -s -b "$3" -c "$3" -o /dev/null -X POST -H "X-XSRF-TOKEN: $(awk '$6 == "XSRF-TOKEN" {print $7}' "$3")" \
       "http://localhost:$1/confirm/${link##*/}"
  curl -s -b "$3" -c "$3" -o /dev/null "http://localhost:$1/" # the new CSRF token after signing in
}

fail() { # to stderr, so that a failure inside $(…) is still seen
  { echo "FAILED: $*"; echo "(the figures above are not valid; app log: the last lines follow)"; tail -20 "$APP_LOG"; } >&2
  exit 1
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
json_body() { python3 -c 'import json, sys; print(json.dumps({"sql": sys.argv[1]}))' "$1"; }
to_ms() { # wrk's "12.34ms", "850.00us" or "1.02s"
  python3 -c "import sys, re; v, u = re.fullmatch(r'([0-9.]+)(us|ms|s|m)', sys.argv[1]).groups(); print(f'{float(v) * {\"us\": 0.001, \"ms\": 1, \"s\": 1000, \"m\": 60000}[u]:.1f}')" "$1"
}

# The typical exercise query of the lab benchmarks, for lesson postgresql/joins (its dataset, practice,
# has the bookings and rooms it joins): which floor of the hotel earned most in June 2025, a join, a
# group by and an order by over a month of the 50,000 bookings. Its cost is close to the query issue
# 15's targets were calibrated on (raw pgbench ran that at ~580/s here); on the shop's tiny tables
# pgbench is ~10x faster and the HTTP request alone would decide the ratio. It answers 8 rows.
EXERCISE_LESSON=postgresql/joins
EXERCISE_QUERY="select r.floor, count(*) as bookings, sum(b.nights) as nights, sum(b.nights * r.rate) as revenue
from bookings as b join rooms as r on r.room = b.room
where b.starts_at >= '2025-06-01' and b.starts_at < '2025-07-01'
group by r.floor
order by revenue desc;"

prepare_learner() { # base URL, lesson, cookie jar, JSON body: a page for the XSRF-TOKEN cookie, then one run
  # (which claims the learner's sandbox); prints the run's answer. The jar is what bench/lab-speed.lua sends.
  local answer
  curl -s -c "$3" -o /dev/null "$1/tracks/$2"
  answer=$(curl -s -b "$3" -c "$3" -w '\n%{http_code}' -H 'Content-Type: application/json' \
                -H "X-XSRF-TOKEN: $(awk '$6 == "XSRF-TOKEN" {print $7}' "$3")" -d "$4" "$1/api/lab/$2/run")
  [ "$(tail -1 <<< "$answer")" = 200 ] || fail "first run with $3: $answer"
  head -1 <<< "$answer"
}

check_wrk() { # wrk output, label: a ratio over failed requests is worthless, so any failure stops the bench
  local bad
  bad=$(grep -E "^non-2xx: [1-9]|Non-2xx or 3xx|Socket errors" <<< "$1" || true)
  if [ -n "$bad" ]; then
    fail "$2: $bad
$(grep -A3 '^non-2xx' <<< "$1" || true)"
  fi
}
sandbox_port() { # data dir: the embedded sandbox cluster's port, once its postmaster.pid says "ready"
  # The cluster starts once the app is ready; the pid file is written in steps, and line 4 (the
  # port) may still be missing from an early read; line 8 is "ready" when it accepts connections.
  for _ in $(seq 1 600); do grep -qs '^ready' "$1/sandboxes/postmaster.pid" && break; sleep 0.2; done
  grep -qs '^ready' "$1/sandboxes/postmaster.pid" || fail "the sandbox cluster in $1 did not start within 120 s"
  sed -n 4p "$1/sandboxes/postmaster.pid"
}
