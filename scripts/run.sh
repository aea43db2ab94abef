#!/usr/bin/env bash
# Builds bithumb-ticker and starts it; arguments go to the app (e.g. --demo).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
exec ./build/bithumb-ticker "$@"
