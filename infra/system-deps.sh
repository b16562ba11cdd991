#!/usr/bin/env bash
# Debian packages the test suite needs: a PostgreSQL server (the tests start a throwaway cluster)
# and Chromium (the browser tests). Installs only what is missing; apt starts no service here.
set -euo pipefail

need=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || need+=(postgresql)
[ -x /usr/lib/chromium/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Memasang paket sistem: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
