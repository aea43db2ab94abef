#!/usr/bin/env bash
# Builds the parser fuzzers with clang (libFuzzer + ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 60), seeded with the test fixtures. A finding fails the script and
# leaves its input in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh clang libclang-rt-14-dev
CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBITHUMB_FUZZ=ON -DBUILD_TESTING=OFF -DBITHUMB_WERROR=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)"
for api in 1 2; do
    corpus=build-fuzz/corpus-v$api
    mkdir -p "$corpus"
    cp tests/fixtures/*.json tests/fixtures/real/*.json* "$corpus/"
    (cd build-fuzz && ./tests/fuzz/fuzz_protocol_v$api -max_total_time="${FUZZ_SECONDS:-60}" \
        -max_len=4096 -print_final_stats=1 "corpus-v$api" 2>&1 | grep -E "stat::number_of_executed_units|Done|ERROR|SUMMARY" ) 
done
