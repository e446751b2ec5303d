#!/usr/bin/env bash
# What the real-server matrix (tests/servers, e2e/servers) needs beyond node_modules: Debian's nginx and
# Django (python3-django, for /usr/bin/python3). Installs only what is missing; needs root to install.
# Express, Fastify, Hono and json-server are devDependencies and need nothing here.
set -euo pipefail

missing=()
[ -x "${NGINX:-/usr/sbin/nginx}" ] || missing+=(nginx)
"${PYTHON:-/usr/bin/python3}" -c 'import django' 2>/dev/null || missing+=(python3-django)

if [ ${#missing[@]} -eq 0 ]; then
  echo "tests/servers/setup.sh: nginx and python3-django are installed"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "tests/servers/setup.sh: missing ${missing[*]}; install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "== installing ${missing[*]} for the real-server matrix"
export DEBIAN_FRONTEND=noninteractive
# .ci/run has usually just run apt-get update for chromium; update here only when the lists are too old.
apt-get install -y --no-install-recommends "${missing[@]}" || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }
