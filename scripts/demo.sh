#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine, builds sla, and computes the deadlines of a sample ticket
# with the bundled example agreement (rules/maintenance.yaml, on the mainland-China 2026
# calendars): a sev1 fault on the 5×8 tier reported on 2026-09-30 at 16:00, the afternoon
# before the National Day week — first its schedule, then its state a week later.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

echo "\$ sla due --rules rules/maintenance.yaml --policy maintenance --tier C --severity sev1 --created 2026-09-30T16:00"
./build/sla due --rules rules/maintenance.yaml --policy maintenance --tier C --severity sev1 \
  --created 2026-09-30T16:00
echo
echo "\$ sla evaluate --rules rules/maintenance.yaml --ticket examples/tickets/national-day.json"
./build/sla evaluate --rules rules/maintenance.yaml --ticket examples/tickets/national-day.json
