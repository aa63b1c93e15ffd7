#!/usr/bin/env bash
# Installs what the console's browser tests need (ConsoleBrowserIT): Debian's Chromium at
# /usr/bin/chromium and the npm packages pinned in package-lock.json (Playwright, which drives that
# Chromium; no browser download). Safe to run again. Used by .ci/run before the Maven build.
set -euo pipefail
cd "$(dirname "$0")"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the ops-console browser tests"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
fi

if ! command -v node >/dev/null 2>&1; then
  echo "Installing Debian's nodejs and npm for the ops-console browser tests"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
fi

npm ci --no-audit --no-fund
