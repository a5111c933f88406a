#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server for the tests of the Npgsql rules (see tests/.../Postgres).
# Installs PostgreSQL from Debian packages when it is missing, runs the server as the postgres user on
# 127.0.0.1:${MIGRATION_ANALYZERS_PG_PORT:-55432} (a port of its own, so a system cluster on 5432 is left alone),
# and creates the role and database the tests connect with. Idempotent: a running server is reused.
# The tests read MIGRATION_ANALYZERS_POSTGRES or fall back to the same defaults, so nothing is exported.
set -euo pipefail

port="${MIGRATION_ANALYZERS_PG_PORT:-55432}"
data_dir="${MIGRATION_ANALYZERS_PG_DATA:-/var/tmp/migration-analyzers-pg}"
role="migration_analyzers"

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin_dir="$(find_bin)"
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/initdb" ]; then
  echo "setup-postgres: installing postgresql from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  bin_dir="$(find_bin)"
fi

as_postgres() {
  if [ "$(id -un)" = "postgres" ]; then "$@"; else runuser -u postgres -- "$@"; fi
}

if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  echo "setup-postgres: server already running on 127.0.0.1:$port"
else
  if [ ! -s "$data_dir/PG_VERSION" ]; then
    mkdir -p "$data_dir"
    chown postgres:postgres "$data_dir"
    chmod 700 "$data_dir"
    # Trust authentication is acceptable here: the server listens on loopback only and holds test data only.
    as_postgres "$bin_dir/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi

  as_postgres "$bin_dir/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp -c fsync=off -c max_connections=50" start >/dev/null
  echo "setup-postgres: server started on 127.0.0.1:$port"
fi

psql_admin() {
  "$bin_dir/psql" -v ON_ERROR_STOP=1 -q -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"
}

psql_admin -c "DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$role';
  END IF;
END \$\$;"
if ! psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$role'" | grep -q 1; then
  psql_admin -c "CREATE DATABASE $role OWNER $role"
fi
echo "setup-postgres: database '$role' ready"
