#!/usr/bin/env bash
# Installs what the test suite needs and runs all of it (the same command CI runs):
# `npm test` (content checks, lesson snippets and SQL tests on PostgreSQL 18, unit,
# integration and browser tests), then the SQL tests and lesson snippets on PostgreSQL 14-17,
# then every lab of the course on the real stack (`npm run test:lab`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --tests
npm test
npm run test:pg-matrix -- 14 15 16 17
for major in 14 15 16 17; do
  PG_TEST_MAJOR=$major npm run check:snippets
done
npm run test:lab
