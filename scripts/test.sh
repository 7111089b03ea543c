#!/usr/bin/env bash
# Runs every test: a Release build with warnings as errors (unit, reference, golden, CLI and
# find_package consumer tests via ctest; `sla validate` on the bundled rules; `sla test` on the
# policy tests), the Python package (scripts/test_python.sh: pip install in build/venv, pytest,
# stubtest, examples), the C++ suite again under AddressSanitizer + UndefinedBehaviorSanitizer,
# then the libFuzzer targets of tests/fuzz (clang, ASan + UBSan) for SLA_FUZZ_SECONDS (default
# 60) each.
# Usage: bash scripts/test.sh   (quicker local runs: SLA_SKIP_SANITIZERS=1 — no sanitizer build,
#                                no fuzzing; SLA_SKIP_FUZZ=1 — no fuzzing; SLA_SKIP_PYTHON=1)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== clang-format"
bash scripts/check-format.sh

echo "== release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLA_WARNINGS_AS_ERRORS=ON -DSLA_BUILD_BENCH=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== sla validate on the bundled rules"
find rules -name '*.yaml' -print0 | sort -z | xargs -0 ./build/sla validate

echo "== sla test on the policy tests"
find tests/policy -name '*.test.yaml' -print0 | sort -z |
  xargs -0 ./build/sla test --junit build/policy-tests.xml

if [ "${SLA_SKIP_PYTHON:-0}" != 1 ]; then
  bash scripts/test_python.sh
fi

if [ "${SLA_SKIP_SANITIZERS:-0}" != 1 ]; then
  echo "== sanitizer build (address, undefined)"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSLA_WARNINGS_AS_ERRORS=ON \
    -DSLA_SANITIZE=address,undefined
  cmake --build build-asan -j "$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" -E consumer_find_package
fi

if [ "${SLA_SKIP_SANITIZERS:-0}" != 1 ] && [ "${SLA_SKIP_FUZZ:-0}" != 1 ]; then
  echo "== fuzzing (libFuzzer, address + undefined, ${SLA_FUZZ_SECONDS:-60} s per target)"
  bash scripts/fuzz.sh "${SLA_FUZZ_SECONDS:-60}"
fi
echo "== all tests passed"
