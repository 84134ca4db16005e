#!/usr/bin/env bash
# Page benchmark: req/s, p99 and errors per public page with wrk (1 thread, 32 connections), for
#   (a) Debian's nginx serving the very same bytes as static files: the ceiling;
#   (b) one node (SQLite, the default), production environment, rate limits raised;
#   (c) two nodes (PostgreSQL) behind nginx.
# Plus an uncached product page (a wrk Lua script gives every request its own ?v=N, which the output cache varies
# by, so each request misses) and the resident memory of each node after its runs.
# Usage: bash bench/Pages/run.sh [seconds per URL, default 10]. IKM_BENCH_SEARCH100K=1 also runs bench/Search on
# the 100,000-product synthetic catalogue for the search p99 with two concurrent clients.
# Writes the markdown table to stdout and to bench/out/pages/<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
seconds="${1:-10}"
app="$repo/src/IkmCatalog.Web/bin/Release/net10.0/IkmCatalog.Web.dll"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
need=()
command -v wrk >/dev/null 2>&1 || need+=(wrk)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
if [ "${IKM_SKIP_BUILD:-}" != 1 ]; then
  dotnet build src/IkmCatalog.Web -c Release -nologo -v quiet
fi

. "$repo/tests/postgres.sh"
database="ikm_bench_pages_$$"

