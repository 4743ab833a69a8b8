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

prerequisites=(require_dotnet require_node require_chromium require_manifest_validator)

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
