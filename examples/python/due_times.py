"""A CSV of tickets -> their due times, with pandas and sla's batch API.

    python examples/python/due_times.py [tickets.csv] [rules.yaml]

Reads tickets (id, created with its UTC offset, tier, severity), looks up each ticket's
resolution goal in a small table, and computes every due time in one call to
Calendar.add_many (C++, GIL released): tier A runs 7x24, tier C on the office calendar with
China's 2026 holidays and make-up working days. A ticket without a creation time gets NaT.
Prints the table, then checks itself against the scalar API and hand-worked values: the exit
status is 0 only if they all agree.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import pandas as pd

import sla

HERE = pathlib.Path(__file__).resolve().parent
GOALS = {  # resolution goal per (tier, severity), as in rules/maintenance.yaml
    ("A", "sev1"): "2h", ("A", "sev2"): "24h", ("A", "sev3"): "48h",
    ("C", "sev1"): "8h", ("C", "sev2"): "72h", ("C", "sev3"): "72h",
}
CALENDARS = {"A": "cn-24x7", "C": "cn-office"}


def due_times(tickets: pd.DataFrame, rules: sla.RuleSet) -> pd.DataFrame:
    out = tickets.copy()
    out["goal"] = [GOALS[(t, s)] for t, s in zip(out["tier"], out["severity"])]
    out["due"] = pd.Series(pd.NaT, index=out.index, dtype="datetime64[s, UTC]")
    for tier, calendar_id in CALENDARS.items():
        rows = out["tier"] == tier
        calendar = rules.calendar(calendar_id)
        due = calendar.add_many(out.loc[rows, "created"], out.loc[rows, "goal"])  # one C++ loop
        out.loc[rows, "due"] = due
        out.loc[rows, "business_time"] = calendar.between_many(out.loc[rows, "created"], due)
    out["due_local"] = out["due"].dt.tz_convert("Asia/Shanghai")
    return out


def main(argv: list) -> int:
    csv = pathlib.Path(argv[1]) if len(argv) > 1 else HERE / "data" / "tickets.csv"
    rules_path = argv[2] if len(argv) > 2 else HERE.parents[1] / "rules" / "calendars" / "cn-2026.yaml"
    tickets = pd.read_csv(csv, dtype={"id": str, "tier": str, "severity": str})
    # Every time in the file carries its offset: parse to aware UTC timestamps, whole seconds.
    tickets["created"] = pd.to_datetime(tickets["created"], utc=True, format="ISO8601").astype(
        "datetime64[s, UTC]")
    rules = sla.load_rules(rules_path)
    result = due_times(tickets, rules)
    with pd.option_context("display.width", 120, "display.max_columns", 10):
        print(result[["id", "tier", "severity", "goal", "due_local", "business_time"]].to_string(index=False))

    # Self-check 1: each due time equals the scalar API's.
    failures = 0
    for row in result.itertuples():
        if pd.isna(row.created):
            failures += 0 if pd.isna(row.due) else 1
            continue
        one = rules.calendar(CALENDARS[row.tier]).add(row.created.to_pydatetime(), row.goal)
        if one != row.due:
            print(f"MISMATCH {row.id}: batch {row.due}, scalar {one}")
            failures += 1
    # Self-check 2: values worked out by hand.
    expected = {
        # Wed 16:00 + 8 office hours: 2 h that day, then the National Day week (Oct 1-7) is
        # closed; Thu Oct 8 09-12 and 13-16.
        "T-1001": "2026-10-08T16:00:00+08:00",
        # Fri 17:30 + 8 h: 30 min, then Sat Oct 10, a make-up working day: 09-12, 13-17:30.
        "T-1004": "2026-10-10T17:30:00+08:00",
        # Tier A runs 7x24: Fri 19:00 + 2 h.
        "T-1005": "2026-11-20T21:00:00+08:00",
    }
    for ticket_id, want in expected.items():
        got = result.loc[result["id"] == ticket_id, "due_local"].iloc[0]
        if got != pd.Timestamp(want):
            print(f"MISMATCH {ticket_id}: {got}, expected {want}")
            failures += 1
    # The business time from creation to due is the goal (between undoes add).
    finished = result.dropna(subset=["due"])
    goals = pd.to_timedelta(finished["goal"])
    if not (finished["business_time"] == goals).all():
        print("MISMATCH: business time from creation to due differs from the goal")
        failures += 1
    if not pd.isna(result.loc[result["id"] == "T-1008", "due"].iloc[0]):
        print("MISMATCH T-1008: no creation time must give NaT")
        failures += 1
    print("due_times: all checks passed" if failures == 0 else f"due_times: {failures} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
