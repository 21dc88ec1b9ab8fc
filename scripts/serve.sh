#!/usr/bin/env bash
# Installs missing tools, then serves the optimised (release) build at http://127.0.0.1:8080 (see Trunk.toml).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
banner "trunk serve --release --offline  ->  http://127.0.0.1:8080"
exec trunk serve --release --offline "$@"
