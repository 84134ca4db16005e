#!/usr/bin/env bash
# Runs every test of IkmCatalog on a Debian machine with the .NET SDK.
# Installs what the tests need when it is missing (Debian's chromium for the browser tests, a font for it,
# PostgreSQL for the provider tests, nginx for the two-node test), starts PostgreSQL,
# restores packages, builds the solution once and runs all test projects, then tests/two-nodes.sh
# (IKM_SKIP_TWO_NODES=1 leaves it out).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v pg_ctlcluster >/dev/null 2>&1 || need+=(postgresql)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${need[*]} from Debian…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# PostgreSQL for the provider tests: the local cluster, a login role for the tests, a database per run.
. tests/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$(mktemp -d)"
dotnet tool restore >/dev/null
dotnet build IkmCatalog.sln -c Release -nologo -v quiet
status=0
dotnet test IkmCatalog.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" "$@" || status=$?

# One summary line over every test project.
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"

# Two nodes behind nginx on PostgreSQL, with the build above.
if [ "${IKM_SKIP_TWO_NODES:-}" != 1 ]; then
  IKM_SKIP_BUILD=1 bash tests/two-nodes.sh || status=1
fi
exit $status
