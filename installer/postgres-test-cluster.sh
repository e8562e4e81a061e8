#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests of the gemeente store on PostgreSQL.
#
#     bash installer/postgres-test-cluster.sh run -- CMD ARGS...   # start, run CMD, stop
#     bash installer/postgres-test-cluster.sh start                # prints the export line
#     bash installer/postgres-test-cluster.sh stop DIR             # DIR from `start`
#
# Installs Debian's `postgresql` when missing, makes a cluster with initdb in a fresh temporary
# folder (as the `postgres` system user when run as root: initdb and the server refuse root),
# and starts it on a free port of 127.0.0.1 only, its unix socket inside that folder. Login is
# `trust` for local connections only; the cluster holds nothing but test data and disappears
# on stop. fsync is off: a crash of a throwaway cluster loses nothing worth keeping.
# `run` exports VRIJWILLIGERS_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/postgres to
# CMD, stops the server and removes the folder however CMD ends (trap), and exits with CMD's
# exit code.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    bash "$HERE/debian-packages.sh" postgresql >&2
    dir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  echo "$dir"
}

as_owner() {  # run as the cluster's owner: `postgres` when we are root, ourselves otherwise
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port
  bin="$(bin_dir)"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/vrijwilligers-pg.XXXXXX")"
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; return 1; }
  port="$(free_port)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off \
     -c synchronous_commit=off -c max_connections=200" >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  echo "$port" >"$dir/port"
  echo "$dir"
}

stop() {
  local dir="$1" bin
  [ -d "$dir" ] || return 0
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

url_of() { echo "postgresql://postgres@127.0.0.1:$(cat "$1/port")/postgres"; }

case "${1:-}" in
  start)
    dir="$(start)"
    echo "export VRIJWILLIGERS_TEST_POSTGRES=$(url_of "$dir")  # stop: $0 stop $dir"
    ;;
  stop)
    stop "${2:?map van het cluster ontbreekt}"
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    dir="$(start)"
    trap 'stop "$dir"' EXIT INT TERM
    export VRIJWILLIGERS_TEST_POSTGRES
    VRIJWILLIGERS_TEST_POSTGRES="$(url_of "$dir")"
    echo "PostgreSQL-testcluster: $VRIJWILLIGERS_TEST_POSTGRES"
    set +e
    "$@"
    status=$?
    set -e
    exit "$status"
    ;;
  *)
    echo "Gebruik: $0 run -- OPDRACHT… | start | stop MAP" >&2
    exit 2
    ;;
esac
