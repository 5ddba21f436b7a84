# PostgreSQL servers for a bench script, from the binaries zonky unpacked for the app
# (/tmp/embedded-pg/PG-*/bin: run the app once to get them). Source it after bench/lib.sh: each
# server lives in $WORK/pg-NAME and is stopped by lib.sh's cleanup, even when the bench fails.
# As root, initdb and postgres run in a user namespace of their own (unshare -U, as zonky does),
# because PostgreSQL refuses to run as root.
PG_BIN=$(ls -d /tmp/embedded-pg/PG-*/bin 2> /dev/null | head -1)
[ -x "$PG_BIN/pg_ctl" ] || { echo "no PostgreSQL binaries under /tmp/embedded-pg (start the app once to unpack them)"; exit 1; }
PG_NAMES=()
as_postgres() { if [ "$(id -u)" = 0 ]; then unshare -U "$@"; else "$@"; fi; }

start_pg() { # name, port, superuser password, then postgresql.conf settings as name=value
  local name=$1 port=$2 password=$3 dir="$WORK/pg-$1" options
  shift 3
  printf '%s\n' "$password" > "$WORK/pg-$name.password"
  as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --pwfile="$WORK/pg-$name.password" -E UTF8 --locale=C.UTF-8 > "$WORK/pg-$name-initdb.log" 2>&1 \
    || { cat "$WORK/pg-$name-initdb.log"; fail "initdb of $name"; }
  options="-p $port -c listen_addresses=localhost -c unix_socket_directories=$dir"
  for setting in "$@"; do options="$options -c $setting"; done
  PG_NAMES+=("$name")
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$WORK/pg-$name.log" -w -t 60 -o "$options" start > /dev/null \
    || { tail -20 "$WORK/pg-$name.log"; fail "could not start PostgreSQL $name"; }
}

stop_pg() { # name: stops it (fast: open sessions are ended) and deletes its data
  local dir="$WORK/pg-$1"
  [ -f "$dir/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w -t 60 stop > /dev/null 2>&1
  if [ -f "$dir/postmaster.pid" ]; then kill -KILL "$(head -1 "$dir/postmaster.pid")" 2> /dev/null; fi
  rm -rf "$dir"
}

cleanup_more() { # lib.sh's cleanup calls it on exit
  for name in "${PG_NAMES[@]}"; do stop_pg "$name"; done
}

pg_port() { sed -n 4p "$WORK/pg-$1/postmaster.pid"; } # line 4 of postmaster.pid is the port
pg_sql() { # name, database, SQL: as the superuser, unaligned, no header
  PGPASSWORD=$(cat "$WORK/pg-$1.password") psql -X -qAt -F ' ' -v ON_ERROR_STOP=1 -h localhost -p "$(pg_port "$1")" \
    -U postgres -d "$2" -c "$3"
}

pg_pids() { # name: the postmaster and its children
  local postmaster
  postmaster=$(head -1 "$WORK/pg-$1/postmaster.pid")
  echo "$postmaster" $(pgrep -P "$postmaster")
}

pg_pss_kb() { # name: proportional set size of the server, all its processes (shared buffers counted once)
  local total=0 pss
  for pid in $(pg_pids "$1"); do
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2> /dev/null || echo 0)
    total=$((total + ${pss:-0}))
  done
  echo "$total"
}

pg_cpu_ticks() { # name: CPU time of the server so far, in clock ticks: the postmaster with its ended
  # children (cutime + cstime, which it reaped) and the children still running
  local postmaster total=0
  postmaster=$(head -1 "$WORK/pg-$1/postmaster.pid")
  total=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$postmaster/stat")
  for pid in $(pgrep -P "$postmaster"); do
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2> /dev/null || echo 0)))
  done
  echo "$total"
}
