#!/usr/bin/env bash
# Media pipeline benchmark: builds bench/Media in Release, installs Debian's vipsthumbnail, ImageMagick and wrk for the
# side-by-side figures when they are missing, and prints the figures. Everything it writes goes to bench/out/media/.
# Traffic stays on 127.0.0.1; every loop is bounded in count or time.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v vipsthumbnail >/dev/null 2>&1 || need+=(libvips-tools)
command -v convert-im6.q16 >/dev/null 2>&1 || command -v magick >/dev/null 2>&1 || need+=(imagemagick)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing ${need[*]} from Debian…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Media -c Release -nologo -v quiet
dotnet bench/Media/bin/Release/net10.0/IkmCatalog.Bench.Media.dll bench/out/media
