#!/usr/bin/env bash
# Installs what the test suite needs and runs all of it (the same command CI runs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --tests
exec npm test
