#!/usr/bin/env bash
# The README's test command, and what CI runs (.ci/run calls it).
#
#   ./test.sh                                  every test of SecondOpinionBot.sln
#   ./test.sh --filter "FullyQualifiedName~X"  other `dotnet test` arguments are passed on
#
# First it makes sure this machine has what the tests use. What is missing it installs when it can (Debian, as root or
# with password-less sudo); otherwise it says exactly what to install. Outside CI the tests still run, so the ones that
# need the missing piece fail with the same hint and nothing is skipped; with CI=true a missing piece stops the run.
# It ends with one plain line of totals: `tests: N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")"

missing=()      # one line per prerequisite we could not provide: what it is and how to get it
apt_updated=false

# Installs Debian packages when this shell may; returns 1 when it may not (not root, no sudo, not Debian).
install_packages() {
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo=(sudo); else return 1; fi
  fi
  command -v apt-get >/dev/null 2>&1 || return 1
  echo "test.sh: installing $* (apt-get)"
  if [ "$apt_updated" = false ]; then
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    apt_updated=true
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || return 1
}

# --- prerequisites, one function each; add a new one to the list below (e.g. PostgreSQL) -------------------------

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -qE '^(1[0-9]|[2-9][0-9])\.'; then
    missing+=("the .NET 10 SDK: install it from Microsoft's .NET download page (Linux: 'dotnet-sdk-10.0'), then run ./test.sh again")
  fi
}

# The build fetches Microsoft Web Chat with `npm pack` (src/SecondOpinionBot/WebChat.targets); the manifest check runs node.
require_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return; fi
  install_packages nodejs npm || true
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    missing+=("Node.js and npm (the build fetches Web Chat with npm): sudo apt-get install nodejs npm")
  fi
}

# The browser tests drive Debian's chromium with Playwright (never a downloaded browser build); CHROMIUM_PATH overrides.
require_chromium() {
  local browser=${CHROMIUM_PATH:-/usr/bin/chromium}
  if [ -x "$browser" ]; then return; fi
  if [ -z "${CHROMIUM_PATH:-}" ]; then install_packages chromium || true; fi
  if [ ! -x "$browser" ]; then
    missing+=("Chromium at $browser (the web chat browser tests): sudo apt-get install chromium, or set CHROMIUM_PATH to a Chromium binary")
  fi
}

# Microsoft's Teams manifest schemas (npm @microsoft/app-manifest) for the offline package validation.
require_manifest_validator() {
  if [ -d manifest/validate/node_modules/@microsoft/app-manifest ]; then return; fi
  if ! command -v npm >/dev/null 2>&1; then return; fi   # require_node has said what to install
  (cd manifest/validate && npm ci --no-audit --no-fund --loglevel=error) ||
    missing+=("the Teams manifest validator's npm packages: (cd manifest/validate && npm ci)")
}

# The storage tests also run against PostgreSQL (Debian's postgresql package). As root there is no service manager to
# rely on: the default cluster is started with pg_ctlcluster; as anyone else a throw-away cluster is made with initdb in
# a temporary folder on a free port. Either way the test role and database are made, and SO_TEST_POSTGRES points the
# tests at them. Without a server the PostgreSQL tests are skipped with the reason (CI=true: the run stops here).
require_postgres() {
  if [ -n "${SO_TEST_POSTGRES:-}" ]; then return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    install_packages postgresql || true
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$bin" ]; then
    postgres_missing "PostgreSQL (the storage tests' second provider): sudo apt-get install postgresql"
    return
  fi
  local url psql_admin=()
  if [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    local version cluster port
    version=$(basename "$(dirname "$bin")")
    cluster=$(pg_lsclusters -h 2>/dev/null | awk -v v="$version" '$1 == v { print $2; exit }')
    if [ -z "$cluster" ]; then pg_createcluster "$version" main >/dev/null || true; cluster=main; fi
    port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')
    pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }' | grep -q online ||
      pg_ctlcluster "$version" "$cluster" start || true
    psql_admin=(runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$port" -d postgres)
    url="Host=127.0.0.1;Port=$port"
  else
    local dir="${TMPDIR:-/tmp}/so-test-postgres-$(id -u)" port
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"; mkdir -p "$dir"
      "$bin/initdb" -D "$dir/data" -U postgres --auth=trust >/dev/null || { postgres_missing "a PostgreSQL cluster (initdb in $dir failed)"; return; }
    fi
    "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -o "-p $port -k $dir -c listen_addresses=127.0.0.1" -w start >/dev/null 2>&1 ||
      port=$(sed -n 4p "$dir/data/postmaster.pid" 2>/dev/null || echo "$port")
    psql_admin=("$bin/psql" -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres)
    url="Host=127.0.0.1;Port=$port"
  fi
  local waited=0
  until echo 'SELECT 1' | "${psql_admin[@]}" >/dev/null 2>&1; do
    waited=$((waited + 1))
    if [ "$waited" -gt 30 ]; then postgres_missing "a running PostgreSQL server (it did not accept connections within 30 s)"; return; fi
    sleep 1
  done
  "${psql_admin[@]}" >/dev/null <<'SQL' || { postgres_missing "the PostgreSQL test role and database (creating them failed)"; return; }
DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'so_test') THEN CREATE ROLE so_test LOGIN CREATEDB PASSWORD 'so_test'; END IF; END $$;
ALTER ROLE so_test CREATEDB;
SELECT 'CREATE DATABASE so_test OWNER so_test' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'so_test') \gexec
SQL
  # A test-only role on loopback, not a secret.
  export SO_TEST_POSTGRES="$url;Username=so_test;Password=so_test;Database=so_test"
  echo "test.sh: PostgreSQL tests use ${url}, database so_test"
}

# PostgreSQL is the one prerequisite whose tests skip (with the reason) when it is missing outside CI.
postgres_missing() {
  if [ "${CI:-}" = true ]; then missing+=("$1"); else echo "test.sh: the PostgreSQL tests will be skipped: no $1" >&2; fi
}

prerequisites=(require_dotnet require_node require_chromium require_manifest_validator require_postgres)

for prerequisite in "${prerequisites[@]}"; do
  "$prerequisite"
done

say_missing() {
  echo "test.sh: this machine lacks what some tests need:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
}

if [ ${#missing[@]} -gt 0 ]; then
  say_missing
  if [ "${CI:-}" = true ] || ! command -v dotnet >/dev/null 2>&1; then
    echo "test.sh: stopping before the tests${CI:+ (CI=$CI: a missing prerequisite fails the run)}." >&2
    exit 1
  fi
  echo "test.sh: running the tests anyway; the ones that need these will fail and say so." >&2
fi

# --- the tests ------------------------------------------------------------------------------------------------------

log=$(mktemp)
trap 'rm -f "$log"' EXIT
started=$SECONDS
set +e
dotnet test SecondOpinionBot.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

if [ ${#missing[@]} -gt 0 ]; then say_missing; fi
if grep -qE ': error [A-Z]+[0-9]+' "$log"; then
  echo "test.sh: the build failed (errors above), so the totals below leave out the projects that did not build." >&2
fi

# One plain closing line with the totals of every test project.
total() { grep -oE "$1: +[0-9]+" "$log" | awk '{ sum += $2 } END { print sum + 0 }'; }
echo "took $((SECONDS - started)) s"
echo "tests: $(total Passed) passed, $(total Failed) failed"
exit "$status"
