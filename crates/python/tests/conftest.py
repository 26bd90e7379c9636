"""Shared fixtures of the Python package's tests: the repository's paths, the `depeche`
command line to compare with, the shared dev corpora (../shared), a local Spark session."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT.parent / "shared"
CI = os.environ.get("CI") == "true"


def cli_path() -> Path:
    """The command line built from this repository (scripts/test-python.sh builds it)."""
    path = Path(os.environ.get("DEPECHE_CLI", ROOT / "target" / "release" / "depeche"))
    if not path.exists():
        pytest.fail(f"{path} is missing: build it with cargo build --release -p depeche-cli")
    return path


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(cli_path()), *args], input=stdin.encode("utf-8"), capture_output=True, check=False
    )


def cli_annotate(*args: str, stdin: str = "") -> dict:
    out = run_cli("annotate", *args, stdin=stdin)
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def cli_jsonl(lines: str, *args: str) -> list:
    out = run_cli("annotate", "--jsonl", *args, stdin=lines)
    return [json.loads(l) for l in out.stdout.decode("utf-8").splitlines()]


def shared_or_skip(*parts: str) -> Path:
    """A path under ../shared: skipped when absent, a failure when CI=true."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        msg = f"{path} is absent (the shared dev data, next to the repository)"
        if CI:
            pytest.fail(msg + " and CI=true")
        pytest.skip(msg)
    return path


@pytest.fixture(scope="session")
def spark(tmp_path_factory):
    """A local Spark session on two cores, without its web UI."""
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if CI:
            pytest.fail("java is missing (scripts/java-deps.sh installs it)")
        pytest.skip("java is missing: scripts/java-deps.sh installs it")
    from pyspark.sql import SparkSession

    # Spark's Python workers must run this interpreter, which has depeche and pyarrow.
    os.environ["PYSPARK_PYTHON"] = sys.executable

    session = (
        SparkSession.builder.master("local[2]")
        .appName("depeche-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.local.dir", str(tmp_path_factory.mktemp("spark-local")))
        .getOrCreate()
    )
    assert pyspark.__version__
    yield session
    session.stop()
