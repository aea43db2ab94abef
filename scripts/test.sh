#!/usr/bin/env bash
# Builds everything with warnings as errors and runs the whole test suite (all offline).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
cmake --preset release -DBITHUMB_WERROR=ON >/dev/null
cmake --build --preset release -j"$(nproc)"
ctest --preset release
