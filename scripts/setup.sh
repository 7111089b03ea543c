#!/usr/bin/env bash
# Installs everything sla-engine needs on a fresh Debian 12 (bookworm) machine. Idempotent:
# re-running it only checks that the packages are present.
#   - C++ toolchain and libraries from Debian (Catch2 v3 from bookworm-backports)
#   - tzdata (date::date-tz reads the system zone database and silently finds no zones without it)
#   - for the Python package, python3-venv and python3-dev when python3 lacks venv or headers
#   - clang 14 and its runtime (libFuzzer) for the fuzz targets of tests/fuzz
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-date-time-dev libboost-graph-dev libyaml-cpp-dev libfmt-dev
  libhowardhinnant-date-dev tzdata libbenchmark-dev nlohmann-json3-dev clang-format
  python3 python3-jsonschema clang-14 libclang-rt-14-dev
)
backports_packages=(catch2)
# The Python package (scripts/test_python.sh) needs a python3 that can create a virtual
# environment and has its C headers. pyenv's or python.org's builds have both; Debian's python3
# needs python3-venv and python3-dev.
if ! command -v python3 >/dev/null 2>&1; then
  packages+=(python3 python3-venv python3-dev)
elif ! python3 -c 'import ensurepip, os, sysconfig, venv
raise SystemExit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
    2>/dev/null; then
  packages+=(python3-venv python3-dev)
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}" "${backports_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Catch2 from bookworm itself is v2; we need v3 (backports ships 3.x).
if dpkg-query -W -f='${Version}' catch2 2>/dev/null | grep -q '^2\.'; then missing+=(catch2); fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"
  exit 0
fi
echo "setup: installing ${missing[*]}"

if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deb http://deb.debian.org/debian bookworm-backports main" |
    "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends -t bookworm-backports "${backports_packages[@]}"
echo "setup: done"
