#!/usr/bin/env bash
# Throwaway PostgreSQL cluster for CI and benches.
#
#   .ci/postgres.sh start DIR [--no-fsync]   prints the connection URL on stdout
#   .ci/postgres.sh stop DIR                 stops the cluster and removes DIR
#
# DIR is an empty directory the caller made (mktemp -d): the caller owns the cleanup,
# so a cluster never outlives the run that started it. The cluster listens on 127.0.0.1
# only, on a free port, with trust authentication for the `postgres` role; its Unix
# socket lives in DIR so it never collides with a system cluster. --no-fsync trades
# durability for speed, which suits test databases but would skew a benchmark.
set -euo pipefail

usage() {
  echo "usage: $0 start DIR [--no-fsync] | stop DIR" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
command=$1
# Absolute, so the script can leave the caller's directory, which the postgres user
# may not be allowed to enter.
dir=$(realpath -m -- "$2")
case $dir in
  / | /tmp | /tmp/) echo "postgres.sh: refusing to use $dir" >&2; exit 2 ;;
esac
cd /
no_fsync=false
if [[ $# -ge 3 ]]; then
  [[ $3 == --no-fsync ]] || usage
  no_fsync=true
fi

# The newest installed server, whatever Debian release this is.
pg_ctl=$(printf '%s\n' /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -n 1)
pg_bin=$(dirname "$pg_ctl")
if [[ ! -x $pg_ctl ]]; then
  echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

# PostgreSQL refuses to run as root, so root runs it as the `postgres` OS user.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  node -e '
    const s = require("node:net").createServer();
    s.listen(0, "127.0.0.1", () => { process.stdout.write(String(s.address().port)); s.close(); });
  '
}

start() {
  [[ -d $dir ]] || { echo "postgres.sh: $dir does not exist" >&2; exit 1; }
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  # C locale and UTF-8, like the embedded PGlite; no dependency on the host's locales.
  as_owner "$pg_bin/initdb" --pgdata="$dir/data" --username=postgres --auth=trust \
    --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }

  local options="-c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200"
  if $no_fsync; then
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  # The port is free when chosen but another process may take it before the server
  # binds, so a failed start is retried on a new port.
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$pg_bin/pg_ctl" start --pgdata="$dir/data" --wait --timeout=60 \
      --log="$dir/postgres.log" --options="$options -c port=$port" >/dev/null; then
      echo "postgres://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    echo "postgres.sh: start on port $port failed (attempt $attempt)" >&2
  done
  tail -n 20 "$dir/postgres.log" >&2 || true
  exit 1
}

stop() {
  if [[ -f $dir/data/postmaster.pid ]]; then
    as_owner "$pg_bin/pg_ctl" stop --pgdata="$dir/data" --mode=fast --wait --timeout=30 >/dev/null ||
      as_owner "$pg_bin/pg_ctl" stop --pgdata="$dir/data" --mode=immediate --wait --timeout=30 >/dev/null ||
      true
    # Last resort, so that removing the directory never leaves a server behind.
    if [[ -f $dir/data/postmaster.pid ]]; then
      kill -KILL "$(head -n 1 "$dir/data/postmaster.pid")" 2>/dev/null || true
    fi
  fi
  rm -rf -- "$dir"
}

case $command in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
