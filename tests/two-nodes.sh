#!/usr/bin/env bash
# Two nodes for real: PostgreSQL (a fresh database on the local cluster), node A and node B (the Release build,
# production environment, each with its own data folder and port, one shared folder, one signing key) and Debian's
# nginx in front of both on 127.0.0.1. Then, through nginx and against each node directly:
#   0. a backoffice session started on A is valid on B (data-protection keys shared through the database);
#   1. a product renamed and published on A is found by search on B within 10 s;
#   2. an image deleted on A stops being served by B within 10 s (its signed variant URL answers 404);
#   3. A killed (SIGKILL) in the middle of a publish loses nothing: after A restarts the product is either published
#      with the new name everywhere or still a draft with the editor's text; nginx keeps answering 200 from B.
# Prints PASS/FAIL per check and exits non-zero when one fails. Builds the Release build only when it is missing
# (IKM_SKIP_BUILD=1 never builds). Cleans up everything it started on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
app="$repo/src/IkmCatalog.Web/bin/Release/net10.0/IkmCatalog.Web.dll"
client="$repo/tests/two-nodes/client.py"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing nginx from Debian…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
if [ ! -f "$app" ] && [ "${IKM_SKIP_BUILD:-}" != 1 ]; then
  dotnet build src/IkmCatalog.Web -c Release -nologo -v quiet
fi
[ -f "$app" ] || { echo "FAIL: no Release build at $app"; exit 1; }

# PostgreSQL: the local cluster and the tests' login role, as tests/run.sh sets them up.
. tests/postgres.sh
database="ikm_two_nodes_$$_$(date +%s)"
sql() { psql -q -tAX -d "$database" -c "$1"; }

work="$(mktemp -d /tmp/ikm-two-nodes.XXXXXX)"
chmod 755 "$work"
pids=()
node_pid_a="" node_pid_b=""
cleanup() {
  set +e
  [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2>/dev/null
  for pid in $node_pid_a $node_pid_b "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1
  if [ "${IKM_KEEP_LOGS:-}" = 1 ]; then echo "logs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port_a="$(free_port)"; port_b="$(free_port)"; port_nginx="$(free_port)"
while [ "$port_b" = "$port_a" ]; do port_b="$(free_port)"; done
while [ "$port_nginx" = "$port_a" ] || [ "$port_nginx" = "$port_b" ]; do port_nginx="$(free_port)"; done
node_a="http://127.0.0.1:$port_a" node_b="http://127.0.0.1:$port_b" front="http://127.0.0.1:$port_nginx"
mkdir -p "$work/a" "$work/b" "$work/shared" "$work/nginx/temp"

psql -q -d postgres -c "CREATE DATABASE \"$database\"" >/dev/null
signing_key="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"
email="redaksi@dua-node.test"
password="uji-dua-node-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"

# Everything a node is configured with; only the name, port and data folder differ between the two.
node_env() { # name port data
  exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" \
    IkmCatalog__Database__Provider=PostgreSQL \
    ConnectionStrings__IkmCatalog="Host=127.0.0.1;Username=ikm_tests;Password=ikm_tests;Database=$database" \
    IkmCatalog__DataPath="$3" IkmCatalog__SharedPath="$work/shared" IkmCatalog__Search__NodeName="$1" \
    IkmCatalog__Media__SigningKey="$signing_key" IkmCatalog__Proxy__KnownProxies__0=127.0.0.1 \
    IkmCatalog__PublicBaseUrl="$front" AllowedHosts="127.0.0.1;localhost" \
    IkmCatalog__RateLimits__ApiPerMinute=100000 IkmCatalog__RateLimits__SignInPerMinute=100 \
    "${@:4}"
}
start_node() { # name port data log → pid in $started
  (cd "$repo/src/IkmCatalog.Web" && node_env "$1" "$2" "$3" dotnet "$app") >>"$4" 2>&1 &
  started=$!
}
# Up when /health/ready answers 200, or (before the health checks exist) when the home page does.
wait_ready() { # base seconds
  for _ in $(seq 1 $(($2 * 4))); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$1/health/ready" || true)"
    [ "$code" = 200 ] && return 0
    if [ "$code" = 404 ]; then [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/" || true)" = 200 ] && return 0; fi
    sleep 0.25
  done
  return 1
}

failures=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; failures=$((failures + 1)); }

# Migrations, demo content and the editor, once, before any node serves.
(cd src/IkmCatalog.Web && export IKM_EDITOR_PASSWORD="$password" && node_env node-a "$port_a" "$work/a" \
  dotnet "$app" create-editor "$email" Admin) >"$work/setup.log" 2>&1 \
  || { cat "$work/setup.log"; echo "FAIL  setting up the database and the editor"; exit 1; }

start_node node-a "$port_a" "$work/a" "$work/a.log"; node_pid_a=$started
start_node node-b "$port_b" "$work/b" "$work/b.log"; node_pid_b=$started
wait_ready "$node_a" 60 || { tail -30 "$work/a.log"; echo "FAIL  node A did not start"; exit 1; }
wait_ready "$node_b" 60 || { tail -30 "$work/b.log"; echo "FAIL  node B did not start"; exit 1; }

# nginx in front: the configuration README.md shows under "Scale out", with this run's ports and folders.
user_line=""
[ "$(id -u)" = 0 ] && user_line="user root;"
cat >"$work/nginx/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    client_max_body_size 16m;

    upstream ikmcatalog {
        server 127.0.0.1:$port_a max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$port_b max_fails=1 fail_timeout=5s;
        keepalive 32;
    }

    server {
        listen 127.0.0.1:$port_nginx;
        server_name localhost 127.0.0.1;

        location / {
            proxy_pass http://ikmcatalog;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host \$host;
            proxy_connect_timeout 2s;
            proxy_next_upstream error timeout http_502 http_503 http_504;
        }
    }
}
EOF
"$nginx_bin" -t -q -c "$work/nginx/nginx.conf" -p "$work/nginx" 2>>"$work/nginx/error.log" \
  || { cat "$work/nginx/error.log"; echo "FAIL  nginx configuration"; exit 1; }
