#!/usr/bin/env bash
# Install everything the tests need on a fresh Debian machine, start a real Neo4j
# server on loopback, run the whole test suite against it and SQLite, stop Neo4j.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    echo "== Installing Chromium and ChromeDriver from Debian"
    # Wait (up to 10 min) for another apt, such as a fresh machine's unattended upgrades,
    # to release its lock instead of failing at once; show apt's progress.
    APT_WAIT=(-o DPkg::Lock::Timeout=600)
    $SUDO apt-get "${APT_WAIT[@]}" update
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get "${APT_WAIT[@]}" install -y chromium chromium-driver
fi
command -v java >/dev/null && command -v mvn >/dev/null || {
    echo "Java 17 and Maven are needed to fetch Neo4j (apt-get install openjdk-17-jre-headless maven)" >&2
    exit 1
}

echo "== Installing Python packages into .venv"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
PY=.venv/bin/python

echo "== Starting Neo4j (Community, loopback)"
$PY scripts/neo4j_server.py start
trap '$PY scripts/neo4j_server.py stop || true' EXIT
eval "$($PY scripts/neo4j_server.py env)"
export NEO4J_URI NEO4J_USERNAME NEO4J_PASSWORD NEO4J_DATABASE

echo "== Tests"
# -v: every test id with its outcome, so the log shows each contract test passing on [sqlite] and [neo4j].
$PY -m pytest -v "$@"
