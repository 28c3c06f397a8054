# Sourced by .ci/run: a throwaway PostgreSQL cluster for the fleet tests (fleet/testing/backends.ts).
# Installs Debian's postgresql when no server binary is there, makes a cluster in a temp folder, starts it
# on a free loopback port (its socket in that folder too), creates a database, exports
# FLEET_TEST_DATABASE_URL, and stops and removes it all when the script exits.
# Try it alone: bash -c 'source .ci/postgres.sh && start_test_postgres && echo $FLEET_TEST_DATABASE_URL'
start_test_postgres() {
  local bin
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
    local sudo_=""
    [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
  # initdb refuses to run as root: as root, the cluster belongs to the postgres user the package made.
  local as=()
  [ "$(id -u)" -eq 0 ] && as=(runuser -u postgres --)
  PG_TEST_DIR="$(mktemp -d /tmp/fleet-pg.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_TEST_DIR"
  local port
  port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  "${as[@]}" "$bin/initdb" -D "$PG_TEST_DIR/data" --username=fleet --auth=trust --encoding=UTF8 --no-locale >/dev/null
  PG_TEST_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -m fast stop)
  trap stop_test_postgres EXIT
  "${as[@]}" "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -k $PG_TEST_DIR -c fsync=off" start >/dev/null
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U fleet fleet_test
  export FLEET_TEST_DATABASE_URL="postgresql://fleet@127.0.0.1:$port/fleet_test"
  echo "fleet tests: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $FLEET_TEST_DATABASE_URL"
}

stop_test_postgres() {
  if [ -n "${PG_TEST_DIR:-}" ]; then
    "${PG_TEST_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_DIR"
    PG_TEST_DIR=""
  fi
}
