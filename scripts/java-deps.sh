#!/usr/bin/env bash
# Java for Spark (the Python package's Spark recipe and its tests): Debian's
# default-jre-headless when `java` is missing. PySpark runs on Java 17 or later.
set -euo pipefail
if command -v java >/dev/null 2>&1; then
    exit 0
fi
echo "java not found: installing Debian's default-jre-headless"
sudo=""
if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends default-jre-headless
java -version
