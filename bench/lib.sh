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