"$nginx_bin" -c "$work/nginx/nginx.conf" -p "$work/nginx"
for _ in $(seq 1 40); do [ -f "$work/nginx/nginx.pid" ] && break; sleep 0.25; done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$front/")" = 200 ] || { echo "FAIL  nginx does not answer"; exit 1; }
echo "node A $node_a, node B $node_b, nginx $front, database $database"

c() { python3 "$client" "$@"; }
jar="$work/editor.cookies"
c sign-in "$node_a" "$jar" "$email" "$password" >/dev/null

# The products the checks change: the first published ones the delivery API lists.
mapfile -t slugs < <(curl -sf "$front/api/v1/products?pageSize=4" | python3 -c 'import json,sys; [print(p["slug"]) for p in json.load(sys.stdin)["items"]]')
[ "${#slugs[@]}" -ge 4 ] || { echo "FAIL  the delivery API lists fewer than 4 products"; exit 1; }
product_id() { sql "SELECT \"Id\" FROM \"Products\" WHERE \"Slug\" = '$1'"; }
# Polls up to 10 s, once a second, until the command prints the expected line.
within_10s() { # expected command…
  local expected="$1"; shift
  for _ in $(seq 1 11); do [ "$("$@" 2>/dev/null || true)" = "$expected" ] && return 0; sleep 1; done
  return 1
}
status_of() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
page_shows() { # url word → yes, no, or the HTTP status when the page did not answer 200
  local code
  code="$(curl -s -o "$work/page.html" -w '%{http_code}' "$1")"
  if [ "$code" != 200 ]; then echo "$code"; elif grep -q "$2" "$work/page.html"; then echo yes; else echo no; fi
}
api_shows() { if c product "$front" "$1" | grep -q "$2"; then echo yes; else echo no; fi; }

# 0. One key ring for every node: a sign-in on A opens the backoffice on B and through nginx.
if [ "$(c backoffice-status "$node_b" "$jar")" = 200 ] && [ "$(c backoffice-status "$front" "$jar")" = 200 ]; then
  pass "0 a backoffice session from node A is valid on node B and through nginx"
