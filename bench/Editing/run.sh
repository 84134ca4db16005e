#!/usr/bin/env bash
# Starts the site (Release, production environment, a fresh data folder under bench/out/) and runs publish.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="$PWD/bench/out/editing"
rm -rf "$data"
mkdir -p "$data"
dotnet build src/IkmCatalog.Web -c Release -nologo -v quiet
password="bench-$(date +%s)-tenun"
ASPNETCORE_ENVIRONMENT=Production IkmCatalog__DataPath="$data" IkmCatalog__Backoffice__AdminEmail=bench@localhost.test \
  IkmCatalog__Backoffice__AdminPassword="$password" \
  dotnet run -c Release --no-build --project src/IkmCatalog.Web --urls http://127.0.0.1:5099 >"$data/site.log" 2>&1 &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf -o /dev/null http://127.0.0.1:5099/ && break; sleep 1; done
python3 bench/Editing/publish.py http://127.0.0.1:5099 bench@localhost.test "$password" "${1:-20}"
