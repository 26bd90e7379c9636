#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/ (the page in review and edit mode; on a phone,
# 390×844 with touch, in review mode with the chip and with its value form).
# The test run takes the same screenshots into target/screenshots/, so that running the tests
# changes no tracked file; this script points that test at docs/ instead.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/browser-deps.sh
DEPECHE_SCREENSHOTS=docs node --test --test-concurrency=1 --test-name-pattern='screenshots' tests/browser/highlight.test.mjs tests/browser/touch.test.mjs
git status --short docs/
