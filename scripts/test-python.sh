#!/usr/bin/env bash
# The Python package's tests (crates/python/tests, pytest): the binding against
# the command line, the spaCy component, the Spark recipe in local mode.
#
# The test environment is a virtual environment, target/py-test, with
# crates/python/requirements-test.txt installed (every version pinned); it is
# kept between runs and made again only when that file (or the Python
# version) changes (scripts/python-env.sh). Installs Java when it is missing
# (scripts/java-deps.sh), builds the command line and the wheel
# (scripts/build-python.sh), installs the wheel into the environment and runs
# pytest (arguments go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/python-env.sh
venv=target/py-test
scripts/java-deps.sh
echo "==> cargo build --release -p depeche-cli (the results to compare with)"
cargo build --release -q -p depeche-cli
MATURIN="$venv/bin/maturin" scripts/build-python.sh --venv "$venv"

echo "==> pytest crates/python/tests"
"$venv/bin/python" -m pytest -q -p no:cacheprovider crates/python/tests "$@"