else
  fail "0 a backoffice session from node A is not valid on node B (data-protection keys are not shared)"
fi

# 1. Publish on A, find on B.
word="ujisatu$(date +%s)"
id="$(product_id "${slugs[0]}")"
publish_ms=200
if ! out="$(c rename-and-publish "$node_a" "$jar" "$id" "$word" 2>&1)"; then
  fail "1 publishing on node A: $out"
elif publish_ms="$(sed -E 's/[^0-9]*([0-9]+).*/\1/' <<<"$out")" && within_10s 1 c search-total "$node_b" "$word"; then
  if [ "$(c search-total "$front" "$word")" = 1 ] && within_10s yes page_shows "$node_b/produk/${slugs[0]}" "$word"; then
    pass "1 published on node A ($out), found by search on node B within 10 s (and through nginx, and on B's product page)"
  else
    fail "1 found by search on node B, but not through nginx or not on B's product page ($(page_shows "$node_b/produk/${slugs[0]}" "$word"))"
  fi
else
  fail "1 published on node A, not found by search on node B within 10 s"
fi

# 2. Delete an image on A, B stops serving it.
photo="$(find media-seed/images/products -name '*.jpg' | sort | head -1)"
if ! out="$(c upload "$node_a" "$jar" "$photo" 2>&1)"; then
  fail "2 uploading an image on node A: $out"
else
  read -r media_id variant <<<"$out"
  before_b="$(status_of "$node_b$variant")"
  if [ "$before_b" != 200 ]; then
    fail "2 node B does not serve an image uploaded on node A ($before_b for $variant: media not in the shared folder)"
  elif ! out="$(c delete "$node_a" "$jar" "$media_id" 2>&1)"; then
    fail "2 deleting the image on node A: $out"
  elif within_10s 404 status_of "$node_b$variant" && [ "$(status_of "$node_a$variant")" = 404 ]; then
    pass "2 image deleted on node A, node B stopped serving its variant within 10 s (404)"
  else
    fail "2 image deleted on node A, node B still answers $(status_of "$node_b$variant") for its variant after 10 s"
  fi
fi

