#!/usr/bin/env bash
# Builds and runs the unit, e2e and GUI tests under AddressSanitizer+UBSan and under
# ThreadSanitizer (CMake presets asan and tsan). Any sanitizer report fails the test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
for preset in "$@"; do
    cmake --preset "$preset" -DBITHUMB_WERROR=ON >/dev/null
    cmake --build --preset "$preset" -j"$(nproc)"
    ctest --preset "$preset"
done
