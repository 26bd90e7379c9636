#!/usr/bin/env bash
# Makes (or keeps) the Python environment of the tests and benchmarks,
# target/py-test: a virtual environment with crates/python/requirements-test.txt
# installed, every version pinned. It is made again only when that file or the
# Python version changes, so CI runs after the first one reuse it.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
reqs=crates/python/requirements-test.txt
venv=target/py-test
key="$(sha256sum "$reqs" | cut -d' ' -f1) $("$python" -c 'import sys; print(sys.version.split()[0])')"
if [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.requirements" 2>/dev/null)" = "$key" ]; then
    echo "python environment $venv: up to date with $reqs"
else
    echo "==> new python environment $venv (pip install -r $reqs)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install -q -r "$reqs"
    echo "$key" >"$venv/.requirements"
fi
