# Shared by the bench scripts (source it after `cd` to the repository root): a work folder and the
# app started by the script, both gone on exit; a free port; waiting for the app to answer.
WORK=$(mktemp -d)
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_until_up() { # port, log file
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://localhost:$1/" && return 0
    sleep 0.1
  done
  echo "the app did not start; see $2"; exit 1
}
stop_app() { kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""; }
