#!/usr/bin/env bash
# Installs what the test suite needs and runs all of it (the same command CI runs):
# `npm test` (SQL tests on PostgreSQL 18), then the SQL tests on PostgreSQL 14-17.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --tests
npm test
npm run test:pg-matrix -- 14 15 16 17
