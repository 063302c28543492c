#!/usr/bin/env bash
# Installs what the site needs and serves it at http://localhost:4321 with live reload.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec npm run dev -- "$@"
