#!/usr/bin/env bash
# Builds the Python package `depeche` (crates/python) into one abi3 wheel,
# target/wheels/depeche-VERSION-cp39-abi3-PLATFORM.whl, for every CPython from
# 3.9; with --venv, installs it into a virtual environment (made if missing).
#
#   scripts/build-python.sh                          the wheel only
#   scripts/build-python.sh --venv DIR               and DIR/bin/python can `import depeche`
#   scripts/build-python.sh --venv DIR --with spacy,spark
#                                                    and the spaCy component or the Spark
#                                                    recipe's dependencies (Java too, if missing)
#
# maturin (the build tool that turns a PyO3 crate into a wheel) comes from
# pip, into target/py-build, at the version crates/python/requirements-test.txt
# pins (MATURIN=path uses another); that file also pins the extras' dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

venv="" with=""
while [ $# -gt 0 ]; do
    case "$1" in
        --venv) venv="${2:?--venv needs a directory}"; shift 2 ;;
        --venv=*) venv="${1#--venv=}"; shift ;;
        --with) with="${2:?--with needs spacy, spark or spacy,spark}"; shift 2 ;;
        --with=*) with="${1#--with=}"; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build-python.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
done
case ",$with," in
    ,,|,spacy,|,spark,|,spacy,spark,|,spark,spacy,) ;;
    *) echo "build-python.sh: --with takes spacy, spark or spacy,spark, not '$with'" >&2; exit 2 ;;
esac

python=${PYTHON:-python3}
reqs=crates/python/requirements-test.txt
maturin=${MATURIN:-}
if [ -z "$maturin" ]; then
    build_env=target/py-build
    maturin="$build_env/bin/maturin"
    want=$(grep -E '^maturin==' "$reqs")
    if [ ! -x "$maturin" ] || [ "maturin==$("$maturin" --version | cut -d' ' -f2)" != "$want" ]; then
        echo "==> installing $want into $build_env"
        rm -rf "$build_env"
        "$python" -m venv "$build_env"
        "$build_env/bin/pip" install -q "$want"
    fi
fi

echo "==> maturin build --release (crates/python)"
rm -f target/wheels/depeche-*.whl
"$maturin" build --release --quiet \
    --manifest-path crates/python/Cargo.toml --out target/wheels
wheel=$(ls target/wheels/depeche-*.whl)
echo "wheel: $wheel"

if [ -n "$venv" ]; then
    case "$venv" in /*) ;; *) venv="$root/$venv" ;; esac
    if [ ! -x "$venv/bin/python" ]; then
        echo "==> new virtual environment $venv"
        "$python" -m venv "$venv"
    fi
    spec="$root/$wheel"
    if [ -n "$with" ]; then
        spec="depeche[$with] @ file://$root/$wheel"
    fi
    echo "==> installing $(basename "$wheel")${with:+ with $with} into $venv"
    "$venv/bin/pip" install -q -c "$reqs" "$spec"
    # The same version may already be installed from an older build: replace it.
    "$venv/bin/pip" install -q --force-reinstall --no-deps "$root/$wheel"
    case ",$with," in *,spark,*) scripts/java-deps.sh ;; esac
    "$venv/bin/python" -c 'import depeche; print("installed: depeche", depeche.__version__)'
fi
