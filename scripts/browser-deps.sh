#!/usr/bin/env bash
# Installs what the JavaScript and browser tests need on a fresh machine:
# the npm packages package-lock.json pins (playwright-core drives the browser,
# binaryen builds pkg/, fake-indexeddb backs storage tests in Node, typescript
# checks the package's declarations) and
# Debian's Chromium, which playwright-core launches (it downloads no browser).
#
# Chromium comes from the distribution's packages because a test tool's own
# browser download does not work on machines without general network access.
# Set CHROMIUM_PATH=/path/to/chrome to use another build (the tests read it too).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed for the page's tests: install Node.js 20 or later" >&2
  exit 1
fi
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "browser-deps: npm ci" >&2
  npm ci --no-audit --no-fund
fi

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "browser-deps: installing Debian's chromium" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "chromium is missing and this user cannot install it: run 'apt-get install chromium' as root, or set CHROMIUM_PATH" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends chromium
fi
"$chromium" --version >&2
