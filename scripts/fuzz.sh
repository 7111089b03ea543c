#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-fuzz/), and runs each for a bounded time on a corpus seeded
# from rules/, tests/data/{valid,invalid}, tests/data/evaluate and tests/fuzz/seeds. A crash, a
# sanitizer report, a leak, an input slower than 10 s or one that takes 2.5 GB fails the run
# and leaves the input in build-fuzz/artifacts/ (replay: build-fuzz/tests/fuzz/<target> <file>).
# Usage: bash scripts/fuzz.sh [seconds per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${SLA_FUZZ_SECONDS:-60}}
jobs=$(nproc 2>/dev/null || echo 2)
build=build-fuzz

CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSLA_WARNINGS_AS_ERRORS=ON -DSLA_SANITIZE=address,undefined -DSLA_BUILD_FUZZERS=ON \
  -DSLA_BUILD_TESTS=OFF -DSLA_BUILD_CLI=OFF -DSLA_BUILD_EXAMPLES=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target fuzz_rules fuzz_ticket_json

# Seeds are copied into one directory per target (libFuzzer also adds what it finds there, so a
# later run starts from the coverage an earlier one reached).
seed() {  # seed <target> <files...>
  mkdir -p "$build/corpus/$1"
  local target=$1
  shift
  for f in "$@"; do cp -f "$f" "$build/corpus/$target/seed-$(echo "$f" | tr '/' '_')"; done
}
mapfile -t rules_seeds < <(find rules tests/data/valid tests/data/invalid tests/fuzz/seeds/rules \
  -name '*.yaml' | sort)
seed rules "${rules_seeds[@]}"
mapfile -t ticket_seeds < <(find tests/data/evaluate tests/fuzz/seeds/tickets -name '*.json' | sort)
seed tickets "${ticket_seeds[@]}"
# Each line of the JSON Lines example is a ticket of its own.
n=0
while IFS= read -r line; do
  n=$((n + 1))
  printf '%s' "$line" >"$build/corpus/tickets/seed-stream-$n.json"
done <tests/data/evaluate/stream.jsonl

mkdir -p "$build/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
run() {  # run <target> <corpus> [libFuzzer options...]
  local target=$1 corpus=$2
  shift 2
  echo "fuzz: $target for ${seconds}s on $(find "$build/corpus/$corpus" -type f | wc -l) inputs"
  "$build/tests/fuzz/$target" "$build/corpus/$corpus" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2560 -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 "$@" \
    2>"$build/$target.log" || {
    tail -n 60 "$build/$target.log" >&2
    echo "fuzz: $target failed; the input is in $build/artifacts/" >&2
    return 1
  }
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$build/$target.log" | tr '\n' ' '
  echo
}
run fuzz_rules rules -dict=tests/fuzz/rules.dict -max_len=16384
run fuzz_ticket_json tickets -dict=tests/fuzz/ticket.dict -max_len=8192
echo "fuzz: no crash"