# 3. Kill A in the middle of a publish, timed from the moment the POST goes out, at 20 %, 50 % and 100 % of the time
#    a warm publish takes: A restarts cold before rounds 2 and 3, whose publishes take longer. Timing on a shared
#    machine varies, so a kill may still come after A answered: that round then checks the answered publication is
#    everywhere (the editor was told it was published), and the check fails unless at least one kill interrupted a
#    publish.
warm="$(c rename-and-publish "$node_a" "$jar" "$(product_id "${slugs[0]}")" "ujihangat$(date +%s)" 2>/dev/null || echo "published in $publish_ms ms")"
publish_ms="$(sed -E 's/[^0-9]*([0-9]+).*/\1/' <<<"$warm")"
burst_ok() { # every one of 30 requests through nginx answers 200 (nginx moves to B when A refuses)
  local n=0
  for path in / /katalog "/produk/${slugs[1]}" /api/v1/products?pageSize=12 /cari?q=keripik; do
    for _ in 1 2 3 4 5 6; do [ "$(status_of "$front$path")" = 200 ] && n=$((n + 1)); done
  done
  [ "$n" = 30 ]
}
round=0
interrupted=0
for delay in $(python3 -c "print(*(round($publish_ms * f / 1000, 3) for f in (0.2, 0.5, 1.0)))"); do
  round=$((round + 1))
  slug="${slugs[$round]}"; id="$(product_id "$slug")"
  word="ujimati${round}x$(date +%s)"
  marker="$work/posting-$round"
  c rename-and-publish "$node_a" "$jar" "$id" "$word" "$marker" >"$work/kill-$round.log" 2>&1 &
  publishing=$!
  for _ in $(seq 1 3000); do [ -e "$marker" ] && break; sleep 0.01; done # the form is read, the POST is going out
  sleep "$delay"
  kill -KILL "$node_pid_a"
  wait "$node_pid_a" 2>/dev/null || true
  wait "$publishing" 2>/dev/null || true
  node_pid_a=""
  if burst_ok; then failover="nginx answered 30/30 requests with 200 while A was down"; else failover=""; fi
  start_node node-a "$port_a" "$work/a" "$work/a.log"; node_pid_a=$started
  if ! wait_ready "$node_a" 60; then fail "3.$round node A did not start again after SIGKILL"; continue; fi
  c sign-in "$node_a" "$jar" "$email" "$password" >/dev/null 2>&1 || true
  # Settled: B's search and B's product page agree (within 10 s), and the editor's draft is what A shows.
  published=no
  within_10s 1 c search-total "$node_b" "$word" && published=yes
  # B's page and the API through nginx agree with B's search (each given up to 10 s to catch up).
  want="$( [ "$published" = yes ] && echo yes || echo no)"
  page_has="$(page_shows "$node_b/produk/$slug" "$word")"
  [ "$page_has" = "$want" ] || { within_10s "$want" page_shows "$node_b/produk/$slug" "$word" && page_has="$want"; } || true
  api_has="$(api_shows "$slug" "$word")"
  [ "$api_has" = "$want" ] || { within_10s "$want" api_shows "$slug" "$word" && api_has="$want"; } || true
  draft="$(c draft-name "$node_a" "$jar" "$id" 2>&1 || true)"
  draft_has=no; [[ "$draft" == *"$word"* ]] && draft_has=yes
  versions="$(sql "SELECT count(*) FROM \"ContentVersions\" WHERE \"DocumentType\" = 'Product' AND \"DocumentId\" = $id" 2>/dev/null || echo '?')"
  state="search on B: $published, B's page: $page_has, API through nginx: $api_has, A's edit form: $draft_has, versions: $versions"
  if [ ! -e "$marker" ]; then
    fail "3.$round the publish never went out: $(tail -1 "$work/kill-$round.log")"
  elif grep -q '^published' "$work/kill-$round.log"; then
    if [ "$published" = yes ] && [ "$page_has" = yes ] && [ "$api_has" = yes ] && [ "$draft_has" = yes ]; then
      pass "3.$round the kill after ${delay}s came after A had answered ($(tail -1 "$work/kill-$round.log")): the answered publication is everywhere ($state)"
    else
      fail "3.$round A answered \"published\" before the kill, but the publication is not everywhere ($state)"
    fi
  elif [ -z "$failover" ]; then
    fail "3.$round killed A after ${delay}s: nginx did not answer every request with 200 while A was down"
  elif [ "$published" = yes ] && [ "$page_has" = yes ] && [ "$api_has" = yes ] && [ "$draft_has" = yes ]; then
    interrupted=$((interrupted + 1))
    pass "3.$round killed A after ${delay}s: fully published ($state); $failover"
  elif [ "$published" = no ] && [ "$page_has" = no ] && [ "$api_has" = no ] && [ "$draft_has" = yes ]; then
    interrupted=$((interrupted + 1))
    pass "3.$round killed A after ${delay}s: still a draft with the editor's text ($state); $failover"
  elif [ "$published" = no ] && [ "$page_has" = no ] && [ "$api_has" = no ] && [ "$draft_has" = no ]; then
    interrupted=$((interrupted + 1))
    pass "3.$round killed A after ${delay}s: the save had not committed and the editor got no answer, nothing changed ($state); $failover"
  else
    fail "3.$round killed A after ${delay}s: half state ($state)"
  fi
done

[ "$interrupted" -gt 0 ] || fail "3 no kill landed inside a publish: every round came after A had answered"

# B served throughout: its log has no unhandled exception.
if grep -q "An unhandled exception" "$work/b.log"; then fail "node B logged unhandled exceptions"; grep -m3 -A3 "An unhandled exception" "$work/b.log"; fi

echo
if [ "$failures" = 0 ]; then echo "two nodes: every check passed"; else echo "two nodes: $failures check(s) failed (logs: IKM_KEEP_LOGS=1 keeps $work)"; fi
[ "$failures" = 0 ]
