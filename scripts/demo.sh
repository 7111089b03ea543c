#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds sla, and computes the deadlines of a sample ticket
# with the bundled mainland-China 2026 office calendar: a fault reported on 2026-09-30 at 16:00,
# the afternoon before the National Day holiday week.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

rules=rules/calendars/cn-2026.yaml
created=2026-09-30T16:00:00+08:00
echo "ticket created $created on calendar cn-office ($rules)"
for target in "response 30m" "remote fix 4h" "on site (next business day by 10:00) bd+1@10:00" \
              "resolution 2bd" "end of next business day eobd+1" "incident report 3cd"; do
  duration=${target##* }
  label=${target% *}
  printf '  %-40s %-12s -> %s\n' "$label" "$duration" \
    "$(./build/sla add --rules "$rules" --calendar cn-office --start "$created" --duration="$duration")"
done
printf '  %-53s -> %s s\n' "business time from creation to 2026-10-09 12:00" \
  "$(./build/sla between --rules "$rules" --calendar cn-office --from "$created" --to 2026-10-09T12:00:00)"
