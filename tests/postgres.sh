# Sourced by tests/run.sh, tests/two-nodes.sh and bench/Pages/run.sh: starts the local PostgreSQL cluster when it is
# not running, makes the tests' login role once, and exports how to reach it (IKM_TEST_POSTGRES for the test suite,
# PGHOST/PGUSER/PGPASSWORD for psql). Defines as_postgres for commands run as the postgres superuser.
pg_sudo=""
[ "$(id -u)" = 0 ] || pg_sudo="sudo"
if ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
  version="$(ls /etc/postgresql | sort -n | tail -1)"
  $pg_sudo pg_ctlcluster "$version" main start || $pg_sudo service postgresql start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
fi
# As the superuser over the local socket, whatever PG* variables an earlier sourcing exported.
as_postgres() {
  local clean=(env -u PGHOST -u PGUSER -u PGPASSWORD -u PGDATABASE)
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "${clean[@]}" "$@"); else (cd / && sudo -u postgres "${clean[@]}" "$@"); fi
}
as_postgres psql -q -tAc "SELECT 1 FROM pg_roles WHERE rolname='ikm_tests'" | grep -q 1 \
  || as_postgres psql -q -c "CREATE ROLE ikm_tests LOGIN CREATEDB PASSWORD 'ikm_tests'"
# Dropping a test database WITH (FORCE) ends every session in it, autovacuum workers included, which only members of
# pg_signal_backend may do.
as_postgres psql -q -tAc "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
  WHERE r.rolname = 'pg_signal_backend' AND u.rolname = 'ikm_tests'" | grep -q 1 \
  || as_postgres psql -q -c "GRANT pg_signal_backend TO ikm_tests"
export IKM_TEST_POSTGRES="Host=127.0.0.1;Username=ikm_tests;Password=ikm_tests"
export PGHOST=127.0.0.1 PGUSER=ikm_tests PGPASSWORD=ikm_tests