out="$repo/bench/out/pages"
work="$out/run"
rm -rf "$work"
mkdir -p "$work/static" "$work/nginx/temp" "$work/one" "$work/a" "$work/b" "$work/shared"
chmod -R a+rX "$repo/bench/out"
pids=()
cleanup() {
  set +e
  for conf in static front; do [ -f "$work/nginx/$conf.pid" ] && kill "$(cat "$work/nginx/$conf.pid")" 2>/dev/null; done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  psql -q -d postgres -c "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
signing_key="$(python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())')"

# Production, rate limits out of the way (the benchmark is one client address), no demo-content differences
# between runs: every node imports the same demo catalogue into an empty database.
start_node() { # name port data [extra env…] → pid in $started
  local name="$1" port="$2" data="$3"; shift 3
  (cd "$repo/src/IkmCatalog.Web" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" \
    IkmCatalog__DataPath="$data" IkmCatalog__Search__NodeName="$name" IkmCatalog__Media__SigningKey="$signing_key" \
    IkmCatalog__RateLimits__ApiPerMinute=100000000 IkmCatalog__RateLimits__PublicFormsPerMinute=100000000 \
    IkmCatalog__RateLimits__SearchPerMinute=100000000 AllowedHosts="127.0.0.1;localhost" \
    "$@" dotnet "$app") >>"$work/$name.log" 2>&1 &
  started=$!
  pids+=("$started")
}
wait_ready() { # base
  for _ in $(seq 1 480); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$1/health/ready" || true)"
    [ "$code" = 200 ] && return 0
    if [ "$code" = 404 ]; then [ "$(curl -s -o /dev/null -w '%{http_code}' "$1/" || true)" = 200 ] && return 0; fi
    sleep 0.25
  done
  echo "$1 did not start"; return 1
}
nginx_conf() { # name port body-of-server → writes and starts nginx
  local user_line=""
  [ "$(id -u)" = 0 ] && user_line="user root;"
  cat >"$work/nginx/$1.conf" <<EOF
$user_line
worker_processes auto;
pid $work/nginx/$1.pid;
error_log $work/nginx/$1.error.log warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path $work/nginx/temp/$1-body;
    proxy_temp_path $work/nginx/temp/$1-proxy;
    fastcgi_temp_path $work/nginx/temp/$1-fastcgi;
    uwsgi_temp_path $work/nginx/temp/$1-uwsgi;
    scgi_temp_path $work/nginx/temp/$1-scgi;
$3
}
EOF
  "$nginx_bin" -c "$work/nginx/$1.conf" -p "$work/nginx"
  for _ in $(seq 1 40); do [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/" || true)" != 000 ] && return 0; sleep 0.25; done
}

# wrk: one warm-up, then the measured run; prints "req/s p99_ms errors".
cat >"$work/unique.lua" <<'EOF'
-- Every request its own query string: the output cache varies by query, so each one is a miss.
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", wrk.path .. "?v=" .. n)
end
EOF
measure() { # url [lua]
  local script=()
  [ -n "${2:-}" ] && script=(-s "$2")
  wrk -t1 -c32 -d2s "${script[@]}" "$1" >/dev/null 2>&1 || true
  wrk -t1 -c32 -d"${seconds}s" --latency "${script[@]}" "$1" 2>&1 | python3 -c '
import re, sys
text = sys.stdin.read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", text)
scale = {"us": 0.001, "ms": 1, "s": 1000}
ms = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan")
errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
completed = re.search(r"(\d+) requests in", text)
p99_text = f"{ms:.1f}" if completed and int(completed.group(1)) > 0 else "n/a"
print(f"{rps:.0f} {p99_text} {errors + (int(non2xx.group(1)) if non2xx else 0)}")'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
hwm_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# (b) one node on SQLite.
port_one="$(free_port)"
start_node one "$port_one" "$work/one"
pid_one=$started
one="http://127.0.0.1:$port_one"
wait_ready "$one"
product="$(curl -sf "$one/api/v1/products?pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["slug"])')"
producer="$(curl -sf "$one/api/v1/producers?pageSize=1" | python3 -c 'import json,sys; d=json.load(sys.stdin); print((d["items"] if isinstance(d, dict) else d)[0]["slug"])')"
names=(home catalogue product producer search api)
paths=(/ /katalog "/produk/$product" "/produsen/$producer" "/cari?q=keripik+tempe" "/api/v1/products?pageSize=12")
files=(home.html katalog.html product.html producer.html search.html products.json)

# (a) the same bytes from nginx: fetched once from the node, served as static files.
for i in "${!paths[@]}"; do curl -sf -o "$work/static/${files[$i]}" "$one${paths[$i]}"; done
chmod -R a+rX "$work/static"
port_static="$(free_port)"
nginx_conf static "$port_static" "    server { listen 127.0.0.1:$port_static; root $work/static; etag off; }"
static="http://127.0.0.1:$port_static"

declare -A result
echo "Measuring ${#paths[@]} pages, ${seconds} s each, 32 connections…" >&2
for i in "${!paths[@]}"; do
  result["nginx,$i"]="$(measure "$static/${files[$i]}")"
  result["one,$i"]="$(measure "$one${paths[$i]}")"
done
result["one,uncached"]="$(measure "$one/produk/$product" "$work/unique.lua")"
memory_one="$(rss_mb "$pid_one") MB (peak $(hwm_mb "$pid_one") MB)"
kill "$pid_one"; wait "$pid_one" 2>/dev/null || true

# (c) two nodes on PostgreSQL behind nginx.
psql -q -d postgres -c "CREATE DATABASE \"$database\"" >/dev/null
pg=(IkmCatalog__Database__Provider=PostgreSQL
  "ConnectionStrings__IkmCatalog=Host=127.0.0.1;Username=ikm_tests;Password=ikm_tests;Database=$database;Maximum Pool Size=50"
  "IkmCatalog__SharedPath=$work/shared" IkmCatalog__Proxy__KnownProxies__0=127.0.0.1)
port_a="$(free_port)"; port_b="$(free_port)"; port_front="$(free_port)"
start_node node-a "$port_a" "$work/a" "${pg[@]}"; pid_a=$started
wait_ready "http://127.0.0.1:$port_a" # the first node migrates and imports the demo content alone
start_node node-b "$port_b" "$work/b" "${pg[@]}"; pid_b=$started
wait_ready "http://127.0.0.1:$port_b"
nginx_conf front "$port_front" "
    upstream ikmcatalog {
        server 127.0.0.1:$port_a max_fails=3 fail_timeout=5s;
        server 127.0.0.1:$port_b max_fails=3 fail_timeout=5s;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$port_front;
        location / {
            proxy_pass http://ikmcatalog;
            proxy_http_version 1.1;
            proxy_set_header Connection \"\";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }"
front="http://127.0.0.1:$port_front"
# The demo import gives the same slugs on PostgreSQL.
for i in "${!paths[@]}"; do result["two,$i"]="$(measure "$front${paths[$i]}")"; done
result["two,uncached"]="$(measure "$front/produk/$product" "$work/unique.lua")"
memory_two="A $(rss_mb "$pid_a") MB (peak $(hwm_mb "$pid_a") MB), B $(rss_mb "$pid_b") MB (peak $(hwm_mb "$pid_b") MB)"

search100k=""
if [ "${IKM_BENCH_SEARCH100K:-}" = 1 ]; then
  search100k="$(dotnet run -c Release --project bench/Search 2>&1 | tail -40)"
fi

report="$out/$(date -u +%Y-%m-%d-%H%M).md"
{
  echo "# Page benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "wrk 1 thread, 32 connections, ${seconds} s per URL after a 2 s warm-up; $(nproc) cores; $(nginx -v 2>&1 | sed 's/.*: //')."
  echo "Errors = non-2xx/3xx responses + socket errors. Ratio = req/s against nginx serving the same bytes."
  echo
  echo "| page | nginx static req/s | one node req/s | p99 ms | errors | ratio | two nodes req/s | p99 ms | errors | ratio |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
  for i in "${!paths[@]}"; do
    read -r n_rps _ _ <<<"${result["nginx,$i"]}"
    read -r o_rps o_p99 o_err <<<"${result["one,$i"]}"
    read -r t_rps t_p99 t_err <<<"${result["two,$i"]}"
    printf '| %s `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "${names[$i]}" "${paths[$i]}" "$n_rps" \
      "$o_rps" "$o_p99" "$o_err" "$(ratio "$o_rps" "$n_rps")" "$t_rps" "$t_p99" "$t_err" "$(ratio "$t_rps" "$n_rps")"
  done
  read -r o_rps o_p99 o_err <<<"${result["one,uncached"]}"
  read -r t_rps t_p99 t_err <<<"${result["two,uncached"]}"
  read -r n_rps _ _ <<<"${result["nginx,2"]}"
  printf '| product, uncached (`?v=N` per request) | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n_rps" \
    "$o_rps" "$o_p99" "$o_err" "$(ratio "$o_rps" "$n_rps")" "$t_rps" "$t_p99" "$t_err" "$(ratio "$t_rps" "$n_rps")"
  echo
  echo "Resident memory after the runs: one node $memory_one; two nodes: $memory_two."
  if [ -n "$search100k" ]; then
    echo
    echo "Search on the 100,000-product synthetic catalogue (bench/Search):"
    echo
    echo '```'
    echo "$search100k"
    echo '```'
  fi
} | tee "$report"
echo "written to $report" >&2
